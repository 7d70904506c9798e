#include <catch2/catch.hpp>

#include <SQLiteCpp/Statement.h>

#include "db/database.h"
#include "db/ingest.h"
#include "db/migrations.h"
#include "db/version_repository.h"
#include "engine/read/claim_table.h"
#include "engine/read/structured_claims.h"
#include "tests/support/test_rules.h"

namespace attest {

namespace {

int64_t Count(SQLite::Database& db, const std::string& table) {
  return db.execAndGet("SELECT count(*) FROM " + table).getInt64();
}

ReportWithClaims ReadOne(const std::string& jsonl, const Rulebook& rules) {
  Diagnostics d;
  ReportOptions options;
  options.now = *ParseTimestamp("2025-07-14T12:00:00Z");
  auto reports = ReadStructuredClaims(jsonl, "test.jsonl", options, rules, d);
  std::string first_problem = d.items().empty() ? "" : d.items().front().ToString();
  INFO(first_problem);
  REQUIRE(reports.size() == 1);
  return reports.front();
}

const char* kReport =
    R"({"report": {"id": "r1", "outlet": "Wire", "published": "2025-07-14"}, "claimant": "Front", "stance": "asserts", "incident": {"place": "Townsville", "date": "2025-07-14"}, "slot": "occurred", "value": true}
{"report": {"id": "r1"}, "claimant": "Army", "stance": "acknowledges", "incident": {"place": "Townsvile", "date": "2025-07"}, "slot": "occurred", "value": true}
{"report": {"id": "r1"}, "claimant": "Front", "stance": "asserts", "incident": {"place": "Rivertown", "date": "2025-07-14"}, "slot": "occurred", "value": true}
)";

}  // namespace

TEST_CASE("opening a store runs every migration", "[db]") {
  SQLite::Database db = OpenDatabase(":memory:", OpenMode::kReadWrite);
  CHECK(SchemaVersionOf(db) == CurrentSchemaVersion());
  CHECK(Count(db, "reports") == 0);
}

TEST_CASE("a store written by a newer program is refused", "[db]") {
  SQLite::Database db = OpenDatabase(":memory:", OpenMode::kReadWrite);
  db.exec("PRAGMA user_version = 99");
  CHECK_THROWS_AS(Migrate(db), Storage);
}

TEST_CASE("claims join incidents by place spelling and compatible date", "[db]") {
  Rulebook rules = testing::SmallRulebook();
  SQLite::Database db = OpenDatabase(":memory:", OpenMode::kReadWrite);
  IngestResult r = IngestReport(db, rules, ReadOne(kReport, rules), *ParseTimestamp("2025-07-14"));
  CHECK(r.claims == 3);
  REQUIRE(r.incidents.size() == 2);
  CHECK(r.incidents[0].claims == 2);  // Townsville and Townsvile, a day within a month
  CHECK(r.incidents[1].claims == 1);  // Rivertown
  CHECK(Count(db, "incidents") == 2);
  CHECK(Count(db, "incident_versions") == 2);
}

TEST_CASE("ingesting the same report twice changes nothing", "[db]") {
  Rulebook rules = testing::SmallRulebook();
  SQLite::Database db = OpenDatabase(":memory:", OpenMode::kReadWrite);
  IngestReport(db, rules, ReadOne(kReport, rules), *ParseTimestamp("2025-07-14"));
  IngestResult again =
      IngestReport(db, rules, ReadOne(kReport, rules), *ParseTimestamp("2025-07-15"));
  CHECK(again.unchanged);
  CHECK(Count(db, "claims") == 3);
  CHECK(Count(db, "incident_versions") == 2);
}

TEST_CASE("a report id reused for other content is refused and stores nothing", "[db]") {
  Rulebook rules = testing::SmallRulebook();
  SQLite::Database db = OpenDatabase(":memory:", OpenMode::kReadWrite);
  IngestReport(db, rules, ReadOne(kReport, rules), *ParseTimestamp("2025-07-14"));
  std::string changed = kReport;
  changed.replace(changed.find("\"Front\""), 7, "\"Allies\"");
  CHECK_THROWS_AS(IngestReport(db, rules, ReadOne(changed, rules), *ParseTimestamp("2025-07-15")),
                  InvalidInput);
  CHECK(Count(db, "claims") == 3);
  CHECK(Count(db, "reports") == 1);
}

TEST_CASE("a new report that changes a record appends a version chained to the last",
          "[db]") {
  Rulebook rules = testing::SmallRulebook();
  SQLite::Database db = OpenDatabase(":memory:", OpenMode::kReadWrite);
  IngestReport(db, rules, ReadOne(kReport, rules), *ParseTimestamp("2025-07-14"));
  const char* follow_up =
      R"({"report": {"id": "r2", "outlet": "Wire", "published": "2025-07-15"}, "claimant": "Army", "stance": "asserts", "incident": {"place": "Townsville"}, "slot": "outcome", "value": "attack repelled"})";
  IngestResult r = IngestReport(db, rules, ReadOne(follow_up, rules), *ParseTimestamp("2025-07-15"));
  REQUIRE(r.incidents.size() == 1);
  CHECK(r.incidents[0].version == 2);
  VersionRepository versions(db);
  auto history = versions.History(r.incidents[0].id);
  REQUIRE(history.size() == 2);
  CHECK(history[1].prev_hash == history[0].hash);
  CHECK(history[1].cause.report == "r2");
  REQUIRE(history[1].changes.size() == 1);
  CHECK(history[1].changes[0].slot == "outcome");
  CHECK_FALSE(history[1].changes[0].before.has_value());
}

