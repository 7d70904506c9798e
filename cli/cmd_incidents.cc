// attest incidents : list incidents, filtered by place, actor, date or status.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/command_context.h"
#include "cli/commands.h"
#include "cli/format/table.h"
#include "db/incident_repository.h"

namespace attest {

namespace {

struct IncidentsOptions {
  std::optional<std::string> place;
  std::optional<std::string> actor;
  std::optional<std::string> since;
  std::optional<std::string> until;
  std::optional<std::string> status;
};

DateInterval DateOption(const std::string& name, const std::string& text) {
  auto d = ParseDateInterval(text);
  if (!d) {
    throw CLI::ValidationError(name, fmt::format("'{}' is not a date; write YYYY, YYYY-MM or "
                                                 "YYYY-MM-DD",
                                                 text));
  }
  return *d;
}

void RunIncidents(const IncidentsOptions& opts, CommandContext& ctx) {
  std::string format = ctx.Format("table", {"table", "json"});
  SQLite::Database& db = ctx.Db(OpenMode::kReadOnly);
  IncidentFilter filter;
  if (opts.place) {
    const Rulebook& rules = ctx.Rules();
    auto match = rules.places.Find(*opts.place);
    filter.place = match ? match->place->name : *opts.place;
  }
  if (opts.actor) {
    const Actor* actor = ctx.Rules().actors.Find(*opts.actor);
    filter.actor = actor ? actor->name : *opts.actor;
  }
  if (opts.since) filter.since = DateOption("--since", *opts.since);
  if (opts.until) filter.until = DateOption("--until", *opts.until);
  if (opts.status) {
    filter.status = ParseSlotStatus(*opts.status);
    if (!filter.status) {
      throw CLI::ValidationError("--status",
                                 fmt::format("'{}' is not a status; use confirmed, corroborated, "
                                             "claimed, contested, denied, refuted or unknown",
                                             *opts.status));
    }
  }
  std::vector<IncidentListing> list = IncidentRepository(db).List(filter);
  if (format == "json") {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& l : list) {
      const Incident& i = l.incident;
      nlohmann::ordered_json j;
      j["incident"] = i.id.value();
      j["key"] = i.key ? nlohmann::ordered_json(*i.key) : nlohmann::ordered_json(nullptr);
      j["title"] = i.title;
      j["place"] = i.place ? nlohmann::ordered_json(*i.place) : nlohmann::ordered_json(nullptr);
      j["date"] = i.date ? nlohmann::ordered_json(i.date->ToString()) : nlohmann::ordered_json(nullptr);
      j["event_type"] =
          i.event_type ? nlohmann::ordered_json(*i.event_type) : nlohmann::ordered_json(nullptr);
      j["actors"] = i.actors;
      j["version"] = l.version;
      out.push_back(std::move(j));
    }
    ctx.out() << out.dump(2) << "\n";
    return;
  }
  TextTable table({"incident", "key", "title", "place", "date", "actors", "version"});
  for (const auto& l : list) {
    const Incident& i = l.incident;
    table.AddRow({fmt::format("#{}", i.id.value()), i.key.value_or("-"), i.title,
                  i.place.value_or("-"), i.date ? i.date->ToString() : "-", JoinOrDash(i.actors),
                  fmt::format("{}", l.version)});
  }
  table.Print(ctx.out());
  if (!ctx.options().quiet) {
    ctx.out() << Counted(static_cast<int64_t>(list.size()), "incident") + "\n";
  }
}

}  // namespace

void RegisterIncidentsCommand(CLI::App& app, CommandContext& ctx) {
  auto opts = std::make_shared<IncidentsOptions>();
  CLI::App* cmd = app.add_subcommand("incidents", "list incidents");
  cmd->add_option("--place", opts->place, "at this place (any spelling the gazetteer knows)");
  cmd->add_option("--actor", opts->actor, "involving this actor");
  cmd->add_option("--since", opts->since, "dated on or after (YYYY[-MM[-DD]])");
  cmd->add_option("--until", opts->until, "dated on or before");
  cmd->add_option("--status", opts->status, "with a slot in this status in its latest version");
  cmd->callback([opts, &ctx] { RunIncidents(*opts, ctx); });
}

}  // namespace attest
