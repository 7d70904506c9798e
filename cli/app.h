// Running the `attest` command line: parse, dispatch to one command, and map every
// error to the exit codes of shared/spec/cli.md (0 ok, 1 difference or integrity
// failure, 2 usage, 3 invalid input, 4 not found, 5 storage, 70 internal). This is
// the one place that catches everything.
#pragma once

#include <iosfwd>

namespace attest {

int RunCli(int argc, const char* const* argv, std::istream& in, std::ostream& out,
           std::ostream& err);

namespace exit_code {
inline constexpr int kOk = 0;
inline constexpr int kDifference = 1;
inline constexpr int kUsage = 2;
inline constexpr int kInvalidInput = 3;
inline constexpr int kNotFound = 4;
inline constexpr int kStorage = 5;
inline constexpr int kInternal = 70;
}  // namespace exit_code

}  // namespace attest
