#include "engine/claims/slot_value.h"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "engine/text/utf8.h"

namespace attest {

bool CountRange::Overlaps(const CountRange& other) const {
  if (all || other.all) return true;
  bool below = high && *high < other.low;
  bool above = other.high && *other.high < low;
  return !below && !above;
}

CountRange CountRange::Intersect(const CountRange& other) const {
  if (all) return other;
  if (other.all) return *this;
  CountRange out;
  out.low = std::max(low, other.low);
  if (high && other.high) {
    out.high = std::min(*high, *other.high);
  } else if (high) {
    out.high = high;
  } else {
    out.high = other.high;
  }
  return out;
}

std::string_view ToString(SlotType type) {
  switch (type) {
    case SlotType::kBool: return "bool";
    case SlotType::kCount: return "count";
    case SlotType::kCategory: return "category";
    case SlotType::kText: return "text";
    case SlotType::kActor: return "actor";
    case SlotType::kDate: return "date";
    case SlotType::kPlace: return "place";
    case SlotType::kStatement: return "statement";
  }
  return "text";
}

std::optional<SlotType> ParseSlotType(std::string_view text) {
  for (auto t : {SlotType::kBool, SlotType::kCount, SlotType::kCategory, SlotType::kText,
                 SlotType::kActor, SlotType::kDate, SlotType::kPlace, SlotType::kStatement}) {
    if (ToString(t) == text) return t;
  }
  return std::nullopt;
}

std::string FormatSlotValue(const SlotValue& value) {
  if (const bool* b = std::get_if<bool>(&value)) return *b ? "true" : "false";
  if (const CountRange* c = std::get_if<CountRange>(&value)) {
    if (c->all) return "all";
    if (!c->high) return fmt::format("{}..", c->low);
    if (*c->high == c->low) return fmt::format("{}", c->low);
    return fmt::format("{}..{}", c->low, *c->high);
  }
  return std::get<std::string>(value);
}

namespace {

std::optional<int64_t> ReadInt(std::string_view text) {
  if (text.empty()) return std::nullopt;
  int64_t v = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || ptr != text.data() + text.size() || v < 0 || v > kMaxCount) {
    return std::nullopt;
  }
  return v;
}

}  // namespace

std::optional<SlotValue> ParseSlotValue(SlotType type, std::string_view text) {
  switch (type) {
    case SlotType::kBool:
      if (text == "true") return SlotValue(true);
      if (text == "false") return SlotValue(false);
      return std::nullopt;
    case SlotType::kCount: {
      if (text == "all") return SlotValue(CountRange::All());
      auto dots = text.find("..");
      if (dots == std::string_view::npos) {
        auto n = ReadInt(text);
        if (!n) return std::nullopt;
        return SlotValue(CountRange::Exactly(*n));
      }
      auto lo = ReadInt(text.substr(0, dots));
      if (!lo) return std::nullopt;
      auto rest = text.substr(dots + 2);
      if (rest.empty()) return SlotValue(CountRange::AtLeast(*lo));
      auto hi = ReadInt(rest);
      if (!hi || *hi < *lo) return std::nullopt;
      return SlotValue(CountRange::Between(*lo, *hi));
    }
    default:
      return SlotValue(std::string(text));
  }
}

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A plain decimal numeral (an optional sign, digits, optionally a point and
// digits) written as its number: no '+', no fractional zeros that do not change
// it ("30.00" → "30", "29.90" → "29.9"). nullopt for any other text.
std::optional<std::string> Numeral(std::string_view text) {
  size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
  size_t whole = i;
  while (i < text.size() && IsDigit(text[i])) ++i;
  if (i == whole) return std::nullopt;
  size_t end = i;
  if (i < text.size()) {
    if (text[i] != '.') return std::nullopt;
    size_t fraction = ++i;
    while (i < text.size() && IsDigit(text[i])) ++i;
    if (i != text.size() || i == fraction) return std::nullopt;
    end = i;
    while (end > fraction && text[end - 1] == '0') --end;
    if (end == fraction) end = fraction - 1;  // nothing left after the point
  }
  std::string out = negative ? "-" : "";
  out.append(text.substr(whole, end - whole));
  if (out == "-0") out = "0";
  return out;
}

}  // namespace

std::string ValueKey(const SlotValue& value) {
  if (const auto* s = std::get_if<std::string>(&value)) {
    if (auto number = Numeral(*s)) return *number;
    return FoldForMatch(*s);
  }
  return FormatSlotValue(value);
}

bool Compatible(const SlotValue& a, const SlotValue& b) {
  if (a.index() != b.index()) return false;
  if (const bool* x = std::get_if<bool>(&a)) return *x == std::get<bool>(b);
  if (const CountRange* x = std::get_if<CountRange>(&a)) {
    return x->Overlaps(std::get<CountRange>(b));
  }
  return std::get<std::string>(a) == std::get<std::string>(b) || ValueKey(a) == ValueKey(b);
}

}  // namespace attest
