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
    int flags = mode == OpenMode::kReadOnly ? SQLite::OPEN_READONLY
                                            : SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE;
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
    Migrate(db);
    return db;
  } catch (const SQLite::Exception& e) {
    throw Storage(fmt::format("{}: cannot open the database: {}", path, e.what()));
  }
}

}  // namespace attest
