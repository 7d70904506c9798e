#include "engine/time/date_words.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <optional>
#include <utility>

#include "engine/text/utf8.h"

namespace attest {

bool HasHyphen(std::string_view text) {
  // One pass for "-", U+2010 and U+2011 (E2 80 90, E2 80 91): words are short.
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '-') return true;
    if (text[i] == '\xE2' && i + 2 < text.size() && text[i + 1] == '\x80' &&
        (text[i + 2] == '\x90' || text[i + 2] == '\x91')) {
      return true;
    }
  }
  return false;
}

std::vector<DatePiece> CutDatePieces(const std::vector<Token>& tokens,
                                     std::forward_list<std::string>& parts) {
  std::vector<DatePiece> pieces;
  // (Room for a few hyphenated words without moving the pieces.)
  pieces.reserve(2 * tokens.size());
  for (size_t t = 0; t < tokens.size(); ++t) {
    const Token& token = tokens[t];
    if (token.kind != TokenKind::kWord) {
      pieces.push_back({token.folded(), token.folded_id, t, true, true, false, token.kind});
      continue;
    }
    std::string_view text = token.text;
    if (!CutsAtHyphens(token)) {
      // One piece: the token's own folded form, written in place.
      std::string_view folded = token.folded();
      if (folded.empty()) continue;
      DatePiece& piece = pieces.emplace_back();
      piece.folded = folded;
      piece.id = token.folded_id;
      piece.token = t;
      piece.capitalized = IsUpperCase(DecodeCodePoint(text, 0).value);
      piece.kind = TokenKind::kWord;
      piece.token_start = piece.token_end = true;
      continue;
    }
    size_t part = 0;
    size_t first_piece = pieces.size();
    auto add = [&](size_t end) {
      if (end == part) return;
      std::string_view word = text.substr(part, end - part);
      DatePiece piece;
      piece.folded = parts.emplace_front(FoldToken(word));
      piece.id = FindWord(piece.folded);
      piece.token = t;
      piece.capitalized = IsUpperCase(DecodeCodePoint(word, 0).value);
      piece.kind = TokenKind::kWord;
      if (!piece.folded.empty()) pieces.push_back(std::move(piece));
    };
    for (size_t i = 0; i < text.size();) {
      CodePoint cp = DecodeCodePoint(text, i);
      if (cp.value == U'-' || cp.value == U'\u2010' || cp.value == U'\u2011') {
        add(i);
        part = i + cp.size;
      }
      i += cp.size;
    }
    add(text.size());
    if (pieces.size() > first_piece) {
      pieces[first_piece].token_start = true;
      pieces.back().token_end = true;
    }
  }
  return pieces;
}

namespace {

// Reads the classes of dates.toml one by one into a DateWords, remembering the line
// of every phrase so that a phrase listed twice in a class names both lines.
class DateWordsReader {
 public:
  DateWordsReader(const TomlReader& reader, const TokenRules& token_rules, Diagnostics& diagnostics)
      : r_(reader), token_rules_(token_rules), diagnostics_(diagnostics) {}

