#include "engine/rulebook/reliability_rules.h"

#include <catch2/catch.hpp>
#include <string>

#include "engine/rulebook/rulebook.h"
#include "tests/support/temp_dir.h"

namespace attest {

namespace {

std::string FirstProblem(const Diagnostics& d) {
  return d.items().empty() ? "" : d.items().front().ToString();
}

}  // namespace

TEST_CASE("the shipped reliability rules hold the program's defaults", "[rulebook][reliability]") {
  Rulebook rules = LoadRulebook(ATTEST_RULES_DIR);
  ReliabilityPolicy defaults;
  CHECK(rules.reliability.priors == defaults.priors);
  CHECK(rules.reliability.prior_strength == defaults.prior_strength);
  CHECK(rules.reliability.copy_rate == defaults.copy_rate);
  CHECK(rules.reliability.similarity == defaults.similarity);
  CHECK(rules.reliability.min_evidence == defaults.min_evidence);
  CHECK(rules.reliability.a == defaults.a);
  CHECK(rules.reliability.d == defaults.d);
  CHECK(rules.reliability.favoured_credibility == defaults.favoured_credibility);
  // The gazetteer's places sit in their regions and countries.
  CHECK(rules.place_tree.Contains("Mali", "Alkit"));
  CHECK(rules.place_tree.Contains("Kidal", "Alkit"));  // its region
  CHECK_FALSE(rules.place_tree.Contains("Alkit", "Mali"));
}

TEST_CASE("a reliability rule out of range or unknown is an error naming file, line and field",
          "[rulebook][reliability]") {
  struct Case {
    std::string toml;
    std::string problem;
  };
  auto c = GENERATE(
      Case{"[prior]\noutlet = 1.5\n", "reliability.toml:2: outlet: a probability here must lie"},
      Case{"[prior]\npundit = 0.5\n", "reliability.toml:2: pundit: unknown field in [prior]"},
      Case{"[letters]\na = 0.5\nb = 0.9\n",
           "letters: the thresholds must not increase from a to d"},
      Case{"[estimation]\nmax_iterations = 0\n", "max_iterations: must lie between 1 and 1000"},
      Case{"[credibility]\nfavoured = 9\n", "favoured: credibility runs from 1 (best) to 6"},
      Case{"[copying\nrate = 0.9\n", "reliability.toml:1: TOML syntax"});
  CAPTURE(c.toml);
  testing::TempDir dir;
  Diagnostics d;
  ReadReliabilityPolicy(dir.Write("reliability.toml", c.toml), d);
  REQUIRE(d.HasErrors());
  CHECK_THAT(FirstProblem(d), Catch::Contains(c.problem));
}

TEST_CASE("a place table adds places in any row order and refuses broken trees",
          "[rulebook][reliability]") {
  testing::TempDir dir;
  {
    Diagnostics d;
    PlaceTree tree;
    // Children before their parents, comments and a root given as -1.
    ReadPlaceTable(dir.Write("ok.tsv",
                             "# places of the test\nid\tname\tparent\n3\tGao\t2\n2\tGao region\t1\n"
                             "1\tMali\t-1\n4\tNiamey\t\n"),
                   tree, d);
    CHECK_FALSE(d.HasErrors());
    CHECK(tree.size() == 4);
    CHECK(tree.Contains("Mali", "Gao"));
    CHECK_FALSE(tree.Contains("Mali", "Niamey"));
  }
  struct Case {
    std::string table;
    std::string problem;
  };
  auto c =
      GENERATE(Case{"id\tname\tparent\n1\tMali\t9\n", ":2: parent: '9' is not an id"},
               Case{"id\tname\tparent\n1\tMali\t-1\n1\tGao\t1\n", ":3: id: '1' is given twice"},
               Case{"id\tname\tparent\n1\tA\t2\n2\tB\t1\n", "parent: its parents lead back"},
               Case{"place\tparent\n", ":1: the first line must be the header"},
               Case{"id\tname\tparent\n1\tMali\n", ":2: 2 fields where the header has 3"});
  CAPTURE(c.table);
  Diagnostics d;
  PlaceTree tree;
  ReadPlaceTable(dir.Write("bad.tsv", c.table), tree, d);
  REQUIRE(d.HasErrors());
  CHECK_THAT(FirstProblem(d), Catch::Contains(c.problem));
}

}  // namespace attest
