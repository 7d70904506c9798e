#include "db/database.h"

#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>

#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <thread>

#include "db/migrations.h"
#include "db/storage_error.h"

namespace attest {

namespace {

namespace fs = std::filesystem;

// How long a connection waits for another process's lock before giving up. With
// WAL, readers never wait for a writer; a writer waits for the one writer ahead
// of it, which may be storing a table of millions of claims, so the wait is long.
constexpr int kBusyTimeoutMs = 10 * 60 * 1000;

// What is wrong with `path` before SQLite is asked, in words SQLite does not
// have ("unable to open database file" says neither which nor why).
void CheckPath(const std::string& path, OpenMode mode) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    throw Storage(fmt::format("{}: is a folder, not a database; give --db a file path", path));
  }
  bool exists = fs::exists(path, ec);
  if (exists && !fs::is_regular_file(path, ec)) {
    throw Storage(fmt::format("{}: is not a file (a device or a pipe); give --db a file path",
                              path));
  }
  if (mode == OpenMode::kReadOnly && !exists) {
    throw NotFound(fmt::format("{}: no such database; ingest reports first, or give --db", path));
  }
  fs::path folder = fs::path(path).parent_path();
  if (!exists && !folder.empty() && !fs::is_directory(folder, ec)) {
    throw Storage(fmt::format("{}: the folder {} does not exist; create it or give another --db",
                              path, folder.string()));
  }
}

// A WAL database is read through its -shm file, which a reader creates when it
// is missing; in a folder the reader may not write (an archive on read-only
// media), that fails. When there is no -wal file either, the database file holds
// every committed transaction and nothing can be writing it through WAL, so it
// is read as immutable instead.
bool ReadableOnlyAsImmutable(const std::string& path) {
  std::error_code ec;
  fs::path folder = fs::path(path).parent_path();
  if (folder.empty()) folder = ".";
  return !fs::exists(path + "-wal", ec) && access(folder.c_str(), W_OK) != 0;
}

std::string ImmutableUri(const std::string& path) {
  std::string uri = "file:";
  for (char c : fs::absolute(path).string()) {
    if (c == '%' || c == '?' || c == '#') {
      uri += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    } else {
      uri += c;
    }
  }
  return uri + "?mode=ro&immutable=1";
}

// Switches the store to WAL. On a database still in rollback mode (one that
// another process is creating at this moment) the switch rewrites the file
// header: SQLite reads it under a shared lock, then asks for the exclusive lock,
// and when another process holds a lock it returns SQLITE_BUSY at once instead
// of calling the busy handler (waiting with a read lock held could deadlock).
// The wait SQLite skips is done here: the switch is retried, with the read lock
// released in between, for as long as any other lock is waited for.
void UseWal(SQLite::Database& db) {
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
  auto pause = std::chrono::milliseconds(1);
  while (true) {
    try {
      db.exec("PRAGMA journal_mode = WAL");
      return;
    } catch (const SQLite::Exception& e) {
      if ((e.getErrorCode() & 0xff) != SQLITE_BUSY || Clock::now() >= deadline) throw;
    }
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(100));
  }
}

SQLite::Database OpenReadOnly(const std::string& path) {
  int flags = SQLite::OPEN_NOMUTEX | SQLite::OPEN_READONLY;
  try {
    SQLite::Database db(path, flags, kBusyTimeoutMs);
    db.exec("PRAGMA foreign_keys = ON");  // a no-op once a transaction is open
    db.exec("BEGIN");
    db.execAndGet("PRAGMA user_version");  // the first read: -shm opened, snapshot taken
    return db;
  } catch (const SQLite::Exception& e) {
    bool refused = e.getErrorCode() == SQLITE_READONLY || e.getErrorCode() == SQLITE_CANTOPEN;
    if (!refused || !ReadableOnlyAsImmutable(path)) throw;
  }
  SQLite::Database db(ImmutableUri(path), flags | SQLite::OPEN_URI, kBusyTimeoutMs);
  db.exec("PRAGMA foreign_keys = ON");
  db.exec("BEGIN");
  return db;
}

}  // namespace

SQLite::Database OpenDatabase(const std::string& path, OpenMode mode) {
  bool memory = path == ":memory:";
  if (!memory) CheckPath(path, mode);
  try {
    if (mode == OpenMode::kReadOnly) {
      // A reading command reads one snapshot: the read transaction begun here
      // lasts as long as the connection, so that every statement of the command
      // sees the store as one ingest left it, never half of the next one.
      SQLite::Database db = OpenReadOnly(path);
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
    // One connection is only ever used by one thread: SQLite's own mutexes are
    // not needed (they cost a few percent of a bulk ingest).
    SQLite::Database db(path, SQLite::OPEN_NOMUTEX | SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE,
                        kBusyTimeoutMs);
    db.exec("PRAGMA foreign_keys = ON");
    if (!memory) {
      UseWal(db);
      db.exec("PRAGMA synchronous = NORMAL");
    }
    // A writer may hold a whole report in one transaction: a 64 MiB page cache
    // keeps the pages it touches repeatedly (indexes) from spilling early.
    db.exec("PRAGMA cache_size = -65536");
    Migrate(db);
    return db;
  } catch (const SQLite::Exception& e) {
    throw Storage(fmt::format("{}: cannot open the database: {}", path, DescribeStorageFailure(e)));
  }
}

}  // namespace attest
