// Slots with thousands of claims (a figure repeated by every outlet of a table,
// a crowd of distinct counts): reconciled with the same rules as small ones, in
// time that grows with the claims, not with their square, except for ranges
// that all overlap each other (the figures are in bench/crowded_slots.py; no
// timing is asserted here).
#include <catch2/catch.hpp>

#include "engine/reconcile/reconcile.h"
#include "tests/support/test_rules.h"

namespace attest {

namespace {

// One incident, one report, each claim by its own source.
class Crowd {
 public:
  Crowd() : rules_(testing::SmallRulebook()) {
    incident_.id = IncidentId(1);
    reports_["r"] = ReportFacts{"Wire", *ParseTimestamp("2025-07-14")};
  }
  void Add(const std::string& slot, SlotValue value, Stance stance = Stance::kAsserts) {
    Claim c;
    c.id = ClaimId(static_cast<int64_t>(claims_.size()) + 1);
    c.report = ReportId("r");
    c.claimant.name = "source " + std::to_string(claims_.size());
    c.stance = stance;
    c.slot = slot;
    c.value = std::move(value);
    claims_.push_back(std::move(c));
  }
  SlotRecord Slot(const std::string& slot) {
    IncidentRecord r =
        Reconcile(ReconcileInput{incident_, claims_, reports_, verdicts_, rules_, nullptr});
    const SlotRecord* s = r.Find(slot);
    REQUIRE(s != nullptr);
    return *s;
  }

 private:
  Rulebook rules_;
  Incident incident_;
  std::vector<Claim> claims_;
  ReportIndex reports_;
  std::vector<Verdict> verdicts_;
};

}  // namespace

TEST_CASE("a figure given by 5000 sources leads over one given by 500, with every claim behind it",
          "[reconcile][crowded]") {
  Crowd crowd;
  for (int i = 0; i < 5500; ++i) crowd.Add("fatalities", CountRange::Exactly(i % 11 == 0 ? 40 : 12));
  SlotRecord s = crowd.Slot("fatalities");
  CHECK(s.value == SlotValue(CountRange::Exactly(12)));
  CHECK(s.status == SlotStatus::kContested);
  CHECK(s.support.size() == 5000);
}

TEST_CASE("3000 different figures from equally weighted sources are contested, one claim each",
          "[reconcile][crowded]") {
  Crowd crowd;
  for (int i = 3000; i-- > 0;) crowd.Add("fatalities", CountRange::Exactly(i + 7));
  SlotRecord s = crowd.Slot("fatalities");
  CHECK(s.status == SlotStatus::kContested);
  CHECK(s.support.size() == 1);
  CHECK(!s.alternatives.empty());
}

TEST_CASE("1000 ranges that all share a stretch meet in it", "[reconcile][crowded]") {
  Crowd crowd;
  for (int i = 0; i < 1000; ++i) crowd.Add("fatalities", CountRange::Between(i, i + 5000));
  crowd.Add("fatalities", CountRange::All());
  SlotRecord s = crowd.Slot("fatalities");
  CHECK(s.value == SlotValue(CountRange::Between(999, 5000)));
  CHECK(s.support.size() == 1001);
}

TEST_CASE("10000 different texts on one slot lead with the first in order of their text",
          "[reconcile][crowded]") {
  Crowd crowd;
  for (int i = 0; i < 10000; ++i) crowd.Add("outcome", std::string("outcome ") + std::to_string(i + 1000));
  SlotRecord s = crowd.Slot("outcome");
  CHECK(s.value == SlotValue(std::string("outcome 1000")));
  CHECK(s.support.size() == 1);
}

TEST_CASE("numerals written with and without decimals are one value, written as most write it",
          "[reconcile]") {
  Crowd crowd;
  crowd.Add("outcome", std::string("30"));
  crowd.Add("outcome", std::string("30.0"));
  crowd.Add("outcome", std::string("30.0"));
  crowd.Add("outcome", std::string("31"));
  SlotRecord s = crowd.Slot("outcome");
  CHECK(s.value == SlotValue(std::string("30.0")));
  CHECK(s.support.size() == 3);
}

}  // namespace attest
