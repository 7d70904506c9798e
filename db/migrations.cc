#include "db/migrations.h"

#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <array>
#include <string_view>

#include "db/storage_error.h"

namespace attest {

namespace {

// 0001: reports, sources, incidents, claims, versions, verdicts.
constexpr std::string_view kSchema0001 = R"sql(
CREATE TABLE reports (
  id             INTEGER PRIMARY KEY,
  report_key     TEXT NOT NULL UNIQUE,
  outlet         TEXT,
  published      TEXT NOT NULL,
  lang           TEXT,
  title          TEXT,
  url            TEXT,
  format         TEXT NOT NULL CHECK (format IN ('text', 'jsonl', 'table')),
  origin         TEXT NOT NULL,
  content_sha256 TEXT NOT NULL,
  body           TEXT,
  recorded_at    TEXT NOT NULL
);

CREATE TABLE sources (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL
);

CREATE TABLE incidents (
  id             INTEGER PRIMARY KEY,
  incident_key   TEXT UNIQUE,
  title          TEXT NOT NULL,
  place          TEXT,
  country        TEXT,
  date_first     TEXT,
  date_last      TEXT,
  date_precision TEXT CHECK (date_precision IN ('day', 'week', 'month', 'year')),
  event_type     TEXT,
  actors         TEXT NOT NULL DEFAULT '[]',
  merged_into    INTEGER REFERENCES incidents(id),
  created_at     TEXT NOT NULL
);
CREATE INDEX incidents_by_place ON incidents(place);

-- Claims are read an incident at a time, so they are stored clustered by
-- incident (WITHOUT ROWID, small rows): one B-tree, no second index to keep.
-- Ids are assigned by the ingest use case inside its write transaction.
-- Claims refer to their report, incident and source, but the references are not
-- declared: only the ingest use case writes claims, with their parents in the
-- same transaction, and checking three keys per row costs a fifth of a bulk
-- ingest (docs/performance.md). `attest verify` checks them instead.
CREATE TABLE claims (
  incident_id INTEGER NOT NULL,
  id          INTEGER NOT NULL,
  report_id   INTEGER NOT NULL,
  ordinal     INTEGER NOT NULL,
  source_id   INTEGER NOT NULL,
  slot        TEXT NOT NULL,
  value       TEXT,
  stance      TEXT NOT NULL,
  modality    TEXT,
  endorsement TEXT,
  polarity    TEXT,
  detail      TEXT,
  PRIMARY KEY (incident_id, id)
) WITHOUT ROWID;


CREATE TABLE incident_versions (
  id          INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incidents(id),
  version     INTEGER NOT NULL,
  recorded_at TEXT NOT NULL,
  cause       TEXT NOT NULL,
  changes     TEXT NOT NULL,
  record      TEXT NOT NULL,
  prev_hash   TEXT NOT NULL,
  hash        TEXT NOT NULL,
  UNIQUE (incident_id, version)
);

CREATE TABLE verdicts (
  id          INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incidents(id),
  slot        TEXT NOT NULL,
  claim_id    INTEGER,  -- a claim id; claims are not keyed by id alone (see above)
  value       TEXT,
  verdict     TEXT NOT NULL CHECK (verdict IN ('confirmed', 'refuted')),
  analyst     TEXT NOT NULL,
  note        TEXT NOT NULL DEFAULT '',
  recorded_at TEXT NOT NULL
);
CREATE INDEX verdicts_by_incident ON verdicts(incident_id);

-- Reports, claims, versions and verdicts are facts about the past: they are
-- appended, never changed or removed.
CREATE TRIGGER reports_append_only_u BEFORE UPDATE ON reports
  BEGIN SELECT RAISE(ABORT, 'reports are append-only'); END;
CREATE TRIGGER reports_append_only_d BEFORE DELETE ON reports
  BEGIN SELECT RAISE(ABORT, 'reports are append-only'); END;
CREATE TRIGGER claims_append_only_u BEFORE UPDATE ON claims
  BEGIN SELECT RAISE(ABORT, 'claims are append-only'); END;
CREATE TRIGGER claims_append_only_d BEFORE DELETE ON claims
  BEGIN SELECT RAISE(ABORT, 'claims are append-only'); END;
CREATE TRIGGER incident_versions_append_only_u BEFORE UPDATE ON incident_versions
  BEGIN SELECT RAISE(ABORT, 'incident versions are append-only'); END;
CREATE TRIGGER incident_versions_append_only_d BEFORE DELETE ON incident_versions
  BEGIN SELECT RAISE(ABORT, 'incident versions are append-only'); END;
CREATE TRIGGER verdicts_append_only_u BEFORE UPDATE ON verdicts
  BEGIN SELECT RAISE(ABORT, 'verdicts are append-only'); END;
CREATE TRIGGER verdicts_append_only_d BEFORE DELETE ON verdicts
  BEGIN SELECT RAISE(ABORT, 'verdicts are append-only'); END;
)sql";

// 0002: source reliability. Every `attest reconcile` records a run; each run
// keeps the estimate of every source and the copy relations found, so that a
// source's history of reliability is never overwritten (docs/schema.md).
constexpr std::string_view kSchema0002 = R"sql(
CREATE TABLE reliability_runs (
  id          INTEGER PRIMARY KEY,
  recorded_at TEXT NOT NULL,
  cause       TEXT NOT NULL,
  sources     INTEGER NOT NULL,
  claims      INTEGER NOT NULL,
  items       INTEGER NOT NULL,
  iterations  INTEGER NOT NULL,
  converged   INTEGER NOT NULL CHECK (converged IN (0, 1)),
  policy      TEXT NOT NULL
);
CREATE INDEX reliability_runs_by_time ON reliability_runs(recorded_at);

CREATE TABLE source_estimates (
  run_id      INTEGER NOT NULL REFERENCES reliability_runs(id),
  source_id   INTEGER NOT NULL REFERENCES sources(id),
  probability REAL NOT NULL CHECK (probability >= 0 AND probability <= 1),
  prior       REAL NOT NULL,
  letter      TEXT NOT NULL CHECK (letter IN ('A', 'B', 'C', 'D', 'E', 'F')),
  claims      INTEGER NOT NULL,
  checked     INTEGER NOT NULL,
  checked_incidents INTEGER NOT NULL,
  held        INTEGER NOT NULL,
  failed      INTEGER NOT NULL,
  confirmed   INTEGER NOT NULL,
  refuted     INTEGER NOT NULL,
  topics      TEXT NOT NULL DEFAULT '[]',
  PRIMARY KEY (run_id, source_id)
) WITHOUT ROWID;
CREATE INDEX source_estimates_by_source ON source_estimates(source_id, run_id);

CREATE TABLE copy_relations (
  run_id     INTEGER NOT NULL REFERENCES reliability_runs(id),
  source_id  INTEGER NOT NULL REFERENCES sources(id),
  other_id   INTEGER NOT NULL REFERENCES sources(id),
  dependence REAL NOT NULL CHECK (dependence >= 0 AND dependence <= 1),
  rate       REAL NOT NULL,
  shared     INTEGER NOT NULL,
  same       INTEGER NOT NULL,
  declared   INTEGER NOT NULL CHECK (declared IN (0, 1)),
  PRIMARY KEY (run_id, source_id, other_id),
  CHECK (source_id < other_id)
) WITHOUT ROWID;

CREATE TRIGGER reliability_runs_append_only_u BEFORE UPDATE ON reliability_runs
  BEGIN SELECT RAISE(ABORT, 'reliability runs are append-only'); END;
CREATE TRIGGER reliability_runs_append_only_d BEFORE DELETE ON reliability_runs
  BEGIN SELECT RAISE(ABORT, 'reliability runs are append-only'); END;
CREATE TRIGGER source_estimates_append_only_u BEFORE UPDATE ON source_estimates
  BEGIN SELECT RAISE(ABORT, 'source estimates are append-only'); END;
CREATE TRIGGER source_estimates_append_only_d BEFORE DELETE ON source_estimates
  BEGIN SELECT RAISE(ABORT, 'source estimates are append-only'); END;
CREATE TRIGGER copy_relations_append_only_u BEFORE UPDATE ON copy_relations
  BEGIN SELECT RAISE(ABORT, 'copy relations are append-only'); END;
CREATE TRIGGER copy_relations_append_only_d BEFORE DELETE ON copy_relations
  BEGIN SELECT RAISE(ABORT, 'copy relations are append-only'); END;
)sql";

