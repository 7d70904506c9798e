// Concurrent use of one database by several `attest` processes: writers wait
// for each other (a write transaction takes the lock before its first read, and
// waits up to the busy timeout), so that every one succeeds and none reports
// "database is locked"; a reader running during a write sees the store as it
// was before the write or after it, never in between.
#include <catch2/catch.hpp>

#include <SQLiteCpp/Database.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <memory>
#include <set>
#include <thread>

#include "tests/support/big_table.h"
#include "tests/support/subprocess.h"
#include "tests/support/temp_dir.h"

namespace attest {

namespace {

std::vector<std::string> Args(const std::string& db, std::vector<std::string> rest) {
  std::vector<std::string> args = {"--db", db, "--rules", ATTEST_RULES_DIR, "--now",
                                   "2025-07-16T00:00:00Z"};
  args.insert(args.end(), rest.begin(), rest.end());
  return args;
}

int64_t Count(const std::string& db, const std::string& sql) {
  SQLite::Database d(db, SQLite::OPEN_READONLY);
  return d.execAndGet(sql).getInt64();
}

// Whether process `pid` has `path` open (Linux: its /proc/PID/fd links).
bool HasOpen(pid_t pid, const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path wanted = fs::canonical(path, ec);
  if (ec) return false;
  for (const auto& fd : fs::directory_iterator("/proc/" + std::to_string(pid) + "/fd", ec)) {
    std::error_code link_ec;
    if (fs::read_symlink(fd.path(), link_ec) == wanted) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("an ingest into a new database that another process holds locked while creating it "
          "waits for it and succeeds",
          "[process][concurrency]") {
  // The file is new and in rollback mode, as when another attest has just
  // created it: switching it to WAL needs the lock the holder has, which SQLite
  // does not wait for by itself.
  testing::TempDir tmp;
  std::string db = tmp.File("shared.db");
  std::string file = tmp.Write(
      "wire.jsonl",
      R"({"report": {"id": "wire", "outlet": "Wire", "published": "2025-07-14"}, "claimant": "FLA", "stance": "asserts", "incident": {"key": "kidal-2025-07-14"}, "slot": "fatalities", "value": 10})"
      "\n");
  auto holder = std::make_unique<SQLite::Database>(db, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  holder->exec("BEGIN IMMEDIATE");
  testing::Child child(Args(db, {"ingest", file}));
  // The lock is held until the child has the database open and a while after
  // (or the child has ended: without the wait, it fails at once).
  using Clock = std::chrono::steady_clock;
  const auto give_up = Clock::now() + std::chrono::seconds(60);
  while (!child.Ended() && !HasOpen(child.pid(), db) && Clock::now() < give_up) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  bool ended_while_held = child.Ended();
  holder->exec("COMMIT");
  holder.reset();
  int exit = child.Wait();
  INFO(child.err());
  CHECK_FALSE(ended_while_held);
  CHECK(exit == 0);
  CHECK(child.err().find("locked") == std::string::npos);
  CHECK(Count(db, "SELECT count(*) FROM claims") == 1);
  CHECK(testing::RunAttest(Args(db, {"verify"})).out ==
        "verify: ok: 1 version of 1 incident chain correctly\n");
}

TEST_CASE("two large ingests into one new database at once both succeed without a lock error",
          "[process][concurrency]") {
  testing::TempDir tmp;
  std::string db = tmp.File("shared.db");  // created by whichever starts first
  const size_t rows = testing::BusyRows(40000);
  std::string a = tmp.Write("a.tsv", testing::BigTable(rows, "alpha"));
  std::string b = tmp.Write("b.tsv", testing::BigTable(rows, "beta"));
  testing::Child first(Args(db, {"ingest", a}));
  testing::Child second(Args(db, {"ingest", b}));
  int first_exit = first.Wait(), second_exit = second.Wait();
  INFO(first.err() << second.err());
  CHECK(first_exit == 0);
  CHECK(second_exit == 0);
  CHECK(first.err().find("locked") == std::string::npos);
  CHECK(second.err().find("locked") == std::string::npos);
  CHECK(Count(db, "SELECT count(*) FROM claims") == static_cast<int64_t>(2 * rows));
  CHECK(Count(db, "SELECT count(*) FROM reports") == 2);
  auto verify = testing::RunAttest(Args(db, {"verify"}));
  CHECK(verify.out == "verify: ok: " + std::to_string(rows / 5) + " versions of " +
                          std::to_string(rows / 5) + " incidents chain correctly\n");
}

TEST_CASE("eight ingests about one incident at once all succeed and chain its versions in turn",
          "[process][concurrency]") {
  testing::TempDir tmp;
  std::string db = tmp.File("shared.db");
  std::vector<std::unique_ptr<testing::Child>> children;
  for (int i = 0; i < 8; ++i) {
    std::string report = "wire-" + std::to_string(i);
    std::string line =
        R"({"report": {"id": ")" + report +
        R"(", "outlet": "Wire", "published": "2025-07-14"}, "claimant": "FLA", "stance": "asserts", "incident": {"key": "kidal-2025-07-14"}, "slot": "fatalities", "value": )" +
        std::to_string(10 + i) + "}\n";
    std::string file = tmp.Write(report + ".jsonl", line);
    children.push_back(std::make_unique<testing::Child>(Args(db, {"ingest", file})));
  }
  for (auto& c : children) {
    int exit = c->Wait();
    INFO(c->err());
    CHECK(exit == 0);
    CHECK(c->err().find("locked") == std::string::npos);
  }
  CHECK(Count(db, "SELECT count(*) FROM incidents") == 1);
  CHECK(Count(db, "SELECT count(*) FROM claims") == 8);
  CHECK(Count(db, "SELECT max(version) FROM incident_versions") == 8);
  CHECK(testing::RunAttest(Args(db, {"verify"})).out ==
        "verify: ok: 8 versions of 1 incident chain correctly\n");
}

TEST_CASE("a reader during a large write sees every incident before the write or every one "
          "after it",
          "[process][concurrency]") {
  testing::TempDir tmp;
  std::string db = tmp.File("shared.db");
  REQUIRE(testing::RunAttest(Args(db, {"ingest", tmp.Write("first.tsv",
                                                           testing::BigTable(testing::BusyRows(60000), "obj"))}))
              .exit == 0);
  // The second table speaks of the same objects, from other sources: its one
  // transaction moves every incident from version 1 to version 2.
  std::string table = testing::BigTable(testing::BusyRows(60000), "obj", "other");
  std::string file = tmp.Write("second.tsv", table);
  testing::Child writer(Args(db, {"ingest", file}));
  int reads = 0, reads_during_write = 0;
  std::set<std::string> states;
  while (true) {
    bool writing = !writer.Ended();
    auto r = testing::RunAttest(Args(db, {"incidents", "--format", "json"}));
    INFO(r.err);
    REQUIRE(r.exit == 0);
    std::set<int64_t> versions;
    for (const auto& incident : nlohmann::json::parse(r.out)) {
      versions.insert(incident.at("version").get<int64_t>());
    }
    CHECK(versions.size() == 1);  // never some incidents at 1 and others at 2
    states.insert(std::to_string(*versions.begin()));
    ++reads;
    if (writing && !writer.Ended()) ++reads_during_write;
    if (!writing) break;
  }
  INFO(writer.err());
  CHECK(writer.Wait() == 0);
  CAPTURE(reads, reads_during_write);
  CHECK(reads_during_write >= 1);
  CHECK(states.count("2") == 1);  // the last read came after the write
  CHECK(testing::RunAttest(Args(db, {"verify"})).exit == 0);
}

}  // namespace attest
