// Fuzz target: structured claims (.jsonl) read with the shipped rules and, when
// valid, ingested into an in-memory store, then ingested again. Checks: the
// second ingest changes nothing, and every stored version's hash verifies.
#include <SQLiteCpp/Database.h>

#include <cstdlib>

#include "db/database.h"
#include "db/ingest.h"
#include "db/version_repository.h"
#include "engine/read/structured_claims.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace attest;
  const Rulebook& rules = fuzz::ShippedRules();
  Diagnostics diagnostics;
  auto reports =
      ReadStructuredClaims(fuzz::AsString(data, size), "fuzz.jsonl", fuzz::FixedOptions(), rules,
                           diagnostics);
  if (reports.empty() != diagnostics.HasErrors()) std::abort();
  if (reports.empty() || reports.size() > 8) return 0;
  SQLite::Database db = OpenDatabase(":memory:", OpenMode::kReadWrite);
  Timestamp now = *ParseTimestamp("2025-07-16T00:00:00Z");
  for (const auto& r : reports) {
    try {
      IngestReport(db, rules, r, now);
    } catch (const InvalidInput&) {
      // two reports of one file that only differ in content: refused, fine
      continue;
    }
    if (!IngestReport(db, rules, r, now).unchanged) std::abort();
  }
  VersionRepository(db).ForEachStored([](const SerializedVersion& v, const std::string& hash) {
    if (HashVersion(v) != hash) std::abort();
  });
  return 0;
}
