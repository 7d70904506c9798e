#include "db/version_repository.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "db/row_values.h"
#include "db/storage_error.h"

namespace attest {

namespace {

constexpr const char* kColumns =
    "incident_id, version, recorded_at, cause, changes, record, prev_hash, hash";

SerializedVersion ReadStored(SQLite::Statement& st, std::string& hash) {
  SerializedVersion s;
  s.incident = st.getColumn(0).getInt64();
  s.version = st.getColumn(1).getInt64();
  s.recorded_at = st.getColumn(2).getString();
  s.cause = st.getColumn(3).getString();
  s.changes = st.getColumn(4).getString();
  s.record = st.getColumn(5).getString();
  s.prev_hash = st.getColumn(6).getString();
  hash = st.getColumn(7).getString();
  return s;
}

IncidentVersion Deserialize(const SerializedVersion& s, const std::string& hash) {
  IncidentVersion v;
  v.incident = IncidentId(s.incident);
  v.version = s.version;
  auto t = ParseTimestamp(s.recorded_at);
  if (!t) throw Storage(fmt::format("incident {} version {}: bad recorded time", s.incident,
                                    s.version));
  v.recorded_at = *t;
  try {
    v.cause = CauseFromJson(nlohmann::json::parse(s.cause));
    v.changes = ChangesFromJson(nlohmann::json::parse(s.changes));
    v.record = RecordFromText(s.record);
  } catch (const nlohmann::json::exception& e) {
    throw Storage(fmt::format("incident {} version {} cannot be read: {}; run `attest verify`",
                              s.incident, s.version, e.what()));
  }
  v.prev_hash = s.prev_hash;
  v.hash = hash;
  return v;
}

}  // namespace

VersionRepository::VersionRepository(SQLite::Database& db) : db_(db) {}
VersionRepository::~VersionRepository() = default;

void VersionRepository::Append(const StoredVersion& stored) {
  const SerializedVersion& s = stored.version;
  const std::string& hash = stored.hash;
  WithStorageContext("recording an incident version", [&] {
    if (!insert_) {
      insert_ = std::make_unique<SQLite::Statement>(
          db_, std::string("INSERT INTO incident_versions (") + kColumns +
                   ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    }
    SQLite::Statement& st = *insert_;
    st.reset();
    st.bind(1, s.incident);
    st.bind(2, s.version);
    st.bindNoCopy(3, s.recorded_at);
    st.bindNoCopy(4, s.cause);
    st.bindNoCopy(5, s.changes);
    st.bindNoCopy(6, s.record);
    st.bindNoCopy(7, s.prev_hash);
    st.bindNoCopy(8, hash);
    st.exec();
  });
}

std::optional<StoredVersion> VersionRepository::LatestStored(IncidentId incident) {
  return WithStorageContext(
      "reading the latest version", [&]() -> std::optional<StoredVersion> {
        if (!latest_) {
          latest_ = std::make_unique<SQLite::Statement>(
              db_, std::string("SELECT ") + kColumns +
                       " FROM incident_versions WHERE incident_id = ? ORDER BY version DESC "
                       "LIMIT 1");
        }
        latest_->reset();
        latest_->bind(1, incident.value());
        if (!latest_->executeStep()) return std::nullopt;
        StoredVersion out;
        out.version = ReadStored(*latest_, out.hash);
        latest_->reset();
        return out;
      });
}

std::vector<StoredVersion> VersionRepository::LatestStoredBetween(IncidentId first,
                                                                  IncidentId last) {
  return WithStorageContext("reading the latest versions", [&] {
    if (!latest_between_) {
      latest_between_ = std::make_unique<SQLite::Statement>(
          db_, std::string("SELECT ") + kColumns +
                   " FROM incident_versions v WHERE v.incident_id BETWEEN ? AND ? AND v.version = "
                   "(SELECT max(w.version) FROM incident_versions w WHERE w.incident_id = "
                   "v.incident_id) ORDER BY v.incident_id");
    }
    SQLite::Statement& st = *latest_between_;
    st.reset();
    st.bind(1, first.value());
    st.bind(2, last.value());
    std::vector<StoredVersion> out;
    while (st.executeStep()) {
      StoredVersion v;
      v.version = ReadStored(st, v.hash);
      out.push_back(std::move(v));
    }
    st.reset();
    return out;
  });
}

std::optional<IncidentVersion> VersionRepository::Latest(IncidentId incident) {
  auto stored = LatestStored(incident);
  if (!stored) return std::nullopt;
  return Deserialize(stored->version, stored->hash);
}

std::optional<IncidentVersion> VersionRepository::Get(IncidentId incident, int64_t version) {
  return WithStorageContext("reading a version", [&]() -> std::optional<IncidentVersion> {
    SQLite::Statement st(db_, std::string("SELECT ") + kColumns +
                                  " FROM incident_versions WHERE incident_id = ? AND version = ?");
    st.bind(1, incident.value());
    st.bind(2, version);
    if (!st.executeStep()) return std::nullopt;
    std::string hash;
    SerializedVersion s = ReadStored(st, hash);
    return Deserialize(s, hash);
  });
}

std::optional<IncidentVersion> VersionRepository::AsOf(IncidentId incident, Timestamp t) {
  return WithStorageContext("reading a version", [&]() -> std::optional<IncidentVersion> {
    SQLite::Statement st(db_, std::string("SELECT ") + kColumns +
                                  " FROM incident_versions WHERE incident_id = ? AND "
                                  "recorded_at <= ? ORDER BY version DESC LIMIT 1");
    st.bind(1, incident.value());
    st.bind(2, FormatTimestamp(t));
    if (!st.executeStep()) return std::nullopt;
    std::string hash;
    SerializedVersion s = ReadStored(st, hash);
    return Deserialize(s, hash);
  });
}

std::vector<IncidentVersion> VersionRepository::History(IncidentId incident) {
  return WithStorageContext("reading the history", [&] {
    std::vector<IncidentVersion> out;
    SQLite::Statement st(db_, std::string("SELECT ") + kColumns +
                                  " FROM incident_versions WHERE incident_id = ? ORDER BY version");
    st.bind(1, incident.value());
    while (st.executeStep()) {
      std::string hash;
      SerializedVersion s = ReadStored(st, hash);
      out.push_back(Deserialize(s, hash));
    }
    return out;
  });
}

void VersionRepository::ForEachLatest(const std::function<void(const IncidentRecord&)>& visit) {
  WithStorageContext("reading the latest records", [&] {
    SQLite::Statement st(
        db_,
        "SELECT v.incident_id, v.version, v.record FROM incident_versions v "
        "JOIN (SELECT incident_id, max(version) AS latest FROM incident_versions "
        "GROUP BY incident_id) l ON l.incident_id = v.incident_id AND l.latest = v.version "
        "JOIN incidents i ON i.id = v.incident_id WHERE i.merged_into IS NULL "
        "ORDER BY v.incident_id");
    while (st.executeStep()) {
      try {
        SQLite::Column record = st.getColumn(2);
        visit(RecordFromText(
            std::string_view(record.getText(), static_cast<size_t>(record.getBytes()))));
      } catch (const nlohmann::json::exception& e) {
        throw Storage(fmt::format("incident {} version {} cannot be read: {}; run `attest verify`",
                                  st.getColumn(0).getInt64(), st.getColumn(1).getInt64(),
                                  e.what()));
      }
    }
  });
}

std::vector<IncidentId> VersionRepository::RecordedBetween(std::optional<Timestamp> since,
                                                           std::optional<Timestamp> until) {
  return WithStorageContext("finding the versions of a period", [&] {
    std::string sql =
        "SELECT DISTINCT v.incident_id FROM incident_versions v JOIN incidents i ON "
        "i.id = v.incident_id WHERE i.merged_into IS NULL";
    if (since) sql += " AND v.recorded_at >= :since";
    if (until) sql += " AND v.recorded_at <= :until";
    sql += " ORDER BY v.incident_id";
    SQLite::Statement st(db_, sql);
    if (since) st.bind(":since", FormatTimestamp(*since));
    if (until) st.bind(":until", FormatTimestamp(*until));
    std::vector<IncidentId> out;
    while (st.executeStep()) out.emplace_back(st.getColumn(0).getInt64());
    return out;
  });
}

void VersionRepository::ForEachLatestVersion(
    const std::function<void(const IncidentVersion&)>& visit) {
  WithStorageContext("reading the latest versions", [&] {
    SQLite::Statement st(
        db_,
        "SELECT v.incident_id, v.version, v.recorded_at, v.cause, v.changes, v.record, "
        "v.prev_hash, v.hash FROM incident_versions v "
        "JOIN (SELECT incident_id, max(version) AS latest FROM incident_versions "
        "GROUP BY incident_id) l ON l.incident_id = v.incident_id AND l.latest = v.version "
        "JOIN incidents i ON i.id = v.incident_id WHERE i.merged_into IS NULL "
        "ORDER BY v.incident_id");
    while (st.executeStep()) {
      std::string hash;
      SerializedVersion s = ReadStored(st, hash);
      visit(Deserialize(s, hash));
    }
  });
}

void VersionRepository::ForEachStored(
    const std::function<void(const SerializedVersion&, const std::string&)>& visit) {
  WithStorageContext("reading every version", [&] {
    SQLite::Statement st(db_, std::string("SELECT ") + kColumns +
                                  " FROM incident_versions ORDER BY incident_id, version");
    while (st.executeStep()) {
      std::string hash;
      SerializedVersion s = ReadStored(st, hash);
      visit(s, hash);
    }
  });
}

}  // namespace attest