  DateWords Read() {
    DateWords w;
    const toml::table& root = r_.root();
    r_.CheckKeys(root,
                 {"day_first", "month_before_day", "capitalized_names", "ordinal_suffixes",
                  "lead_words", "introducers", "joiners", "quantity_words", "parts_of_day", "month",
                  "weekday", "relative_day", "unit", "season", "period_part", "modifier"},
                 "the dates file");
    w.day_first = r_.Boolean(root, "day_first").value_or(true);
    w.month_before_day = r_.Boolean(root, "month_before_day").value_or(false);
    w.capitalized_names = r_.Boolean(root, "capitalized_names").value_or(false);
    for (const std::string& suffix : r_.Strings(root, "ordinal_suffixes")) {
      w.ordinal_suffixes.push_back(FoldToken(suffix));
    }
    ReadSet(root, "lead_words", w.lead_words);
    ReadSet(root, "introducers", w.introducers);
    ReadSet(root, "joiners", w.joiners);
    ReadSet(root, "quantity_words", w.quantity_words);
    ReadSet(root, "parts_of_day", w.parts_of_day);

    for (const toml::table* t : r_.Tables(root, "month")) {
      r_.CheckKeys(*t, {"number", "words"}, "[[month]]");
      auto number = RangedInteger(*t, "number", 1, 12, "a month number runs from 1 to 12");
      if (number) AddWords(*t, "words", *number, "month", w.months);
    }
    for (const toml::table* t : r_.Tables(root, "weekday")) {
      r_.CheckKeys(*t, {"number", "words"}, "[[weekday]]");
      auto number =
          RangedInteger(*t, "number", 1, 7, "a weekday number runs from 1 (Monday) to 7 (Sunday)");
      if (number) AddWords(*t, "words", *number, "weekday", w.weekdays);
    }
    for (const toml::table* t : r_.Tables(root, "relative_day")) {
      r_.CheckKeys(*t, {"offset", "words"}, "[[relative_day]]");
      auto offset = RangedInteger(*t, "offset", -31, 31,
                                  "an offset counts days from publication, from -31 to 31");
      if (offset) AddWords(*t, "words", *offset, "relative_day", w.relative_days);
    }
    for (const toml::table* t : r_.Tables(root, "unit")) {
      r_.CheckKeys(*t, {"unit", "words"}, "[[unit]]");
      auto unit = Choice<DateUnit>(
          *t, "unit",
          {{"week", DateUnit::kWeek}, {"month", DateUnit::kMonth}, {"year", DateUnit::kYear}});
      if (unit) AddWords(*t, "words", *unit, "unit", w.units);
    }
    for (const toml::table* t : r_.Tables(root, "season")) {
      r_.CheckKeys(*t, {"name", "first_month", "last_month", "words"}, "[[season]]");
      r_.String(*t, "name", true);
      auto first = RangedInteger(*t, "first_month", 1, 12, "a month number runs from 1 to 12");
      auto last = RangedInteger(*t, "last_month", 1, 12, "a month number runs from 1 to 12");
      if (first && last) AddWords(*t, "words", SeasonMonths{*first, *last}, "season", w.seasons);
    }
    for (const toml::table* t : r_.Tables(root, "period_part")) {
      r_.CheckKeys(*t, {"name", "days", "months", "words"}, "[[period_part]]");
      r_.String(*t, "name", true);
      auto days = Range(*t, "days", 31, "days within a month, like [1, 10]");
      auto months = Range(*t, "months", 12, "months within a year, like [1, 4]");
      if (days && months) {
        AddWords(*t, "words", PeriodPart{days->first, days->second, months->first, months->second},
                 "period_part", w.period_parts);
      }
    }
    for (const toml::table* t : r_.Tables(root, "modifier")) {
      r_.CheckKeys(*t, {"meaning", "position", "words"}, "[[modifier]]");
      auto meaning = Choice<DateModifier>(*t, "meaning",
                                          {{"last", DateModifier::kLast},
                                           {"this", DateModifier::kThis},
                                           {"next", DateModifier::kNext}});
      auto before = Choice<bool>(*t, "position", {{"before", true}, {"after", false}});
      if (meaning && before) {
        if (*before) {
          AddWords(*t, "words", *meaning, "modifier (before)", w.modifiers_before);
        } else {
          AddWords(*t, "words", *meaning, "modifier (after)", w.modifiers_after);
        }
      }
    }
    RequireAll(w.months, 12, "month");
    RequireAll(w.weekdays, 7, "weekday");
    return w;
  }

 private:
  // The folded pieces of a phrase joined by spaces, as the matcher builds them.
  std::string Key(std::string_view phrase) const {
    std::string key;
    std::vector<Token> tokens = Tokenize(phrase, 0, token_rules_);
    std::forward_list<std::string> parts;
    for (const DatePiece& piece : CutDatePieces(tokens, parts)) {
      if (!key.empty()) key += ' ';
      key += piece.folded;
    }
    return key;
  }

  // Calls `add` with each string of `table[key]` (a string or a list of strings) and
  // its node; records an error when `required` and nothing is there.
  void ForEachString(const toml::table& table, std::string_view key, bool required,
                     const std::function<void(const toml::node&, const std::string&)>& add) {
    const toml::node* node = table.get(key);
    if (!node) {
      if (required) r_.Fail(&table, std::string(key), "missing; list at least one word");
      return;
    }
    if (auto s = node->value<std::string>()) {
      add(*node, NormalizeNfc(*s));
      return;
    }
    const toml::array* array = node->as_array();
    if (!array) {
      r_.Fail(node, std::string(key), "must be a list of strings, like [\"a\", \"b\"]");
      return;
    }
    if (array->empty() && required) r_.Fail(node, std::string(key), "list at least one word");
    for (const toml::node& item : *array) {
      if (auto s = item.value<std::string>()) {
        add(item, NormalizeNfc(*s));
      } else {
        r_.Fail(&item, std::string(key), "every item must be a string");
      }
    }
  }

  template <typename Value>
  void AddWords(const toml::table& table, std::string_view key, const Value& value,
                const std::string& word_class, PhraseTable<Value>& into) {
    std::map<std::string, int64_t>& lines = lines_[word_class];
    ForEachString(table, key, true, [&](const toml::node& node, const std::string& phrase) {
      std::string folded = Key(phrase);
      if (folded.empty()) {
        r_.Fail(&node, std::string(key), fmt::format("'{}' has no letters or digits", phrase));
        return;
      }
      auto [it, fresh] = lines.emplace(folded, r_.LineOf(node));
      if (!fresh) {
        r_.Fail(&node, std::string(key),
                fmt::format("'{}' is already a {} word (line {}); a phrase may stand for one "
                            "thing only in a class",
                            phrase, word_class, it->second));
        return;
      }
      into.entries.emplace(folded, value);
      size_t pieces = 1;
      for (char c : folded) pieces += c == ' ';
      into.longest = std::max(into.longest, pieces);
    });
  }

