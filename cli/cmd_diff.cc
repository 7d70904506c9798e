// attest diff INCIDENT A B : what changed between two versions, slot by slot.
// Exits 1 when they differ, like diff(1).
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/app.h"
#include "cli/command_context.h"
#include "cli/commands.h"
#include "cli/format/record_format.h"
#include "db/incident_repository.h"
#include "db/version_repository.h"

namespace attest {

namespace {

struct DiffOptions {
  std::string incident;
  int64_t from = 0;
  int64_t to = 0;
};

void RunDiff(const DiffOptions& opts, CommandContext& ctx) {
  std::string format = ctx.Format("table", {"table", "json"});
  SQLite::Database& db = ctx.Db(OpenMode::kReadOnly);
  Incident incident = IncidentRepository(db).Resolve(opts.incident);
  VersionRepository versions(db);
  auto get = [&](int64_t n) {
    auto v = versions.Get(incident.id, n);
    if (!v) {
      throw NotFound(fmt::format("incident {} has no version {}; see `attest history {}`",
                                 incident.Label(), n, incident.Label()));
    }
    return std::move(*v);
  };
  IncidentVersion a = get(opts.from);
  IncidentVersion b = get(opts.to);
  std::vector<SlotChange> changes = DiffRecords(&a.record, b.record);
  if (format == "json") {
    nlohmann::ordered_json j;
    j["incident"] = incident.id.value();
    j["from"] = a.version;
    j["to"] = b.version;
    j["changes"] = ChangesToJson(changes);
    ctx.out() << j.dump(2) << "\n";
  } else if (changes.empty()) {
    ctx.out() << fmt::format("incident {}: versions {} and {} hold the same record\n",
                             incident.Label(), a.version, b.version);
  } else {
    ctx.out() << fmt::format("incident {}: version {} ({}) → version {} ({})\n", incident.Label(),
                             a.version, FormatTimestamp(a.recorded_at), b.version,
                             FormatTimestamp(b.recorded_at));
    for (const auto& c : changes) ctx.out() << "  " << ChangeForPeople(c) << "\n";
  }
  ctx.result().exit_code = changes.empty() ? exit_code::kOk : exit_code::kDifference;
}

}  // namespace

void RegisterDiffCommand(CLI::App& app, CommandContext& ctx) {
  auto opts = std::make_shared<DiffOptions>();
  CLI::App* cmd = app.add_subcommand(
      "diff", "what changed between two versions of an incident record (exit 1 if any)");
  cmd->add_option("incident", opts->incident, "the incident: its key, or #id")->required();
  cmd->add_option("a", opts->from, "the earlier version")->required();
  cmd->add_option("b", opts->to, "the later version")->required();
  cmd->callback([opts, &ctx] { RunDiff(*opts, ctx); });
}

}  // namespace attest
