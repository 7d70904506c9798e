#include <catch2/catch.hpp>

#include "engine/read/text_report.h"

namespace attest {

namespace {

std::optional<Report> Read(const std::string& content, Diagnostics& d) {
  ReportOptions options;
  options.now = *ParseTimestamp("2025-07-20T00:00:00Z");
  return ReadTextReport(content, "desk/report.md", options, d);
}

}  // namespace

TEST_CASE("front matter gives the report's id, outlet, date, language and title", "[read]") {
  Diagnostics d;
  auto r = Read("---\nid: r-7\noutlet: Daily\npublished: 2025-07-15\nlang: fr\n"
                "title: \"Un titre : avec deux-points\"\n---\nLe corps.\n",
                d);
  REQUIRE(r);
  CHECK(r->id.value() == "r-7");
  CHECK(r->outlet == "Daily");
  CHECK(FormatTimestamp(r->published) == "2025-07-15T00:00:00Z");
  CHECK(r->lang == "fr");
  CHECK(r->title == "Un titre : avec deux-points");
  CHECK(r->body == "Le corps.\n");
}

TEST_CASE("a report without front matter is named after its file and dated by the clock",
          "[read]") {
  Diagnostics d;
  auto r = Read("Just a body.\n", d);
  REQUIRE(r);
  CHECK(r->id.value() == "report");
  CHECK(FormatTimestamp(r->published) == "2025-07-20T00:00:00Z");
  CHECK(r->body == "Just a body.\n");
}

TEST_CASE("Windows and old Mac line ends become plain line feeds in the body", "[read]") {
  Diagnostics d;
  auto r = Read("---\r\nid: r-8\r\n---\r\nOne line.\r\nTwo\rthree.\r\n", d);
  REQUIRE(r);
  CHECK(r->id.value() == "r-8");
  CHECK(r->body == "One line.\nTwo\nthree.\n");
}

TEST_CASE("decomposed accents are composed in the body", "[read]") {
  Diagnostics d;
  auto r = Read("L'arme\xCC\x81" "e a re\xCC\x81pondu.", d);
  REQUIRE(r);
  CHECK(r->body == "L'armée a répondu.");
}

TEST_CASE("front-matter mistakes are refused with their line and field", "[read]") {
  struct Row {
    const char* content;
    const char* expected;
  };
  const Row rows[] = {
      {"---\nid: r\nauthor: me\n---\nx", "desk/report.md:3: author: unknown front-matter field"},
      {"---\nid: r\npublished: 2025-02-30\n---\nx", "desk/report.md:3: published: '2025-02-30'"},
      {"---\nid: r\nlang: de\n---\nx", "lang: 'de' is not a language attest reads"},
      {"---\nid: r\njust words\n---\nx", "desk/report.md:3: front matter: expected"},
      {"---\nid: r\nbody without end\n", "desk/report.md:1: front matter: the block opened"},
  };
  for (const auto& row : rows) {
    Diagnostics d;
    INFO(row.content);
    CHECK_FALSE(Read(row.content, d));
    REQUIRE_FALSE(d.items().empty());
    CHECK_THAT(d.items().front().ToString(), Catch::Contains(row.expected));
  }
}

}  // namespace attest
