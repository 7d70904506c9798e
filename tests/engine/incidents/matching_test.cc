#include <catch2/catch.hpp>

#include "engine/incidents/matching.h"
#include "tests/support/test_rules.h"

namespace attest {

namespace {

IncidentRef Ref(std::optional<std::string> place, std::optional<std::string> date,
                std::vector<std::string> actors = {}) {
  IncidentRef r;
  r.place = std::move(place);
  if (date) r.date = *ParseDateInterval(*date);
  r.actors = std::move(actors);
  return r;
}

Incident Existing(const Rulebook& rules, const IncidentRef& ref, int64_t id) {
  Incident i = NewIncident(ResolveRef(ref, rules), *ParseTimestamp("2025-07-14"));
  i.id = IncidentId(id);
  return i;
}

}  // namespace

TEST_CASE("a listed spelling variant resolves to the gazetteer's place", "[incidents]") {
  Rulebook rules = testing::SmallRulebook();
  ResolvedRef r = ResolveRef(Ref("Townsvile", "2025-07-14"), rules);
  CHECK(r.place == "Townsville");
  CHECK(r.place_as_written == "Townsvile");
  CHECK(r.country == "Testland");
}

TEST_CASE("a place the gazetteer does not know is kept as written", "[incidents]") {
  Rulebook rules = testing::SmallRulebook();
  ResolvedRef r = ResolveRef(Ref("Nowhere Flats", std::nullopt), rules);
  CHECK(r.place == "Nowhere Flats");
  CHECK_FALSE(r.country);
}

TEST_CASE("a claim joins an incident only at the same place with an overlapping date",
          "[incidents]") {
  Rulebook rules = testing::SmallRulebook();
  Incident day = Existing(rules, Ref("Townsville", "2025-07-14"), 1);
  struct Row {
    const char* place;
    const char* date;
    bool joins;
  };
  const Row rows[] = {
      {"Townsville", "2025-07-14", true},   // same day
      {"Townsvile", "2025-07", true},       // a variant, a month holding the day
      {"Townsville", "2025", true},         // a year holding the day
      {"Townsville", "2025-07-15", false},  // the next day
      {"Townsville", "2024-07", false},     // a year earlier
      {"Rivertown", "2025-07-14", false},   // another place
  };
  for (const auto& row : rows) {
    INFO(row.place << " " << row.date);
    CHECK(CanJoin(day, ResolveRef(Ref(row.place, row.date), rules)) == row.joins);
  }
  CHECK(CanJoin(day, ResolveRef(Ref("Townsville", std::nullopt), rules)));
}

TEST_CASE("a claim declaring only actors the incident does not have starts another one",
          "[incidents]") {
  Rulebook rules = testing::SmallRulebook();
  Incident fight = Existing(rules, Ref("Townsville", "2025-07-14", {"Army", "Front"}), 1);
  CHECK(CanJoin(fight, ResolveRef(Ref("Townsville", "2025-07-14", {"Front"}), rules)));
  CHECK(CanJoin(fight, ResolveRef(Ref("Townsville", "2025-07-14", {"Front", "Allies"}), rules)));
  CHECK_FALSE(CanJoin(fight, ResolveRef(Ref("Townsville", "2025-07-14", {"Allies"}), rules)));
  CHECK(CanJoin(fight, ResolveRef(Ref("Townsville", "2025-07-14"), rules)));
}

TEST_CASE("an actor named in a claim's content joins the incident without splitting it",
          "[incidents]") {
  Rulebook rules = testing::SmallRulebook();
  Claim c;
  c.incident_ref = Ref("Townsville", "2025-07-14");
  c.slot = "participant:Allies";
  c.value = true;
  ResolvedRef r = ResolveClaimRef(c, rules);
  CHECK(r.actors.empty());
  CHECK(r.named_actors == std::vector<std::string>{"Allies"});
  Incident fight = Existing(rules, Ref("Townsville", "2025-07-14", {"Army", "Front"}), 1);
  REQUIRE(CanJoin(fight, r));
  CHECK(AbsorbRef(fight, r));
  CHECK(fight.actors == std::vector<std::string>{"Allies", "Army", "Front"});
  CHECK_FALSE(AbsorbRef(fight, r));
}

TEST_CASE("among incidents a claim may join, the most precise date wins, then the oldest",
          "[incidents]") {
  Rulebook rules = testing::SmallRulebook();
  Incident month = Existing(rules, Ref("Townsville", "2025-07"), 1);
  Incident day = Existing(rules, Ref("Townsville", "2025-07-14"), 2);
  Incident other_day = Existing(rules, Ref("Townsville", "2025-07-14"), 3);
  Incident elsewhere = Existing(rules, Ref("Rivertown", "2025-07-14"), 4);
  std::vector<const Incident*> candidates{&month, &day, &other_day, &elsewhere};
  CHECK(ChooseIncident(candidates, ResolveRef(Ref("Townsville", "2025-07-14"), rules)) == 1);
  CHECK(ChooseIncident(candidates, ResolveRef(Ref("Townsville", "2025-07-20"), rules)) == 0);
  CHECK_FALSE(ChooseIncident(candidates, ResolveRef(Ref("Townsville", "2025-08-01"), rules)));
}

TEST_CASE("a joining claim narrows the incident's date but never widens it", "[incidents]") {
  Rulebook rules = testing::SmallRulebook();
  Incident month = Existing(rules, Ref("Townsville", "2025-07"), 1);
  CHECK(AbsorbRef(month, ResolveRef(Ref("Townsville", "2025-07-14"), rules)));
  CHECK(month.date->ToString() == "2025-07-14");
  CHECK_FALSE(AbsorbRef(month, ResolveRef(Ref("Townsville", "2025"), rules)));
  CHECK(month.date->ToString() == "2025-07-14");
}

}  // namespace attest
