// The closed set of errors the engine, the database layer and the command line
// raise (house style, "Errors"), and the diagnostics list used where bad user input
// must all be reported at once.
//
// Ownership: values. Every module translates third-party exceptions at its
// boundary into one of these; only the CLI's run function catches them all and maps
// them to the exit codes of shared/spec/cli.md.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace attest {

// Where a diagnostic applies: a file (or "-" for stdin), a 1-based line (0 when
// the whole input is meant) and the field, if any.
struct Diagnostic {
  enum class Severity { kError, kWarning };

  std::string file;
  int64_t line = 0;
  std::string field;
  std::string message;  // what is wrong, and what to do
  Severity severity = Severity::kError;

  // "file:line: field: message" (parts that are empty are left out).
  std::string ToString() const;
};

// A list of diagnostics collected while reading one input. If any is an error,
// nothing of that input may be stored.
class Diagnostics {
 public:
  void Error(std::string file, int64_t line, std::string field, std::string message);
  void Warning(std::string file, int64_t line, std::string field, std::string message);
  void Append(const Diagnostics& other);

  bool HasErrors() const;
  // Errors recorded so far (dropped ones included): compare before and after a
  // step to know whether that step failed.
  size_t error_count() const { return errors_; }
  bool empty() const { return items_.empty(); }
  size_t size() const { return items_.size(); }
  const std::vector<Diagnostic>& items() const { return items_; }

  // Errors are capped so that a wholly wrong file does not print millions of
  // lines; the count of those left out is kept. A field is kept to 80 code points
  // and a message to 1000, through Excerpt.
  static constexpr size_t kMaxErrors = 50;
  size_t dropped() const { return dropped_; }

 private:
  std::vector<Diagnostic> items_;
  size_t errors_ = 0;
  size_t dropped_ = 0;
};

// `text` as a diagnostic may quote it: control characters written as \n, \t or
// \xNN, and cut after `max_code_points` code points with "…" (a 50 MB value is not
// echoed back whole). Cuts fall between UTF-8 sequences.
std::string Excerpt(std::string_view text, size_t max_code_points = 60);

// Base of every error attest raises.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Bad user input: a malformed file, an unknown field, a rule file that does not
// parse. Nothing was stored. Exit code 3.
class InvalidInput : public Error {
 public:
  explicit InvalidInput(const std::string& message);
  explicit InvalidInput(Diagnostics diagnostics);
  const Diagnostics& diagnostics() const { return diagnostics_; }

 private:
  Diagnostics diagnostics_;
};

// A named thing (incident, version, report, file) does not exist. Exit code 4.
class NotFound : public Error {
 public:
  using Error::Error;
};

// The store failed or holds what this program cannot read. Exit code 5.
class Storage : public Error {
 public:
  using Error::Error;
};

}  // namespace attest
