// What a command hands back to the runner: its exit code (0, or 1 when a
// difference or integrity failure was found), and whether it writes, so that an
// input error can say that nothing was stored.
#pragma once

namespace attest {

struct CommandResult {
  int exit_code = 0;
  bool stores = false;
};

}  // namespace attest
