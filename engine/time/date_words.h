// The date vocabulary of one language, read from rules/<lang>/dates.toml: month and
// weekday names, relative days ("hier", "yesterday"), parts of the day, units
// ("semaine", "week"), seasons, the modifiers "dernier"/"last"/"prochain"/"next"/
// "ce"/"this" and where they stand, the early/mid/late words ("début", "late") with
// the part of a month or year they cover, and the small words around dates. The
// engine holds no word list of its own: FindDateExpressions
// (engine/time/date_expressions.h) only combines what is here.
//
// Phrases are matched as sequences of date pieces (CutDatePieces): the phrase is
// tokenised with the language's TokenRules and each word is folded, so "l'an" is
// matched as "l'" + "an", "avant-hier" as "avant" + "hier" and "Déc." as "dec" + ".".
#pragma once

#include <cstddef>
#include <cstdint>
#include <forward_list>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "engine/base/error.h"
#include "engine/rulebook/toml_reader.h"
#include "engine/text/tokens.h"

namespace attest {

enum class DateModifier { kLast, kThis, kNext };
enum class DateUnit { kWeek, kMonth, kYear };

// A season as a run of months; when first_month > last_month it spans the new year
// and "winter 2024" is December 2023 to February 2024 (the year of its last month).
struct SeasonMonths {
  int first_month = 1;
  int last_month = 12;
  bool operator==(const SeasonMonths&) const = default;
};

// The part of a month (days) and of a year (months) that "début"/"early",
// "mi"/"mid" or "fin"/"late" covers. last_day 31 means the month's last day.
struct PeriodPart {
  int first_day = 1;
  int last_day = 31;
  int first_month = 1;
  int last_month = 12;
  bool operator==(const PeriodPart&) const = default;
};

// Phrases of one word class, keyed by their pieces' folded forms joined with one
// space ("la semaine", "avant hier", "dec ."), with the value each one stands for.
// Keys are a few short words, hashed as word forms are (WordHasher).
using PhraseKeyHash = WordHasher;

// What a table holds for one word as the first piece of its phrases: the phrase
// that is the word alone, if any, and whether the word starts a longer phrase.
template <typename Value>
struct FirstPiece {
  bool alone = false;  // the word alone is a phrase, standing for `value`
  bool starts_longer = false;
  Value value{};
};

template <typename Value>
struct PhraseTable {
  // Found by string_view too (keys are views into the text's pieces).
  std::unordered_map<std::string, Value, PhraseKeyHash, std::equal_to<>> entries;
  size_t longest = 0;  // pieces in the longest phrase
  // This table's bit in DateWords::first_piece_bits (set by ReadDateWords).
  uint32_t bit = 0;
  // By the word id of the first piece of every phrase (engine/text/word_ids.h),
  // up to the largest: the parser answers a phrase of one piece by the piece's id,
  // without building and hashing a key, and looks up in `entries` only the longer
  // phrases of a word that starts one. Set by ReadDateWords from `entries`.
  std::vector<FirstPiece<Value>> first_pieces;
};
using PhraseSet = PhraseTable<bool>;

struct DateWords {
  // Numeric dates such as 03/04/2025: true reads day first (3 April), false month
  // first (March 4); either way a first number above 12 is read as the day.
  bool day_first = true;
  // Whether a month may come before the day ("July 14", English).
  bool month_before_day = false;
  // Whether month and weekday names count only when capitalised (English: "May").
  bool capitalized_names = false;
  // Letters after a day number that make it ordinal ("1er", "14th"), folded.
  std::vector<std::string> ordinal_suffixes;

