#include "db/storage_error.h"

#include <sqlite3.h>

namespace attest {

std::string DescribeStorageFailure(const SQLite::Exception& e) {
  std::string what = e.what();
  switch (e.getErrorCode()) {
    case SQLITE_FULL:
      return what + "; free some disk space and run the command again";
    case SQLITE_IOERR:
      return what + " (the disk may be full or failing, or the file not allowed to grow); "
                    "check the disk and run the command again";
    case SQLITE_READONLY:
      return what + "; the database file or its folder is read-only: check their permissions, "
                    "or work on a copy";
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return what + "; another process kept the database locked for longer than attest "
                    "waits: run the command again when it is done";
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return what + "; this is not an attest database, or it is damaged: restore it from a copy";
    case SQLITE_CANTOPEN:
      return what + "; check that the path names a file in a folder that exists and that "
                    "attest may write to";
    default:
      return what;
  }
}

}  // namespace attest
