// attest verify : check that the store still holds what attest wrote (the hash
// chain of every incident's history, the claims each version records, claim
// references, the append-only triggers; db/integrity.h). Exits 1 naming the
// first problem, with its incident and version. --checkpoint prints a checkpoint
// of the history to keep outside the store; --against CHECKPOINT checks that the
// history still begins with the versions it covers.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/app.h"
#include "cli/command_context.h"
#include "cli/commands.h"
#include "cli/format/table.h"
#include "db/integrity.h"

namespace attest {

namespace {

struct VerifyOptions {
  bool checkpoint = false;
  std::optional<std::string> against;
};

void RunVerify(const VerifyOptions& opts, CommandContext& ctx) {
  std::optional<Checkpoint> against;
  if (opts.against) {
    against = Checkpoint::Parse(*opts.against);
    if (!against) {
      throw CLI::ValidationError("--against",
                                 fmt::format("'{}' is not a checkpoint; give what `attest verify "
                                             "--checkpoint` printed, N:HEX",
                                             *opts.against));
    }
  }
  SQLite::Database& db = ctx.Db(OpenMode::kReadOnly);
  IntegrityReport report = CheckIntegrity(db, ctx.Rules().slots, against);
  if (report.failure) {
    ctx.out() << "verify: FAILED: " << *report.failure << "\n";
    ctx.result().exit_code = exit_code::kDifference;
    return;
  }
  ctx.out() << fmt::format("verify: ok: {} of {} chain correctly\n",
                           Counted(report.versions, "version"),
                           Counted(report.incidents, "incident"));
  if (against) {
    ctx.out() << fmt::format("verify: ok: the history begins with checkpoint {}\n",
                             against->ToString());
  }
  if (opts.checkpoint) ctx.out() << "checkpoint: " << report.checkpoint.ToString() << "\n";
}

}  // namespace

void RegisterVerifyCommand(CLI::App& app, CommandContext& ctx) {
  auto opts = std::make_shared<VerifyOptions>();
  CLI::App* cmd = app.add_subcommand(
      "verify", "check that the store holds what attest wrote; exit 1 naming the first altered, "
                "deleted or reordered version");
  cmd->add_flag("--checkpoint", opts->checkpoint,
                "print a checkpoint of the whole history, to keep outside the store");
  cmd->add_option("--against", opts->against,
                  "check that the history still begins with this checkpoint (N:HEX)");
  cmd->callback([opts, &ctx] { RunVerify(*opts, ctx); });
}

}  // namespace attest
