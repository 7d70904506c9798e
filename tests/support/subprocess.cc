#include "tests/support/subprocess.h"

#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace attest::testing {

namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string FreshPath(const std::string& what) {
  static std::atomic<int> counter{0};
  return (std::filesystem::temp_directory_path() /
          ("attest-child-" + std::to_string(getpid()) + "-" + std::to_string(counter++) + "." +
           what))
      .string();
}

}  // namespace

std::string AttestBinary() {
  const char* other = std::getenv("ATTEST_TEST_BINARY");
  return other && *other ? other : ATTEST_BINARY;
}

bool RunningAsRoot() { return geteuid() == 0; }

void GiveToUnprivileged(const std::string& path) {
  if (!RunningAsRoot()) return;
  const passwd* nobody = getpwnam("nobody");
  if (!nobody || chown(path.c_str(), nobody->pw_uid, nobody->pw_gid) != 0) {
    throw std::runtime_error("cannot give " + path + " to nobody");
  }
}

Child::Child(const std::vector<std::string>& args, const ChildOptions& options)
    : err_path_(FreshPath("err")), out_path_(options.stdout_path) {
  std::vector<std::string> argv_strings = {AttestBinary()};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_strings) argv.push_back(a.data());
  argv.push_back(nullptr);

  uid_t uid = 0;
  gid_t gid = 0;
  bool drop = options.unprivileged && RunningAsRoot();
  if (drop) {
    const passwd* nobody = getpwnam("nobody");
    if (!nobody) throw std::runtime_error("no user 'nobody' to run the child as");
    uid = nobody->pw_uid;
    gid = nobody->pw_gid;
  }
  // Everything the child needs is prepared before fork: after it, only
  // async-signal-safe calls.
  int err_fd = open(err_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  int out_fd = open(out_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  int in_fd = open("/dev/null", O_RDONLY);
  if (err_fd < 0 || out_fd < 0 || in_fd < 0) throw std::runtime_error("cannot open child files");
  if (drop && fchown(err_fd, uid, gid) != 0) throw std::runtime_error("cannot chown child files");
  rlimit limit{};
  if (options.max_file_bytes) limit.rlim_cur = limit.rlim_max = *options.max_file_bytes;

  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    dup2(in_fd, 0);
    dup2(out_fd, 1);
    dup2(err_fd, 2);
    if (options.max_file_bytes) {
      signal(SIGXFSZ, SIG_IGN);  // a write past the limit fails with EFBIG instead
      setrlimit(RLIMIT_FSIZE, &limit);
    }
    if (drop && (setgroups(0, nullptr) != 0 || setgid(gid) != 0 || setuid(uid) != 0)) _exit(126);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(err_fd);
  close(out_fd);
  close(in_fd);
}

Child::~Child() {
  if (pid_ > 0 && !exit_) {
    Kill();
    Wait();
  }
  std::error_code ec;
  std::filesystem::remove(err_path_, ec);
}

void Child::Kill() {
  if (pid_ > 0 && !exit_) kill(pid_, SIGKILL);
}

void Child::Reap(int status) {
  exit_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  err_ = ReadAll(err_path_);
}

int Child::Wait() {
  if (exit_) return *exit_;
  int status = 0;
  while (waitpid(pid_, &status, 0) < 0) {
    if (errno != EINTR) throw std::runtime_error("waitpid failed");
  }
  Reap(status);
  return *exit_;
}

bool Child::Ended() {
  if (exit_) return true;
  int status = 0;
  pid_t got = waitpid(pid_, &status, WNOHANG);
  if (got == pid_) Reap(status);
  return exit_.has_value();
}

std::string Child::out() const { return ReadAll(out_path_); }

ChildResult RunAttest(const std::vector<std::string>& args, ChildOptions options) {
  bool own_out = options.stdout_path == "/dev/null";
  if (own_out) options.stdout_path = FreshPath("out");
  ChildResult r;
  {
    Child child(args, options);
    r.exit = child.Wait();
    r.err = child.err();
    if (own_out) r.out = child.out();
  }
  if (own_out) {
    std::error_code ec;
    std::filesystem::remove(options.stdout_path, ec);
  }
  return r;
}

}  // namespace attest::testing
