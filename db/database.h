// Opening the store. One function opens every connection, with explicit flags, a
// busy timeout, WAL, foreign keys, and the migrations (db/migrations.h). A
// database written by a newer attest is refused with a clear message.
#pragma once

#include <SQLiteCpp/Database.h>

#include <string>

namespace attest {

enum class OpenMode {
  kReadOnly,   // read-only verbs: the file must exist and is never written
  kReadWrite,  // created on first use, migrated to the current schema
};

// Opens `path` (":memory:" for a private in-memory store). Throws NotFound when a
// read-only open finds no file, Storage for anything the store refuses.
SQLite::Database OpenDatabase(const std::string& path, OpenMode mode);

}  // namespace attest
