// The store failing under a real process: a read-only database file or folder,
// a disk that fills up in the middle of an ingest, a result written to
// /dev/full. Each exits 5 with a message that says what to do, and leaves the
// database row for row as it was. Tests run as root in CI, and root may write
// any file: the read-only cases then run attest as the user nobody.
#include <catch2/catch.hpp>

#include <filesystem>

#include "tests/support/big_table.h"
#include "tests/support/store_snapshot.h"
#include "tests/support/subprocess.h"
#include "tests/support/temp_dir.h"

namespace attest {

namespace {

namespace fs = std::filesystem;

std::vector<std::string> Args(const std::string& db, std::vector<std::string> rest) {
  std::vector<std::string> args = {"--db", db, "--rules", ATTEST_RULES_DIR, "--now",
                                   "2025-07-16T00:00:00Z"};
  args.insert(args.end(), rest.begin(), rest.end());
  return args;
}

const char* kReport = ATTEST_EXAMPLES_DIR "/alkit/rfi-2025-07-14-alkit.jsonl";
const char* kFollowUp = ATTEST_EXAMPLES_DIR "/alkit/followup-2025-07-15.jsonl";

// A database holding the example report, in its own folder, owned by the user
// the child runs as (nobody when the tests run as root).
std::string StoredDatabase(const testing::TempDir& tmp) {
  fs::path folder = tmp.path() / "store";
  fs::create_directory(folder);
  std::string db = (folder / "attest.db").string();
  REQUIRE(testing::RunAttest(Args(db, {"ingest", kReport})).exit == 0);
  testing::GiveToUnprivileged(folder.string());
  testing::GiveToUnprivileged(db);
  return db;
}

testing::ChildOptions Unprivileged() {
  testing::ChildOptions o;
  o.unprivileged = true;
  return o;
}

}  // namespace

TEST_CASE("an ingest into a read-only database file exits 5, says the file is read-only, and "
          "changes nothing",
          "[process][storage]") {
  testing::TempDir tmp;
  fs::permissions(tmp.path(), fs::perms::all);  // nobody may enter it
  std::string db = StoredDatabase(tmp);
  fs::permissions(db, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  std::string rows = testing::DumpStore(db);
  auto r = testing::RunAttest(Args(db, {"ingest", kFollowUp}), Unprivileged());
  INFO(r.err);
  CHECK(r.exit == 5);
  CHECK(r.err.find("attempt to write a readonly database; the database file or its folder is "
                   "read-only") != std::string::npos);
  CHECK(r.err.find("attest: nothing was stored") != std::string::npos);
  CHECK(testing::DumpStore(db) == rows);
  // Reading still works.
  CHECK(testing::RunAttest(Args(db, {"verify"}), Unprivileged()).exit == 0);
}

TEST_CASE("an ingest into a database in a read-only folder exits 5 and changes nothing, and "
          "reading commands still read it",
          "[process][storage]") {
  testing::TempDir tmp;
  fs::permissions(tmp.path(), fs::perms::all);
  std::string db = StoredDatabase(tmp);
  fs::path folder = fs::path(db).parent_path();
  std::string rows = testing::DumpStore(db);
  // Reading the store above made an empty -wal and a -shm (as root, who may):
  // an archive copied to read-only media has neither.
  fs::remove(db + "-wal");
  fs::remove(db + "-shm");
  std::string bytes = testing::StoreBytes(db);
  fs::permissions(folder, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                              fs::perms::group_exec | fs::perms::others_read |
                              fs::perms::others_exec);
  auto r = testing::RunAttest(Args(db, {"ingest", kFollowUp}), Unprivileged());
  INFO(r.err);
  CHECK(r.exit == 5);
  CHECK(r.err.find("read-only") != std::string::npos);
  // An archive on read-only media: no -wal or -shm can be made, and yet it reads.
  for (std::vector<std::string> args :
       {std::vector<std::string>{"show", "1"}, {"history", "1"}, {"verify"}}) {
    auto read = testing::RunAttest(Args(db, args), Unprivileged());
    INFO(args[0] << ": " << read.err);
    CHECK(read.exit == 0);
    CHECK(!read.out.empty());
  }
  CHECK(testing::StoreBytes(db) == bytes);
  fs::permissions(folder, fs::perms::owner_all);  // for the cleanup
  CHECK(testing::DumpStore(db) == rows);
}

TEST_CASE("a disk that fills up during a large ingest rolls the whole report back and says so",
          "[process][storage]") {
  testing::TempDir tmp;
  std::string db = tmp.File("attest.db");
  REQUIRE(testing::RunAttest(Args(db, {"ingest", kReport})).exit == 0);
  std::string table = tmp.Write("big.tsv", testing::BigTable(testing::BusyRows(50000), "obj"));
  std::string rows = testing::DumpStore(db);
  // No file the process writes may grow past the database's size and 256 KiB:
  // the ingest's write-ahead log hits the limit part-way through.
  testing::ChildOptions full;
  full.max_file_bytes = fs::file_size(db) + (256 << 10);
  auto r = testing::RunAttest(Args(db, {"ingest", table}), full);
  INFO(r.err);
  CHECK(r.exit == 5);
  CHECK(r.err.find("attest: storage error: ") != std::string::npos);
  CHECK(r.err.find("check the disk and run the command again") != std::string::npos);
  CHECK(r.err.find("attest: nothing was stored") != std::string::npos);
  CHECK(testing::DumpStore(db) == rows);
  CHECK(testing::RunAttest(Args(db, {"verify"})).exit == 0);
  // With room again, the same ingest completes.
  CHECK(testing::RunAttest(Args(db, {"ingest", table})).exit == 0);
}

TEST_CASE("a command whose standard output is /dev/full exits 5", "[process][storage]") {
  testing::TempDir tmp;
  std::string db = tmp.File("attest.db");
  REQUIRE(testing::RunAttest(Args(db, {"ingest", kReport})).exit == 0);
  testing::ChildOptions to_full;
  to_full.stdout_path = "/dev/full";
  auto r = testing::RunAttest(Args(db, {"export", "values"}), to_full);
  CHECK(r.exit == 5);
  CHECK(r.err == "attest: cannot write the output: No space left on device\n");
}

}  // namespace attest
