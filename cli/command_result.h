// What a command hands back to the runner: its exit code (0, or 1 when a
// difference or integrity failure was found), and whether it writes, so that an
// input error can say what was and was not stored.
#pragma once

#include <string>
#include <vector>

namespace attest {

struct CommandResult {
  int exit_code = 0;
  bool stores = false;
  // Reports committed before an error stopped the command (each report is its
  // own transaction).
  std::vector<std::string> stored_reports;
};

}  // namespace attest
