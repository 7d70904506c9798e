#include <SQLiteCpp/Statement.h>

#include <catch2/catch.hpp>

#include "db/database.h"
#include "db/ingest.h"
#include "db/period_report_data.h"
#include "db/reconcile_all.h"
#include "db/record_verdict.h"
#include "db/reliability_repository.h"
#include "db/version_repository.h"
#include "engine/read/claim_table.h"
#include "tests/support/test_rules.h"

namespace attest {

namespace {

int64_t Count(SQLite::Database& db, const std::string& table) {
  return db.execAndGet("SELECT count(*) FROM " + table).getInt64();
}

Timestamp At(const char* text) { return *ParseTimestamp(text); }

// A table in which "good" agrees with "also" and "bad" departs on every other item.
std::string Table(int items) {
  std::string t = "source\tobject\tattribute\tvalue\n";
  for (int i = 0; i < items; ++i) {
    std::string object = "o" + std::to_string(i);
    std::string value = "v" + std::to_string(i);
    t += "good\t" + object + "\tgate\t" + value + "\n";
    t += "also\t" + object + "\tgate\t" + value + "\n";
    t += "bad\t" + object + "\tgate\t" + (i % 2 ? "w" + std::to_string(i) : value) + "\n";
  }
  return t;
}

void Ingest(SQLite::Database& db, const Rulebook& rules, const std::string& content,
            const std::string& id, Timestamp now) {
  Diagnostics d;
  ReportOptions options;
  options.id = id;
  options.now = now;
  auto table = ReadClaimTable(content, id + ".tsv", TableDialect::kTsv, options, rules, d);
  REQUIRE(table);
  IngestTable(db, rules, *table, now);
}

}  // namespace

TEST_CASE("a reconcile records a run, an estimate per source, and versions where records changed",
          "[db][reliability]") {
  Rulebook rules = testing::SmallRulebook();
  SQLite::Database db = OpenDatabase(":memory:", OpenMode::kReadWrite);
  Ingest(db, rules, Table(30), "t1", At("2026-01-01"));
  int64_t versions = Count(db, "incident_versions");

  ReconcileResult first = ReconcileAll(db, rules, At("2026-01-02"));
  CHECK(first.run.id == 1);
  CHECK(first.run.sources == 3);
  CHECK(first.run.claims == 90);
  CHECK(first.run.items == 30);
  CHECK_FALSE(first.previous);
  CHECK(first.sources_changed.size() == 3);
  CHECK(Count(db, "source_estimates") == 3);
  CHECK(first.incidents == 30);
  CHECK(first.versions == Count(db, "incident_versions") - versions);

  ReliabilityRepository runs(db);
  std::vector<SourceEstimate> estimates = runs.Estimates(1);
  REQUIRE(estimates.size() == 3);
  CHECK(estimates[0].name == "also");
  CHECK(estimates[1].name == "bad");
  CHECK(estimates[1].probability < estimates[0].probability);
  CHECK(estimates[1].failed == 15);
  CHECK(estimates[0].letter != ReliabilityLetter::kF);

  // Nothing new: a second run records its estimate but no version.
  int64_t before = Count(db, "incident_versions");
  ReconcileResult second = ReconcileAll(db, rules, At("2026-01-03"));
  CHECK(second.run.id == 2);
  CHECK(second.previous->id == 1);
  CHECK(second.versions == 0);
  CHECK(second.sources_changed.empty());
  CHECK(Count(db, "incident_versions") == before);
  CHECK(runs.HistoryOf("bad").size() == 2);
}

TEST_CASE("an ingest after a reconcile weighs its claims by the stored reliability",
          "[db][reliability]") {
  Rulebook rules = testing::SmallRulebook();
  SQLite::Database db = OpenDatabase(":memory:", OpenMode::kReadWrite);
  Ingest(db, rules, Table(30), "t1", At("2026-01-01"));
  ReconcileAll(db, rules, At("2026-01-02"));
  // "bad" against "good": without reliability a tie, the smaller text leading.
  Ingest(db, rules, "source\tobject\tattribute\tvalue\nbad\tnew\tgate\ta\ngood\tnew\tgate\tb\n",
         "t2", At("2026-01-03"));
  std::optional<IncidentVersion> v = VersionRepository(db).Latest(IncidentId(31));
  REQUIRE(v);
  const SlotRecord* gate = v->record.Find("gate");
  REQUIRE(gate);
  CHECK(FormatSlotValue(*gate->value) == "b");
  CHECK_THAT(gate->reason, Catch::Contains("good ("));
}

namespace {

// Two reliability runs, on 2026-01-02 and 2026-01-06; between them more of
// "bad" departing from "good" and "also" makes its probability fall.
void TwoRunsWhereBadFalls(SQLite::Database& db, const Rulebook& rules) {
  Ingest(db, rules, Table(12), "t1", At("2026-01-01"));
  ReconcileAll(db, rules, At("2026-01-02"));
  std::string more = "source\tobject\tattribute\tvalue\n";
  for (int i = 0; i < 40; ++i) {
    std::string object = "p" + std::to_string(i);
    more += "good\t" + object + "\tgate\tx\nalso\t" + object + "\tgate\tx\nbad\t" + object +
            "\tgate\ty\n";
  }
  Ingest(db, rules, more, "t2", At("2026-01-05"));
  ReconcileAll(db, rules, At("2026-01-06"));
}

}  // namespace

TEST_CASE("the sources whose reliability moved between two times come from one query",
          "[db][reliability]") {
  Rulebook rules = testing::SmallRulebook();
  SQLite::Database db = OpenDatabase(":memory:", OpenMode::kReadWrite);
  TwoRunsWhereBadFalls(db, rules);

  ReliabilityRepository runs(db);
  std::vector<ReliabilityMove> moved = runs.MovedBetween(At("2026-01-03"), At("2026-01-07"), 0.05);
  REQUIRE_FALSE(moved.empty());
  auto bad = std::find_if(moved.begin(), moved.end(),
                          [](const ReliabilityMove& m) { return m.source == "bad"; });
  REQUIRE(bad != moved.end());
  REQUIRE(bad->before);
  CHECK(bad->before->run == 1);
  CHECK(bad->after.run == 2);
  CHECK(bad->after.probability < bad->before->probability - 0.05);
  // Nothing moves between two times that see the same run.
  CHECK(runs.MovedBetween(At("2026-01-02"), At("2026-01-04"), 0.0).empty());
  // Before any run, every source is new.
  CHECK(runs.MovedBetween(At("2025-12-01"), At("2026-01-02"), 0.05).size() == 3);
}

TEST_CASE("the periodic report lists the sources whose reliability moved in its period",
          "[db][reliability][report]") {
  Rulebook rules = testing::SmallRulebook();
  SQLite::Database db = OpenDatabase(":memory:", OpenMode::kReadWrite);
  TwoRunsWhereBadFalls(db, rules);

  ReportPeriod period{At("2026-01-03"), At("2026-01-07")};
  PeriodReportInput in = ReadPeriodReportInput(db, rules.slots, period);
  auto bad = std::find_if(in.reliability_changes.begin(), in.reliability_changes.end(),
                          [](const ReliabilityChange& c) { return c.source == "bad"; });
  REQUIRE(bad != in.reliability_changes.end());
  REQUIRE(bad->probability_before);
  REQUIRE(bad->probability_after);
  CHECK(*bad->probability_after < *bad->probability_before - 0.05);
  CHECK(bad->letter_after);

  // A period that sees one run only: nothing moved.
  ReportPeriod quiet{At("2026-01-02T12:00:00Z"), At("2026-01-04")};
  CHECK(ReadPeriodReportInput(db, rules.slots, quiet).reliability_changes.empty());
  // A period from before any run: every source is first estimated in it.
  ReportPeriod first{At("2025-12-01"), At("2026-01-02T12:00:00Z")};
  std::vector<ReliabilityChange> all =
      ReadPeriodReportInput(db, rules.slots, first).reliability_changes;
  REQUIRE(all.size() == 3);
  CHECK_FALSE(all[0].letter_before);
}

TEST_CASE("a verdict on an unknown incident, slot or claim stores nothing", "[db][reliability]") {
  Rulebook rules = testing::SmallRulebook();
  SQLite::Database db = OpenDatabase(":memory:", OpenMode::kReadWrite);
  Ingest(db, rules, Table(3), "t1", At("2026-01-01"));
  int64_t versions = Count(db, "incident_versions");
  struct Case {
    std::optional<std::string> incident, slot;
    std::optional<ClaimId> claim;
    std::optional<std::string> value;
    bool not_found;
  };
  auto c = GENERATE(Case{"nowhere", "gate", {}, {}, true}, Case{"o1", "runway", {}, {}, true},
                    Case{{}, {}, ClaimId(999), {}, true},
                    Case{"o2", "gate", ClaimId(1), {}, false});  // c1 is about o0
  VerdictRequest request{c.incident, c.slot, c.claim, c.value, VerdictKind::kRefuted, "ana", ""};
  if (c.not_found) {
    CHECK_THROWS_AS(RecordVerdict(db, rules, request, At("2026-01-02")), NotFound);
  } else {
    CHECK_THROWS_AS(RecordVerdict(db, rules, request, At("2026-01-02")), InvalidInput);
  }
  CHECK(Count(db, "verdicts") == 0);
  CHECK(Count(db, "incident_versions") == versions);
}

TEST_CASE("a verdict is recorded with the version it makes", "[db][reliability]") {
  Rulebook rules = testing::SmallRulebook();
  SQLite::Database db = OpenDatabase(":memory:", OpenMode::kReadWrite);
  Ingest(db, rules, Table(3), "t1", At("2026-01-01"));
  VerdictRequest request{
      "o1", "gate", std::nullopt, "w1", VerdictKind::kConfirmed, "ana", "the airline's board"};
  VerdictResult r = RecordVerdict(db, rules, request, At("2026-01-02"));
  CHECK(r.verdict.id == 1);
  REQUIRE(r.version);
  CHECK(*r.version == 2);
  std::optional<IncidentVersion> v = VersionRepository(db).Latest(IncidentId(2));
  REQUIRE(v);
  CHECK(v->cause.action == "verdict");
  CHECK(v->cause.by == "ana");
  const SlotRecord* gate = v->record.Find("gate");
  REQUIRE(gate);
  CHECK(gate->status == SlotStatus::kConfirmed);
  CHECK(FormatSlotValue(*gate->value) == "w1");
}

}  // namespace attest