TEST_CASE("claims are stored as text a plain SQL query can filter", "[db]") {
  Rulebook rules = testing::SmallRulebook();
  SQLite::Database db = OpenDatabase(":memory:", OpenMode::kReadWrite);
  IngestReport(db, rules, ReadOne(kReport, rules), *ParseTimestamp("2025-07-14"));
  CHECK(db.execAndGet("SELECT count(*) FROM claims WHERE stance = 'acknowledges'").getInt() == 1);
  CHECK(db.execAndGet("SELECT count(*) FROM claims WHERE typeof(stance) <> 'text'").getInt() == 0);
  CHECK(db.execAndGet("SELECT count(*) FROM claims WHERE value = 'true'").getInt() == 3);
}

TEST_CASE("stored versions and claims cannot be updated or deleted", "[db]") {
  Rulebook rules = testing::SmallRulebook();
  SQLite::Database db = OpenDatabase(":memory:", OpenMode::kReadWrite);
  IngestReport(db, rules, ReadOne(kReport, rules), *ParseTimestamp("2025-07-14"));
  CHECK_THROWS(db.exec("UPDATE incident_versions SET record = '{}'"));
  CHECK_THROWS(db.exec("DELETE FROM claims"));
  CHECK(Count(db, "claims") == 3);
}

TEST_CASE("a claim table becomes one report with one incident per object", "[db]") {
  Rulebook rules = testing::SmallRulebook();
  SQLite::Database db = OpenDatabase(":memory:", OpenMode::kReadWrite);
  std::string tsv =
      "source\tobject\tattribute\tvalue\n"
      "a\tflight-1\tgate\tC20\n"
      "b\tflight-2\tgate\tB4\n"
      "b\tflight-1\tgate\tC20\n"
      "c\tflight-1\tgate\tC21\n";
  Diagnostics d;
  ReportOptions options;
  options.id = "gates";
  options.now = *ParseTimestamp("2025-01-01");
  auto table = ReadClaimTable(tsv, "-", TableDialect::kTsv, options, rules, d);
  REQUIRE(table);
  IngestResult r = IngestTable(db, rules, *table, *ParseTimestamp("2025-01-01"));
  CHECK(r.claims == 4);
  REQUIRE(r.incidents.size() == 2);
  CHECK(r.incidents[0].label == "flight-1");
  CHECK(r.incidents[0].claims == 3);
  auto latest = VersionRepository(db).Latest(r.incidents[0].id);
  REQUIRE(latest);
  const SlotRecord* gate = latest->record.Find("gate");
  REQUIRE(gate);
  CHECK(FormatSlotValue(*gate->value) == "C20");
  CHECK(gate->status == SlotStatus::kContested);
  CHECK(IngestTable(db, rules, *table, *ParseTimestamp("2025-01-02")).unchanged);
}

}  // namespace attest

namespace attest {

namespace {

std::string ManyObjects(int objects, const std::string& source, const std::string& value) {
  std::string tsv = "source\tobject\tattribute\tvalue\n";
  for (int i = 0; i < objects; ++i) {
    tsv += source + "\tobj-" + std::to_string(i) + "\tgate\t" + value + "\n";
    tsv += "z-" + source + "\tobj-" + std::to_string(i) + "\tgate\t" + value + "\n";
  }
  return tsv;
}

ClaimTable Table(const std::string& tsv, const std::string& id, const Rulebook& rules) {
  Diagnostics d;
  ReportOptions options;
  options.id = id;
  options.now = *ParseTimestamp("2025-01-01");
  auto table = ReadClaimTable(tsv, "-", TableDialect::kTsv, options, rules, d);
  REQUIRE(table);
  return std::move(*table);
}

}  // namespace

TEST_CASE("a table spanning many batches records one version per object, in order", "[db]") {
  Rulebook rules = testing::SmallRulebook();
  SQLite::Database db = OpenDatabase(":memory:", OpenMode::kReadWrite);
  IngestResult first = IngestTable(db, rules, Table(ManyObjects(700, "a", "C1"), "t1", rules),
                                   *ParseTimestamp("2025-01-01"));
  REQUIRE(first.incidents.size() == 700);
  CHECK(first.incidents[0].label == "obj-0");
  CHECK(first.incidents[699].label == "obj-699");
  CHECK(Count(db, "incident_versions") == 700);

  // A second table on the same objects disagrees: every record changes.
  IngestResult second = IngestTable(db, rules, Table(ManyObjects(700, "b", "C2"), "t2", rules),
                                    *ParseTimestamp("2025-01-02"));
  REQUIRE(second.incidents.size() == 700);
  CHECK(second.incidents[350].version == 2);
  CHECK_FALSE(second.incidents[350].created);
  auto latest = VersionRepository(db).Latest(second.incidents[350].id);
  REQUIRE(latest);
  const SlotRecord* gate = latest->record.Find("gate");
  REQUIRE(gate);
  CHECK(gate->status == SlotStatus::kContested);
  CHECK(gate->support.size() + gate->oppose.size() == 4);
  CHECK(latest->prev_hash == VersionRepository(db).Get(second.incidents[350].id, 1)->hash);
}

}  // namespace attest
