// What every command is given (never global): the streams, the global options,
// the database opened lazily in the mode the command needs, the rules loaded
// lazily, and the clock honouring --now.
#pragma once

#include <SQLiteCpp/Database.h>

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

#include "cli/command_result.h"
#include "db/database.h"
#include "engine/rulebook/rulebook.h"
#include "engine/time/timestamp.h"

namespace attest {

struct GlobalOptions {
  std::string db;      // --db, else $ATTEST_DB, else attest.db
  std::string rules;   // --rules, else $ATTEST_RULES, else the installed rules
  std::string format;  // --format; empty: the command's default
  std::string now;     // --now; empty: the real clock
  bool quiet = false;
  bool verbose = false;
};

class CommandContext {
 public:
  CommandContext(std::istream& in, std::ostream& out, std::ostream& err);
  ~CommandContext();

  std::istream& in() { return in_; }
  std::ostream& out() { return out_; }
  std::ostream& err() { return err_; }
  GlobalOptions& options() { return options_; }

  // The database, opened on first use. A read-write request after a read-only
  // open reopens it read-write.
  SQLite::Database& Db(OpenMode mode);
  const Rulebook& Rules();
  // --now when given (a usage error if it does not parse), else the real clock.
  Timestamp Now();

  // The --format value, or `fallback` when none was given; a value not in
  // `allowed` is a usage error naming the choices.
  std::string Format(const std::string& fallback, std::initializer_list<const char*> allowed);

  // Where the rules and database come from, resolved from options and environment.
  std::string DbPath() const;
  std::string RulesDir() const;

  // Whether long commands show their progress: stderr is the process's own and a
  // terminal, and -q was not given.
  bool ShowsProgress() const;

  void set_result(CommandResult* result) { result_ = result; }
  CommandResult& result() { return *result_; }

 private:
  std::istream& in_;
  std::ostream& out_;
  std::ostream& err_;
  GlobalOptions options_;
  std::optional<SQLite::Database> db_;
  OpenMode db_mode_ = OpenMode::kReadOnly;
  std::unique_ptr<Rulebook> rules_;
  CommandResult* result_ = nullptr;
};

}  // namespace attest