constexpr std::array<std::string_view, 2> kMigrations = {kSchema0001, kSchema0002};

}  // namespace

int CurrentSchemaVersion() { return static_cast<int>(kMigrations.size()); }

int SchemaVersionOf(SQLite::Database& db) {
  return WithStorageContext("reading the schema version",
                            [&] { return db.execAndGet("PRAGMA user_version").getInt(); });
}

void Migrate(SQLite::Database& db) {
  auto newer = [&](int have) {
    return Storage(fmt::format(
        "{}: the database has schema version {}, newer than this attest understands ({}); "
        "upgrade attest",
        db.getFilename(), have, CurrentSchemaVersion()));
  };
  int have = SchemaVersionOf(db);
  if (have > CurrentSchemaVersion()) throw newer(have);
  for (int v = have + 1; v <= CurrentSchemaVersion(); ++v) {
    WithStorageContext(fmt::format("applying migration {:04}", v), [&] {
      // IMMEDIATE takes the write lock before the version is read again: two
      // processes opening a new database at once both wait here, and the second
      // finds the script applied by the first instead of applying it twice.
      SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
      int now = db.execAndGet("PRAGMA user_version").getInt();
      if (now > CurrentSchemaVersion()) throw newer(now);
      if (now >= v) return;
      db.exec(std::string(kMigrations[static_cast<size_t>(v - 1)]));
      db.exec(fmt::format("PRAGMA user_version = {}", v));
      tx.commit();
    });
  }
}

}  // namespace attest
