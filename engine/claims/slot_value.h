// What a claim says about one slot of an incident (shared/spec/incidents.md,
// "Slots"): a truth value, a count range, or a text (a category, an actor, a place,
// an outcome, a statement, or any attribute of a data-fusion table).
//
// Every value has one canonical text form, used in the store and in `export values`:
//   bool   "true" / "false"
//   count  "12", "8..12", "2.." (no upper bound) or "all"
//   text   the text itself (NFC, trimmed)
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace attest {

// A count known to lie in [low, high]; high absent means no upper bound
// (*plusieurs* → [2, ∞)). `all` stands for "the totality" (*la totalité des
// véhicules*), which is compatible with any count.
struct CountRange {
  int64_t low = 0;
  std::optional<int64_t> high;
  bool all = false;

  static CountRange Exactly(int64_t n) { return {n, n, false}; }
  static CountRange AtLeast(int64_t n) { return {n, std::nullopt, false}; }
  static CountRange Between(int64_t lo, int64_t hi) { return {lo, hi, false}; }
  static CountRange All() { return {0, std::nullopt, true}; }

  bool IsPoint() const { return !all && high && *high == low; }
  bool Overlaps(const CountRange& other) const;
  // The intersection of two overlapping ranges (`all` yields the other).
  CountRange Intersect(const CountRange& other) const;
  bool operator==(const CountRange&) const = default;
};

// The largest count a value may hold: 2^53 − 1, the largest whole number every
// JSON reader keeps exactly. Readers refuse larger ones, so that no count
// overflows in the store, in reconciliation or in an export.
inline constexpr int64_t kMaxCount = (int64_t{1} << 53) - 1;

using SlotValue = std::variant<bool, CountRange, std::string>;

// The kinds of slots (rules/common/slots.toml declares which slot has which).
enum class SlotType { kBool, kCount, kCategory, kText, kActor, kDate, kPlace, kStatement };

std::string_view ToString(SlotType type);
std::optional<SlotType> ParseSlotType(std::string_view text);

// The canonical text form (see above).
std::string FormatSlotValue(const SlotValue& value);

// Reads a canonical text form as a value of `type`. Returns nullopt when the text
// is not a value of that type ("twelve" for a count, or a count above kMaxCount).
std::optional<SlotValue> ParseSlotValue(SlotType type, std::string_view text);

// The key under which values are one value: a text folded for matching (case,
// accents and punctuation aside), except that a plain decimal numeral is read
// as its number ("30", "30.0" and "30.00" are one value; "-5" and "5" are two);
// other values by their canonical text form.
std::string ValueKey(const SlotValue& value);

// Two values are compatible when they can both be true of the same incident:
// equal truth values, overlapping count ranges, texts with the same ValueKey.
bool Compatible(const SlotValue& a, const SlotValue& b);

}  // namespace attest
