#include "cli/format/table.h"

#include <fmt/format.h>

#include <algorithm>

#include "engine/text/utf8.h"

namespace attest {

TextTable::TextTable(std::vector<std::string> headers) : headers_(std::move(headers)) {}

void TextTable::AddRow(std::vector<std::string> cells) {
  cells.resize(headers_.size());
  rows_.push_back({std::move(cells), {}});
}

void TextTable::AddNote(std::string note) {
  if (!rows_.empty()) rows_.back().notes.push_back(std::move(note));
}

void TextTable::Print(std::ostream& out) const {
  std::vector<size_t> width(headers_.size());
  for (size_t i = 0; i < headers_.size(); ++i) width[i] = CodePointCount(headers_[i]);
  for (const auto& row : rows_) {
    for (size_t i = 0; i < row.cells.size(); ++i) {
      width[i] = std::max(width[i], CodePointCount(row.cells[i]));
    }
  }
  auto line = [&](const std::vector<std::string>& cells) {
    std::string text;
    for (size_t i = 0; i < cells.size(); ++i) {
      text += cells[i];
      if (i + 1 < cells.size()) text += std::string(width[i] - CodePointCount(cells[i]) + 2, ' ');
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out << text << "\n";
  };
  line(headers_);
  for (const auto& row : rows_) {
    line(row.cells);
    for (const auto& note : row.notes) out << "  " << note << "\n";
  }
}

std::string JoinOrDash(const std::vector<std::string>& items) {
  if (items.empty()) return "-";
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

std::string Counted(int64_t n, std::string_view noun) {
  return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
}

}  // namespace attest
