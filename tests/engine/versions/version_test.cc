#include <catch2/catch.hpp>

#include "engine/base/error.h"
#include "engine/versions/version.h"

namespace attest {

namespace {

SlotRecord Slot(std::string name, SlotValue value, SlotStatus status) {
  SlotRecord s;
  s.slot = std::move(name);
  s.value = std::move(value);
  s.status = status;
  s.credibility = status == SlotStatus::kConfirmed ? 1 : 3;
  s.confidence = 0.75;
  s.reason = "test";
  s.support = {ClaimId(1)};
  return s;
}

IncidentRecord Record() {
  IncidentRecord r;
  r.incident = IncidentId(7);
  r.title = "battles at Townsville, 2025-07-14";
  r.place = "Townsville";
  r.date = *ParseDateInterval("2025-07-14");
  r.event_type = "battles";
  r.actors = {"Army", "Front"};
  r.slots = {Slot("occurred", true, SlotStatus::kConfirmed),
             Slot("outcome", std::string("ambush repelled"), SlotStatus::kClaimed)};
  r.claims = 2;
  r.reports = 1;
  return r;
}

VersionCause Ingest(std::string report) {
  VersionCause c;
  c.action = "ingest";
  c.report = std::move(report);
  c.claims = {ClaimId(1), ClaimId(2)};
  return c;
}

}  // namespace

TEST_CASE("the first version lists every slot as new and starts the chain", "[versions]") {
  auto v1 = NextVersion(Record(), std::nullopt, Ingest("r1"), *ParseTimestamp("2025-07-14"));
  REQUIRE(v1);
  CHECK(v1->version.version == 1);
  CHECK(v1->version.prev_hash.empty());
  CHECK(v1->hash == HashVersion(v1->version));
  CHECK(v1->hash.size() == 64);
  auto changes = ChangesFromJson(nlohmann::json::parse(v1->version.changes));
  REQUIRE(changes.size() >= 2);
  for (const auto& c : changes) {
    if (c.slot.rfind("incident.", 0) == 0) continue;
    CHECK_FALSE(c.before);
    CHECK(c.after);
  }
}

TEST_CASE("the same record again makes no version", "[versions]") {
  auto v1 = NextVersion(Record(), std::nullopt, Ingest("r1"), *ParseTimestamp("2025-07-14"));
  CHECK_FALSE(NextVersion(Record(), v1, Ingest("r2"), *ParseTimestamp("2025-07-15")));
}

TEST_CASE("a changed slot makes the next version, chained to the last, listing only it",
          "[versions]") {
  auto v1 = NextVersion(Record(), std::nullopt, Ingest("r1"), *ParseTimestamp("2025-07-14"));
  IncidentRecord changed = Record();
  changed.slots[1].status = SlotStatus::kContested;
  auto v2 = NextVersion(changed, v1, Ingest("r2"), *ParseTimestamp("2025-07-15"));
  REQUIRE(v2);
  CHECK(v2->version.version == 2);
  CHECK(v2->version.prev_hash == v1->hash);
  auto changes = ChangesFromJson(nlohmann::json::parse(v2->version.changes));
  REQUIRE(changes.size() == 1);
  CHECK(changes[0].slot == "outcome");
  CHECK(changes[0].before->status == SlotStatus::kClaimed);
  CHECK(changes[0].after->status == SlotStatus::kContested);
}

TEST_CASE("changing any stored part of a version changes its hash", "[versions]") {
  auto v1 = NextVersion(Record(), std::nullopt, Ingest("r1"), *ParseTimestamp("2025-07-14"));
  REQUIRE(v1);
  const SerializedVersion& original = v1->version;
  auto altered = [&](auto edit) {
    SerializedVersion v = original;
    edit(v);
    return HashVersion(v);
  };
  CHECK(altered([](SerializedVersion& v) { v.record[v.record.size() / 2] ^= 1; }) != v1->hash);
  CHECK(altered([](SerializedVersion& v) { v.cause += " "; }) != v1->hash);
  CHECK(altered([](SerializedVersion& v) { v.changes += " "; }) != v1->hash);
  CHECK(altered([](SerializedVersion& v) { v.recorded_at = "2025-07-13T00:00:00Z"; }) !=
        v1->hash);
  CHECK(altered([](SerializedVersion& v) { v.prev_hash = std::string(64, '0'); }) != v1->hash);
  CHECK(altered([](SerializedVersion& v) { v.version = 2; }) != v1->hash);
  CHECK(altered([](SerializedVersion&) {}) == v1->hash);
}

TEST_CASE("a stored record reads back equal to the record written", "[versions]") {
  IncidentRecord r = Record();
  r.slots[0].oppose = {ClaimId(4), ClaimId(5), ClaimId(6), ClaimId(9)};
  SlotRecord count = Slot("fatalities:Army", CountRange::Between(2, 12), SlotStatus::kContested);
  count.estimate = CountEstimate{2, 12, 2, 2};
  count.alternatives = {Alternative{CountRange::Exactly(30), {ClaimId(3)}}};
  r.slots.push_back(count);
  std::sort(r.slots.begin(), r.slots.end(),
            [](const SlotRecord& a, const SlotRecord& b) { return a.slot < b.slot; });
  std::string text = RecordText(r);
  CHECK(RecordFromJson(nlohmann::json::parse(text)) == r);
  CHECK(RecordText(RecordFromJson(nlohmann::json::parse(text))) == text);
}

TEST_CASE("a stored record reads back the same with or without a JSON tree", "[versions]") {
  IncidentRecord r = Record();
  r.key = "k-1";
  r.slots[0].oppose = {ClaimId(4), ClaimId(5), ClaimId(6), ClaimId(9)};
  r.slots[1].reason = "asserted by \"Front\" (armed_group, F)\tand\\or Wire\nline, été";
  r.slots[1].confidence = 0.123456789;
  SlotRecord count = Slot("fatalities:Army", CountRange::Between(2, 12), SlotStatus::kContested);
  count.estimate = CountEstimate{2, std::nullopt, 2, 2};
  count.alternatives = {Alternative{CountRange::Exactly(30), {ClaimId(3)}},
                        Alternative{CountRange::AtLeast(40), {ClaimId(8)}},
                        Alternative{CountRange::All(), {ClaimId(10)}}};
  r.slots.push_back(count);
  SlotRecord denied = Slot("participant:Allies", false, SlotStatus::kDenied);
  denied.value.reset();
  r.slots.push_back(denied);
  std::sort(r.slots.begin(), r.slots.end(),
            [](const SlotRecord& a, const SlotRecord& b) { return a.slot < b.slot; });
  std::string text = RecordText(r);
  CHECK(RecordFromText(text) == r);
  CHECK(RecordFromText(text) == RecordFromJson(nlohmann::json::parse(text)));

  // A text written otherwise (spaces, keys in another order, \u escapes) is read
  // by the general parser, to the same record.
  nlohmann::ordered_json reordered = nlohmann::ordered_json::parse(text);
  std::string pretty = reordered.dump(2, ' ', true);
  CHECK(RecordFromText(pretty) == r);
  // Not a record at all: a storage error, whichever parser gives up.
  CHECK_THROWS_AS(RecordFromText("{\"incident\": "), Storage);
  CHECK_THROWS_AS(RecordFromText("[]"), Storage);
}

TEST_CASE("a changed place, date or actor list is a change of the incident's fields",
          "[versions]") {
  IncidentRecord before = Record();
  IncidentRecord after = Record();
  after.actors.push_back("Allies");
  after.date = *ParseDateInterval("2025-07-14");
  auto changes = DiffRecords(&before, after);
  REQUIRE(changes.size() == 1);
  CHECK(changes[0].slot == "incident.actors");
  CHECK(changes[0].after_text);
}

}  // namespace attest
