#include "db/record_keeper.h"

#include <nlohmann/json.hpp>

namespace attest {

RecordKeeper::RecordKeeper(SQLite::Database& db, const Rulebook& rules)
    : rules_(rules), versions_(db) {}

std::optional<int64_t> RecordKeeper::Update(const Incident& incident, const IncidentClaims& claims,
                                            const std::vector<Verdict>& verdicts,
                                            const VersionCause& cause, Timestamp now,
                                            bool created) {
  IncidentVersion next;
  next.incident = incident.id;
  next.record = Reconcile(
      ReconcileInput{incident, claims.claims, claims.reports, verdicts, rules_, nullptr});
  std::string record_text = RecordText(next.record);

  std::optional<std::pair<SerializedVersion, std::string>> latest;
  if (!created) latest = versions_.LatestStored(incident.id);
  std::optional<IncidentRecord> before;
  if (latest) {
    if (latest->first.record == record_text) return std::nullopt;
    before = RecordFromJson(nlohmann::json::parse(latest->first.record));
  }
  next.version = latest ? latest->first.version + 1 : 1;
  next.recorded_at = now;
  next.cause = cause;
  next.changes = DiffRecords(before ? &*before : nullptr, next.record);
  next.prev_hash = latest ? latest->second : "";
  SerializedVersion stored = Serialize(next, std::move(record_text));
  versions_.Append(stored, HashVersion(stored));
  return next.version;
}

}  // namespace attest
