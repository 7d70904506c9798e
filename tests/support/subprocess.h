// Running the real `attest` executable as a child process, for the tests that a
// process boundary is the point of: killing an ingest half-way, two writers at
// once, a disk that fills up, a read-only database (as an unprivileged user when
// the tests run as root, since root may write anything).
#pragma once

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace attest::testing {

struct ChildOptions {
  std::string stdout_path = "/dev/null";  // where the child's stdout goes
  std::optional<uint64_t> max_file_bytes;  // RLIMIT_FSIZE: writes past it fail (EFBIG)
  bool unprivileged = false;               // run as nobody when the tests run as root
};

// A running child; its stderr is kept in a file read by Wait().
class Child {
 public:
  // Starts `path_to_attest args…`. Throws std::runtime_error when it cannot.
  Child(const std::vector<std::string>& args, const ChildOptions& options = {});
  ~Child();  // kills and reaps a child still running
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  pid_t pid() const { return pid_; }
  // Sends SIGKILL.
  void Kill();
  // Waits for the child; the exit code, or 128 + signal number when a signal
  // ended it (as a shell reports it).
  int Wait();
  // Whether it has ended (reaps it if so).
  bool Ended();
  const std::string& err() const { return err_; }
  std::string out() const;  // the stdout file, when one was given

 private:
  void Reap(int status);

  pid_t pid_ = -1;
  std::optional<int> exit_;
  std::string err_path_, err_, out_path_;
};

// Runs `attest args…` to its end: {exit code, stdout, stderr}.
struct ChildResult {
  int exit = 0;
  std::string out;
  std::string err;
};
ChildResult RunAttest(const std::vector<std::string>& args, ChildOptions options = {});

// The attest executable the tests run: the one this build made, or
// $ATTEST_TEST_BINARY (to show that a test fails on another version).
std::string AttestBinary();

// True when the tests run as root (who is not refused by file permissions).
bool RunningAsRoot();

// Gives `path` to the user an unprivileged child runs as (nobody), when the tests
// run as root; does nothing otherwise.
void GiveToUnprivileged(const std::string& path);

}  // namespace attest::testing
