// Tokens: the words, numbers, punctuation marks and quotation marks of a piece of
// text, each with its exact byte offsets, as claim extraction and date recognition
// read them. A token is a view on the text (its bytes are copied, never
// normalised) plus a folded form to match lexicon entries against.
//
// What a token is, in brief (docs/rules-format.md, "text.toml", has the details):
//   - a word is a run of letters and digits; an apostrophe or a hyphen between two
//     letters stays inside ("aujourd'hui", "al-Qaïda", "porte-parole");
//   - French elision cuts a listed elided form off the front of a word ("l'armée"
//     → "l'" + "armée", "jusqu'à" → "jusqu'" + "à"), except for listed whole words
//     ("aujourd'hui"); English clitics are cut off the end ("didn't" → "did" +
//     "n't", "army's" → "army" + "'s"); both lists are per language, in
//     rules/<lang>/text.toml;
//   - French subject inversion is cut off the end of a verb ("a-t-il" → "a" +
//     "-t-il", "estiment-ils" → "estiment" + "-ils"); the pronoun token folds to
//     the pronoun itself ("il"), its text keeps the hyphens;
//   - a number starts with a digit and keeps separators between digits ("1,200",
//     "3.5", "14/07/2025", "2025-07-14") and a letter suffix ("1er", "14th");
//     "12 000" written with a space is two numbers;
//   - « » “ ” „ ‹ › and the straight " are quotation marks; a straight " opens when
//     it follows a space or an opening bracket and is followed by a non-space;
//   - everything else that is not a space is punctuation, one code point per token
//     (a run of ASCII periods is one token: "...").
//
// Ownership: a token's `text` is a view into the text it was cut from, which must
// outlive it; so are its other forms when they are the same bytes (Token).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/text/word_ids.h"

namespace attest {

enum class TokenKind : uint8_t { kWord, kNumber, kPunct, kQuoteOpen, kQuoteClose };

// "word", "number", "punct", "quote_open", "quote_close".
std::string_view ToString(TokenKind kind);

// The per-language tokenisation rules (rules/<lang>/text.toml, [tokens]). Every
// entry is folded with FoldToken.
struct TokenRules {
  // Elided forms written with their apostrophe ("l'", "qu'", "jusqu'"): cut off the
  // front of a word.
  // (Both sets are looked up by views: std::less<>.)
  std::set<std::string, std::less<>> elided;
  // Words with an apostrophe that are never cut ("aujourd'hui", "quelqu'un").
  std::set<std::string, std::less<>> elision_exceptions;
  // Clitics cut off the end of a word ("n't", "'s"), longest first.
  std::vector<std::string> clitics;
  // Subject pronouns set after their verb with a hyphen ("-t-il", "-elle", "-ils"),
  // in lower case, longest first: "a-t-il" → "a" + "-t-il", "affirme-t-elle" →
  // "affirme" + "-t-elle". The cut-off token reads as its pronoun: its folded and
  // lower forms are the last part ("il").
  std::vector<std::string> inversions;
  // The start bits of the lexicon these rules belong to (engine/text/word_ids.h),
  // given to every token; none for rules that belong to no lexicon.
  std::shared_ptr<StartTable> starts;
};

// A token's forms are views: on its text when they are the text, as they are for
// most words of a text (in lower case, without a hyphen) and for every mark, and
// on the token's own copy otherwise ("Armée" → "armee" and "armée"). So cutting a
// lower-case word copies none of its bytes, and copying a token stays safe: the
// views are taken when asked for.
struct Token {
  Token() = default;
  Token(size_t begin_at, size_t end_at, std::string_view bytes, TokenKind token_kind)
      : begin(begin_at), end(end_at), text(bytes), kind(token_kind) {}

  size_t begin = 0;  // absolute byte offsets: base_offset + offset in the text
  size_t end = 0;
  std::string_view text;  // the bytes of the text between begin and end, in the text
  TokenKind kind = TokenKind::kWord;
  // The ids of folded() and lower() (engine/text/word_ids.h): kUnknownWord for a
  // form no rule mentions.
  WordId folded_id = kUnknownWord;
  WordId lower_id = kUnknownWord;
  // The start bits of its words in the table of the rules it was cut with, and
  // that table's id (0: none). engine/text/word_ids.h.
  uint32_t start_table = 0;
  StartMask starts{};

