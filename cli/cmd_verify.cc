// attest verify : check the hash chain of every incident's history, and that every
// claim refers to a stored report, incident and source. Exits 1 naming the first
// problem: a version whose stored content no longer matches its hash, whose link
// to the previous version is broken, or that is missing; or orphaned claims.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/app.h"
#include "cli/command_context.h"
#include "cli/format/table.h"
#include "cli/commands.h"
#include "db/claim_repository.h"
#include "db/version_repository.h"

namespace attest {

namespace {

void RunVerify(CommandContext& ctx) {
  SQLite::Database& db = ctx.Db(OpenMode::kReadOnly);
  int64_t checked = 0, incidents = 0;
  int64_t current = 0, expected_version = 0;
  std::string previous_hash;
  std::optional<std::string> failure;
  VersionRepository(db).ForEachStored([&](const SerializedVersion& v, const std::string& hash) {
    if (failure) return;
    if (v.incident != current) {
      current = v.incident;
      expected_version = 1;
      previous_hash.clear();
      ++incidents;
    }
    std::string where = fmt::format("incident #{} version {}", v.incident, v.version);
    if (v.version != expected_version) {
      failure = fmt::format("incident #{}: version {} is missing (found {} next)", v.incident,
                            expected_version, v.version);
    } else if (v.prev_hash != previous_hash) {
      failure = fmt::format("{}: its link to version {} is broken (previous hash differs)", where,
                            v.version - 1);
    } else if (HashVersion(v) != hash) {
      failure = fmt::format("{}: stored content does not match its hash; it was altered after "
                            "it was recorded",
                            where);
    }
    previous_hash = hash;
    ++expected_version;
    ++checked;
  });
  if (!failure) {
    auto [orphans, count] = ClaimRepository(db, ctx.Rules().slots).Orphans(5);
    if (count > 0) {
      std::string ids;
      for (ClaimId id : orphans) ids += fmt::format(" c{}", id.value());
      failure = fmt::format("{} refer to a missing report, incident or source:{}{}",
                            Counted(count, "claim"), ids, count > 5 ? " …" : "");
    }
  }
  if (failure) {
    ctx.out() << "verify: FAILED: " << *failure << "\n";
    ctx.result().exit_code = exit_code::kDifference;
    return;
  }
  ctx.out() << fmt::format("verify: ok: {} of {} chain correctly\n",
                           Counted(checked, "version"), Counted(incidents, "incident"));
}

}  // namespace

void RegisterVerifyCommand(CLI::App& app, CommandContext& ctx) {
  CLI::App* cmd = app.add_subcommand(
      "verify", "check the hash chain of every incident's history; exit 1 naming the first "
                "broken version");
  cmd->callback([&ctx] { RunVerify(ctx); });
}

}  // namespace attest
