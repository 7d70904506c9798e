#include "engine/time/date_interval.h"

#include <charconv>

#include <fmt/format.h>

namespace attest {

namespace bg = boost::gregorian;

std::string_view ToString(DatePrecision precision) {
  switch (precision) {
    case DatePrecision::kDay: return "day";
    case DatePrecision::kWeek: return "week";
    case DatePrecision::kMonth: return "month";
    case DatePrecision::kYear: return "year";
  }
  return "day";
}

std::optional<DatePrecision> ParseDatePrecision(std::string_view text) {
  if (text == "day") return DatePrecision::kDay;
  if (text == "week") return DatePrecision::kWeek;
  if (text == "month") return DatePrecision::kMonth;
  if (text == "year") return DatePrecision::kYear;
  return std::nullopt;
}

DateInterval DateInterval::Day(bg::date day) { return {day, day, DatePrecision::kDay}; }

DateInterval DateInterval::Month(int year, int month) {
  bg::date first(static_cast<unsigned short>(year), static_cast<unsigned short>(month), 1);
  return {first, first.end_of_month(), DatePrecision::kMonth};
}

DateInterval DateInterval::Year(int year) {
  auto y = static_cast<unsigned short>(year);
  return {bg::date(y, 1, 1), bg::date(y, 12, 31), DatePrecision::kYear};
}

DateInterval DateInterval::WeekOf(bg::date day) {
  // day_of_week: Sunday = 0; ISO weeks start on Monday.
  int dow = day.day_of_week().as_number();
  int back = (dow + 6) % 7;
  bg::date monday = day - bg::days(back);
  return {monday, monday + bg::days(6), DatePrecision::kWeek};
}

bool DateInterval::Overlaps(const DateInterval& other) const {
  return first <= other.last && other.first <= last;
}

bool DateInterval::Contains(const DateInterval& other) const {
  return first <= other.first && other.last <= last;
}

const DateInterval& DateInterval::Narrower(const DateInterval& other) const {
  return (last - first) <= (other.last - other.first) ? *this : other;
}

std::string DateInterval::ToString() const {
  auto iso = [](bg::date d) {
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(d.year()),
                       static_cast<int>(d.month()), static_cast<int>(d.day()));
  };
  switch (precision) {
    case DatePrecision::kDay:
      if (first == last) return iso(first);
      break;
    case DatePrecision::kMonth:
      if (first.day() == 1 && last == first.end_of_month()) {
        return fmt::format("{:04}-{:02}", static_cast<int>(first.year()),
                           static_cast<int>(first.month()));
      }
      break;
    case DatePrecision::kYear:
      if (first.day() == 1 && first.month() == 1 && last.month() == 12 && last.day() == 31 &&
          first.year() == last.year()) {
        return fmt::format("{:04}", static_cast<int>(first.year()));
      }
      break;
    case DatePrecision::kWeek:
      break;
  }
  return iso(first) + "/" + iso(last);
}

namespace {

// Reads exactly `width` digits at `pos`.
std::optional<int> Digits(std::string_view text, size_t pos, size_t width) {
  if (pos + width > text.size()) return std::nullopt;
  int value = 0;
  for (size_t i = pos; i < pos + width; ++i) {
    char c = text[i];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::optional<DateInterval> ParseSingle(std::string_view text) {
  auto year = Digits(text, 0, 4);
  if (!year || *year < 1400 || *year > 9999) return std::nullopt;
  if (text.size() == 4) return DateInterval::Year(*year);
  if (text.size() < 7 || text[4] != '-') return std::nullopt;
  auto month = Digits(text, 5, 2);
  if (!month || *month < 1 || *month > 12) return std::nullopt;
  if (text.size() == 7) return DateInterval::Month(*year, *month);
  if (text.size() != 10 || text[7] != '-') return std::nullopt;
  auto day = Digits(text, 8, 2);
  if (!day || *day < 1) return std::nullopt;
  int days_in_month =
      bg::gregorian_calendar::end_of_month_day(static_cast<unsigned short>(*year),
                                               static_cast<unsigned short>(*month));
  if (*day > days_in_month) return std::nullopt;
  return DateInterval::Day(bg::date(static_cast<unsigned short>(*year),
                                    static_cast<unsigned short>(*month),
                                    static_cast<unsigned short>(*day)));
}

}  // namespace

std::optional<DateInterval> ParseDateInterval(std::string_view text) {
  auto slash = text.find('/');
  if (slash == std::string_view::npos) return ParseSingle(text);
  auto a = ParseSingle(text.substr(0, slash));
  auto b = ParseSingle(text.substr(slash + 1));
  if (!a || !b || a->first > b->last) return std::nullopt;
  DateInterval out{a->first, b->last, DatePrecision::kDay};
  int span = static_cast<int>((out.last - out.first).days()) + 1;
  if (span == 1) {
    out.precision = DatePrecision::kDay;
  } else if (span <= 7) {
    out.precision = DatePrecision::kWeek;
  } else if (span <= 31) {
    out.precision = DatePrecision::kMonth;
  } else {
    out.precision = DatePrecision::kYear;
  }
  return out;
}

}  // namespace attest
