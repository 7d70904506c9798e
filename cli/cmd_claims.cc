// attest claims : list stored claims, filtered by incident, claimant, stance,
// publication time, or text.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/command_context.h"
#include "cli/commands.h"
#include "cli/format/table.h"
#include "db/claim_repository.h"
#include "db/incident_repository.h"
#include "engine/claims/claim_json.h"

namespace attest {

namespace {

struct ClaimsOptions {
  std::optional<std::string> incident;
  std::optional<std::string> claimant;
  std::optional<std::string> stance;
  std::optional<std::string> since;
  std::optional<std::string> until;
  std::optional<std::string> search;
  std::optional<std::string> report;
  int64_t limit = 0;
};

Timestamp TimeOption(const std::string& name, const std::string& text) {
  auto t = ParseTimestamp(text);
  if (!t) throw CLI::ValidationError(name, fmt::format("'{}' is not a date", text));
  return *t;
}

void RunClaims(const ClaimsOptions& opts, CommandContext& ctx) {
  std::string format = ctx.Format("table", {"table", "json", "jsonl"});
  SQLite::Database& db = ctx.Db(OpenMode::kReadOnly);
  ClaimFilter filter;
  if (opts.incident) filter.incident = IncidentRepository(db).Resolve(*opts.incident).id;
  filter.claimant = opts.claimant;
  if (opts.stance) {
    filter.stance = ParseStance(*opts.stance);
    if (!filter.stance) {
      throw CLI::ValidationError("--stance", fmt::format("'{}' is not a stance; use one of: {}",
                                                         *opts.stance, StanceChoices()));
    }
  }
  if (opts.since) filter.since = TimeOption("--since", *opts.since);
  if (opts.until) filter.until = TimeOption("--until", *opts.until);
  filter.search = opts.search;
  filter.report = opts.report;
  filter.limit = opts.limit;
  std::vector<Claim> claims = ClaimRepository(db, ctx.Rules().slots).List(filter);

  if (format == "json") {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& c : claims) out.push_back(ClaimToJson(c));
    ctx.out() << out.dump(2) << "\n";
    return;
  }
  if (format == "jsonl") {
    for (const auto& c : claims) ctx.out() << ClaimToJson(c).dump() << "\n";
    return;
  }
  TextTable table({"claim", "report", "incident", "claimant", "stance", "fact", "slot", "value"});
  for (const auto& c : claims) {
    table.AddRow({fmt::format("c{}", c.id.value()), c.report.value(),
                  fmt::format("#{}", c.incident.value()), c.claimant.SourceName(),
                  std::string(ToString(c.stance)), std::string(ToString(c.factuality())), c.slot,
                  c.value ? FormatSlotValue(*c.value) : "-"});
    if (c.text) table.AddNote(*c.text);
  }
  table.Print(ctx.out());
  if (!ctx.options().quiet) {
    ctx.out() << Counted(static_cast<int64_t>(claims.size()), "claim") + "\n";
  }
}

}  // namespace

void RegisterClaimsCommand(CLI::App& app, CommandContext& ctx) {
  auto opts = std::make_shared<ClaimsOptions>();
  CLI::App* cmd = app.add_subcommand("claims", "list claims");
  cmd->add_option("--incident", opts->incident, "claims of this incident (key or #id)");
  cmd->add_option("--claimant", opts->claimant, "claims by this source (name or part of mention)");
  cmd->add_option("--stance", opts->stance, "asserts, acknowledges, confirms, denies, declines, "
                                            "not_confirmed");
  cmd->add_option("--since", opts->since, "from reports published at or after this date");
  cmd->add_option("--until", opts->until, "from reports published at or before this date");
  cmd->add_option("--search", opts->search, "claims whose value, text or claimant holds this text");
  cmd->add_option("--report", opts->report, "claims of this report id");
  cmd->add_option("--limit", opts->limit, "print at most this many");
  cmd->callback([opts, &ctx] { RunClaims(*opts, ctx); });
}

}  // namespace attest
