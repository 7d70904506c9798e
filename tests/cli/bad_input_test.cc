// The bad-input catalogue: every way an input can be wrong that a user will meet,
// run through the whole command line in-process. Each case must exit with its
// code (3 for bad input, 5 for a store that cannot be used), name the file, the
// line and the field on stderr, and leave the database row for row as it was;
// an input error must not even open it (byte for byte as it was).
//
// The cases that need a real process (a read-only database, a disk that fills
// up) are in tests/process/storage_failures_test.cc.
#include <catch2/catch.hpp>

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "cli/app.h"
#include "tests/support/store_snapshot.h"
#include "tests/support/temp_dir.h"

namespace attest {

namespace {

namespace fs = std::filesystem;

// A string literal with the NUL bytes it holds.
template <size_t N>
std::string Bytes(const char (&literal)[N]) {
  return std::string(literal, N - 1);
}

struct Run {
  int exit = 0;
  std::string out, err;
};

// `attest --db DB --rules RULES --now … args…`, with `out` as stdout when given.
// `args` may start with "--db PATH" to use another database.
Run Attest(std::string db, const std::string& rules, std::vector<std::string> args,
           std::ostream* out = nullptr) {
  if (args.size() >= 2 && args[0] == "--db") {
    db = args[1];
    args.erase(args.begin(), args.begin() + 2);
  }
  std::vector<std::string> all = {"attest", "--db", db, "--rules", rules, "--now",
                                  "2025-07-16T00:00:00Z"};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<const char*> argv;
  for (const auto& a : all) argv.push_back(a.c_str());
  std::istringstream in;
  std::ostringstream captured, err;
  Run r;
  r.exit = RunCli(static_cast<int>(argv.size()), argv.data(), in, out ? *out : captured, err);
  r.out = captured.str();
  r.err = err.str();
  return r;
}

const std::string kGood =
    R"({"report": {"id": "bad-input", "outlet": "Wire", "published": "2025-07-14"}, "claimant": "FLA", "stance": "asserts", "incident": {"place": "Kidal", "date": "2025-07-14"}, "slot": "fatalities", "value": 3})";

// kGood with `field: value` added (or replacing the field when it is there).
std::string GoodWith(const std::string& field, const std::string& value) {
  std::string line = kGood;
  std::string key = "\"" + field + "\": ";
  if (auto at = line.find(key); at != std::string::npos) {
    size_t begin = at + key.size();
    size_t end = begin;
    int depth = 0;
    for (; end < line.size(); ++end) {
      char c = line[end];
      if (c == '{' || c == '[') ++depth;
      if (c == '}' || c == ']') {
        if (depth == 0) break;
        --depth;
      }
      if (c == ',' && depth == 0) break;
    }
    return line.substr(0, begin) + value + line.substr(end);
  }
  return line.substr(0, line.size() - 1) + ", " + key + value + "}";
}

const std::string kFrontMatter = "---\nid: desk-1\noutlet: Desk\npublished: 2025-07-14\nlang: en\n---\n";
const std::string kBody = "The army said it killed 12 rebels near Kidal on Monday.\n";

// A folder with a copy of the shipped rules, one file replaced.
std::string RulesWith(const testing::TempDir& tmp, const std::string& file,
                      const std::string& content) {
  fs::path rules = tmp.path() / "rules";
  fs::copy(ATTEST_RULES_DIR, rules, fs::copy_options::recursive);
  std::ofstream(rules / file, std::ios::binary) << content;
  return rules.string();
}

struct Case {
  const char* contract;  // what must happen, as a sentence
  // Writes the input into the folder and returns the command's arguments; may
  // also change the rules folder or the database given.
  std::function<std::vector<std::string>(const testing::TempDir&, std::string& rules,
                                         const std::string& db)>
      setup;
  int exit;
  std::vector<std::string> expected;  // each must appear on stderr ({tmp} is the folder)
  bool opens_store = false;  // false: the database must not even be opened (bytes equal)
};

std::vector<std::string> Ingest(const testing::TempDir& tmp, const std::string& name,
                                const std::string& content) {
  return {"ingest", tmp.Write(name, content)};
}

std::vector<Case> Catalogue() {
  using Dir = const testing::TempDir&;
  using Rules = std::string&;
  using Db = const std::string&;
  return {
      // Encodings.
      {"invalid UTF-8 in structured claims is refused naming the line",
       [](Dir t, Rules, Db) { return Ingest(t, "a.jsonl", kGood + "\n" + GoodWith("claimant", "\"F\xffLA\"") + "\n"); },
       3, {"{tmp}/a.jsonl:2: invalid UTF-8 (byte 0xFF)", "attest: nothing was stored"}},
      {"invalid UTF-8 in a claim table is refused naming the line",
       [](Dir t, Rules, Db) { return Ingest(t, "a.csv", "source,object,attribute,value\na,o,x,1\nb\xc3,o,x,2\n"); },
       3, {"{tmp}/a.csv:3: invalid UTF-8 (byte 0xC3)"}},
      {"invalid UTF-8 in a text report is refused naming the line",
       [](Dir t, Rules, Db) { return Ingest(t, "a.md", kFrontMatter + "ok\n\xed\xa0\x80 surrogate\n"); },
       3, {"{tmp}/a.md:8: invalid UTF-8 (byte 0xED)"}},
      {"a NUL byte in structured claims is refused naming the line",
       [](Dir t, Rules, Db) { return Ingest(t, "a.jsonl", kGood + "\n" + kGood + std::string(1, '\0') + "\n"); },
       3, {"{tmp}/a.jsonl:2: NUL byte (0x00)"}},
      {"a NUL written \\u0000 in a JSON string is refused naming the field",
       [](Dir t, Rules, Db) { return Ingest(t, "a.jsonl", GoodWith("claimant", "\"F\\u0000LA\"") + "\n"); },
       3, {"{tmp}/a.jsonl:1: claimant: holds a NUL character"}},
      {"a NUL byte in a claim table is refused naming the line",
       [](Dir t, Rules, Db) { return Ingest(t, "a.tsv", Bytes("source\tobject\tattribute\tvalue\na\to\tx\t1\0\n")); },
       3, {"{tmp}/a.tsv:2: NUL byte (0x00)"}},
      {"a NUL byte in a text report (a UTF-16 file) is refused naming the line",
       [](Dir t, Rules, Db) { return Ingest(t, "a.txt", Bytes("\xff\xfeT\0h\0e\0")); },
       3, {"{tmp}/a.txt:1: the file is saved as UTF-16; save it as UTF-8"}},
      // Huge inputs.
      {"a 50 MB single line of structured claims is refused before it is parsed",
       [](Dir t, Rules, Db) { return Ingest(t, "a.jsonl", GoodWith("text", "\"" + std::string(50 << 20, 'a') + "\"") + "\n"); },
       3, {"{tmp}/a.jsonl:1: this line is 50.0 MiB long; a claim takes one line of at most 1.0 MiB"}},
      {"a 50 MB single row of a claim table is refused naming its line",
       [](Dir t, Rules, Db) { return Ingest(t, "a.csv", "source,object,attribute,value\na,o,outcome,\"" + std::string(50 << 20, 'a') + "\"\n"); },
       3, {"{tmp}/a.csv:2: this row is 50.0 MiB long"}},
      {"a 50 MB single-line text report is refused as too long for a report",
       [](Dir t, Rules, Db) { return Ingest(t, "a.md", kFrontMatter + std::string(50 << 20, 'a')); },
       3, {"{tmp}/a.md: this report is 50.0 MiB long; a text report holds at most 8.0 MiB"}},
      {"a 5000-character front-matter line is refused naming its line",
       [](Dir t, Rules, Db) { return Ingest(t, "a.md", "---\nid: x\ntitle: " + std::string(5000, 't') + "\n---\n" + kBody); },
       3, {"{tmp}/a.md:3: front matter: this line is 4.9 KiB long"}},
      // Front matter.
      {"front matter that is never closed is refused naming its first line",
       [](Dir t, Rules, Db) { return Ingest(t, "a.md", "---\nid: x\noutlet: Desk\n" + kBody); },
       3, {"{tmp}/a.md:1: front matter: the block opened by '---' is never closed"}},
      {"front matter cut short at the end of the file is refused",
       [](Dir t, Rules, Db) { return Ingest(t, "a.md", "---\r\nid: x\r\n--"); },
       3, {"{tmp}/a.md:1: front matter: the block opened by '---' is never closed"}},
      {"an unknown front-matter field is named with its line",
       [](Dir t, Rules, Db) { return Ingest(t, "a.md", "---\nid: x\nauthor: me\nlang: en\n---\n" + kBody); },
       3, {"{tmp}/a.md:3: author: unknown front-matter field"}},
      {"a front-matter field given twice names both lines",
       [](Dir t, Rules, Db) { return Ingest(t, "a.md", "---\nid: x\nlang: en\ndate: 2025-07-14\npublished: 2025-07-15\n---\n" + kBody); },
       3, {"{tmp}/a.md:5: published: given twice (first on line 4)"}},
      {"an empty front-matter field is refused naming its line",
       [](Dir t, Rules, Db) { return Ingest(t, "a.md", "---\nid: x\noutlet:\nlang: en\n---\n" + kBody); },
       3, {"{tmp}/a.md:3: outlet: empty"}},
      {"a language attest does not read is named with its front-matter line",
       [](Dir t, Rules, Db) { return Ingest(t, "a.md", "---\nid: x\nlang: de\n---\n" + kBody); },
       3, {"{tmp}/a.md:3: lang: 'de' is not a language attest reads"}},
      // Unknown fields and values.
      {"an unknown field in structured claims is named with its line",
       [](Dir t, Rules, Db) { return Ingest(t, "a.jsonl", kGood + "\n" + GoodWith("certainty", "\"high\"") + "\n"); },
       3, {"{tmp}/a.jsonl:2: certainty: unknown field; expected one of:"}},
      {"an unknown stance in structured claims is named with its line",
       [](Dir t, Rules, Db) { return Ingest(t, "a.jsonl", GoodWith("stance", "\"hints\"") + "\n"); },
       3, {"{tmp}/a.jsonl:1: stance: unknown stance 'hints'; use one of:"}},
      {"an unknown modality in structured claims is named with its line",
       [](Dir t, Rules, Db) { return Ingest(t, "a.jsonl", GoodWith("modality", "\"sure\"") + "\n"); },
       3, {"{tmp}/a.jsonl:1: modality: unknown value 'sure'"}},
      {"an unknown claimant kind is named with its field path",
       [](Dir t, Rules, Db) { return Ingest(t, "a.jsonl", GoodWith("claimant", R"({"name": "FLA", "kind": "wizard"})") + "\n"); },
       3, {"{tmp}/a.jsonl:1: claimant.kind: unknown value 'wizard'"}},
      {"an unknown column of a claim table is named with its line",
       [](Dir t, Rules, Db) { return Ingest(t, "a.csv", "source,object,attribute,value,colour\na,o,x,1,red\n"); },
       3, {"{tmp}/a.csv:1: colour: unknown column"}},
      {"an unknown stance in a claim table names the line and the column",
       [](Dir t, Rules, Db) { return Ingest(t, "a.tsv", "source\tobject\tattribute\tvalue\tstance\na\to\tx\t1\tasserts\nb\to\tx\t2\thints\n"); },
       3, {"{tmp}/a.tsv:3: stance: unknown value 'hints'"}},
      // Dates.
      {"the 30th of February as an incident date is refused naming the field",
       [](Dir t, Rules, Db) { return Ingest(t, "a.jsonl", GoodWith("incident", R"({"place": "Kidal", "date": "2025-02-30"})") + "\n"); },
       3, {"{tmp}/a.jsonl:1: incident.date: '2025-02-30' is not a date"}},
      {"a thirteenth month as a publication date is refused naming the field",
       [](Dir t, Rules, Db) { return Ingest(t, "a.jsonl", GoodWith("report", R"({"id": "r", "outlet": "W", "published": "2025-13-01"})") + "\n"); },
       3, {"{tmp}/a.jsonl:1: report.published: '2025-13-01' is not a date"}},
      {"the 29th of February of a common year in front matter is refused naming the line",
       [](Dir t, Rules, Db) { return Ingest(t, "a.md", "---\nid: x\nlang: en\npublished: 2025-02-29\n---\n" + kBody); },
       3, {"{tmp}/a.md:4: published: '2025-02-29' is not a date"}},
      {"an hour 25 in a publication time is refused naming the field",
       [](Dir t, Rules, Db) { return Ingest(t, "a.jsonl", GoodWith("report", R"({"id": "r", "outlet": "W", "published": "2025-07-14T25:00:00Z"})") + "\n"); },
       3, {"{tmp}/a.jsonl:1: report.published: '2025-07-14T25:00:00Z' is not a date"}},
      // Numbers that overflow.
      {"a count beyond 2^64 in structured claims is refused naming the field",
       [](Dir t, Rules, Db) { return Ingest(t, "a.jsonl", GoodWith("value", "99999999999999999999") + "\n"); },
       3, {"{tmp}/a.jsonl:1: value: 1e+20 is larger than any count attest holds (at most 9007199254740991)"}},
      {"a count of 2^63 - 1 in structured claims is refused as larger than a count",
       [](Dir t, Rules, Db) { return Ingest(t, "a.jsonl", GoodWith("value", "9223372036854775807") + "\n"); },
       3, {"{tmp}/a.jsonl:1: value: 9223372036854775807 is larger than any count"}},
      {"a number too large for a double (1e400) is refused naming the line",
       [](Dir t, Rules, Db) { return Ingest(t, "a.jsonl", GoodWith("value", "1e400") + "\n"); },
       3, {"{tmp}/a.jsonl:1: json: not valid JSON (number overflow parsing '1e400')"}},
      {"a count range whose high end overflows is refused naming value.high",
       [](Dir t, Rules, Db) { return Ingest(t, "a.jsonl", GoodWith("value", R"({"low": 2, "high": 1e300})") + "\n"); },
       3, {"{tmp}/a.jsonl:1: value.high: 1e+300 is larger than any count"}},
      {"a count beyond 2^63 in a claim table is refused naming line and column",
       [](Dir t, Rules, Db) { return Ingest(t, "a.csv", "source,object,attribute,value\na,o,fatalities,99999999999999999999\n"); },
       3, {"{tmp}/a.csv:2: value: '99999999999999999999' is not a count value for slot 'fatalities'"}},
      {"a cue offset given as text is refused naming cue.start",
       [](Dir t, Rules, Db) { return Ingest(t, "a.jsonl", GoodWith("cue", R"({"text": "said", "start": "x"})") + "\n"); },
       3, {"{tmp}/a.jsonl:1: cue.start: must be a byte offset"}},
      {"a cue offset of 1e30 is refused rather than cast",
       [](Dir t, Rules, Db) { return Ingest(t, "a.jsonl", GoodWith("cue", R"({"text": "said", "start": 1e30})") + "\n"); },
       3, {"{tmp}/a.jsonl:1: cue.start: must be a byte offset"}},
      {"a span beyond 2^63 is refused naming the field",
       [](Dir t, Rules, Db) { return Ingest(t, "a.jsonl", GoodWith("span", "[18446744073709551615, 1]") + "\n"); },
       3, {"{tmp}/a.jsonl:1: span: must be [start, end] byte offsets"}},
      // Deeply nested JSON.
      {"JSON nested 100000 deep is refused without recursing",
       [](Dir t, Rules, Db) { return Ingest(t, "a.jsonl", GoodWith("quote", std::string(100000, '[') + std::string(100000, ']')) + "\n"); },
       3, {"{tmp}/a.jsonl:1: json: nested deeper than 16 levels"}},
      {"a deep array inside the report object is refused before it is copied",
       [](Dir t, Rules, Db) { return Ingest(t, "a.jsonl", GoodWith("report", "{\"id\": \"r\", \"x\": " + std::string(100000, '[') + std::string(100000, ']') + "}") + "\n"); },
       3, {"{tmp}/a.jsonl:1: json: nested deeper than 16 levels"}},
      {"a line that is not JSON is named, and the rest of the file is still checked",
       [](Dir t, Rules, Db) { return Ingest(t, "a.jsonl", "{\"report\": \n" + GoodWith("stance", "\"hints\"") + "\n"); },
       3, {"{tmp}/a.jsonl:1: json: not valid JSON", "{tmp}/a.jsonl:2: stance: unknown stance"}},
      // Claim tables.
      {"a ragged claim-table row after a quoted line break names its own line",
       [](Dir t, Rules, Db) { return Ingest(t, "a.csv", "source,object,attribute,value\na,o,outcome,\"two\nlines\"\nb,o,outcome\n"); },
       3, {"{tmp}/a.csv:4: 3 fields where the header has 4"}},
      {"a row with too many fields names its line",
       [](Dir t, Rules, Db) { return Ingest(t, "a.csv", "source,object,attribute,value\na,o,outcome,x,y\n"); },
       3, {"{tmp}/a.csv:2: 5 fields where the header has 4"}},
      {"a quoted field never closed names the line where it opens",
       [](Dir t, Rules, Db) { return Ingest(t, "a.csv", "source,object,attribute,value\na,o,outcome,ok\nb,o,outcome,\"open\nand on\n"); },
       3, {"{tmp}/a.csv:3: a quoted field is never closed"}},
      {"text after a closing quote is refused naming the line",
       [](Dir t, Rules, Db) { return Ingest(t, "a.csv", "source,object,attribute,value\na,o,outcome,\"x\"y\n"); },
       3, {"{tmp}/a.csv:2: text after a closing quote"}},
      {"a table header with an unclosed quote is refused naming the header",
       [](Dir t, Rules, Db) { return Ingest(t, "a.csv", "source,\"object,attribute,value\n"); },
       3, {"{tmp}/a.csv:1: header: a quoted field is never closed"}},
      {"an empty claim table is refused",
       [](Dir t, Rules, Db) { return Ingest(t, "a.csv", ""); },
       3, {"{tmp}/a.csv: empty table"}},
      // Rules.
      {"a rules file with a TOML syntax error is refused naming file and line",
       [](Dir t, Rules rules, Db) {
         rules = RulesWith(t, "common/slots.toml", "default_type = \"text\"\n\n[[slot]\nname = \"x\"\n");
         return Ingest(t, "a.jsonl", kGood + "\n");
       },
       3, {"{tmp}/rules/common/slots.toml:3: TOML syntax:"}},
      {"an unknown field in a rules file is named with its line",
       [](Dir t, Rules rules, Db) {
         rules = RulesWith(t, "common/policy.toml", "[confidence]\nbase = 1.0\ncolour = 2\n");
         return Ingest(t, "a.jsonl", kGood + "\n");
       },
       3, {"{tmp}/rules/common/policy.toml:3: colour: unknown field in [confidence]"}},
      {"a NUL byte in a rules file is refused naming the file",
       [](Dir t, Rules rules, Db) {
         rules = RulesWith(t, "common/policy.toml", Bytes("[confidence]\0\n"));
         return Ingest(t, "a.jsonl", kGood + "\n");
       },
       3, {"{tmp}/rules/common/policy.toml:1: NUL byte (0x00)"}},
      // The store.
      {"a database from a newer attest is refused for writing and left as it was",
       [](Dir t, Rules, Db db) {
         SQLite::Database(db, SQLite::OPEN_READWRITE).exec("PRAGMA user_version = 42");
         return Ingest(t, "a.jsonl", kGood + "\n");
       },
       5, {"attest: storage error: {tmp}/attest.db: the database has schema version 42, newer than this attest understands"}, true},
      {"a database from a newer attest is refused for reading",
       [](Dir, Rules, Db db) {
         SQLite::Database(db, SQLite::OPEN_READWRITE).exec("PRAGMA user_version = 42");
         return std::vector<std::string>{"show", "1"};
       },
       5, {"schema version 42, newer than this attest understands"}, true},
      {"a file that is not a database is refused with exit 5 and left as it was",
       [](Dir t, Rules, Db) { return std::vector<std::string>{"--db", t.Write("notes.db", "these are notes\n"), "ingest", t.Write("a.jsonl", kGood + "\n")}; },
       5, {"{tmp}/notes.db: cannot open the database: file is not a database; this is not an attest database"}, true},
      {"a database path in a folder that does not exist is refused naming the folder",
       [](Dir t, Rules, Db) { return std::vector<std::string>{"--db", t.File("no/such/dir/x.db"), "ingest", t.Write("a.jsonl", kGood + "\n")}; },
       5, {"{tmp}/no/such/dir/x.db: the folder {tmp}/no/such/dir does not exist"}, true},
      {"a database path on a device whose writes fail (/dev/full) is refused before it is "
       "opened",
       [](Dir t, Rules, Db) { return std::vector<std::string>{"--db", "/dev/full", "ingest", t.Write("a.jsonl", kGood + "\n")}; },
       5, {"attest: storage error: /dev/full: is not a file (a device or a pipe)"}, true},
      {"a database path that is a folder is refused naming it",
       [](Dir t, Rules, Db) { return std::vector<std::string>{"--db", t.path().string(), "ingest", t.Write("a.jsonl", kGood + "\n")}; },
       5, {"{tmp}: is a folder, not a database"}, true},
  };
}

void ReplaceAll(std::string& s, const std::string& from, const std::string& to) {
  for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) {
    s.replace(p, from.size(), to);
  }
}

}  // namespace

