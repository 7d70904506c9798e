// Progress of a long command (ingest of many reports, the periodic report) on
// stderr: one line redrawn in place, only when stderr is a terminal and -q was not
// given (cli.md, "Global options"), so that pipes, logs and tests never see it.
#pragma once

#include <chrono>
#include <ostream>
#include <string>

namespace attest {

class CommandContext;

class Progress {
 public:
  // Shows nothing unless ctx.ShowsProgress().
  Progress(CommandContext& ctx, std::string what);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // "what: done/total (pct%)", redrawn at most ten times a second and at the end.
  void Update(size_t done, size_t total);
  // Erases the line (also done by the destructor).
  void Done();

 private:
  std::ostream* err_ = nullptr;  // null: not shown
  std::string what_;
  std::chrono::steady_clock::time_point last_{};
  bool drawn_ = false;
};

}  // namespace attest
