// Deterministic reconciliation: the same reports ingested with the same clock
// into two stores give the same rows, byte for byte: the same claims, records,
// changes and hashes. (Records are written in a fixed key order with numbers
// written one way; the table path reconciles on a second thread, in batches,
// and must give what one thread would.)
#include <catch2/catch.hpp>

#include <sstream>

#include "cli/app.h"
#include "tests/support/big_table.h"
#include "tests/support/store_snapshot.h"
#include "tests/support/temp_dir.h"

namespace attest {

namespace {

int Attest(const std::string& db, std::vector<std::string> args) {
  std::vector<std::string> all = {"attest", "--db", db, "--rules", ATTEST_RULES_DIR, "--now",
                                  "2025-07-16T00:00:00Z"};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<const char*> argv;
  for (const auto& a : all) argv.push_back(a.c_str());
  std::istringstream in;
  std::ostringstream out, err;
  return RunCli(static_cast<int>(argv.size()), argv.data(), in, out, err);
}

}  // namespace

TEST_CASE("the same reports ingested into two stores give the same rows byte for byte",
          "[cli][determinism]") {
  testing::TempDir tmp;
  // Claims on the same objects from two tables, so that the second reconciles
  // incidents that already hold claims, across many batches of the pipeline.
  std::string first = tmp.Write("first.tsv", testing::BigTable(6000, "obj"));
  std::string second = tmp.Write("second.tsv", testing::BigTable(9000, "obj", "other"));
  std::vector<std::string> dumps;
  for (const char* name : {"a.db", "b.db"}) {
    std::string db = tmp.File(name);
    for (const std::string& file :
         {std::string(ATTEST_EXAMPLES_DIR "/alkit/rfi-2025-07-14-alkit.jsonl"),
          std::string(ATTEST_EXAMPLES_DIR "/alkit/followup-2025-07-15.jsonl"),
          std::string(ATTEST_EXAMPLES_DIR "/desk/desk-2025-07-14-alkit.md"), first, second}) {
      REQUIRE(Attest(db, {"ingest", file}) == 0);
    }
    dumps.push_back(testing::DumpStore(db));
  }
  CHECK(dumps[0].size() > 500000);
  CHECK(dumps[0] == dumps[1]);
}

}  // namespace attest
