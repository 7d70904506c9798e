// Tampering: the store edited behind attest's back, as someone with write access
// to the file would (dropping the append-only triggers first), and what `attest
// verify` says about each edit: exit 1 naming the incident and the version.
// The history used: incident #1 with versions 1, 2, 3 (claims c1-c21, c25-c28,
// c29-c37), incident #2 with version 1 (claims c22-c24).
#include <catch2/catch.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <functional>
#include <sstream>

#include "cli/app.h"
#include "engine/versions/version.h"
#include "tests/support/temp_dir.h"

namespace attest {

namespace {

struct Run {
  int exit = 0;
  std::string out, err;
};

Run Attest(const std::string& db, std::vector<std::string> args) {
  std::vector<std::string> all = {"attest", "--db", db, "--rules", ATTEST_RULES_DIR, "--now",
                                  "2025-07-16T00:00:00Z"};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<const char*> argv;
  for (const auto& a : all) argv.push_back(a.c_str());
  std::istringstream in;
  std::ostringstream out, err;
  Run r;
  r.exit = RunCli(static_cast<int>(argv.size()), argv.data(), in, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

std::string History(const testing::TempDir& tmp) {
  std::string db = tmp.File("attest.db");
  for (const char* file : {ATTEST_EXAMPLES_DIR "/alkit/rfi-2025-07-14-alkit.jsonl",
                           ATTEST_EXAMPLES_DIR "/alkit/followup-2025-07-15.jsonl",
                           ATTEST_EXAMPLES_DIR "/desk/desk-2025-07-14-alkit.md"}) {
    REQUIRE(Attest(db, {"ingest", file}).exit == 0);
  }
  return db;
}

// What an attacker does first: the triggers that refuse changes are dropped.
SQLite::Database Open(const std::string& db) {
  SQLite::Database raw(db, SQLite::OPEN_READWRITE);
  for (const char* table : {"reports", "claims", "incident_versions", "verdicts"}) {
    for (const char* kind : {"u", "d"}) {
      raw.exec(std::string("DROP TRIGGER ") + table + "_append_only_" + kind);
    }
  }
  return raw;
}

// What a careful attacker does last: the triggers are put back as they were.
void RestoreTriggers(SQLite::Database& raw) {
  for (const char* table : {"reports", "claims", "incident_versions", "verdicts"}) {
    for (auto [kind, event] : {std::pair{"u", "UPDATE"}, std::pair{"d", "DELETE"}}) {
      raw.exec(std::string("CREATE TRIGGER ") + table + "_append_only_" + kind + " BEFORE " +
               event + " ON " + table + " BEGIN SELECT RAISE(ABORT, 'append-only'); END");
    }
  }
}

// Changes a stored version with `edit`, then gives it the hash of its new
// content, as an attacker who knows the hash function would.
void Rewrite(SQLite::Database& raw, int64_t incident, int64_t version,
             const std::function<void(SerializedVersion&)>& edit) {
  SQLite::Statement st(raw,
                       "SELECT recorded_at, cause, changes, record, prev_hash FROM "
                       "incident_versions WHERE incident_id = ? AND version = ?");
  st.bind(1, incident);
  st.bind(2, version);
  REQUIRE(st.executeStep());
  SerializedVersion v{incident, version, st.getColumn(0).getString(), st.getColumn(1).getString(),
                      st.getColumn(2).getString(), st.getColumn(3).getString(),
                      st.getColumn(4).getString()};
  edit(v);
  SQLite::Statement up(raw,
                       "UPDATE incident_versions SET record = ?, prev_hash = ?, hash = ? WHERE "
                       "incident_id = ? AND version = ?");
  up.bind(1, v.record);
  up.bind(2, v.prev_hash);
  up.bind(3, HashVersion(v));
  up.bind(4, incident);
  up.bind(5, version);
  up.exec();
}

void ContestedToConfirmed(SerializedVersion& v) {
  auto at = v.record.find("\"contested\"");
  REQUIRE(at != std::string::npos);
  v.record.replace(at, 11, "\"confirmed\"");
}

struct Tampering {
  const char* contract;
  std::function<void(SQLite::Database&)> edit;
  std::string expected;  // the line verify prints
};

std::vector<Tampering> Catalogue() {
  auto sql = [](std::string statement) {
    return [statement](SQLite::Database& raw) { raw.exec(statement); };
  };
  return {
      {"a version whose record was edited is named as altered",
       sql("UPDATE incident_versions SET record = replace(record, '\"contested\"', "
           "'\"confirmed\"') WHERE incident_id = 1 AND version = 2"),
       "verify: FAILED: incident #1 version 2: stored content does not match its hash; it was "
       "altered after it was recorded\n"},
      {"a version whose cause was edited is named as altered",
       sql("UPDATE incident_versions SET cause = replace(cause, 'followup', 'other') WHERE "
           "incident_id = 1 AND version = 2"),
       "verify: FAILED: incident #1 version 2: stored content does not match its hash; it was "
       "altered after it was recorded\n"},
      {"a version whose recorded time was moved is named as altered",
       sql("UPDATE incident_versions SET recorded_at = '2025-07-01T00:00:00Z' WHERE incident_id "
           "= 1 AND version = 3"),
       "verify: FAILED: incident #1 version 3: stored content does not match its hash; it was "
       "altered after it was recorded\n"},
      {"a version whose link to the previous one was edited is named as altered",
       sql("UPDATE incident_versions SET prev_hash = hash WHERE incident_id = 1 AND version = 3"),
       "verify: FAILED: incident #1 version 3: stored content does not match its hash; it was "
       "altered after it was recorded\n"},
      {"a version edited and given a fresh hash is named as replaced by the version after it",
       [](SQLite::Database& raw) { Rewrite(raw, 1, 2, ContestedToConfirmed); },
       "verify: FAILED: incident #1 version 2: is not the version that version 3 follows (its "
       "hash differs from the one version 3 recorded); it was replaced\n"},
      {"a deleted version in the middle of a history is named",
       sql("DELETE FROM incident_versions WHERE incident_id = 1 AND version = 2"),
       "verify: FAILED: incident #1: version 2 is missing (version 3 comes next); it was "
       "deleted\n"},
      {"a deleted first version is named",
       sql("DELETE FROM incident_versions WHERE incident_id = 1 AND version = 1"),
       "verify: FAILED: incident #1: version 1 is missing (version 2 comes next); it was "
       "deleted\n"},
      {"a deleted last version is found by the claims no version records any more",
       sql("DELETE FROM incident_versions WHERE incident_id = 1 AND version = 3"),
       "verify: FAILED: incident #1: c29, c30, c31, c32, c33 and 4 more are recorded by no "
       "version of its history; the version that recorded them (after version 2) was deleted, "
       "or they were added behind attest's back\n"},
      {"an incident whose only version was deleted is named",
       sql("DELETE FROM incident_versions WHERE incident_id = 2"),
       "verify: FAILED: incident #2: it has claims (c22, c23, c24) but no version; its history "
       "was deleted\n"},
      {"two versions whose numbers were swapped are named as reordered",
       sql("UPDATE incident_versions SET version = 99 WHERE incident_id = 1 AND version = 2; "
           "UPDATE incident_versions SET version = 2 WHERE incident_id = 1 AND version = 3; "
           "UPDATE incident_versions SET version = 3 WHERE incident_id = 1 AND version = 99"),
       "verify: FAILED: incident #1 version 2: holds what was recorded as version 3; the history "
       "was reordered\n"},
      {"a deleted claim is named with the version that records it",
       sql("DELETE FROM claims WHERE id = 26"),
       "verify: FAILED: incident #1 version 2: it records c26 that the store no longer holds for "
       "this incident; deleted or moved behind attest's back\n"},
      {"a claim moved to another incident is named with the version that records it",
       sql("UPDATE claims SET incident_id = 2 WHERE id = 30"),
       "verify: FAILED: incident #1 version 3: it records c30 that the store no longer holds for "
       "this incident; deleted or moved behind attest's back\n"},
      {"a claim added behind attest's back is named",
       sql("INSERT INTO claims (incident_id, id, report_id, ordinal, source_id, slot, value, "
           "stance) SELECT 1, 99, report_id, 99, source_id, slot, '120', stance FROM claims "
           "WHERE id = 26"),
       "verify: FAILED: incident #1: c99 is recorded by no version of its history; the version "
       "that recorded them (after version 3) was deleted, or they were added behind attest's "
       "back\n"},
      {"an edited claim value is caught by the trigger dropped to edit it",
       sql("UPDATE claims SET value = '120' WHERE id = 26"),
       "verify: FAILED: the append-only trigger reports_append_only_u is missing: the store was "
       "edited behind attest's back, and rows may have been changed\n"},
      {"an edited report is caught by the trigger dropped to edit it",
       sql("UPDATE reports SET outlet = 'Someone else' WHERE id = 1"),
       "verify: FAILED: the append-only trigger reports_append_only_u is missing: the store was "
       "edited behind attest's back, and rows may have been changed\n"},
  };
}

}  // namespace

TEST_CASE("verify names the incident and version of every kind of tampering", "[cli][verify]") {
  for (const Tampering& t : Catalogue()) {
    DYNAMIC_SECTION(t.contract) {
      testing::TempDir tmp;
      std::string db = History(tmp);
      REQUIRE(Attest(db, {"verify"}).out ==
              "verify: ok: 4 versions of 2 incidents chain correctly\n");
      {
        SQLite::Database raw = Open(db);
        t.edit(raw);
      }
      Run r = Attest(db, {"verify"});
      CHECK(r.out == t.expected);
      CHECK(r.exit == 1);
    }
  }
}

TEST_CASE("a history rewritten from a version on with fresh hashes passes the chain but not a "
          "checkpoint taken before",
          "[cli][verify]") {
  testing::TempDir tmp;
  std::string db = History(tmp);
  Run before = Attest(db, {"verify", "--checkpoint"});
  REQUIRE(before.exit == 0);
  auto at = before.out.find("checkpoint: ");
  REQUIRE(at != std::string::npos);
  std::string checkpoint = before.out.substr(at + 12, before.out.find('\n', at) - at - 12);
  CHECK(checkpoint.rfind("4:", 0) == 0);
  CHECK(Attest(db, {"verify", "--against", checkpoint}).out ==
        "verify: ok: 4 versions of 2 incidents chain correctly\n"
        "verify: ok: the history begins with checkpoint " + checkpoint + "\n");

  // Recorded later by attest itself, about other incidents (so that version 3 of
  // incident #1 stays its last): the history still begins with the checkpoint.
  REQUIRE(Attest(db, {"ingest", ATTEST_TEST_DATA_DIR "/gates.tsv"}).exit == 0);
  CHECK(Attest(db, {"verify", "--against", checkpoint}).exit == 0);

  SECTION("the last version of an incident edited and rehashed") {
    {
      SQLite::Database raw = Open(db);
      Rewrite(raw, 1, 3, [](SerializedVersion& v) {
        auto claimed = v.record.find("\"claimed\"");
        REQUIRE(claimed != std::string::npos);
        v.record.replace(claimed, 9, "\"refuted\"");
      });
      RestoreTriggers(raw);
    }
    Run r = Attest(db, {"verify", "--against", checkpoint});
    CHECK(r.out == "verify: FAILED: the first 4 versions are not those the checkpoint was taken "
                   "over: versions recorded before it were altered, replaced, reordered or "
                   "rewritten with fresh hashes\n");
    CHECK(r.exit == 1);
  }
  SECTION("versions deleted from the end") {
    {
      SQLite::Database raw = Open(db);
      raw.exec("DELETE FROM incident_versions WHERE id >= 4");
      RestoreTriggers(raw);
    }
    Run r = Attest(db, {"verify", "--against", checkpoint});
    CHECK(r.out.find("verify: FAILED: ") == 0);
    CHECK(r.exit == 1);
  }
}

TEST_CASE("a checkpoint that is not N:HEX is a usage error", "[cli][verify]") {
  testing::TempDir tmp;
  std::string db = History(tmp);
  Run r = Attest(db, {"verify", "--against", "4:abc"});
  CHECK(r.exit == 2);
  CHECK(r.err.find("attest: --against: '4:abc' is not a checkpoint") == 0);
}

}  // namespace attest