  PhraseTable<int> months;         // 1 = January … 12 = December
  PhraseTable<int> weekdays;       // ISO: 1 = Monday … 7 = Sunday
  PhraseTable<int> relative_days;  // days from the publication date: hier = -1
  PhraseSet parts_of_day;          // matin, night: the day stays the day
  PhraseTable<DateUnit> units;     // semaine, month, an
  PhraseTable<SeasonMonths> seasons;
  PhraseTable<PeriodPart> period_parts;
  PhraseTable<DateModifier> modifiers_before;  // "last week", "ce lundi"
  PhraseTable<DateModifier> modifiers_after;   // "jeudi dernier", "mois-ci"
  // Words taken into a date mention when they precede it: "le", "en", "on", "the".
  PhraseSet lead_words;
  // Words after which a bare month or year is a date, and which are not part of it:
  // "depuis", "since" ("en", "in" are lead words and count too).
  PhraseSet introducers;
  // Words between a part and what it applies to: "fin de 2023", "summer of 2023".
  PhraseSet joiners;
  // Phrases after which a number is a quantity, never a year: "plus de", "more than".
  PhraseSet quantity_words;

  // The first pieces of every phrase of every table above, by word id
  // (engine/text/word_ids.h), with the bits of the tables that have a phrase
  // starting with it: the parser looks a piece up once and asks a table only when
  // its bit is set. 0 for a word that starts no phrase.
  std::vector<uint32_t> first_piece_bits;
  uint32_t BitsOf(WordId piece) const {
    return piece < first_piece_bits.size() ? first_piece_bits[piece] : 0;
  }
  // Triggers: the tables whose phrases can make a date on their own or with a
  // number (months, weekdays, relative days, units, seasons, period parts, parts
  // of the day after "this": "ce matin"): a text with none of their first pieces
  // and no number holds no date, and is not parsed.
  uint32_t trigger_bits = 0;
  // Starters: where an expression's core can begin, a trigger or a modifier before
  // ("last", "ce"). The parser tries no other word (numbers aside).
  uint32_t starter_bits = 0;
};

// One word as date phrases are matched: a token, or one part of a hyphenated word
// ("mi-juillet" gives "mi" and "juillet"), folded as FoldToken does.
struct DatePiece {
  std::string_view folded;  // into its token's folded form, or into `parts`
  WordId id = kUnknownWord;  // of `folded` (engine/text/word_ids.h)
  size_t token = 0;          // index of the token it comes from
  bool token_start = false;  // the piece starts its token
  bool token_end = false;    // the piece ends its token
  bool capitalized = false;  // its first letter is upper case as written
  TokenKind kind = TokenKind::kWord;
};
// The pieces view the tokens' folded forms, and the forms of the parts of
// hyphenated words, kept in `parts`: both must outlive them.
std::vector<DatePiece> CutDatePieces(const std::vector<Token>& tokens,
                                     std::forward_list<std::string>& parts);

// Whether `text` holds a hyphen: "-", U+2010 or U+2011.
bool HasHyphen(std::string_view text);
// Whether CutDatePieces cuts `token`, a word, at the hyphens inside it, as FoldToken
// makes them spaces. A hyphen makes a space of the folded form, not of the lower
// case, so a word whose forms are the same holds none, as most words, unless it is
// an inverted pronoun, "-t-il", which reads as its last part: most words are
// answered inline, without reading their text.
inline bool CutsAtHyphens(const Token& token) {
  if (token.kind != TokenKind::kWord) return false;
  if (token.same_forms() && token.text.front() != '-') return false;
  return HasHyphen(token.text);
}
// Whether CutDatePieces makes of `token` exactly one piece, with the token's own
// folded form and id: any token but a hyphenated word or a word folded to nothing.
inline bool IsOneDatePiece(const Token& token) {
  if (token.kind != TokenKind::kWord) return true;
  return !CutsAtHyphens(token) && !token.folded().empty();
}

// Reads a dates.toml file already opened by `reader`, cutting phrases into pieces
// with `token_rules` (the same language's text.toml). Every problem (an unknown
// key, a month number out of range, a phrase listed twice in one class, a month or
// weekday missing) is recorded in `diagnostics` as file:line: field: message; the
// words read so far are returned anyway, to be discarded by the caller when
// diagnostics has errors. Does not throw for bad content.
DateWords ReadDateWords(const TomlReader& reader, const TokenRules& token_rules,
                        Diagnostics& diagnostics);

}  // namespace attest
