// Golden command-line sessions (after ledger's cmd-<verb>.test files). A session
// file holds commands run in order against one fresh database, each followed by
// the output it must print and its exit code:
//
//   ; a comment (only between commands)
//   $ ingest {examples}/alkit/rfi-2025-07-14-alkit.jsonl --now 2025-07-14T20:00:00Z
//   report rfi-2025-07-14-alkit: stored 24 claims …
//   ! a line expected on stderr
//   ? 0
//
// {examples}, {data} (tests/data), {shared}, {tmp} and {rules} are replaced by their folders; every
// command gets --db and --rules first. With ATTEST_UPDATE_GOLDEN=1 in the
// environment the files are rewritten with what the commands print (review the
// diff before committing).
#pragma once

#include <string>
#include <vector>

namespace attest::testing {

struct GoldenStep {
  std::string command;  // as written after "$ "
  std::string expected_out;
  std::string expected_err;
  int expected_exit = 0;
  std::string actual_out;
  std::string actual_err;
  int actual_exit = 0;
  int line = 0;
};

std::vector<GoldenStep> ParseGolden(const std::string& path);

// Runs every step in a fresh temporary folder holding the database; fills the
// actual_* fields. A step written "$ sql <statement>" runs the statement on the
// database directly, to tamper with the store behind the program's back; a step
// ending "< FILE" reads FILE as stdin.
void RunGolden(std::vector<GoldenStep>& steps, const std::string& rules_dir);

void WriteGolden(const std::string& path, const std::vector<GoldenStep>& steps);

// Splits a command line into words: spaces separate, double or single quotes group.
std::vector<std::string> SplitWords(const std::string& line);

}  // namespace attest::testing
