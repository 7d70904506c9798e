#include "engine/time/timestamp.h"

#include <boost/date_time/posix_time/posix_time.hpp>
#include <fmt/format.h>

#include "engine/time/date_interval.h"

namespace attest {

namespace pt = boost::posix_time;

std::string FormatTimestamp(const Timestamp& t) {
  auto d = t.date();
  auto tod = t.time_of_day();
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", static_cast<int>(d.year()),
                     static_cast<int>(d.month()), static_cast<int>(d.day()),
                     static_cast<int>(tod.hours()), static_cast<int>(tod.minutes()),
                     static_cast<int>(tod.seconds()));
}

namespace {

std::optional<int> TwoDigits(std::string_view text, size_t pos) {
  if (pos + 2 > text.size()) return std::nullopt;
  char a = text[pos], b = text[pos + 1];
  if (a < '0' || a > '9' || b < '0' || b > '9') return std::nullopt;
  return (a - '0') * 10 + (b - '0');
}

}  // namespace

std::optional<Timestamp> ParseTimestamp(std::string_view text) {
  if (text.size() < 10) return std::nullopt;
  auto day = ParseDateInterval(text.substr(0, 10));
  if (!day || day->precision != DatePrecision::kDay) return std::nullopt;
  Timestamp t(day->first);
  if (text.size() == 10) return t;
  if (text[10] != 'T' && text[10] != ' ') return std::nullopt;
  auto h = TwoDigits(text, 11);
  auto m = TwoDigits(text, 14);
  if (!h || !m || text.size() < 16 || text[13] != ':' || *h > 23 || *m > 59) return std::nullopt;
  int s = 0;
  size_t pos = 16;
  if (pos < text.size() && text[pos] == ':') {
    auto sec = TwoDigits(text, pos + 1);
    if (!sec || *sec > 60) return std::nullopt;
    s = *sec;
    pos += 3;
    if (pos < text.size() && text[pos] == '.') {
      ++pos;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
    }
  }
  t += pt::hours(*h) + pt::minutes(*m) + pt::seconds(s);
  if (pos == text.size()) return t;
  if (text[pos] == 'Z' && pos + 1 == text.size()) return t;
  if ((text[pos] == '+' || text[pos] == '-') && text.size() == pos + 6 && text[pos + 3] == ':') {
    auto oh = TwoDigits(text, pos + 1);
    auto om = TwoDigits(text, pos + 4);
    if (!oh || !om || *oh > 14 || *om > 59) return std::nullopt;
    pt::time_duration offset = pt::hours(*oh) + pt::minutes(*om);
    return text[pos] == '+' ? t - offset : t + offset;
  }
  return std::nullopt;
}

Timestamp CurrentTime() {
  auto now = pt::second_clock::universal_time();
  return now;
}

}  // namespace attest
