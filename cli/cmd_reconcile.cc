// attest reconcile : re-estimate source reliability from every claim and verdict,
// re-reconcile every incident with it, record a version wherever a record
// changed (one transaction), and say what changed.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cmath>
#include <nlohmann/json.hpp>

#include "cli/command_context.h"
#include "cli/commands.h"
#include "cli/format/record_format.h"
#include "cli/format/table.h"
#include "db/reconcile_all.h"

namespace attest {

namespace {

using ojson = nlohmann::ordered_json;

// Probabilities in JSON with four decimals: enough to compare, stable to read.
double Round4(double x) { return std::round(x * 10000.0) / 10000.0; }

constexpr size_t kShownIncidents = 20;

std::string Standing(const SourceEstimate& e) {
  return fmt::format("{} {:.3f}", ToString(e.letter), e.probability);
}

ojson StandingJson(const SourceEstimate& e) {
  return {{"probability", Round4(e.probability)},
          {"letter", std::string(ToString(e.letter))},
          {"claims", e.claims},
          {"checked", e.checked}};
}

ojson RunJson(const ReliabilityRun& r) {
  return {{"run", r.id},
          {"recorded_at", FormatTimestamp(r.recorded_at)},
          {"sources", r.sources},
          {"claims", r.claims},
          {"items", r.items},
          {"iterations", r.iterations},
          {"converged", r.converged}};
}

void RunReconcile(CommandContext& ctx) {
  std::string format = ctx.Format("table", {"table", "json"});
  const Rulebook& rules = ctx.Rules();
  SQLite::Database& db = ctx.Db(OpenMode::kReadWrite);
  ctx.result().stores = true;
  ReconcileResult r = ReconcileAll(db, rules, ctx.Now());
  std::ostream& out = ctx.out();
  if (r.run.id == 0) {
    if (format == "json") {
      out << "{\n  \"run\": null\n}\n";
    } else {
      out << "nothing to reconcile: no claim is stored; ingest reports first\n";
    }
    return;
  }

  if (format == "json") {
    ojson j;
    j["run"] = RunJson(r.run);
    j["previous_run"] = r.previous ? ojson(r.previous->id) : ojson(nullptr);
    ojson sources = ojson::array();
    for (const SourceChange& c : r.sources_changed) {
      sources.push_back({{"source", c.source},
                         {"before", c.before ? StandingJson(*c.before) : ojson(nullptr)},
                         {"after", StandingJson(c.after)}});
    }
    j["sources_changed"] = sources;
    j["copies"] = r.copies;
    j["incidents"] = r.incidents;
    j["versions"] = r.versions;
    ojson changed = ojson::array();
    for (const ReconciledIncident& i : r.changed) {
      ojson item{{"incident", i.label}, {"version", i.version}};
      if (!i.changes.empty()) item["changes"] = ChangesToJson(i.changes);
      changed.push_back(std::move(item));
    }
    j["changed"] = changed;
    out << j.dump(2) << "\n";
    return;
  }

  const ReliabilityRun& run = r.run;
  out << fmt::format("reliability run {}, recorded {}: {} over {} on {}, {} iteration{}{}\n",
                     run.id, FormatTimestamp(run.recorded_at), Counted(run.sources, "source"),
                     Counted(run.claims, "claim"), Counted(run.items, "item"), run.iterations,
                     run.iterations == 1 ? "" : "s", run.converged ? "" : " (not converged)");
  if (r.previous) {
    out << fmt::format("sources changed since run {} ({}): {}\n", r.previous->id,
                       FormatTimestamp(r.previous->recorded_at), r.sources_changed.size());
  } else {
    out << fmt::format("sources estimated for the first time: {}\n", r.sources_changed.size());
  }
  bool verbose = ctx.options().verbose;
  if (!ctx.options().quiet) {
    size_t shown =
        verbose ? r.sources_changed.size() : std::min(r.sources_changed.size(), kShownIncidents);
    for (size_t i = 0; i < shown; ++i) {
      const SourceChange& c = r.sources_changed[i];
      out << fmt::format("  {}: {}{}\n", c.source, c.before ? Standing(*c.before) + " → " : "",
                         Standing(c.after));
    }
    if (shown < r.sources_changed.size()) {
      out << fmt::format("  … and {} more (-v lists them; attest sources shows all)\n",
                         r.sources_changed.size() - shown);
    }
  }
  out << fmt::format("copy relations found: {}\n", r.copies);
  out << fmt::format("reconciled {}: {} recorded\n", Counted(r.incidents, "incident"),
                     Counted(r.versions, "new version"));
  if (ctx.options().quiet) return;
  size_t shown = verbose ? r.changed.size() : std::min(r.changed.size(), kShownIncidents);
  for (size_t i = 0; i < shown; ++i) {
    const ReconciledIncident& c = r.changed[i];
    out << fmt::format("  incident {} {}: version {}\n", c.label, c.title, c.version);
    for (const SlotChange& change : c.changes) out << "    " << ChangeForPeople(change) << "\n";
  }
  if (shown < r.changed.size()) {
    out << fmt::format("  … and {} more (-v lists them; attest history INCIDENT tells each)\n",
                       r.changed.size() - shown);
  }
}

}  // namespace

void RegisterReconcileCommand(CLI::App& app, CommandContext& ctx) {
  CLI::App* cmd = app.add_subcommand(
      "reconcile",
      "re-estimate source reliability and re-reconcile every incident; records a version "
      "wherever a record changed");
  cmd->callback([&ctx] { RunReconcile(ctx); });
}

}  // namespace attest
