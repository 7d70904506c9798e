#include "tests/support/store_snapshot.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "engine/base/sha256.h"

namespace attest::testing {

std::string DumpStore(const std::string& path) {
  if (!std::filesystem::exists(path)) return "(no database)";
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  std::ostringstream out;
  out << "user_version " << db.execAndGet("PRAGMA user_version").getInt() << "\n";
  std::vector<std::string> tables;
  SQLite::Statement schema(db, "SELECT type, name, sql FROM sqlite_master ORDER BY type, name");
  while (schema.executeStep()) {
    out << schema.getColumn(0).getString() << " " << schema.getColumn(1).getString() << ": "
        << schema.getColumn(2).getString() << "\n";
    if (schema.getColumn(0).getString() == "table") tables.push_back(schema.getColumn(1).getString());
  }
  for (const auto& table : tables) {
    // Table names come from sqlite_master, not from input: quoted, not bound
    // (a name cannot be a parameter).
    SQLite::Statement rows(db, "SELECT * FROM \"" + table + "\" ORDER BY 1, 2");
    out << "table " << table << "\n";
    while (rows.executeStep()) {
      for (int i = 0; i < rows.getColumnCount(); ++i) {
        out << (i ? "\t" : "") << (rows.getColumn(i).isNull() ? "NULL" : rows.getColumn(i).getString());
      }
      out << "\n";
    }
  }
  return out.str();
}

std::string StoreBytes(const std::string& path) {
  auto hash = [](const std::string& file) -> std::string {
    if (!std::filesystem::exists(file)) return "-";
    std::ifstream in(file, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return Sha256Hex(s.str());
  };
  return hash(path) + " " + hash(path + "-wal");
}

}  // namespace attest::testing
