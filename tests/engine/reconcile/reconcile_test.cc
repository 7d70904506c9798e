#include <catch2/catch.hpp>

#include <algorithm>

#include "engine/reconcile/reconcile.h"
#include "engine/versions/version.h"
#include "tests/support/test_rules.h"

namespace attest {

namespace {

// Builds the claims of one incident, one report per outlet/day, and reconciles.
class Scenario {
 public:
  Scenario() : rules_(testing::SmallRulebook()) {
    incident_.id = IncidentId(1);
    incident_.country = "Testland";
    incident_.place = "Townsville";
    incident_.date = ParseDateInterval("2025-07-14");
  }

  Scenario& Claim(std::string claimant, Stance stance, std::string slot,
                  std::optional<SlotValue> value, std::string report = "r1") {
    attest::Claim c;
    c.id = ClaimId(static_cast<int64_t>(claims_.size()) + 1);
    c.report = ReportId(report);
    c.claimant.name = claimant;
    if (const Actor* a = rules_.actors.ByName(claimant)) c.claimant.kind = a->kind;
    c.stance = stance;
    c.slot = std::move(slot);
    c.value = std::move(value);
    if (!reports_.count(report)) {
      reports_[report] = ReportFacts{"Wire", *ParseTimestamp("2025-07-14")};
    }
    claims_.push_back(std::move(c));
    return *this;
  }
  Scenario& Report(std::string id, std::string outlet, std::string published) {
    reports_[id] = ReportFacts{std::move(outlet), *ParseTimestamp(published)};
    return *this;
  }
  attest::Claim& Last() { return claims_.back(); }
  // The same claims (same ids) in the opposite order.
  Scenario& Reverse() {
    std::reverse(claims_.begin(), claims_.end());
    return *this;
  }
  Scenario& Verdict(VerdictKind kind, std::string slot, std::optional<SlotValue> value) {
    attest::Verdict v;
    v.id = static_cast<int64_t>(verdicts_.size()) + 1;
    v.kind = kind;
    v.slot = std::move(slot);
    v.value = std::move(value);
    v.analyst = "ana";
    v.recorded_at = *ParseTimestamp("2025-07-20");
    verdicts_.push_back(std::move(v));
    return *this;
  }

  SlotRecord Slot(const std::string& slot) {
    IncidentRecord r =
        Reconcile(ReconcileInput{incident_, claims_, reports_, verdicts_, rules_, nullptr});
    const SlotRecord* s = r.Find(slot);
    REQUIRE(s != nullptr);
    return *s;
  }
  IncidentRecord Record() {
    return Reconcile(ReconcileInput{incident_, claims_, reports_, verdicts_, rules_, nullptr});
  }

