// The schema, as an append-only list of numbered SQL scripts (docs/schema.md).
// Each applies in its own transaction and sets PRAGMA user_version to its number;
// a script is never edited once released, only followed by a new one.
#pragma once

#include <SQLiteCpp/Database.h>

namespace attest {

// The schema version this program writes.
int CurrentSchemaVersion();

// Brings `db` to the current schema. Throws Storage when the database is newer
// than this program.
void Migrate(SQLite::Database& db);

// The schema version `db` holds (0 for an empty database).
int SchemaVersionOf(SQLite::Database& db);

}  // namespace attest
