#include "db/record_keeper.h"

#include <nlohmann/json.hpp>

namespace attest {

RecordKeeper::RecordKeeper(SQLite::Database& db, const Rulebook& rules,
                           const SourceReliability* reliability)
    : rules_(rules), reliability_(reliability), versions_(db) {}

std::optional<int64_t> RecordKeeper::Update(const Incident& incident, const IncidentClaims& claims,
                                            const std::vector<Verdict>& verdicts,
                                            const VersionCause& cause, Timestamp now,
                                            bool created) {
  IncidentRecord record = Reconcile(
      ReconcileInput{incident, claims.claims, claims.reports, verdicts, rules_, reliability_});
  std::optional<StoredVersion> latest;
  if (!created) latest = versions_.LatestStored(incident.id);
  std::optional<StoredVersion> next = NextVersion(std::move(record), latest, cause, now);
  if (!next) return std::nullopt;
  versions_.Append(*next);
  return next->version.version;
}

}  // namespace attest
