#include "engine/views/compare.h"

#include <catch2/catch.hpp>

#include "tests/support/test_rules.h"

namespace attest {

namespace {

// The claims of one incident in Testland (tests/support/test_rules.h): the Army
// (government) against the Front (rebels), the Wire outlet without a side.
class Claims {
 public:
  Claims() : rules_(testing::SmallRulebook()) {
    incident_.id = IncidentId(1);
    incident_.country = "Testland";
    incident_.place = "Townsville";
    incident_.date = ParseDateInterval("2025-07-14");
  }

  Claims& Add(std::string claimant, Stance stance, std::string slot, std::optional<SlotValue> value,
              Polarity polarity = Polarity::kPositive) {
    Claim c;
    c.id = ClaimId(static_cast<int64_t>(claims_.size()) + 1);
    c.report = ReportId("r1");
    c.claimant.name = claimant;
    if (const Actor* a = rules_.actors.ByName(claimant)) c.claimant.kind = a->kind;
    c.stance = stance;
    c.polarity = polarity;
    c.slot = std::move(slot);
    c.value = std::move(value);
    claims_.push_back(std::move(c));
    return *this;
  }

  Comparison Compare(std::vector<std::string> parties = {}) const {
    return attest::Compare(CompareInput{incident_, claims_, nullptr, rules_, std::move(parties)});
  }

 private:
  Rulebook rules_;
  Incident incident_;
  std::vector<Claim> claims_;
};

const SlotComparison& SlotOf(const Comparison& c, const std::string& slot) {
  for (const auto& s : c.slots) {
    if (s.slot == slot) return s;
  }
  FAIL("no slot " << slot);
  return c.slots.front();
}

std::vector<std::string> Names(const Comparison& c) {
  std::vector<std::string> out;
  for (const auto& p : c.parties) out.push_back(p.name);
  return out;
}

}  // namespace

TEST_CASE("the default parties are the claimants with a side, by side, then the others",
          "[views][compare]") {
  Comparison c = Claims()
                     .Add("Front", Stance::kAsserts, "occurred", true)
                     .Add("Wire", Stance::kAsserts, "occurred", true)
                     .Add("Army", Stance::kAcknowledges, "occurred", true)
                     .Compare();
  CHECK(Names(c) == std::vector<std::string>{"Army", "Front", "others"});
  CHECK(c.conflict == "testland");
  REQUIRE(c.parties[2].sources == std::vector<std::string>{"Wire"});
}

TEST_CASE("an assertion and an admission from opposing sides agree", "[views][compare]") {
  Comparison c = Claims()
                     .Add("Front", Stance::kAsserts, "occurred", true)
                     .Add("Army", Stance::kAcknowledges, "occurred", true)
                     .Compare();
  const SlotComparison& s = SlotOf(c, "occurred");
  CHECK(s.agreement == SideAgreement::kAgree);
  CHECK(s.sides == std::vector<std::string>{"government", "rebels"});
  CHECK(s.summary ==
        "opposing sides agree: Army (government) acknowledges true; Front (rebels) asserts true");
}

TEST_CASE("incompatible figures or a denial of what another asserts are a disagreement",
          "[views][compare]") {
  auto [stance, value] = GENERATE(table<Stance, SlotValue>({
      {Stance::kAsserts, SlotValue(CountRange::Exactly(2))},
      {Stance::kDenies, SlotValue(CountRange::AtLeast(1))},
  }));
  CAPTURE(ToString(stance));
  Comparison c = Claims()
                     .Add("Army", Stance::kAsserts, "fatalities:Front", CountRange::Exactly(12))
                     .Add("Front", stance, "fatalities:Front", value)
                     .Compare();
  CHECK(SlotOf(c, "fatalities:Front").agreement == SideAgreement::kDisagree);
}

TEST_CASE("what one side alone asserts is one side only, whatever neutral sources say",
          "[views][compare]") {
  Comparison c = Claims()
                     .Add("Front", Stance::kAsserts, "outcome", std::string("convoy destroyed"))
                     .Add("Allies", Stance::kAsserts, "outcome", std::string("convoy destroyed"))
                     .Add("Wire", Stance::kAsserts, "outcome", std::string("convoy destroyed"))
                     .Add("Army", Stance::kDeclines, "outcome", std::nullopt)
                     .Compare();
  const SlotComparison& s = SlotOf(c, "outcome");
  CHECK(s.agreement == SideAgreement::kOneSide);
  CHECK(s.sides == std::vector<std::string>{"rebels"});
  CHECK(s.summary ==
        "one side only (rebels): Allies asserts convoy destroyed; Front asserts convoy "
        "destroyed (without a side: Wire asserts convoy destroyed)");
}

TEST_CASE(
    "a party that says nothing on a slot is silent there, and silences alone give no "
    "value",
    "[views][compare]") {
  Comparison c = Claims()
                     .Add("Army", Stance::kDeclines, "outcome", std::nullopt)
                     .Add("Front", Stance::kAsserts, "occurred", true)
                     .Compare();
  const SlotComparison& outcome = SlotOf(c, "outcome");
  CHECK(outcome.agreement == SideAgreement::kSilent);
  REQUIRE(outcome.positions.size() == 2);
  CHECK(outcome.positions[0].size() == 1);  // Army declines
  CHECK(outcome.positions[1].empty());      // Front: silent
}

TEST_CASE("a negated truth value is support for its opposite", "[views][compare]") {
  Comparison c = Claims()
                     .Add("Army", Stance::kAsserts, "occurred", true, Polarity::kNegative)
                     .Add("Front", Stance::kAsserts, "occurred", false)
                     .Compare();
  CHECK(SlotOf(c, "occurred").agreement == SideAgreement::kAgree);
}

TEST_CASE(
    "requested parties may be sides, actors by alias, claimants or others, and unknown "
    "names are reported",
    "[views][compare]") {
  Claims claims;
  claims.Add("Front", Stance::kAsserts, "occurred", true)
      .Add("Allies", Stance::kAsserts, "occurred", true)
      .Add("Wire", Stance::kAsserts, "occurred", true);
  Comparison c = claims.Compare({"rebels", "others", "Nobody"});
  CHECK(Names(c) == std::vector<std::string>{"rebels", "others"});
  CHECK(c.parties[0].sources == std::vector<std::string>{"Front", "Allies"});
  CHECK(c.unknown == std::vector<std::string>{"Nobody"});
  const SlotComparison& s = SlotOf(c, "occurred");
  REQUIRE(s.positions[0].size() == 1);
  CHECK(s.positions[0][0].claimants == std::vector<std::string>{"Front", "Allies"});
}

}  // namespace attest
