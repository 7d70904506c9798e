#include <catch2/catch.hpp>

#include <boost/date_time/gregorian/gregorian.hpp>

#include "engine/time/date_interval.h"
#include "engine/time/timestamp.h"

namespace attest {

TEST_CASE("a date reads at the precision it is written with", "[time]") {
  auto [text, precision, first, last] =
      GENERATE(table<std::string, DatePrecision, std::string, std::string>(
          {{"2025-07-14", DatePrecision::kDay, "2025-07-14", "2025-07-14"},
           {"2024-07", DatePrecision::kMonth, "2024-07-01", "2024-07-31"},
           {"2024-02", DatePrecision::kMonth, "2024-02-01", "2024-02-29"},
           {"2015", DatePrecision::kYear, "2015-01-01", "2015-12-31"},
           {"2025-07-07/2025-07-13", DatePrecision::kWeek, "2025-07-07", "2025-07-13"}}));
  CAPTURE(text);
  auto d = ParseDateInterval(text);
  REQUIRE(d);
  CHECK(d->precision == precision);
  CHECK(d->first == boost::gregorian::from_simple_string(first));
  CHECK(d->last == boost::gregorian::from_simple_string(last));
  CHECK(d->ToString() == text);
}

TEST_CASE("impossible dates are refused rather than rolled over", "[time]") {
  auto text = GENERATE("2025-13-45", "2025-02-30", "2025-00-10", "25-07-14", "2025-7-14",
                       "2025-07-14x", "", "july");
  CAPTURE(text);
  CHECK_FALSE(ParseDateInterval(text).has_value());
}

TEST_CASE("a month overlaps each of its days and a neighbouring month does not", "[time]") {
  auto july = *ParseDateInterval("2025-07");
  CHECK(july.Overlaps(*ParseDateInterval("2025-07-14")));
  CHECK(july.Contains(*ParseDateInterval("2025-07-31")));
  CHECK_FALSE(july.Overlaps(*ParseDateInterval("2025-08-01")));
  CHECK_FALSE(july.Overlaps(*ParseDateInterval("2024-07")));
}

TEST_CASE("times are written in UTC with a Z and offsets are converted", "[time]") {
  CHECK(FormatTimestamp(*ParseTimestamp("2025-07-15")) == "2025-07-15T00:00:00Z");
  CHECK(FormatTimestamp(*ParseTimestamp("2025-07-15T09:30:00Z")) == "2025-07-15T09:30:00Z");
  CHECK(FormatTimestamp(*ParseTimestamp("2025-07-15T09:30:00+02:00")) == "2025-07-15T07:30:00Z");
  CHECK(FormatTimestamp(*ParseTimestamp("2025-07-15 09:30")) == "2025-07-15T09:30:00Z");
  CHECK_FALSE(ParseTimestamp("2025-07-15T25:00").has_value());
  CHECK_FALSE(ParseTimestamp("yesterday").has_value());
}

}  // namespace attest
