#include "engine/exchange/acled_format.h"

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <charconv>

#include "engine/text/utf8.h"

namespace attest {

namespace {

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

std::optional<int> Number(std::string_view s) {
  int n = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
  return n;
}

std::optional<boost::gregorian::date> MakeDate(int y, int m, int d) {
  try {
    return boost::gregorian::date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
                                  static_cast<unsigned short>(d));
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace

std::optional<boost::gregorian::date> ParseAcledDate(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    auto y = Number(text.substr(0, 4)), m = Number(text.substr(5, 2)),
         d = Number(text.substr(8, 2));
    if (!y || !m || !d || *y < 1900 || *y > 9999) return std::nullopt;
    return MakeDate(*y, *m, *d);
  }
  size_t a = text.find(' ');
  size_t b = a == std::string_view::npos ? a : text.find(' ', a + 1);
  if (b == std::string_view::npos || text.find(' ', b + 1) != std::string_view::npos) {
    return std::nullopt;
  }
  auto d = Number(text.substr(0, a));
  auto y = Number(text.substr(b + 1));
  std::string month = LowerCase(text.substr(a + 1, b - a - 1));
  int m = 0;
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (kMonths[i] == month) m = static_cast<int>(i) + 1;
  }
  if (!d || !y || m == 0 || *y < 1900 || *y > 9999) return std::nullopt;
  return MakeDate(*y, m, *d);
}

std::string FormatAcledDate(boost::gregorian::date date) {
  std::string month(kMonths[static_cast<size_t>(date.month()) - 1]);
  month[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(month[0])));
  return fmt::format("{:02} {} {}", static_cast<int>(date.day()), month,
                     static_cast<int>(date.year()));
}

std::optional<DateInterval> AcledDateInterval(boost::gregorian::date date, int time_precision) {
  switch (time_precision) {
    case 1:
      return DateInterval::Day(date);
    case 2:
      return DateInterval::WeekOf(date);
    case 3:
      return DateInterval::Month(date.year(), date.month());
    default:
      return std::nullopt;
  }
}

int AcledTimePrecision(DatePrecision precision) {
  switch (precision) {
    case DatePrecision::kDay:
      return 1;
    case DatePrecision::kWeek:
      return 2;
    case DatePrecision::kMonth:
    case DatePrecision::kYear:
      return 3;
  }
  return 3;
}

std::string AcledEventTypeLabel(std::string_view event_type) {
  std::string out(event_type);
  for (size_t i = 0; i < out.size(); ++i) {
    if (i == 0 || out[i - 1] == '/') {
      out[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[i])));
    }
  }
  return out;
}

bool IsAcledEventId(std::string_view text) {
  if (text.size() < 4) return false;
  for (size_t i = 0; i < 3; ++i) {
    if (text[i] < 'A' || text[i] > 'Z') return false;
  }
  for (size_t i = 3; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

}  // namespace attest