  // Words: FoldToken(text); numbers: lower case; others: the text.
  std::string_view folded() const {
    return folded_in_text_ ? text : std::string_view(forms_.data(), folded_size_);
  }
  // Lower case with accents kept, apostrophes made plain: "à" and "a" differ here,
  // not in folded().
  std::string_view lower() const {
    if (same_forms_) return folded();
    if (lower_in_text_) return text;
    return std::string_view(forms_).substr(folded_in_text_ ? 0 : folded_size_);
  }
  // Whether lower() == folded() (then lower_id == folded_id).
  bool same_forms() const { return same_forms_; }

  // Gives the token its forms. A form equal to `text` is kept as a view on it,
  // any other is copied. (Neither may view this token's own forms.)
  void SetForms(std::string_view folded, std::string_view lower);
  // Both forms are `form`, which is not the text: it is copied.
  void SetOwnForm(std::string_view form);

 private:
  std::string forms_;  // the forms that are not the text: folded, then lower
  uint32_t folded_size_ = 0;
  bool same_forms_ = true;
  bool folded_in_text_ = true;
  bool lower_in_text_ = true;
  // To 128 bytes with libstdc++ (tokens.cc checks): a sentence's tokens are
  // walked dozens of times, and at a power-of-two size every index is a shift.
  // At 104 bytes, extraction was 2-3% slower.
  char padding_[24] = {};
};

// Cuts `text` into tokens. Offsets are absolute: `base_offset` is the offset of
// `text` in the document it comes from, so that for every token
// text.substr(begin - base_offset, end - begin) == token.text. Bytes that are not
// valid UTF-8 become one-byte punctuation tokens. Never throws.
std::vector<Token> Tokenize(std::string_view text, size_t base_offset, const TokenRules& rules);

// The tokens of each span [begin, end) of `text`, as Tokenize(text.substr(begin,
// end - begin), begin, rules) gives them, cut with the word table held once for
// all of them (a report's sentences: taking it for each costs more than cutting a
// short one). Spans must lie within `text`.
std::vector<std::vector<Token>> TokenizeEach(std::string_view text,
                                             const std::vector<std::pair<size_t, size_t>>& spans,
                                             const TokenRules& rules);

// The folded form of a word, to compare it with lexicon entries: FoldForMatch
// (lower case, no accents, a hyphen or other inner mark becomes a space) except that
// apostrophes are kept, as a plain "'": "L’Armée" → "l'armee", "avant-hier" →
// "avant hier", "n’t" → "n't". Requires valid UTF-8 (throws InvalidInput).
std::string FoldToken(std::string_view word);

// One code point of UTF-8 text and its length in bytes; a byte that does not start a
// valid sequence decodes as U+FFFD with length 1. Requires offset < text.size().
struct CodePoint {
  char32_t value = 0;
  size_t size = 1;
};
CodePoint DecodeMultiByte(std::string_view text, size_t offset);
inline CodePoint DecodeCodePoint(std::string_view text, size_t offset) {
  auto c = static_cast<unsigned char>(text[offset]);
  if (c < 0x80) return {c, 1};  // ASCII, most of any text, decoded inline
  return DecodeMultiByte(text, offset);
}

// Character classes shared by the tokenizer and the sentence splitter; ASCII is
// answered inline, other code points by utf8proc's categories.
// Spaces: Unicode space separators (no-break U+00A0 and narrow no-break U+202F
// included), tabs, line and paragraph ends, and the zero-width space.
bool IsSpaceBeyondAscii(char32_t c);
bool IsUpperCaseBeyondAscii(char32_t c);
bool IsLetterBeyondAscii(char32_t c);
bool IsDigitBeyondAscii(char32_t c);
// (constexpr so that tables of ASCII bytes can be built from them at compile time.)
constexpr bool IsSpace(char32_t c) {
  if (c < 0x80) return c == U' ' || (c >= U'\t' && c <= U'\r');  // \t \n \v \f \r
  return IsSpaceBeyondAscii(c);
}
// Upper or title case letters.
constexpr bool IsUpperCase(char32_t c) {
  return c < 0x80 ? c >= U'A' && c <= U'Z' : IsUpperCaseBeyondAscii(c);
}
// Letters and combining marks.
constexpr bool IsLetter(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= U'a' && (c | 0x20) <= U'z';
  return IsLetterBeyondAscii(c);
}
// Decimal digits.
constexpr bool IsDigit(char32_t c) {
  return c < 0x80 ? c >= U'0' && c <= U'9' : IsDigitBeyondAscii(c);
}

}  // namespace attest
