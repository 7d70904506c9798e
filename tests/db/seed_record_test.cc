// The seed report, ingested as text, must yield the record its fixture describes
// (shared/fixtures/seed/*.incident.json). The expectations are read from the
// fixture, so this test follows it if the fixture changes.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "db/database.h"
#include "db/ingest.h"
#include "db/version_repository.h"
#include "engine/extract/extractor.h"
#include "engine/read/text_report.h"
#include "engine/rulebook/rulebook.h"

namespace attest {

namespace {

const std::string kSeed = std::string(ATTEST_SHARED_DIR) + "/fixtures/seed/rfi-2025-07-14-alkit";

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<IncidentRecord> IngestSeed(const Rulebook& rules) {
  Diagnostics d;
  ReportOptions options;
  options.now = *ParseTimestamp("2025-07-14T20:00:00Z");
  auto report = ReadTextReport(Slurp(kSeed + ".txt"), kSeed + ".txt", options, d);
  REQUIRE(report);
  ReportWithClaims r;
  r.claims = ExtractClaims(*report, rules);
  r.report = std::move(*report);
  SQLite::Database db = OpenDatabase(":memory:", OpenMode::kReadWrite);
  IngestReport(db, rules, std::move(r), options.now);
  std::vector<IncidentRecord> records;
  VersionRepository(db).ForEachLatest([&](const IncidentRecord& rec) { records.push_back(rec); });
  return records;
}

bool ValueMatches(const SlotRecord& slot, const nlohmann::json& expected) {
  if (!slot.value) return false;
  if (expected.is_boolean()) {
    const bool* b = std::get_if<bool>(&*slot.value);
    return b && *b == expected.get<bool>();
  }
  const CountRange* count = std::get_if<CountRange>(&*slot.value);
  if (expected.is_number_integer()) {
    return count && count->IsPoint() && count->low == expected.get<int64_t>();
  }
  if (expected.is_object()) {
    if (!count) return false;
    if (expected.contains("low") && count->low != expected["low"].get<int64_t>()) return false;
    if (expected.contains("high") &&
        (!count->high || *count->high != expected["high"].get<int64_t>())) {
      return false;
    }
    return true;
  }
  const std::string* text = std::get_if<std::string>(&*slot.value);
  return text && *text == expected.get<std::string>();
}

bool Listed(const nlohmann::json& list, SlotStatus status) {
  for (const auto& s : list) {
    if (s.get<std::string>() == ToString(status)) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("ingesting the seed report as text yields the record its fixture describes",
          "[db][shared]") {
  Rulebook rules = LoadRulebook(ATTEST_RULES_DIR);
  auto fixture = nlohmann::json::parse(Slurp(kSeed + ".incident.json"));
  auto records = IngestSeed(rules);

  const auto& want = fixture["incident"];
  auto main = std::find_if(records.begin(), records.end(), [&](const IncidentRecord& r) {
    return r.place == want["place"].get<std::string>() && r.date &&
           r.date->ToString() == want["date"].get<std::string>();
  });
  REQUIRE(main != records.end());
  CHECK(ToString(main->date->precision) == want["date_precision"].get<std::string>());
  CHECK(main->event_type == want["event_type"].get<std::string>());

  for (const auto& e : fixture["expect"]) {
    std::vector<std::string> names{e["slot"].get<std::string>()};
    if (e.contains("slot_alternatives")) {
      for (const auto& alt : e["slot_alternatives"]) names.push_back(alt.get<std::string>());
    }
    const SlotRecord* slot = nullptr;
    for (const auto& name : names) {
      if ((slot = main->Find(name))) break;
    }
    INFO("slot " << names.front() << ": " << e["why"].get<std::string>());
    REQUIRE(slot != nullptr);
    INFO("found " << slot->slot << " " << ToString(slot->status) << ": " << slot->reason);
    CHECK(Listed(e["status"], slot->status));
    if (e.contains("not")) CHECK_FALSE(Listed(e["not"], slot->status));
    if (e.contains("value")) CHECK(ValueMatches(*slot, e["value"]));
  }

  for (const auto& other : fixture["other_incidents"]) {
    INFO("other incident at " << other["place"].get<std::string>());
    auto found = std::find_if(records.begin(), records.end(), [&](const IncidentRecord& r) {
      return r.place == other["place"].get<std::string>() && r.date &&
             r.date->ToString() == other["date"].get<std::string>() &&
             ToString(r.date->precision) == other["date_precision"].get<std::string>();
    });
    CHECK(found != records.end());
  }

  // Variant spellings fold into the gazetteer's place: no incident carries them.
  for (const auto& [variant, place] : fixture["places"].items()) {
    INFO(variant << " -> " << place.get<std::string>());
    CHECK(std::count_if(records.begin(), records.end(), [&](const IncidentRecord& r) {
            return r.place == place.get<std::string>() && r.date &&
                   r.date->ToString() == want["date"].get<std::string>();
          }) == 1);
    CHECK(std::none_of(records.begin(), records.end(),
                       [&](const IncidentRecord& r) { return r.place == variant; }));
  }
}

}  // namespace attest
