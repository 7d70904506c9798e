#include "engine/time/date_expressions.h"

#include <algorithm>
#include <array>
#include <forward_list>
#include <optional>
#include <type_traits>
#include <utility>

namespace attest {

namespace bg = boost::gregorian;

namespace {

// How far back an unanchored past reading is preferred ("le 14 juillet", "en
// janvier"): a report speaks of the recent past more than of the future, but not of
// a date almost a year ago when the same date comes in a few weeks.
constexpr int kPastWindowDays = 183;
constexpr int kPastWindowMonths = 6;

int IsoWeekday(bg::date day) {
  int n = day.day_of_week().as_number();  // Sunday = 0
  return n == 0 ? 7 : n;
}

std::optional<bg::date> MakeDate(int year, int month, int day) {
  if (year < 1400 || year > 9999 || month < 1 || month > 12 || day < 1) return std::nullopt;
  int last = bg::gregorian_calendar::end_of_month_day(static_cast<unsigned short>(year),
                                                      static_cast<unsigned short>(month));
  if (day > last) return std::nullopt;
  return bg::date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
                  static_cast<unsigned short>(day));
}

// Months counted from year 0, so that "the month before" is a subtraction.
int MonthIndex(int year, int month) { return year * 12 + (month - 1); }
DateInterval MonthAt(int index) { return DateInterval::Month(index / 12, index % 12 + 1); }

// The candidate on or before `published` when it lies within `window` (in the
// candidates' unit, given by `distance`), else the nearer of the two sides.
template <typename T, typename Distance>
std::optional<T> NearestPreferringPast(const std::vector<T>& sorted, const T& published, int window,
                                       Distance distance) {
  std::optional<T> past;
  std::optional<T> future;
  for (const T& c : sorted) {
    if (c <= published) {
      past = c;
    } else if (!future) {
      future = c;
    }
  }
  if (past && distance(*past, published) <= window) return past;
  if (past && future) {
    return distance(published, *future) < distance(*past, published) ? future : past;
  }
  return past ? past : future;
}

// How many ASCII digits `s` starts with: find_first_not_of("0123456789") or its
// size, without a library call for every byte (every number is asked this).
size_t LeadingDigits(std::string_view s) {
  size_t n = 0;
  while (n < s.size() && s[n] >= '0' && s[n] <= '9') ++n;
  return n;
}

// The value of `digits`, ASCII digits only, four at most (std::stoi without the
// string it needs).
int DigitsValue(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

struct Parsed {
  size_t end = 0;  // the piece after the expression
  DateInterval date;
};

// A modifier written before and one written after must agree ("ce mois-ci").
struct Meaning {
  bool ok = true;
  std::optional<DateModifier> modifier;
};

Meaning Combine(std::optional<DateModifier> before, std::optional<DateModifier> after) {
  if (before && after && *before != *after) return {false, std::nullopt};
  return {true, before ? before : after};
}

// The date pieces of a token list where every token is one piece (IsOneDatePiece:
// no hyphenated word, as in most sentences): piece k is token k, read from the
// token itself, so that nothing is built.
class WholeTokenPieces {
 public:
  explicit WholeTokenPieces(const std::vector<Token>& tokens) : tokens_(tokens) {}
  size_t size() const { return tokens_.size(); }
  std::string_view folded(size_t k) const { return tokens_[k].folded(); }
  WordId id(size_t k) const { return tokens_[k].folded_id; }
  TokenKind kind(size_t k) const { return tokens_[k].kind; }
  size_t token(size_t k) const { return k; }
  bool token_start(size_t /*k*/) const { return true; }
  bool token_end(size_t /*k*/) const { return true; }
  // Only a word is capitalised, as CutDatePieces has it.
  bool capitalized(size_t k) const {
    const Token& t = tokens_[k];
    return t.kind == TokenKind::kWord && IsUpperCase(DecodeCodePoint(t.text, 0).value);
  }

 private:
  const std::vector<Token>& tokens_;
};

// The date pieces of any token list, as CutDatePieces makes them.
class CutTokenPieces {
 public:
  explicit CutTokenPieces(const std::vector<Token>& tokens)
      : pieces_(CutDatePieces(tokens, parts_)) {}
  size_t size() const { return pieces_.size(); }
  std::string_view folded(size_t k) const { return pieces_[k].folded; }
  WordId id(size_t k) const { return pieces_[k].id; }
  TokenKind kind(size_t k) const { return pieces_[k].kind; }
  size_t token(size_t k) const { return pieces_[k].token; }
  bool token_start(size_t k) const { return pieces_[k].token_start; }
  bool token_end(size_t k) const { return pieces_[k].token_end; }
  bool capitalized(size_t k) const { return pieces_[k].capitalized; }

 private:
  std::forward_list<std::string> parts_;  // declared before pieces_, which view into it
  std::vector<DatePiece> pieces_;
};

// The grammar of the header, over the date pieces of a token list (`Pieces`: one
// of the two above). Each Parse… function reads from a piece index and returns the
// parsed expression or nullopt.
template <typename Pieces>
class DateParser {
 public:
  DateParser(const std::vector<Token>& tokens, std::string_view text, size_t base,
             bg::date published, const DateWords& words)
      : tokens_(tokens),
        text_(text),
        base_(base),
        published_(published),
        words_(words),
        pieces_(tokens) {}

  std::vector<DateMention> Run() {
    std::vector<DateMention> mentions;
    const size_t n = pieces_.size();
    size_t next = NextStart(0);  // the first piece from i on where a core may begin
    size_t i = 0;
    while (i < n) {
      if (next < i) next = NextStart(i);
      if (next == n) break;  // no core may begin from here on
      // An expression's core is at most two lead words (of up to two pieces) away:
      // the places further before the next core are skipped.
      if (next >= i + 5) {
        i = next - 4;
        continue;
      }
      // Before the next core, an expression can start only with a lead word.
      if (i < next && (Firsts(i) & words_.lead_words.bit) == 0) {
        ++i;
        continue;
      }
      std::optional<Parsed> parsed;
      if (pieces_.token_start(i)) parsed = ParseAt(i);
      if (!parsed) {
        ++i;
        continue;
      }
      DateMention mention;
      mention.begin = tokens_[pieces_.token(i)].begin;
      mention.end = tokens_[pieces_.token(parsed->end - 1)].end;
      mention.date = parsed->date;
      if (mention.begin >= base_ && mention.end - base_ <= text_.size()) {
        mention.text =
            std::string(text_.substr(mention.begin - base_, mention.end - mention.begin));
      }
      mentions.push_back(std::move(mention));
      i = parsed->end;
    }
    return mentions;
  }

 private:
  // An expression starting at `i`, taking in up to two lead words: the most lead
  // words that still leave an expression after them.
  std::optional<Parsed> ParseAt(size_t i) const {
    std::array<size_t, 3> cores{i, 0, 0};
    size_t count = 1;
    size_t k = i;
    for (int n = 0; n < 2; ++n) {
      auto lead = Match(words_.lead_words, k);
      if (!lead) break;
      k += lead->second;
      cores[count++] = k;
    }
    for (size_t c = count; c-- > 0;) {
      size_t core = cores[c];
      if (core >= pieces_.size() || !MayStart(core)) continue;
      bool introduced = core > i || EndsAt(words_.introducers, i) || EndsAt(words_.lead_words, i);
      bool quantity = EndsAt(words_.quantity_words, core);
      auto parsed = Core(core, introduced, quantity, true);
      if (parsed && pieces_.token_end(parsed->end - 1)) return parsed;
    }
    return std::nullopt;
  }

  // `introduced`: a lead word or an introducer comes before, so that a bare month or
  // year is a date. `quantity`: a quantity word comes before, so a number is not a
  // year. `allow_part`: "début", "late" may start the expression.
  std::optional<Parsed> Core(size_t k, bool introduced, bool quantity, bool allow_part) const {
    if (k < pieces_.size() && Firsts(k) == 0) {
      // A piece that starts no phrase (a number, mostly): no table below matches
      // at k, and what is left of the grammar reads numbers.
      if (auto day = NumericDate(k)) return Parsed{k + 1, DateInterval::Day(*day)};
      if (auto parsed = DayThenMonth(k, std::nullopt)) return parsed;
      if (introduced && !quantity) {
        if (auto year = YearAt(k, 1900, 2100)) return Parsed{k + 1, DateInterval::Year(*year)};
      }
      return std::nullopt;
    }
    if (auto relative = Match(words_.relative_days, k)) {
      size_t end = SkipPartOfDay(k + relative->second);
      return Parsed{end, DateInterval::Day(published_ + bg::days(relative->first))};
    }
    if (auto day = NumericDate(k)) return Parsed{k + 1, DateInterval::Day(*day)};

    std::optional<DateModifier> before;
    size_t p = k;
    if (auto modifier = Match(words_.modifiers_before, k)) {
      before = modifier->first;
      p += modifier->second;
    }
    if (!before && allow_part) {
      if (auto part = Match(words_.period_parts, p)) {
        return PeriodPartOf(part->first, p + part->second);
      }
    }
    if (auto weekday = Name(words_.weekdays, p)) {
      if (auto parsed = Weekday(weekday->first, p + weekday->second, before)) return parsed;
    }
    if (!before || *before == DateModifier::kThis) {  // "ce 14 juillet"
      if (auto parsed = DayThenMonth(p, std::nullopt)) return parsed;
    }
    if (auto month = Name(words_.months, p)) {
      if (!before && words_.month_before_day) {
        if (auto parsed = MonthThenDay(p, std::nullopt)) return parsed;
      }
      if (auto parsed = Month(month->first, p + month->second, before, introduced)) return parsed;
    }
    if (auto season = Match(words_.seasons, p)) {
      if (auto parsed = Season(season->first, p + season->second, before, introduced)) {
        return parsed;
      }
    }
    if (before == DateModifier::kThis) {
      if (auto part = Match(words_.parts_of_day, p)) {
        return Parsed{p + part->second, DateInterval::Day(published_)};
      }
    }
    if (auto unit = Match(words_.units, p)) {
      if (auto parsed = Unit(unit->first, p + unit->second, before)) return parsed;
    }
    if (!before && introduced && !quantity) {
      if (auto year = YearAt(p, 1900, 2100)) return Parsed{p + 1, DateInterval::Year(*year)};
    }
    return std::nullopt;
  }

  // After a weekday name ending at `q`: a full date ("lundi 14 juillet", "Monday,
  // July 14"), else the weekday relative to publication.
  std::optional<Parsed> Weekday(int weekday, size_t q, std::optional<DateModifier> before) const {
    if (!before || *before == DateModifier::kThis) {
      size_t r = IsPunct(q, ",") ? q + 1 : q;
      if (auto parsed = DayThenMonth(r, weekday)) return parsed;
      if (words_.month_before_day) {
        if (auto parsed = MonthThenDay(r, weekday)) return parsed;
      }
    }
    std::optional<DateModifier> after;
    size_t r = q;
    if (auto modifier = Match(words_.modifiers_after, r)) {
      after = modifier->first;
      r += modifier->second;
    }
    if (auto part = Match(words_.parts_of_day, r)) {
      r += part->second;
      if (!after) {
        if (auto modifier = Match(words_.modifiers_after, r)) {  // "vendredi soir dernier"
          after = modifier->first;
          r += modifier->second;
        }
      }
    }
    Meaning meaning = Combine(before, after);
    if (!meaning.ok) return std::nullopt;
    int today = IsoWeekday(published_);
    int back = (today - weekday + 7) % 7;
    int forward = (weekday - today + 7) % 7;
    bg::date day = published_ - bg::days(back);
    if (meaning.modifier == DateModifier::kLast) {
      day = published_ - bg::days(back == 0 ? 7 : back);
    } else if (meaning.modifier == DateModifier::kNext) {
      day = published_ + bg::days(forward == 0 ? 7 : forward);
    }
    return Parsed{r, DateInterval::Day(day)};
  }

  // "14 juillet 2025", "le 1er juillet dernier", "the 4th of July".
  std::optional<Parsed> DayThenMonth(size_t p, std::optional<int> weekday) const {
    auto day = DayNumber(p);
    if (!day) return std::nullopt;
    size_t q = p + 1;
    auto month = Name(words_.months, q);
    if (!month) {
      auto joiner = Match(words_.joiners, q);
      if (!joiner) return std::nullopt;
      q += joiner->second;
      month = Name(words_.months, q);
      if (!month) return std::nullopt;
    }
    size_t r = q + month->second;
    std::optional<int> year = YearAt(r, 1400, 9999);
    std::optional<DateModifier> after;
    if (year) {
      ++r;
    } else if (auto modifier = Match(words_.modifiers_after, r)) {
      after = modifier->first;
      r += modifier->second;
    }
    auto date = DayOfMonth(*day, month->first, year, after, weekday);
    if (!date) return std::nullopt;
    return Parsed{r, DateInterval::Day(*date)};
  }

  // "July 14, 2025", "Jan. 14", "July 4th".
  std::optional<Parsed> MonthThenDay(size_t p, std::optional<int> weekday) const {
    auto month = Name(words_.months, p);
    if (!month) return std::nullopt;
    size_t q = p + month->second;
    if (IsPunct(q, ".")) ++q;
    auto day = DayNumber(q);
    if (!day) return std::nullopt;
    size_t r = q + 1;
    std::optional<int> year = YearAt(r, 1400, 9999);
    if (year) {
      ++r;
    } else if (IsPunct(r, ",") && (year = YearAt(r + 1, 1400, 9999))) {
      r += 2;
    }
    auto date = DayOfMonth(*day, month->first, year, std::nullopt, weekday);
    if (!date) return std::nullopt;
    return Parsed{r, DateInterval::Day(*date)};
  }

  // A month name ending at `q`: with a year, a modifier, or after an introducer.
  std::optional<Parsed> Month(int month, size_t q, std::optional<DateModifier> before,
                              bool introduced) const {
    if (!before) {
      if (auto year = YearAt(q, 1400, 9999)) {
        return Parsed{q + 1, DateInterval::Month(*year, month)};
      }
    }
    std::optional<DateModifier> after;
    if (auto modifier = Match(words_.modifiers_after, q)) {
      after = modifier->first;
      q += modifier->second;
    }
    Meaning meaning = Combine(before, after);
    if (!meaning.ok || (!meaning.modifier && !introduced)) return std::nullopt;
    int now = MonthIndex(published_.year(), published_.month());
    int this_year = MonthIndex(published_.year(), month);
    int index = this_year;
    if (meaning.modifier == DateModifier::kLast) {
      index = this_year < now ? this_year : this_year - 12;
    } else if (meaning.modifier == DateModifier::kNext) {
      index = this_year > now ? this_year : this_year + 12;
    } else if (!meaning.modifier) {
      std::vector<int> candidates{this_year - 12, this_year, this_year + 12};
      index = *NearestPreferringPast(candidates, now, kPastWindowMonths,
                                     [](int a, int b) { return b - a; });
    }
    return Parsed{q, MonthAt(index)};
  }

  std::optional<Parsed> Season(const SeasonMonths& season, size_t q,
                               std::optional<DateModifier> before, bool introduced) const {
    auto occurrence = [&](int year) -> std::optional<DateInterval> {
      int first_year = season.first_month > season.last_month ? year - 1 : year;
      auto first = MakeDate(first_year, season.first_month, 1);
      auto last = MakeDate(year, season.last_month, 1);
      if (!first || !last) return std::nullopt;
      return DateInterval{*first, last->end_of_month(), DatePrecision::kMonth};
    };
    std::optional<int> year;
    if (!before) {
      size_t r = q;
      if (auto joiner = Match(words_.joiners, r)) r += joiner->second;
      if ((year = YearAt(r, 1400, 9999))) q = r + 1;
    }
    if (year) {
      auto interval = occurrence(*year);
      if (!interval) return std::nullopt;
      return Parsed{q, *interval};
    }
    std::optional<DateModifier> after;
    if (auto modifier = Match(words_.modifiers_after, q)) {
      after = modifier->first;
      q += modifier->second;
    }
    Meaning meaning = Combine(before, after);
    if (!meaning.ok || (!meaning.modifier && !introduced)) return std::nullopt;
    std::vector<DateInterval> candidates;
    for (int y = published_.year() - 2; y <= published_.year() + 2; ++y) {
      if (auto interval = occurrence(y)) candidates.push_back(*interval);
    }
    std::optional<DateInterval> chosen;
    for (const DateInterval& c : candidates) {
      if (meaning.modifier == DateModifier::kLast) {
        if (c.last < published_) chosen = c;
      } else if (meaning.modifier == DateModifier::kNext) {
        if (c.first > published_ && !chosen) chosen = c;
      } else {
        // This one: the occurrence that holds publication, else the nearest.
        auto distance = [&](const DateInterval& d) -> long long {
          if (d.first > published_) return (d.first - published_).days();
          if (d.last < published_) return (published_ - d.last).days();
          return 0;
        };
        if (!chosen || distance(c) < distance(*chosen)) chosen = c;
      }
    }
    if (!chosen) return std::nullopt;
    return Parsed{q, *chosen};
  }

  std::optional<Parsed> Unit(DateUnit unit, size_t q, std::optional<DateModifier> before) const {
    std::optional<DateModifier> after;
    if (auto modifier = Match(words_.modifiers_after, q)) {
      after = modifier->first;
      q += modifier->second;
    }
    Meaning meaning = Combine(before, after);
    if (!meaning.ok || !meaning.modifier) return std::nullopt;
    int shift = *meaning.modifier == DateModifier::kLast   ? -1
                : *meaning.modifier == DateModifier::kNext ? 1
                                                           : 0;
    switch (unit) {
      case DateUnit::kWeek:
        return Parsed{q, DateInterval::WeekOf(published_ + bg::days(7 * shift))};
      case DateUnit::kMonth:
        return Parsed{q, MonthAt(MonthIndex(published_.year(), published_.month()) + shift)};
      case DateUnit::kYear:
        return Parsed{q, DateInterval::Year(published_.year() + shift)};
    }
    return std::nullopt;
  }

  // "début juillet", "fin de l'année dernière", "mid-July", "late 2023": the month
  // or year that follows, narrowed to the listed days or months.
  std::optional<Parsed> PeriodPartOf(const PeriodPart& part, size_t p) const {
    std::vector<size_t> starts{p};
    if (auto joiner = Match(words_.joiners, p)) {
      starts.push_back(p + joiner->second);
      if (auto lead = Match(words_.lead_words, starts.back())) {
        starts.push_back(starts.back() + lead->second);
      }
    }
    for (auto it = starts.rbegin(); it != starts.rend(); ++it) {
      auto inner = Core(*it, true, false, false);
      if (!inner) continue;
      const DateInterval& d = inner->date;
      if (d.precision == DatePrecision::kMonth && d.first.day() == 1 &&
          d.last == d.first.end_of_month()) {
        int last_day = std::min<int>(part.last_day, d.last.day());
        auto first = MakeDate(d.first.year(), d.first.month(), part.first_day);
        auto last = MakeDate(d.first.year(), d.first.month(), last_day);
        if (!first || !last || *first > *last) return std::nullopt;
        return Parsed{inner->end, DateInterval{*first, *last, DatePrecision::kMonth}};
      }
      if (d.precision == DatePrecision::kYear && d.first.year() == d.last.year()) {
        auto first = MakeDate(d.first.year(), part.first_month, 1);
        auto last = MakeDate(d.first.year(), part.last_month, 1);
        if (!first || !last) return std::nullopt;
        return Parsed{inner->end, DateInterval{*first, last->end_of_month(), DatePrecision::kYear}};
      }
      return std::nullopt;
    }
    return std::nullopt;
  }

  // The day `day` of `month`: in `year` when given, else the occurrence the modifier
  // or the weekday picks, else the nearest to publication (the past preferred).
  std::optional<bg::date> DayOfMonth(int day, int month, std::optional<int> year,
                                     std::optional<DateModifier> modifier,
                                     std::optional<int> weekday) const {
    if (year) return MakeDate(*year, month, day);
    std::vector<bg::date> candidates;
    for (int y = published_.year() - 1; y <= published_.year() + 1; ++y) {
      if (auto d = MakeDate(y, month, day)) candidates.push_back(*d);
    }
    if (modifier == DateModifier::kLast) {
      std::optional<bg::date> latest;
      for (const auto& c : candidates) {
        if (c < published_) latest = c;
      }
      return latest;
    }
    if (modifier == DateModifier::kNext) {
      for (const auto& c : candidates) {
        if (c > published_) return c;
      }
      return std::nullopt;
    }
    if (weekday) {
      std::vector<bg::date> matching;
      for (const auto& c : candidates) {
        if (IsoWeekday(c) == *weekday) matching.push_back(c);
      }
      if (!matching.empty()) candidates = matching;
    }
    if (candidates.empty()) return std::nullopt;
    return NearestPreferringPast(
        candidates, published_, kPastWindowDays,
        [](bg::date a, bg::date b) { return static_cast<int>((b - a).days()); });
  }

  // "2025-07-14", "14/07/2025", "07/14/2025", "14.07.2025".
  std::optional<bg::date> NumericDate(size_t k) const {
    if (k >= pieces_.size() || pieces_.kind(k) != TokenKind::kNumber) return std::nullopt;
    std::string_view s = pieces_.folded(k);
    size_t separator = LeadingDigits(s);
    if (separator == s.size()) return std::nullopt;
    char mark = s[separator];
    if (mark != '-' && mark != '/' && mark != '.') return std::nullopt;
    std::vector<std::string> parts;
    size_t start = 0;
    while (true) {
      size_t next = s.find(mark, start);
      parts.emplace_back(s.substr(start, next == std::string::npos ? next : next - start));
      if (next == std::string::npos) break;
      start = next + 1;
    }
    if (parts.size() != 3) return std::nullopt;
    std::vector<int> values;
    for (const auto& part : parts) {
      if (part.empty() || part.size() > 4 ||
          part.find_first_not_of("0123456789") != std::string::npos) {
        return std::nullopt;
      }
      values.push_back(std::stoi(part));
    }
    if (parts[0].size() == 4 && parts[1].size() <= 2 && parts[2].size() <= 2) {
      return MakeDate(values[0], values[1], values[2]);
    }
    if (parts[2].size() != 4 || parts[0].size() > 2 || parts[1].size() > 2) return std::nullopt;
    int day = words_.day_first ? values[0] : values[1];
    int month = words_.day_first ? values[1] : values[0];
    if (month > 12 && day <= 12) std::swap(day, month);
    return MakeDate(values[2], month, day);
  }

  // A day of the month: "14", "1er", "4th".
  std::optional<int> DayNumber(size_t k) const {
    if (k >= pieces_.size() || pieces_.kind(k) != TokenKind::kNumber) return std::nullopt;
    std::string_view s = pieces_.folded(k);
    size_t digits = LeadingDigits(s);
    if (digits == 0 || digits > 2) return std::nullopt;
    if (digits < s.size()) {
      std::string suffix(s.substr(digits));
      if (std::find(words_.ordinal_suffixes.begin(), words_.ordinal_suffixes.end(), suffix) ==
          words_.ordinal_suffixes.end()) {
        return std::nullopt;
      }
    }
    int day = DigitsValue(s.substr(0, digits));
    if (day < 1 || day > 31) return std::nullopt;
    return day;
  }

  std::optional<int> YearAt(size_t k, int low, int high) const {
    if (k >= pieces_.size() || pieces_.kind(k) != TokenKind::kNumber) return std::nullopt;
    std::string_view s = pieces_.folded(k);
    if (s.size() != 4 || LeadingDigits(s) != 4) {
      return std::nullopt;
    }
    int year = DigitsValue(s);
    if (year < low || year > high) return std::nullopt;
    return year;
  }

  bool IsPunct(size_t k, std::string_view mark) const {
    return k < pieces_.size() && pieces_.kind(k) == TokenKind::kPunct && pieces_.folded(k) == mark;
  }

  size_t SkipPartOfDay(size_t k) const {
    auto part = Match(words_.parts_of_day, k);
    return part ? k + part->second : k;
  }

  // The longest phrase of `table` starting at piece `k`, with its length in pieces.
  // (The bit test inline, where most questions end; the look-up out of line.)
  template <typename Value>
  [[gnu::always_inline]] std::optional<std::pair<Value, size_t>> Match(
      const PhraseTable<Value>& table, size_t k) const {
    if (k >= pieces_.size() || (Firsts(k) & table.bit) == 0) [[likely]]
      return std::nullopt;
    // A set of one-piece phrases ("le", "en", "on"): the bit says the piece is one.
    if constexpr (std::is_same_v<Value, bool>) {
      if (table.longest == 1) return std::make_pair(true, size_t{1});
    }
    return Lookup(table, k);
  }
  // (The piece starts a phrase of `table`, its bit says: it has an id, which the
  // table knows.)
  template <typename Value>
  [[gnu::noinline]] std::optional<std::pair<Value, size_t>> Lookup(const PhraseTable<Value>& table,
                                                                   size_t k) const {
    const FirstPiece<Value>& first = table.first_pieces[pieces_.id(k)];
    if (first.starts_longer) {
      for (size_t length = std::min(table.longest, pieces_.size() - k); length >= 2; --length) {
        auto it = table.entries.find(Key(k, length));
        if (it != table.entries.end()) return std::make_pair(it->second, length);
      }
    }
    if (first.alone) return std::make_pair(first.value, size_t{1});
    return std::nullopt;
  }

  // A month or weekday name: capitalised when the language requires it.
  [[gnu::always_inline]] std::optional<std::pair<int, size_t>> Name(const PhraseTable<int>& table,
                                                                    size_t k) const {
    auto match = Match(table, k);
    if (match && words_.capitalized_names && !pieces_.capitalized(k)) return std::nullopt;
    return match;
  }

  // Whether a phrase of `table` ends just before piece `k`.
  bool EndsAt(const PhraseSet& table, size_t k) const {
    for (size_t length = 1; length <= std::min(table.longest, k); ++length) {
      if ((Firsts(k - length) & table.bit) == 0) continue;
      if (table.longest == 1) return true;
      if (length == 1 ? table.first_pieces[pieces_.id(k - 1)].alone
                      : table.entries.count(Key(k - length, length)) != 0) {
        return true;
      }
    }
    return false;
  }

  // The pieces k … k+length-1 joined with one space, as phrase keys are: a
  // piece's own form for one, else built in key_ (valid until the next call).
  std::string_view Key(size_t k, size_t length) const {
    if (length == 1) return pieces_.folded(k);
    key_.clear();
    for (size_t p = k; p < k + length; ++p) {
      if (p > k) key_ += ' ';
      key_ += pieces_.folded(p);
    }
    return key_;
  }

  // The bits of the tables a phrase of which starts at piece `k` (DateWords).
  uint32_t Firsts(size_t k) const { return words_.BitsOf(pieces_.id(k)); }

  // Whether a core may begin at piece `k`: a number, or a starter word (DateWords).
  bool MayStart(size_t k) const {
    TokenKind kind = pieces_.kind(k);
    return kind == TokenKind::kNumber ||
           (kind == TokenKind::kWord &&
            (words_.starter_bits == 0 || (Firsts(k) & words_.starter_bits) != 0));
  }

  // The first piece from `k` on where a core may begin, or pieces_.size(): MayStart
  // without a branch on the piece's kind, as nearly every piece is asked.
  size_t NextStart(size_t k) const {
    const size_t n = pieces_.size();
    const uint32_t starters = words_.starter_bits;
    const bool any_word = starters == 0;
    for (; k < n; ++k) {
      TokenKind kind = pieces_.kind(k);
      bool starts = (Firsts(k) & starters) != 0;
      if ((kind == TokenKind::kNumber) | ((kind == TokenKind::kWord) & (starts | any_word))) break;
    }
    return k;
  }

  const std::vector<Token>& tokens_;
  std::string_view text_;
  size_t base_;
  bg::date published_;
  const DateWords& words_;
  Pieces pieces_;
  mutable std::string key_;
};

// A number is a date only as a year (1900-2100) or a numeric date (14/07/2025,
// 2025-07-14); a day number comes with a month or weekday, triggers themselves.
bool NumberMayBeDate(std::string_view text) {
  bool separated = std::any_of(text.begin(), text.end(),
                               [](char c) { return c == '/' || c == '-' || c == '.'; });
  bool year =
      text.size() == 4 && (text.rfind("19", 0) == 0 || text.rfind("20", 0) == 0 || text == "2100");
  return separated || year;
}

}  // namespace

std::vector<DateMention> FindDateExpressions(const std::vector<Token>& tokens,
                                             std::string_view text, size_t base_offset,
                                             bg::date published, const DateWords& words) {
  // Boost's calendar ends at 1400 and 9999; a year later or earlier leaves no room
  // for "last year" or "next week".
  // (Compared as dates: asking a date for its year converts its day number, and
  // this is asked of every sentence.)
  static const bg::date earliest(1401, 1, 1);
  static const bg::date latest(9998, 12, 31);
  if (published.is_special() || published < earliest || published > latest) return {};
  // No month, weekday, relative day, unit, season, period part or number: no date.
  // First with one bit test a word, on its folded form's id: the answer for every
  // word whose folded form has no space (a phrase's pieces have none, so the id of
  // a form with a space has no bits). Then, when that finds nothing, the words whose
  // forms differ, by the id of their first piece ("avant hier" → "avant").
  const uint32_t triggers = words.trigger_bits;
  bool possible = triggers == 0;
  bool differ = false;
  for (const Token& t : tokens) {
    bool word = t.kind == TokenKind::kWord;
    possible |= word & ((words.BitsOf(t.folded_id) & triggers) != 0);
    differ |= word & !t.same_forms();
    if (t.kind == TokenKind::kNumber) [[unlikely]] {
      possible |= NumberMayBeDate(t.text);
    }
  }
  if (!possible && differ) {
    for (const Token& t : tokens) {
      if (t.kind != TokenKind::kWord || t.same_forms()) continue;
      size_t space = t.folded().find(' ');
      if (space == std::string::npos) continue;
      if ((words.BitsOf(FindWord(t.folded().substr(0, space))) & triggers) != 0) {
        possible = true;
        break;
      }
    }
  }
  if (!possible) return {};
  // Most sentences have no hyphenated word: their pieces are their tokens.
  bool whole = true;
  for (const Token& t : tokens) {
    if (!IsOneDatePiece(t)) {
      whole = false;
      break;
    }
  }
  if (whole) return DateParser<WholeTokenPieces>(tokens, text, base_offset, published, words).Run();
  return DateParser<CutTokenPieces>(tokens, text, base_offset, published, words).Run();
}

}  // namespace attest
