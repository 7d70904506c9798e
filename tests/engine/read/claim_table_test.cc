#include <catch2/catch.hpp>

#include <sstream>

#include "engine/read/claim_table.h"
#include "tests/support/test_rules.h"

namespace attest {

namespace {

ReportOptions Options() {
  ReportOptions o;
  o.id = "t";
  o.now = *ParseTimestamp("2025-01-01");
  return o;
}

std::string Describe(const ClaimTable& t) {
  std::string out;
  for (const auto& r : t.rows) {
    out += t.sources[r.source] + "|" + t.objects[r.object] + "|" + t.slots[r.slot] + "|" +
           std::string(t.ValueOf(r)) + "|" + std::to_string(r.line) + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("a table read as it streams in equals the table read whole", "[read]") {
  Rulebook rules = testing::SmallRulebook();
  auto [dialect, text] = GENERATE(table<TableDialect, std::string>({
      {TableDialect::kTsv, "source\tobject\tattribute\tvalue\na\tx\tgate\tC20\n\nb\tx\tgate\tC21\r\n"
                           "c\ty\toutcome\tattack repelled\n"},
      {TableDialect::kCsv, "source,object,attribute,value\na,\"x, y\",gate,C20\n"
                           "b,x,note,\"two\nlines, \"\"quoted\"\"\"\nc,y,gate,B4"},
  }));
  auto block = GENERATE(1, 3, 7, 64, 4096);
  CAPTURE(block, text);
  Diagnostics d1, d2;
  auto whole = ReadClaimTable(text, "t", dialect, Options(), rules, d1);
  std::istringstream in(text);
  auto streamed = ReadClaimTable(in, "t", dialect, Options(), rules, d2, static_cast<size_t>(block));
  REQUIRE(whole);
  REQUIRE(streamed);
  CHECK(Describe(*whole) == Describe(*streamed));
  CHECK(whole->report.content_sha256 == streamed->report.content_sha256);
  CHECK(whole->rows.size() == 3);
}

TEST_CASE("table errors name the line even when it arrives in a later block", "[read]") {
  Rulebook rules = testing::SmallRulebook();
  std::string text = "source\tobject\tattribute\tvalue\na\tx\tgate\tC20\nb\tx\tgate\n";
  std::istringstream in(text);
  Diagnostics d;
  CHECK_FALSE(ReadClaimTable(in, "t.tsv", TableDialect::kTsv, Options(), rules, d, 5));
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].ToString() == "t.tsv:3: 3 fields where the header has 4; a tab inside a value?");
}

TEST_CASE("a table with an unknown column or missing required one is refused", "[read]") {
  Rulebook rules = testing::SmallRulebook();
  Diagnostics d;
  CHECK_FALSE(ReadClaimTable(std::string("source\tthing\tattribute\n"), "t.tsv", TableDialect::kTsv,
                             Options(), rules, d));
  CHECK(d.items().size() == 3);  // unknown 'thing', missing object, missing value
  CHECK(d.items()[0].ToString().rfind("t.tsv:1: thing: unknown column", 0) == 0);
}

TEST_CASE("a count slot in a table must hold a count", "[read]") {
  Rulebook rules = testing::SmallRulebook();
  Diagnostics d;
  CHECK_FALSE(ReadClaimTable(std::string("source,object,attribute,value\na,x,fatalities,many\n"),
                             "t.csv", TableDialect::kCsv, Options(), rules, d));
  CHECK(d.items()[0].field == "value");
  CHECK(d.items()[0].line == 2);
}

}  // namespace attest
