// Crash safety: `attest ingest` of a large claim table, killed with SIGKILL at
// several points of its run (reading, storing, reconciling, committing), leaves
// a store that verifies and holds all of the report or none of it; the same
// ingest then completes. The kill delays are fractions of a full ingest timed in
// the same run, so that the points fall alike on fast and slow (sanitizer)
// builds.
#include <catch2/catch.hpp>

#include <SQLiteCpp/Database.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "tests/support/big_table.h"
#include "tests/support/store_snapshot.h"
#include "tests/support/subprocess.h"
#include "tests/support/temp_dir.h"

namespace attest {

namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

const size_t kRows = testing::BusyRows(100000);

std::vector<std::string> Args(const std::string& db, std::vector<std::string> rest) {
  std::vector<std::string> args = {"--db", db, "--rules", ATTEST_RULES_DIR, "--now",
                                   "2025-07-16T00:00:00Z"};
  args.insert(args.end(), rest.begin(), rest.end());
  return args;
}

int64_t ClaimsOf(const std::string& db, const std::string& report) {
  SQLite::Database d(db, SQLite::OPEN_READONLY);
  SQLite::Statement st(d,
                       "SELECT count(*) FROM claims c JOIN reports r ON r.id = c.report_id "
                       "WHERE r.report_key = ?");
  st.bind(1, report);
  st.executeStep();
  return st.getColumn(0).getInt64();
}

}  // namespace

TEST_CASE("an ingest killed at any point leaves a store that verifies and holds all of the "
          "report or none, and the same ingest then completes",
          "[process][crash]") {
  testing::TempDir tmp;
  std::string table = tmp.Write("big.tsv", testing::BigTable(kRows, "obj"));
  std::string base = tmp.File("base.db");
  REQUIRE(testing::RunAttest(Args(base, {"ingest", ATTEST_EXAMPLES_DIR
                                         "/alkit/rfi-2025-07-14-alkit.jsonl"}))
              .exit == 0);
  std::string base_rows = testing::DumpStore(base);

  // A full ingest, timed, on a copy: what the kills are measured against.
  std::string timed = tmp.File("timed.db");
  fs::copy_file(base, timed);
  auto start = Clock::now();
  auto full = testing::RunAttest(Args(timed, {"ingest", table}));
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  INFO(full.err);
  REQUIRE(full.exit == 0);
  REQUIRE(ClaimsOf(timed, "big") == static_cast<int64_t>(kRows));

  int none = 0, all = 0;
  for (double fraction : {0.02, 0.1, 0.25, 0.4, 0.55, 0.7, 0.85, 0.95}) {
    CAPTURE(fraction, seconds);
    std::string db = tmp.File("killed-" + std::to_string(fraction) + ".db");
    fs::copy_file(base, db);
    {
      testing::Child child(Args(db, {"ingest", table}));
      std::this_thread::sleep_for(std::chrono::duration<double>(fraction * seconds));
      child.Kill();
      child.Wait();
    }
    auto verify = testing::RunAttest(Args(db, {"verify"}));
    INFO(verify.out << verify.err);
    CHECK(verify.exit == 0);
    CHECK(verify.out.rfind("verify: ok", 0) == 0);
    int64_t stored = ClaimsOf(db, "big");
    CHECK((stored == 0 || stored == static_cast<int64_t>(kRows)));
    if (stored == 0) {
      ++none;
      CHECK(testing::DumpStore(db) == base_rows);
    } else {
      ++all;
    }
    auto again = testing::RunAttest(Args(db, {"ingest", table}));
    INFO(again.err);
    CHECK(again.exit == 0);
    CHECK(ClaimsOf(db, "big") == static_cast<int64_t>(kRows));
    CHECK(testing::RunAttest(Args(db, {"verify"})).exit == 0);
  }
  // The kills spread over the whole run: at least one landed before the commit.
  CAPTURE(all);
  CHECK(none >= 1);
}

}  // namespace attest
