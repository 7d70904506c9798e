// Plain-text tables for people: columns aligned by display width (code points),
// a header row, and an optional line under a row (a reason, a note).
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace attest {

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> headers);

  void AddRow(std::vector<std::string> cells);
  // A free line printed under the last row, indented by two spaces.
  void AddNote(std::string note);
  void Print(std::ostream& out) const;
  bool empty() const { return rows_.empty(); }

 private:
  struct Row {
    std::vector<std::string> cells;
    std::vector<std::string> notes;
  };
  std::vector<std::string> headers_;
  std::vector<Row> rows_;
};

// "1 claim", "3 claims": a count with its noun, plural by a final s.
std::string Counted(int64_t n, std::string_view noun);

// "a, b, c" or "-" when empty.
std::string JoinOrDash(const std::vector<std::string>& items);

}  // namespace attest
