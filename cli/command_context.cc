#include "cli/command_context.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace attest {

namespace fs = std::filesystem;

CommandContext::CommandContext(std::istream& in, std::ostream& out, std::ostream& err)
    : in_(in), out_(out), err_(err) {}

CommandContext::~CommandContext() = default;

std::string CommandContext::DbPath() const {
  if (!options_.db.empty()) return options_.db;
  if (const char* env = std::getenv("ATTEST_DB"); env && *env) return env;
  return "attest.db";
}

std::string CommandContext::RulesDir() const {
  if (!options_.rules.empty()) return options_.rules;
  if (const char* env = std::getenv("ATTEST_RULES"); env && *env) return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path installed = exe.parent_path().parent_path() / "share" / "attest" / "rules";
    if (fs::is_directory(installed, ec)) return installed.string();
  }
  if (fs::is_directory(ATTEST_SOURCE_RULES_DIR, ec)) return ATTEST_SOURCE_RULES_DIR;
  return ATTEST_INSTALLED_RULES_DIR;
}

SQLite::Database& CommandContext::Db(OpenMode mode) {
  if (db_ && (db_mode_ == OpenMode::kReadWrite || mode == OpenMode::kReadOnly)) return *db_;
  db_.reset();
  db_.emplace(OpenDatabase(DbPath(), mode));
  db_mode_ = mode;
  return *db_;
}

const Rulebook& CommandContext::Rules() {
  if (!rules_) rules_ = std::make_unique<Rulebook>(LoadRulebook(RulesDir()));
  return *rules_;
}

Timestamp CommandContext::Now() {
  if (options_.now.empty()) return CurrentTime();
  auto t = ParseTimestamp(options_.now);
  if (!t) {
    throw CLI::ValidationError(
        "--now", fmt::format("'{}' is not a time; write YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ",
                             options_.now));
  }
  return *t;
}

std::string CommandContext::Format(const std::string& fallback,
                                   std::initializer_list<const char*> allowed) {
  std::string f = options_.format.empty() ? fallback : options_.format;
  std::string choices;
  for (const char* a : allowed) {
    if (f == a) return f;
    choices += (choices.empty() ? "" : ", ") + std::string(a);
  }
  throw CLI::ValidationError("--format",
                             fmt::format("'{}' is not offered here; use one of: {}", f, choices));
}

bool CommandContext::ShowsProgress() const {
  return !options_.quiet && &err_ == &std::cerr && isatty(STDERR_FILENO) == 1;
}

}  // namespace attest
