#include <catch2/catch.hpp>

#include "engine/reconcile/reconcile.h"
#include "tests/support/test_rules.h"

namespace attest {

namespace {

// Claims of one incident on one slot, reconciled with or without reliability.
class Slot {
 public:
  Slot() : rules_(testing::SmallRulebook()) {
    incident_.id = IncidentId(1);
    incident_.country = "Testland";
    reports_["r1"] = ReportFacts{"Wire", *ParseTimestamp("2025-07-14")};
  }
  Slot& Claim(std::string claimant, std::string slot, SlotValue value,
              Stance stance = Stance::kAsserts) {
    attest::Claim c;
    c.id = ClaimId(static_cast<int64_t>(claims_.size()) + 1);
    c.report = ReportId("r1");
    c.claimant.name = std::move(claimant);
    if (const Actor* a = rules_.actors.ByName(*c.claimant.name)) c.claimant.kind = a->kind;
    c.stance = stance;
    c.slot = std::move(slot);
    c.value = std::move(value);
    claims_.push_back(std::move(c));
    return *this;
  }
  SlotRecord Reconciled(const std::string& slot, const SourceReliability* reliability) const {
    std::vector<Verdict> none;
    IncidentRecord r =
        Reconcile(ReconcileInput{incident_, claims_, reports_, none, rules_, reliability});
    const SlotRecord* s = r.Find(slot);
    REQUIRE(s != nullptr);
    return *s;
  }