 private:
  Rulebook rules_;
  Incident incident_;
  std::vector<attest::Claim> claims_;
  ReportIndex reports_;
  std::vector<attest::Verdict> verdicts_;
};

SlotValue Count(int64_t n) { return CountRange::Exactly(n); }

}  // namespace

TEST_CASE("opposing sides agreeing on a fact confirm it", "[reconcile]") {
  auto s = Scenario()
               .Claim("Front", Stance::kAsserts, "occurred", true)
               .Claim("Army", Stance::kAcknowledges, "occurred", true)
               .Slot("occurred");
  CHECK(s.status == SlotStatus::kConfirmed);
  CHECK(s.credibility == 1);
  CHECK(s.reason == "asserted by Front (armed_group); acknowledged by Army (state): opposing "
                    "sides agree");
  CHECK(s.support == std::vector<ClaimId>{ClaimId(1), ClaimId(2)});
}

TEST_CASE("a party admitting its own losses confirms them against its interest", "[reconcile]") {
  auto s = Scenario().Claim("Army", Stance::kAsserts, "fatalities:Army", Count(2)).Slot(
      "fatalities:Army");
  CHECK(s.status == SlotStatus::kConfirmed);
  CHECK_THAT(s.reason, Catch::Contains("against the interest of Army"));
}

TEST_CASE("a group admitting a partner's presence confirms it", "[reconcile]") {
  auto s = Scenario()
               .Claim("Front", Stance::kAsserts, "participant:Allies", true)
               .Slot("participant:Allies");
  CHECK(s.status == SlotStatus::kConfirmed);
  auto own = Scenario().Claim("Front", Stance::kAsserts, "participant:Front", true).Slot(
      "participant:Front");
  CHECK(own.status == SlotStatus::kClaimed);
}

TEST_CASE("two independent sources corroborate and one side twice does not", "[reconcile]") {
  auto two = Scenario()
                 .Claim("Front", Stance::kAsserts, "convoy.vehicles", Count(4))
                 .Claim("Wire", Stance::kAsserts, "convoy.vehicles", Count(4))
                 .Slot("convoy.vehicles");
  CHECK(two.status == SlotStatus::kCorroborated);
  CHECK(two.credibility == 2);

  auto one_side = Scenario()
                      .Claim("Front", Stance::kAsserts, "convoy.vehicles", Count(4))
                      .Claim("Allies", Stance::kAsserts, "convoy.vehicles", Count(4))
                      .Slot("convoy.vehicles");
  CHECK(one_side.status == SlotStatus::kClaimed);
  CHECK_THAT(one_side.reason, Catch::Contains("one side only"));

  auto same = Scenario()
                  .Claim("Wire", Stance::kAsserts, "convoy.vehicles", Count(4), "r1")
                  .Claim("Wire", Stance::kAsserts, "convoy.vehicles", Count(4), "r2")
                  .Slot("convoy.vehicles");
  CHECK(same.status == SlotStatus::kClaimed);
}

TEST_CASE("an outlet republishing wire copy does not corroborate the wire", "[reconcile]") {
  auto s = Scenario()
               .Claim("Wire", Stance::kAsserts, "occurred", true)
               .Claim("Daily", Stance::kAsserts, "occurred", true)
               .Slot("occurred");
  CHECK(s.status == SlotStatus::kClaimed);
}

TEST_CASE("a relayed claim counts as its origin, not as the relaying outlet", "[reconcile]") {
  Scenario sc;
  sc.Claim("Front", Stance::kAsserts, "convoy.vehicles", Count(4), "r1");
  sc.Last().chain = {"Wire", "Front"};
  sc.Claim("Front", Stance::kAsserts, "convoy.vehicles", Count(4), "r2");
  sc.Last().chain = {"Daily", "Front"};
  CHECK(sc.Slot("convoy.vehicles").status == SlotStatus::kClaimed);
}

TEST_CASE("anonymous sources quoted by different outlets are independent, by one outlet not",
          "[reconcile]") {
  Scenario one;
  one.Report("r1", "Wire", "2025-07-14").Report("r2", "Wire", "2025-07-15");
  one.Claim("local sources", Stance::kAsserts, "occurred", true, "r1");
  one.Last().claimant.kind = ClaimantKind::kAnonymousSources;
  one.Claim("local sources", Stance::kAsserts, "occurred", true, "r2");
  one.Last().claimant.kind = ClaimantKind::kAnonymousSources;
  CHECK(one.Slot("occurred").status == SlotStatus::kClaimed);

  Scenario two;
  two.Report("r1", "Wire", "2025-07-14").Report("r2", "Post", "2025-07-15");
  two.Claim("witnesses", Stance::kAsserts, "occurred", true, "r1");
  two.Last().claimant.kind = ClaimantKind::kWitness;
  two.Claim("residents", Stance::kAsserts, "occurred", true, "r2");
  two.Last().claimant.kind = ClaimantKind::kWitness;
  CHECK(two.Slot("occurred").status == SlotStatus::kCorroborated);
}

TEST_CASE("a self-serving claim stays claimed, and distanced it loses a grade", "[reconcile]") {
  Scenario sc;
  sc.Claim("Front", Stance::kAsserts, "outcome", std::string("convoy destroyed"));
  auto s = sc.Slot("outcome");
  CHECK(s.status == SlotStatus::kClaimed);
  CHECK(s.credibility == 3);
  CHECK_THAT(s.reason, Catch::Contains("self-serving"));
  sc.Last().endorsement = Endorsement::kDistanced;
  CHECK(sc.Slot("outcome").credibility == 4);
}

TEST_CASE("incompatible values make a slot contested, the heavier value leading", "[reconcile]") {
  auto s = Scenario()
               .Claim("Front", Stance::kAsserts, "outcome", std::string("convoy destroyed"))
               .Claim("Army", Stance::kAsserts, "outcome", std::string("attack repelled"))
               .Claim("Wire", Stance::kAsserts, "outcome", std::string("Attack repelled"))
               .Slot("outcome");
  CHECK(s.status == SlotStatus::kContested);
  CHECK(s.credibility == 4);
  CHECK(FormatSlotValue(*s.value) == "attack repelled");
  CHECK(s.support == std::vector<ClaimId>{ClaimId(2), ClaimId(3)});
  CHECK(s.oppose == std::vector<ClaimId>{ClaimId(1)});
  REQUIRE(s.alternatives.size() == 1);
  CHECK(FormatSlotValue(s.alternatives[0].value) == "convoy destroyed");
}

TEST_CASE("a value asserted by one party and denied by another is contested", "[reconcile]") {
  auto s = Scenario()
               .Claim("Army", Stance::kAsserts, "fatalities:Front", Count(12))
               .Claim("Front", Stance::kDenies, "fatalities:Front", CountRange::AtLeast(1))
               .Slot("fatalities:Front");
  CHECK(s.status == SlotStatus::kContested);
  CHECK(s.oppose == std::vector<ClaimId>{ClaimId(2)});
  CHECK_THAT(s.reason, Catch::Contains("denied by Front"));
}

TEST_CASE("only denials leave a slot denied", "[reconcile]") {
  auto s = Scenario()
               .Claim("Front", Stance::kDenies, "participant:Allies", true)
               .Slot("participant:Allies");
  CHECK(s.status == SlotStatus::kDenied);
  CHECK(s.credibility == 5);
  CHECK(s.support.empty());
}

TEST_CASE("a claimant retracting its own claim later refutes it", "[reconcile]") {
  auto s = Scenario()
               .Report("r1", "Wire", "2025-07-14")
               .Report("r2", "Wire", "2025-07-16")
               .Claim("Front", Stance::kAsserts, "convoy.vehicles", Count(4), "r1")
               .Claim("Front", Stance::kDenies, "convoy.vehicles", Count(4), "r2")
               .Slot("convoy.vehicles");
  CHECK(s.status == SlotStatus::kRefuted);
  CHECK_THAT(s.reason, Catch::Contains("retracted by its own claimant"));
}

TEST_CASE("a claimant's later figure supersedes its earlier one", "[reconcile]") {
  auto s = Scenario()
               .Report("r1", "Wire", "2025-07-14")
               .Report("r2", "Wire", "2025-07-16")
               .Claim("Front", Stance::kAsserts, "convoy.vehicles", Count(4), "r1")
               .Claim("Front", Stance::kAsserts, "convoy.vehicles", Count(5), "r2")
               .Slot("convoy.vehicles");
  CHECK(s.status == SlotStatus::kClaimed);
  CHECK(FormatSlotValue(*s.value) == "5");
}

TEST_CASE("when every party declines the slot is unknown", "[reconcile]") {
  auto s = Scenario()
               .Claim("Army", Stance::kDeclines, "outcome", std::nullopt)
               .Claim("Front", Stance::kNotConfirmed, "outcome", std::nullopt)
               .Slot("outcome");
  CHECK(s.status == SlotStatus::kUnknown);
  CHECK(s.credibility == 6);
  CHECK(s.confidence == 0.0);
  CHECK(s.silent == std::vector<ClaimId>{ClaimId(1), ClaimId(2)});
}

TEST_CASE("vague and exact counts agree on the figure they share", "[reconcile]") {
  auto s = Scenario()
               .Claim("Front", Stance::kAsserts, "fatalities:Army", CountRange::AtLeast(2))
               .Claim("Army", Stance::kAsserts, "fatalities:Army", Count(2))
               .Claim("Wire", Stance::kAsserts, "fatalities:Army", CountRange::Between(2, 5))
               .Slot("fatalities:Army");
  CHECK(s.status == SlotStatus::kConfirmed);
  REQUIRE(s.estimate);
  CHECK(s.estimate->low == 2);
  CHECK(s.estimate->best == 2);
  CHECK(s.estimate->high == 5);
  CHECK(s.estimate->conservative == 2);
}

TEST_CASE("the conservative figure sets self-serving tolls aside", "[reconcile]") {
  auto s = Scenario()
               .Claim("Front", Stance::kAsserts, "fatalities", CountRange::AtLeast(30))
               .Claim("Wire", Stance::kAsserts, "fatalities", CountRange::Between(35, 40))
               .Slot("fatalities");
  REQUIRE(s.estimate);
  CHECK(s.estimate->best == 35);
  CHECK(s.estimate->low == 30);
  CHECK(s.estimate->conservative == 35);
}

TEST_CASE("a negative assertion of a truth value asserts its opposite", "[reconcile]") {
  Scenario sc;
  sc.Claim("Wire", Stance::kAsserts, "participant:Allies", true);
  sc.Last().polarity = Polarity::kNegative;
  auto s = sc.Slot("participant:Allies");
  CHECK(FormatSlotValue(*s.value) == "false");
}

TEST_CASE("a clause of mixed polarity says nothing about a count but its event stands",
          "[reconcile]") {
  // "Militants burned the health centre, no casualties reported": the count
  // (none) belongs to the negated part, the event to the affirmed one.
  Scenario sc;
  sc.Claim("Wire", Stance::kAsserts, "fatalities", CountRange::AtLeast(1));
  sc.Last().polarity = Polarity::kMixed;
  sc.Last().implied.push_back({"occurred", true});
  auto r = sc.Record();
  const SlotRecord* fatalities = r.Find("fatalities");
  REQUIRE(fatalities != nullptr);  // a core slot is always in the record
  CHECK(fatalities->status == SlotStatus::kUnknown);
  CHECK(fatalities->support.empty());
  CHECK(!fatalities->value);
  const SlotRecord* occurred = r.Find("occurred");
  REQUIRE(occurred != nullptr);
  CHECK(FormatSlotValue(*occurred->value) == "true");

  // Said negatively, the same count is denied.
  Scenario negative;
  negative.Claim("Wire", Stance::kAsserts, "fatalities", CountRange::AtLeast(1));
  negative.Last().polarity = Polarity::kNegative;
  CHECK(negative.Slot("fatalities").status == SlotStatus::kDenied);
}

TEST_CASE("an analyst's verdict confirms or refutes whatever the claims say", "[reconcile]") {
  auto confirmed = Scenario()
                       .Claim("Front", Stance::kAsserts, "outcome", std::string("convoy destroyed"))
                       .Verdict(VerdictKind::kConfirmed, "outcome", std::nullopt)
                       .Slot("outcome");
  CHECK(confirmed.status == SlotStatus::kConfirmed);
  CHECK(confirmed.confidence == 1.0);
  CHECK_THAT(confirmed.reason, Catch::StartsWith("confirmed by analyst ana"));

  auto refuted = Scenario()
                     .Claim("Front", Stance::kAsserts, "outcome", std::string("convoy destroyed"))
                     .Verdict(VerdictKind::kRefuted, "outcome", std::string("convoy destroyed"))
                     .Slot("outcome");
  CHECK(refuted.status == SlotStatus::kRefuted);
}

TEST_CASE("statements are kept out of the record's slots", "[reconcile]") {
  auto r = Scenario()
               .Claim("Wire", Stance::kAsserts, "statement", std::string("talks go on"))
               .Claim("Wire", Stance::kAsserts, "occurred", true)
               .Record();
  CHECK(r.Find("statement") == nullptr);
  CHECK(r.Find("occurred") != nullptr);
  CHECK(r.claims == 2);
}

TEST_CASE("reconciliation gives the same record whatever the order of its claims",
          "[reconcile]") {
  Scenario a;
  a.Claim("Front", Stance::kAsserts, "outcome", std::string("x"))
      .Claim("Army", Stance::kAsserts, "outcome", std::string("y"))
      .Claim("Wire", Stance::kDenies, "outcome", std::string("y"))
      .Claim("Allies", Stance::kAsserts, "fatalities:Army", CountRange::AtLeast(3))
      .Claim("Army", Stance::kAsserts, "fatalities:Army", Count(4));
  IncidentRecord first = a.Record();
  IncidentRecord second = a.Reverse().Record();
  CHECK(first == second);
  CHECK(RecordToJson(first).dump() == RecordToJson(second).dump());
}

}  // namespace attest

namespace attest {

TEST_CASE("a party denying its own losses serves its interest", "[reconcile]") {
  auto s = Scenario()
               .Claim("Army", Stance::kAsserts, "fatalities:Front", Count(12))
               .Claim("Front", Stance::kDenies, "fatalities:Front", CountRange::AtLeast(1))
               .Slot("fatalities:Front");
  // Both positions are self-serving (0.6 each): neither outweighs the other.
  CHECK(s.confidence == Approx((0.6 + 0.5) / (1.2 + 1.0)).epsilon(0.002));
}

}  // namespace attest
