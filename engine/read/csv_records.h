// Records of a CSV file (RFC 4180): fields separated by commas, quoted with
// double quotes where they hold commas, quotes (doubled) or line breaks; records
// end at a line break outside quotes (LF or CR LF). Used by readers of CSV
// exchange formats (engine/read/acled_events.h).
//
// Strict where a lax reader would silently shift columns: a quote that is never
// closed, text after a closing quote, and a quote inside an unquoted field are
// errors naming the line they are on.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace attest {

struct CsvRecord {
  int64_t line = 0;  // the line the record starts on (1-based)
  std::vector<std::string> fields;
  std::string_view raw;  // the record's bytes, line break excluded (a view into the content)
};

class CsvRecords {
 public:
  // `content` must outlive the reader and the records' `raw` views. A UTF-8 byte
  // order mark at its start is skipped.
  explicit CsvRecords(std::string_view content);

  // Reads the next record; false at the end. Lines holding nothing at all are
  // skipped. On a malformed record, `error` says what is wrong ("" otherwise),
  // `error_line` where, and the reader resumes at the next line.
  bool Next(CsvRecord& record, std::string& error, int64_t& error_line);

 private:
  std::string_view content_;
  size_t pos_ = 0;
  int64_t line_ = 1;  // the line at pos_
};

}  // namespace attest