TEST_CASE("every bad input of the catalogue exits with its code, names file, line and field, "
          "and leaves the database as it was",
          "[cli][bad-input]") {
  for (const Case& c : Catalogue()) {
    DYNAMIC_SECTION(c.contract) {
      testing::TempDir tmp;
      std::string db = tmp.File("attest.db");
      std::string rules = ATTEST_RULES_DIR;
      REQUIRE(Attest(db, rules, {"ingest", ATTEST_EXAMPLES_DIR "/alkit/rfi-2025-07-14-alkit.jsonl"})
                  .exit == 0);
      std::vector<std::string> args = c.setup(tmp, rules, db);
      std::string rows = testing::DumpStore(db);
      std::string bytes = testing::StoreBytes(db);

      Run r = Attest(db, rules, args);
      ReplaceAll(r.err, tmp.path().string(), "{tmp}");
      INFO(r.err);
      CHECK(r.exit == c.exit);
      for (const auto& line : c.expected) CHECK(r.err.find(line) != std::string::npos);
      CHECK(r.err.size() < 4000);  // no input is echoed back whole
      CHECK(testing::DumpStore(db) == rows);
      if (!c.opens_store) CHECK(testing::StoreBytes(db) == bytes);
    }
  }
}

TEST_CASE("a result written to a full disk (/dev/full) fails with exit 5 instead of exit 0",
          "[cli][bad-input]") {
  testing::TempDir tmp;
  std::string db = tmp.File("attest.db");
  REQUIRE(Attest(db, ATTEST_RULES_DIR,
                 {"ingest", ATTEST_EXAMPLES_DIR "/alkit/rfi-2025-07-14-alkit.jsonl"})
              .exit == 0);
  std::string rows = testing::DumpStore(db);
  for (std::vector<std::string> args :
       {std::vector<std::string>{"show", "1"}, {"history", "1"}, {"export", "values"},
        {"ingest", ATTEST_EXAMPLES_DIR "/alkit/followup-2025-07-15.jsonl"}}) {
    CAPTURE(args[0]);
    std::ofstream full("/dev/full");
    REQUIRE(full.is_open());
    Run r = Attest(db, ATTEST_RULES_DIR, args, &full);
    CHECK(r.exit == 5);
    CHECK(r.err.find("attest: cannot write the output: No space left on device") !=
          std::string::npos);
    if (args[0] == "ingest") {
      // The report was stored before its summary could not be written.
      CHECK(r.err.find("what the command stored is stored") != std::string::npos);
    } else {
      CHECK(testing::DumpStore(db) == rows);
    }
  }
}

}  // namespace attest
