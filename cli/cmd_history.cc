// attest history INCIDENT : every version of the record — when, why, what changed.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/command_context.h"
#include "cli/commands.h"
#include "cli/format/record_format.h"
#include "db/incident_repository.h"
#include "db/version_repository.h"

namespace attest {

namespace {

struct HistoryOptions {
  std::string incident;
};

void RunHistory(const HistoryOptions& opts, CommandContext& ctx) {
  std::string format = ctx.Format("table", {"table", "json"});
  SQLite::Database& db = ctx.Db(OpenMode::kReadOnly);
  Incident incident = IncidentRepository(db).Resolve(opts.incident);
  std::vector<IncidentVersion> history = VersionRepository(db).History(incident.id);
  if (format == "json") {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& v : history) {
      nlohmann::ordered_json j;
      j["version"] = v.version;
      j["recorded_at"] = FormatTimestamp(v.recorded_at);
      j["cause"] = CauseToJson(v.cause);
      j["changes"] = ChangesToJson(v.changes);
      j["hash"] = v.hash;
      j["prev_hash"] = v.prev_hash.empty() ? nlohmann::ordered_json(nullptr)
                                           : nlohmann::ordered_json(v.prev_hash);
      out.push_back(std::move(j));
    }
    ctx.out() << out.dump(2) << "\n";
    return;
  }
  ctx.out() << fmt::format("incident #{}{}: {}\n", incident.id.value(),
                           incident.key ? " " + *incident.key : "", incident.title);
  for (const auto& v : history) {
    ctx.out() << fmt::format("\nversion {}  {}  {}\n", v.version, FormatTimestamp(v.recorded_at),
                             CauseForPeople(v.cause));
    for (const auto& c : v.changes) ctx.out() << "  " << ChangeForPeople(c) << "\n";
    ctx.out() << fmt::format("  hash {}\n", v.hash.substr(0, 16));
  }
}

}  // namespace

void RegisterHistoryCommand(CLI::App& app, CommandContext& ctx) {
  auto opts = std::make_shared<HistoryOptions>();
  CLI::App* cmd = app.add_subcommand(
      "history", "every version of an incident record: when, why (report, claims, analyst "
                 "action), what changed");
  cmd->add_option("incident", opts->incident, "the incident: its key, or #id")->required();
  cmd->callback([opts, &ctx] { RunHistory(*opts, ctx); });
}

}  // namespace attest
