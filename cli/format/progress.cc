#include "cli/format/progress.h"

#include <fmt/format.h>

#include "cli/command_context.h"

namespace attest {

Progress::Progress(CommandContext& ctx, std::string what) : what_(std::move(what)) {
  if (ctx.ShowsProgress()) err_ = &ctx.err();
}

Progress::~Progress() { Done(); }

void Progress::Update(size_t done, size_t total) {
  if (!err_) return;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && done < total && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  drawn_ = true;
  int pct = total ? static_cast<int>(done * 100 / total) : 100;
  *err_ << fmt::format("\r{}: {}/{} ({}%)\033[K", what_, done, total, pct) << std::flush;
}

void Progress::Done() {
  if (err_ && drawn_) *err_ << "\r\033[K" << std::flush;
  drawn_ = false;
}

}  // namespace attest