 private:
  Rulebook rules_;
  Incident incident_;
  std::vector<attest::Claim> claims_;
  ReportIndex reports_;
};

SourceReliability Standing(std::initializer_list<std::pair<std::string, SourceStanding>> list) {
  SourceReliability r;
  for (const auto& [name, s] : list) r.Set(name, s);
  return r;
}

}  // namespace

TEST_CASE("with reliability, the more reliable source's value leads and the slot stays contested",
          "[reconcile][reliability]") {
  Slot s;
  s.Claim("siteA", "dep", std::string("17:21"))
      .Claim("siteB", "dep", std::string("17:21"))
      .Claim("airline", "dep", std::string("17:05"));
  // Without reliability, two sources outvote one.
  SlotRecord vote = s.Reconciled("dep", nullptr);
  CHECK(FormatSlotValue(*vote.value) == "17:21");
  CHECK(vote.status == SlotStatus::kContested);

  SourceReliability r = Standing({{"airline", {0.98, ReliabilityLetter::kA}},
                                  {"siteA", {0.55, ReliabilityLetter::kD}},
                                  {"siteB", {0.55, ReliabilityLetter::kD}}});
  SlotRecord weighed = s.Reconciled("dep", &r);
  CHECK(FormatSlotValue(*weighed.value) == "17:05");
  CHECK(weighed.status == SlotStatus::kContested);
  CHECK(weighed.support == std::vector<ClaimId>{ClaimId(3)});
  CHECK(weighed.confidence > 0.5);
  // The reason names each source's letter.
  CHECK_THAT(weighed.reason, Catch::Contains("'17:05' asserted by airline (A)"));
  CHECK_THAT(weighed.reason, Catch::Contains("siteA (D)"));
}

TEST_CASE("in a record, a source that copies another adds no independent weight",
          "[reconcile][reliability]") {
  double copy_discount = GENERATE(0.0, 1.0);
  CAPTURE(copy_discount);
  Slot s;
  s.Claim("siteA", "dep", std::string("17:21"))
      .Claim("siteB", "dep", std::string("17:21"))
      .Claim("siteC", "dep", std::string("17:05"))
      .Claim("siteD", "dep", std::string("17:05"))
      .Claim("siteE", "dep", std::string("17:05"));
  SourceReliability r = Standing({{"siteA", {0.9, ReliabilityLetter::kB}},
                                  {"siteB", {0.9, ReliabilityLetter::kB}},
                                  {"siteC", {0.7, ReliabilityLetter::kC}},
                                  {"siteD", {0.7, ReliabilityLetter::kC}},
                                  {"siteE", {0.7, ReliabilityLetter::kC}}});
  r.SetCopy("siteA", "siteB", copy_discount);
  // Two B sources outweigh three C sources, unless one merely copies the other.
  SlotRecord rec = s.Reconciled("dep", &r);
  CHECK(FormatSlotValue(*rec.value) == (copy_discount > 0 ? "17:05" : "17:21"));
}

TEST_CASE("a contested value the reliable sources clearly favour is graded possibly true",
          "[reconcile][reliability]") {
  Slot s;
  s.Claim("airline", "dep", std::string("17:05")).Claim("siteA", "dep", std::string("17:21"));
  SourceReliability sure = Standing(
      {{"airline", {0.99, ReliabilityLetter::kA}}, {"siteA", {0.3, ReliabilityLetter::kE}}});
  SlotRecord favoured = s.Reconciled("dep", &sure);
  CHECK(favoured.status == SlotStatus::kContested);
  CHECK(favoured.confidence >= 0.9);
  CHECK(favoured.credibility == 3);
  CHECK_THAT(favoured.reason, Catch::EndsWith("the more reliable sources favour '17:05'"));

  SourceReliability even = Standing(
      {{"airline", {0.8, ReliabilityLetter::kC}}, {"siteA", {0.8, ReliabilityLetter::kC}}});
  CHECK(s.Reconciled("dep", &even).credibility == 4);
}

TEST_CASE("a value claimed only by sources graded D or E is doubtful", "[reconcile][reliability]") {
  auto letter = GENERATE(ReliabilityLetter::kD, ReliabilityLetter::kE, ReliabilityLetter::kB);
  CAPTURE(ToString(letter));
  Slot s;
  s.Claim("siteA", "dep", std::string("17:21"));
  SourceReliability r = Standing({{"siteA", {0.5, letter}}});
  SlotRecord rec = s.Reconciled("dep", &r);
  CHECK(rec.status == SlotStatus::kClaimed);
  bool doubtful = letter != ReliabilityLetter::kB;
  CHECK(rec.credibility == (doubtful ? 4 : 3));
}

TEST_CASE("a source without an estimate weighs at the prior of its kind and is named F",
          "[reconcile][reliability]") {
  Slot s;
  s.Claim("Wire", "occurred", true);
  SourceReliability empty;
  SlotRecord rec = s.Reconciled("occurred", &empty);
  // One claim: the value is as likely as its source is reliable (outlet prior 0.8).
  CHECK(rec.confidence == Approx(0.8).margin(0.001));
  CHECK(rec.reason == "asserted by Wire (outlet, F): one source, not corroborated");
}

TEST_CASE("a place and an area around it agree instead of contradicting each other",
          "[reconcile][reliability]") {
  Slot s;
  s.Claim("Wire", "place", std::string("Townsville"))
      .Claim("Daily", "place", std::string("Testland"));
  SlotRecord rec = s.Reconciled("place", nullptr);
  CHECK(FormatSlotValue(*rec.value) == "Townsville");  // the more specific of the two
  CHECK(rec.alternatives.empty());
  CHECK(rec.support == std::vector<ClaimId>{ClaimId(1), ClaimId(2)});
  CHECK(rec.status != SlotStatus::kContested);

  Slot apart;
  apart.Claim("Wire", "place", std::string("Townsville"))
      .Claim("Army", "place", std::string("Rivertown"));
  CHECK(apart.Reconciled("place", nullptr).status == SlotStatus::kContested);
}

TEST_CASE("close figures lend each other support when reliability is known",
          "[reconcile][reliability]") {
  Slot s;
  s.Claim("a", "fatalities", SlotValue(CountRange::Exactly(100)))
      .Claim("b", "fatalities", SlotValue(CountRange::Exactly(101)))
      .Claim("c", "fatalities", SlotValue(CountRange::Exactly(102)))
      .Claim("d", "fatalities", SlotValue(CountRange::Exactly(103)))
      .Claim("e", "fatalities", SlotValue(CountRange::Exactly(150)))
      .Claim("f", "fatalities", SlotValue(CountRange::Exactly(150)));
  SourceReliability r;
  SlotRecord rec = s.Reconciled("fatalities", &r);
  CHECK(rec.estimate->best != 150);
  CHECK(rec.status == SlotStatus::kContested);
}

}  // namespace attest
