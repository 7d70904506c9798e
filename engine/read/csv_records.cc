#include "engine/read/csv_records.h"

namespace attest {

CsvRecords::CsvRecords(std::string_view content) : content_(content) {
  if (content_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
}

bool CsvRecords::Next(CsvRecord& record, std::string& error, int64_t& error_line) {
  record.fields.clear();
  error.clear();
  const size_t n = content_.size();
  // Skip empty lines.
  while (pos_ < n && (content_[pos_] == '\n' || content_[pos_] == '\r')) {
    if (content_[pos_] == '\n') ++line_;
    ++pos_;
  }
  if (pos_ >= n) return false;

  record.line = line_;
  const size_t start = pos_;
  auto fail = [&](std::string what, int64_t line) {
    error = std::move(what);
    error_line = line;
    // Resume on the line after the one where the problem is.
    while (pos_ < n && content_[pos_] != '\n') ++pos_;
    if (pos_ < n) {
      ++pos_;
      ++line_;
    }
    record.raw = content_.substr(start, pos_ - start);
    return true;
  };
  std::string field;
  while (true) {
    field.clear();
    if (pos_ < n && content_[pos_] == '"') {
      const int64_t opened = line_;
      const size_t open_pos = pos_;
      ++pos_;
      bool closed = false;
      while (pos_ < n) {
        char c = content_[pos_++];
        if (c == '"') {
          if (pos_ < n && content_[pos_] == '"') {
            field.push_back('"');
            ++pos_;
          } else {
            closed = true;
            break;
          }
        } else {
          if (c == '\n') ++line_;
          field.push_back(c);
        }
      }
      if (!closed) {
        pos_ = open_pos;
        line_ = opened;
        return fail(
            "a quoted field is never closed; close it with \" (a quote inside a quoted "
            "field is written twice: \"\")",
            opened);
      }
      if (pos_ < n && content_[pos_] != ',' && content_[pos_] != '\n' &&
          !(content_[pos_] == '\r' && (pos_ + 1 == n || content_[pos_ + 1] == '\n'))) {
        return fail("text after a closing quote; write a quote inside a quoted field twice (\"\")",
                    line_);
      }
    } else {
      while (pos_ < n && content_[pos_] != ',' && content_[pos_] != '\n') {
        if (content_[pos_] == '"') {
          return fail(
              "a quote inside a field that does not start with one; quote the whole "
              "field and write the quote twice (\"\")",
              line_);
        }
        field.push_back(content_[pos_++]);
      }
      if (!field.empty() && field.back() == '\r') field.pop_back();
    }
    record.fields.push_back(field);
    if (pos_ < n && content_[pos_] == '\r') ++pos_;  // after a closing quote
    if (pos_ >= n || content_[pos_] == '\n') {
      size_t end = pos_;
      if (end > start && content_[end - 1] == '\r') --end;
      record.raw = content_.substr(start, end - start);
      if (pos_ < n) {
        ++pos_;
        ++line_;
      }
      return true;
    }
    ++pos_;  // the comma
  }
}

}  // namespace attest
