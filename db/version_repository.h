// Incident versions as stored: append-only rows holding the serialised record,
// changes and cause, with the hash chain (engine/versions/version.h).
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "engine/versions/version.h"

namespace attest {

class VersionRepository {
 public:
  explicit VersionRepository(SQLite::Database& db);
  ~VersionRepository();

  // Appends a version; it must follow the latest one.
  void Append(const StoredVersion& stored);

  // The latest version of an incident, as stored (hash included).
  std::optional<StoredVersion> LatestStored(IncidentId incident);

  std::optional<IncidentVersion> Latest(IncidentId incident);
  std::optional<IncidentVersion> Get(IncidentId incident, int64_t version);
  // The last version recorded at or before `t`.
  std::optional<IncidentVersion> AsOf(IncidentId incident, Timestamp t);
  std::vector<IncidentVersion> History(IncidentId incident);

  // The latest stored version of every incident with an id in [first, last], by
  // incident id.
  std::vector<StoredVersion> LatestStoredBetween(IncidentId first, IncidentId last);

  // The latest record of every incident that was not merged away, by incident id.
  void ForEachLatest(const std::function<void(const IncidentRecord&)>& visit);

  // The incidents (not merged away) with a version recorded at or after `since`
  // and at or before `until` (absent bounds are open), by id.
  std::vector<IncidentId> RecordedBetween(std::optional<Timestamp> since,
                                          std::optional<Timestamp> until);

  // The latest version of every incident that was not merged away, by incident id.
  void ForEachLatestVersion(const std::function<void(const IncidentVersion&)>& visit);

  // Every stored version, by incident then version, with its stored hash: for
  // `verify`, which recomputes the chain.
  void ForEachStored(
      const std::function<void(const SerializedVersion&, const std::string& hash)>& visit);

 private:
  SQLite::Database& db_;
  std::unique_ptr<SQLite::Statement> insert_;
  std::unique_ptr<SQLite::Statement> latest_;
  std::unique_ptr<SQLite::Statement> latest_between_;
};

}  // namespace attest
