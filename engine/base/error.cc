#include "engine/base/error.h"

#include <fmt/format.h>

namespace attest {

std::string Diagnostic::ToString() const {
  std::string out;
  if (!file.empty()) {
    out += file;
    if (line > 0) out += fmt::format(":{}", line);
    out += ": ";
  }
  if (!field.empty()) out += field + ": ";
  if (severity == Severity::kWarning) out += "warning: ";
  out += message;
  return out;
}

std::string Excerpt(std::string_view text, size_t max_code_points) {
  std::string out;
  size_t points = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    bool starts_point = (c & 0xC0) != 0x80;
    if (starts_point && points == max_code_points) {
      out += "…";
      return out;
    }
    if (starts_point) ++points;
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7F) {
      out += fmt::format("\\x{:02X}", c);
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

namespace {
constexpr size_t kMaxFieldPoints = 80;
constexpr size_t kMaxMessagePoints = 1000;
}  // namespace

void Diagnostics::Error(std::string file, int64_t line, std::string field, std::string message) {
  if (errors_ >= kMaxErrors) {
    ++errors_;
    ++dropped_;
    return;
  }
  ++errors_;
  items_.push_back({std::move(file), line, Excerpt(field, kMaxFieldPoints),
                    Excerpt(message, kMaxMessagePoints), Diagnostic::Severity::kError});
}

void Diagnostics::Warning(std::string file, int64_t line, std::string field,
                          std::string message) {
  items_.push_back({std::move(file), line, Excerpt(field, kMaxFieldPoints),
                    Excerpt(message, kMaxMessagePoints), Diagnostic::Severity::kWarning});
}

void Diagnostics::Append(const Diagnostics& other) {
  for (const auto& d : other.items_) {
    if (d.severity == Diagnostic::Severity::kError) {
      Error(d.file, d.line, d.field, d.message);
    } else {
      items_.push_back(d);
    }
  }
  dropped_ += other.dropped_;
  errors_ += other.dropped_;
}

bool Diagnostics::HasErrors() const { return errors_ > 0; }

namespace {
std::string Summarize(const Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics.items()) {
    if (d.severity != Diagnostic::Severity::kError) continue;
    if (!out.empty()) out += "\n";
    out += d.ToString();
  }
  if (diagnostics.dropped() > 0) {
    out += fmt::format("\n… and {} more errors", diagnostics.dropped());
  }
  return out;
}
}  // namespace

InvalidInput::InvalidInput(const std::string& message) : Error(message) {}

InvalidInput::InvalidInput(Diagnostics diagnostics)
    : Error(Summarize(diagnostics)), diagnostics_(std::move(diagnostics)) {}

}  // namespace attest