  // An optional list of phrases at the top of the file.
  void ReadSet(const toml::table& table, std::string_view key, PhraseSet& into) {
    if (table.get(key)) AddWords(table, key, true, std::string(key), into);
  }

  std::optional<int> RangedInteger(const toml::table& table, std::string_view key, int low,
                                   int high, std::string_view what) {
    auto value = r_.Integer(table, key, true);
    if (!value) return std::nullopt;
    if (*value < low || *value > high) {
      r_.Fail(table.get(key), std::string(key), std::string(what));
      return std::nullopt;
    }
    return static_cast<int>(*value);
  }

  // A pair [first, last] with 1 <= first <= last <= high.
  std::optional<std::pair<int, int>> Range(const toml::table& table, std::string_view key, int high,
                                           std::string_view what) {
    const toml::node* node = table.get(key);
    if (!node) {
      r_.Fail(&table, std::string(key), fmt::format("missing; give {}", what));
      return std::nullopt;
    }
    const toml::array* array = node->as_array();
    if (!array || array->size() != 2 || !(*array)[0].is_integer() || !(*array)[1].is_integer()) {
      r_.Fail(node, std::string(key), fmt::format("must be two whole numbers: {}", what));
      return std::nullopt;
    }
    int64_t first = *(*array)[0].value<int64_t>();
    int64_t last = *(*array)[1].value<int64_t>();
    if (first < 1 || last > high || first > last) {
      r_.Fail(
          node, std::string(key),
          fmt::format("must run from 1 to {} with the first not after the last: {}", high, what));
      return std::nullopt;
    }
    return std::pair<int, int>(static_cast<int>(first), static_cast<int>(last));
  }

  template <typename Value>
  std::optional<Value> Choice(const toml::table& table, std::string_view key,
                              std::initializer_list<std::pair<std::string_view, Value>> choices) {
    auto text = r_.String(table, key, true);
    if (!text) return std::nullopt;
    std::string names;
    for (const auto& [name, value] : choices) {
      if (*text == name) return value;
      names += (names.empty() ? "" : ", ") + std::string(name);
    }
    r_.Fail(table.get(key), std::string(key),
            fmt::format("unknown value '{}'; use one of: {}", *text, names));
    return std::nullopt;
  }

  // Every number from 1 to `count` must have at least one word.
  void RequireAll(const PhraseTable<int>& table, int count, std::string_view field) {
    std::vector<bool> present(static_cast<size_t>(count) + 1, false);
    for (const auto& [phrase, number] : table.entries) present[static_cast<size_t>(number)] = true;
    for (int n = 1; n <= count; ++n) {
      if (!present[static_cast<size_t>(n)]) {
        diagnostics_.Error(r_.file(), 0, std::string(field),
                           fmt::format("no words for {0} {1}; add a [[{0}]] entry with "
                                       "number = {1} and its words",
                                       field, n));
      }
    }
  }

  const TomlReader& r_;
  const TokenRules& token_rules_;
  Diagnostics& diagnostics_;
  std::map<std::string, std::map<std::string, int64_t>> lines_;  // class → phrase → line
};

}  // namespace

DateWords ReadDateWords(const TomlReader& reader, const TokenRules& token_rules,
                        Diagnostics& diagnostics) {
  if (!reader.ok()) return {};
  DateWords words = DateWordsReader(reader, token_rules, diagnostics).Read();
  // Every piece of every phrase gets a word id, so that a text's pieces carry the
  // ids the tables are indexed by.
  uint32_t next_bit = 1;
  auto index = [&](auto& table) {
    if (table.entries.empty()) return;  // bit 0: asked about nothing
    table.bit = next_bit;
    next_bit <<= 1;
    for (const auto& [key, value] : table.entries) {
      WordId first = kUnknownWord;
      for (size_t start = 0; start <= key.size();) {
        size_t space = std::min(key.find(' ', start), key.size());
        WordId id = InternWord(std::string_view(key).substr(start, space - start));
        if (start == 0) first = id;
        start = space + 1;
      }
      if (first >= words.first_piece_bits.size()) words.first_piece_bits.resize(first + 1, 0);
      words.first_piece_bits[first] |= table.bit;
      if (first >= table.first_pieces.size()) table.first_pieces.resize(first + 1);
      auto& piece = table.first_pieces[first];
      if (key.find(' ') == std::string::npos) {
        piece.alone = true;
        piece.value = value;
      } else {
        piece.starts_longer = true;
      }
    }
  };
  for (auto* table : {&words.parts_of_day, &words.lead_words, &words.introducers,
                      &words.joiners, &words.quantity_words}) {
    index(*table);
  }
  index(words.months);
  index(words.weekdays);
  index(words.relative_days);
  index(words.units);
  index(words.seasons);
  index(words.period_parts);
  index(words.modifiers_before);
  index(words.modifiers_after);
  words.trigger_bits = words.months.bit | words.weekdays.bit | words.relative_days.bit |
                       words.units.bit | words.seasons.bit | words.period_parts.bit |
                       words.parts_of_day.bit;
  words.starter_bits = words.trigger_bits | words.modifiers_before.bit;
  return words;
}

}  // namespace attest
