// A calendar date known to some precision: a day, a week, a month or a year, held
// as the closed interval of days it covers (UCDP-style date precision). Two claims
// can be about the same incident when their intervals overlap.
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace attest {

enum class DatePrecision { kDay, kWeek, kMonth, kYear };

std::string_view ToString(DatePrecision precision);
std::optional<DatePrecision> ParseDatePrecision(std::string_view text);

struct DateInterval {
  boost::gregorian::date first;
  boost::gregorian::date last;
  DatePrecision precision = DatePrecision::kDay;

  static DateInterval Day(boost::gregorian::date day);
  static DateInterval Month(int year, int month);
  static DateInterval Year(int year);
  // The ISO week (Monday to Sunday) that holds `day`.
  static DateInterval WeekOf(boost::gregorian::date day);

  bool Overlaps(const DateInterval& other) const;
  bool Contains(const DateInterval& other) const;
  // The narrower of two overlapping intervals (the more precise date).
  const DateInterval& Narrower(const DateInterval& other) const;

  // "2025-07-14", "2025-07", "2025", or "2025-07-07/2025-07-13" for a week.
  std::string ToString() const;

  bool operator==(const DateInterval& other) const {
    return first == other.first && last == other.last && precision == other.precision;
  }
};

// Parses "YYYY", "YYYY-MM", "YYYY-MM-DD" and "YYYY-MM-DD/YYYY-MM-DD" (a week or a
// range). Returns nullopt for anything else, including impossible dates such as
// 2025-13-45.
std::optional<DateInterval> ParseDateInterval(std::string_view text);

}  // namespace attest
