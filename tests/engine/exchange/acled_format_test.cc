#include "engine/exchange/acled_format.h"

#include <catch2/catch.hpp>

#include "engine/exchange/acled_export.h"

namespace attest {

TEST_CASE("ACLED dates read in ACLED's form and in ISO form, and write back in ACLED's",
          "[exchange][acled]") {
  auto [text, iso] = GENERATE(table<std::string, std::string>({
      {"31 December 2020", "2020-12-31"},
      {"01 April 2017", "2017-04-01"},
      {"2019-03-14", "2019-03-14"},
      {" 5 june 2018 ", "2018-06-05"},
  }));
  CAPTURE(text);
  auto d = ParseAcledDate(text);
  REQUIRE(d);
  CHECK(DateInterval::Day(*d).ToString() == iso);
  CHECK(ParseAcledDate(FormatAcledDate(*d)) == d);
}

TEST_CASE("what is not an ACLED date is refused", "[exchange][acled]") {
  auto text = GENERATE("31 Decembre 2020", "30 February 2020", "2020-13-01", "December 2020", "",
                       "31 December 2020 12:00");
  CAPTURE(text);
  CHECK_FALSE(ParseAcledDate(text));
}

TEST_CASE("ACLED's time precision is a day, the week of the date, or its month",
          "[exchange][acled]") {
  auto d = *ParseAcledDate("2020-07-25");
  CHECK(AcledDateInterval(d, 1)->ToString() == "2020-07-25");
  CHECK(AcledDateInterval(d, 2)->ToString() == "2020-07-20/2020-07-26");
  CHECK(AcledDateInterval(d, 3)->ToString() == "2020-07");
  CHECK_FALSE(AcledDateInterval(d, 4));
  CHECK(AcledTimePrecision(DatePrecision::kWeek) == 2);
}

TEST_CASE("event type labels and event ids follow ACLED's spelling", "[exchange][acled]") {
  CHECK(AcledEventTypeLabel("explosions/remote violence") == "Explosions/Remote violence");
  CHECK(AcledEventTypeLabel("violence against civilians") == "Violence against civilians");
  CHECK(IsAcledEventId("MLI4682"));
  CHECK_FALSE(IsAcledEventId("alkit-2025-07-14"));
  CHECK_FALSE(IsAcledEventId("MLI"));
  CHECK_FALSE(IsAcledEventId("mli12"));
}

TEST_CASE("the conservative toll counts what is held, and nothing when a loss is denied",
          "[exchange][acled]") {
  SlotRecord s;
  s.slot = "fatalities:FLA";
  s.value = CountRange::Exactly(12);
  s.estimate = CountEstimate{5, 12, 12, 5};
  s.support = {ClaimId(1)};
  s.status = SlotStatus::kClaimed;
  CHECK(ConservativeFatalities(s) == 5);
  s.status = SlotStatus::kContested;
  s.alternatives = {Alternative{CountRange::Exactly(20), {ClaimId(2)}}};
  s.oppose = {ClaimId(2)};
  CHECK(ConservativeFatalities(s) == 5);  // incompatible figures: the lowest asserted
  s.oppose = {ClaimId(2), ClaimId(3)};    // and claim 3 denies any loss
  CHECK(ConservativeFatalities(s) == 0);
  s.status = SlotStatus::kDenied;
  CHECK(ConservativeFatalities(s) == 0);
}

}  // namespace attest
