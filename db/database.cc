#include "db/database.h"

#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>

#include <filesystem>

#include "db/migrations.h"
#include "db/storage_error.h"

namespace attest {

namespace {
constexpr int kBusyTimeoutMs = 5000;
}

SQLite::Database OpenDatabase(const std::string& path, OpenMode mode) {
  bool memory = path == ":memory:";
  if (mode == OpenMode::kReadOnly && !memory && !std::filesystem::exists(path)) {
    throw NotFound(fmt::format("{}: no such database; ingest reports first, or give --db", path));
  }
  try {
    // One connection is only ever used by one thread: SQLite's own mutexes are
    // not needed (they cost a few percent of a bulk ingest).
    int flags = SQLite::OPEN_NOMUTEX | (mode == OpenMode::kReadOnly
                                            ? SQLite::OPEN_READONLY
                                            : SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    SQLite::Database db(path, flags, kBusyTimeoutMs);
    db.exec("PRAGMA foreign_keys = ON");
    if (mode == OpenMode::kReadOnly) {
      int version = db.execAndGet("PRAGMA user_version").getInt();
      if (version > CurrentSchemaVersion()) {
        throw Storage(fmt::format("{}: the database has schema version {}, newer than this "
                                  "attest understands ({}); upgrade attest",
                                  path, version, CurrentSchemaVersion()));
      }
      if (version < CurrentSchemaVersion()) {
        throw Storage(fmt::format("{}: the database has schema version {}; run a writing "
                                  "command (attest ingest) once to migrate it to {}",
                                  path, version, CurrentSchemaVersion()));
      }
      return db;
    }
    if (!memory) {
      db.exec("PRAGMA journal_mode = WAL");
      db.exec("PRAGMA synchronous = NORMAL");
    }
    // A writer may hold a whole report in one transaction: a 64 MiB page cache
    // keeps the pages it touches repeatedly (indexes) from spilling early.
    db.exec("PRAGMA cache_size = -65536");
    Migrate(db);
    return db;
  } catch (const SQLite::Exception& e) {
    throw Storage(fmt::format("{}: cannot open the database: {}", path, e.what()));
  }
}

}  // namespace attest
