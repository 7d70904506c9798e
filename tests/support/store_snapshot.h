// What a database holds, to check that a failed command left it exactly as it
// was: every row of every table in key order, the schema and user_version
// (row for row), and the bytes of the file and its -wal (byte for byte).
#pragma once

#include <string>

namespace attest::testing {

// Every table's rows in primary-key order, the schema and the user_version, as
// text; "(no database)" when `path` does not exist. Opens the file read-only.
std::string DumpStore(const std::string& path);

// SHA-256 of the database file followed by that of its -wal file ("-" for a file
// that does not exist).
std::string StoreBytes(const std::string& path);

}  // namespace attest::testing
