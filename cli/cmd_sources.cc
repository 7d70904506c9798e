// attest sources : every source's reliability from the latest estimate: kind,
// claims, how many could be checked, probability and Admiralty letter.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "cli/command_context.h"
#include "cli/commands.h"
#include "cli/format/table.h"
#include "db/reliability_repository.h"

namespace attest {

namespace {

// Probabilities in JSON with four decimals: enough to compare, stable to read.
double Round4(double x) { return std::round(x * 10000.0) / 10000.0; }

struct SourcesOptions {
  std::string sort = "name";
};

void RunSources(const SourcesOptions& opts, CommandContext& ctx) {
  std::string format = ctx.Format("table", {"table", "json"});
  SQLite::Database& db = ctx.Db(OpenMode::kReadOnly);
  ReliabilityRepository runs(db);
  std::optional<ReliabilityRun> run = runs.LatestRun();
  if (!run) {
    throw NotFound("no source reliability has been estimated yet; run `attest reconcile`");
  }
  std::vector<SourceEstimate> sources = runs.Estimates(run->id);
  std::stable_sort(sources.begin(), sources.end(),
                   [&](const SourceEstimate& a, const SourceEstimate& b) {
                     if (opts.sort == "probability" && a.probability != b.probability) {
                       return a.probability > b.probability;
                     }
                     if (opts.sort == "claims" && a.claims != b.claims) return a.claims > b.claims;
                     return a.name < b.name;
                   });
  if (format == "json") {
    nlohmann::ordered_json out;
    out["run"] = run->id;
    out["recorded_at"] = FormatTimestamp(run->recorded_at);
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const SourceEstimate& s : sources) {
      list.push_back({{"source", s.name},
                      {"kind", std::string(ToString(s.kind))},
                      {"claims", s.claims},
                      {"checked", s.checked},
                      {"checked_incidents", s.checked_incidents},
                      {"held", s.held},
                      {"failed", s.failed},
                      {"probability", Round4(s.probability)},
                      {"letter", std::string(ToString(s.letter))}});
    }
    out["sources"] = list;
    ctx.out() << out.dump(2) << "\n";
    return;
  }
  ctx.out() << fmt::format("reliability run {}, recorded {}\n", run->id,
                           FormatTimestamp(run->recorded_at));
  TextTable table(
      {"source", "kind", "claims", "checked", "held", "failed", "probability", "letter"});
  for (const SourceEstimate& s : sources) {
    table.AddRow({s.name, std::string(ToString(s.kind)), std::to_string(s.claims),
                  std::to_string(s.checked), std::to_string(s.held), std::to_string(s.failed),
                  fmt::format("{:.3f}", s.probability), std::string(ToString(s.letter))});
  }
  table.Print(ctx.out());
  if (!ctx.options().quiet)
    ctx.out() << Counted(static_cast<int64_t>(sources.size()), "source") << "\n";
}

}  // namespace

void RegisterSourcesCommand(CLI::App& app, CommandContext& ctx) {
  auto opts = std::make_shared<SourcesOptions>();
  CLI::App* cmd = app.add_subcommand(
      "sources", "source reliability: every source's claims, probability and Admiralty letter");
  cmd->add_option("--sort", opts->sort, "order: name (default), probability or claims")
      ->check(CLI::IsMember({"name", "probability", "claims"}));
  cmd->callback([opts, &ctx] { RunSources(*opts, ctx); });
}

}  // namespace attest
