// attest show INCIDENT : the incident record, slot by slot — the latest version,
// a given --version, the version recorded by --as-of, or a reconciliation of the
// claims published by --known-at.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/command_context.h"
#include "cli/commands.h"
#include "cli/format/record_format.h"
#include "db/claim_repository.h"
#include "db/incident_repository.h"
#include "db/reconcile_all.h"
#include "db/verdict_repository.h"
#include "db/version_repository.h"
#include "engine/reconcile/reconcile.h"

namespace attest {

namespace {

struct ShowOptions {
  std::string incident;
  std::optional<int64_t> version;
  std::optional<std::string> as_of;
  std::optional<std::string> known_at;
};

Timestamp TimeOption(const std::string& name, const std::string& text) {
  auto t = ParseTimestamp(text);
  if (!t) {
    throw CLI::ValidationError(name, fmt::format("'{}' is not a time; write YYYY-MM-DD or "
                                                 "YYYY-MM-DDTHH:MM:SSZ",
                                                 text));
  }
  return *t;
}

void RunShow(const ShowOptions& opts, CommandContext& ctx) {
  std::string format = ctx.Format("table", {"table", "json"});
  int given = (opts.version ? 1 : 0) + (opts.as_of ? 1 : 0) + (opts.known_at ? 1 : 0);
  if (given > 1) {
    throw CLI::ValidationError("--version", "give at most one of --version, --as-of, --known-at");
  }
  SQLite::Database& db = ctx.Db(OpenMode::kReadOnly);
  IncidentRepository incidents(db);
  Incident incident = incidents.Resolve(opts.incident);
  VersionRepository versions(db);

  IncidentRecord record;
  RecordOrigin origin;
  if (opts.known_at) {
    Timestamp t = TimeOption("--known-at", *opts.known_at);
    const Rulebook& rules = ctx.Rules();
    ClaimRepository claims(db, rules.slots);
    VerdictRepository verdicts(db, rules.slots);
    IncidentClaims known = claims.ForIncident(incident.id, t);
    if (known.claims.empty()) {
      throw NotFound(fmt::format("incident {}: no claim of it was published by {}",
                                 incident.Label(), FormatTimestamp(t)));
    }
    std::vector<Verdict> judged = verdicts.ForIncident(incident.id, t);
    std::optional<SourceReliability> reliability = LatestSourceReliability(db);
    record = Reconcile(ReconcileInput{incident, known.claims, known.reports, judged, rules,
                                      reliability ? &*reliability : nullptr});
    origin.known_at = t;
  } else {
    std::optional<IncidentVersion> v;
    if (opts.version) {
      v = versions.Get(incident.id, *opts.version);
      if (!v) {
        throw NotFound(fmt::format("incident {} has no version {}; see `attest history {}`",
                                   incident.Label(), *opts.version, incident.Label()));
      }
    } else if (opts.as_of) {
      Timestamp t = TimeOption("--as-of", *opts.as_of);
      v = versions.AsOf(incident.id, t);
      if (!v) {
        throw NotFound(fmt::format("incident {} had no recorded version at {}", incident.Label(),
                                   FormatTimestamp(t)));
      }
    } else {
      v = versions.Latest(incident.id);
      if (!v) throw NotFound(fmt::format("incident {} has no version yet", incident.Label()));
    }
    record = std::move(v->record);
    origin.version = v->version;
    origin.recorded_at = v->recorded_at;
    origin.hash = v->hash;
  }
  if (format == "json") {
    ctx.out() << RecordJson(record, origin).dump(2) << "\n";
  } else {
    PrintRecord(record, origin, ctx.out());
  }
}

}  // namespace

void RegisterShowCommand(CLI::App& app, CommandContext& ctx) {
  auto opts = std::make_shared<ShowOptions>();
  CLI::App* cmd = app.add_subcommand("show", "the incident record: every slot with value, "
                                             "status, credibility, reason and claims");
  cmd->add_option("incident", opts->incident, "the incident: its key, or #id")->required();
  cmd->add_option("--version", opts->version, "show this version");
  cmd->add_option("--as-of", opts->as_of, "the version recorded by this time");
  cmd->add_option("--known-at", opts->known_at,
                  "reconcile only the claims published by this time");
  cmd->callback([opts, &ctx] { RunShow(*opts, ctx); });
}

}  // namespace attest
