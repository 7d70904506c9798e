#include "engine/text/tokens.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

#include "engine/text/utf8.h"
#include "engine/text/word_table.h"

namespace attest {

std::string_view ToString(TokenKind kind) {
  switch (kind) {
    case TokenKind::kWord:
      return "word";
    case TokenKind::kNumber:
      return "number";
    case TokenKind::kPunct:
      return "punct";
    case TokenKind::kQuoteOpen:
      return "quote_open";
    case TokenKind::kQuoteClose:
      return "quote_close";
  }
  return "word";
}

static_assert(sizeof(std::string) != 32 || sizeof(Token) == 128, "Token: see padding_");

void Token::SetForms(std::string_view folded, std::string_view lower) {
  same_forms_ = folded == lower;
  folded_in_text_ = folded == text;
  lower_in_text_ = same_forms_ ? folded_in_text_ : lower == text;
  forms_.clear();
  folded_size_ = 0;
  if (!folded_in_text_) {
    forms_.assign(folded);
    folded_size_ = static_cast<uint32_t>(folded.size());
  }
  if (!same_forms_ && !lower_in_text_) forms_.append(lower);
}

void Token::SetOwnForm(std::string_view form) {
  same_forms_ = true;
  folded_in_text_ = false;
  lower_in_text_ = false;
  forms_.assign(form);
  folded_size_ = static_cast<uint32_t>(form.size());
}

CodePoint DecodeMultiByte(std::string_view text, size_t offset) {
  utf8proc_int32_t cp = 0;
  auto len = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + offset),
                              static_cast<utf8proc_ssize_t>(text.size() - offset), &cp);
  if (len <= 0) return {U'\uFFFD', 1};
  return {static_cast<char32_t>(cp), static_cast<size_t>(len)};
}

bool IsSpaceBeyondAscii(char32_t c) {
  // The zero-width space is a format character, but it separates words.
  if (c == U'\u200B' || c == U'\u2028' || c == U'\u2029' || c == U'\u0085') return true;
  auto category = utf8proc_category(static_cast<utf8proc_int32_t>(c));
  return category == UTF8PROC_CATEGORY_ZS || category == UTF8PROC_CATEGORY_ZL ||
         category == UTF8PROC_CATEGORY_ZP;
}

bool IsUpperCaseBeyondAscii(char32_t c) {
  auto category = utf8proc_category(static_cast<utf8proc_int32_t>(c));
  return category == UTF8PROC_CATEGORY_LU || category == UTF8PROC_CATEGORY_LT;
}

bool IsLetterBeyondAscii(char32_t c) {
  auto category = utf8proc_category(static_cast<utf8proc_int32_t>(c));
  return (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO) ||
         (category >= UTF8PROC_CATEGORY_MN && category <= UTF8PROC_CATEGORY_ME);
}

bool IsDigitBeyondAscii(char32_t c) {
  return utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_ND;
}

namespace {

bool HoldsFolded(const std::set<std::string, std::less<>>& set, std::string_view word);
bool FoldsTo(std::string_view word, std::string_view form);
bool HoldsFoldedElision(const std::set<std::string, std::less<>>& set, std::string_view word,
                        std::string_view elided);

constexpr bool IsApostrophe(char32_t c) { return c == U'\'' || c == U'\u2019' || c == U'\u02BC'; }

// The offset of the first apostrophe of `word` from `from` on, or npos, and its
// size. `word` is valid UTF-8 (a word's part), so a byte ' or the bytes of
// U+2019 or U+02BC are always a whole code point: they are looked for as bytes.
size_t ApostropheAt(std::string_view word, size_t from, size_t& size) {
  for (size_t i = from; i < word.size(); ++i) {
    auto c = static_cast<unsigned char>(word[i]);
    if (c == '\'') {
      size = 1;
      return i;
    }
    if (c == 0xE2 && word.substr(i, 3) == "\u2019") {
      size = 3;
      return i;
    }
    if (c == 0xCA && word.substr(i, 2) == "\u02BC") {
      size = 2;
      return i;
    }
  }
  return std::string_view::npos;
}

// Hyphen-minus, hyphen and non-breaking hyphen join words; dashes do not.
constexpr bool IsHyphen(char32_t c) { return c == U'-' || c == U'\u2010' || c == U'\u2011'; }

constexpr bool IsAlnum(char32_t c) { return IsLetter(c) || IsDigit(c); }

// Separators kept inside a number when a digit follows: "1,200", "3.5",
// "14/07/2025", "10:30" ("2025-07-14" is kept by the hyphen rule).
constexpr bool IsNumberSeparator(char32_t c) {
  return c == U'.' || c == U',' || c == U'/' || c == U':';
}

// What each byte below 0x80 is to the tokenizer, in one table read, so that
// ASCII text is scanned without decoding it: a space, a letter or digit, or a
// mark that ends any word it follows (a space too, or any ASCII mark but an
// apostrophe, a hyphen and a number separator). Bytes from 0x80 on are in no
// class: they start or continue a longer code point, which is decoded.
// A fourth class, a mark byte, is every other ASCII byte but the period and the
// straight quotation mark: a token of its own, pushed at once.
enum : uint8_t { kSpaceByte = 1, kAlnumByte = 2, kEndsWordByte = 4, kMarkByte = 8 };
constexpr std::array<uint8_t, 256> kByteClass = [] {
  std::array<uint8_t, 256> t{};
  for (char32_t c = 0; c < 0x80; ++c) {
    bool inner = IsAlnum(c) || IsApostrophe(c) || IsHyphen(c) || IsNumberSeparator(c);
    bool mark = !IsSpace(c) && !IsAlnum(c) && c != U'.' && c != U'"';
    t[c] = (IsSpace(c) ? kSpaceByte : 0) | (IsAlnum(c) ? kAlnumByte : 0) |
           (inner ? 0 : kEndsWordByte) | (mark ? kMarkByte : 0);
  }
  return t;
}();
uint8_t ByteClass(char b) { return kByteClass[static_cast<unsigned char>(b)]; }

// Bytes in lower case: A-Z to a-z, every other byte unchanged.
constexpr std::array<unsigned char, 256> kLowerByte = [] {
  std::array<unsigned char, 256> t{};
  for (size_t c = 0; c < 256; ++c) {
    t[c] = static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return t;
}();

enum class QuoteMark { kNone, kOpen, kClose, kEither };

QuoteMark QuoteMarkOf(char32_t c) {
  switch (c) {
    case U'\u00AB':  // «
    case U'\u201C':  // “
    case U'\u201E':  // „
    case U'\u2039':  // ‹
      return QuoteMark::kOpen;
    case U'\u00BB':  // »
    case U'\u201D':  // ”
    case U'\u203A':  // ›
      return QuoteMark::kClose;
    case U'"':
      return QuoteMark::kEither;
    default:
      return QuoteMark::kNone;
  }
}

bool IsOpeningContext(char32_t c) {
  return IsSpace(c) || c == U'(' || c == U'[' || c == U'{' || c == U'\u2014' || c == U'\u2013' ||
         QuoteMarkOf(c) == QuoteMark::kOpen;
}

// The code point that ends just before `offset`, or 0 at the start.
char32_t PreviousCodePoint(std::string_view text, size_t offset) {
  if (offset == 0) return 0;
  size_t start = offset - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80 &&
         offset - start < 4) {
    --start;
  }
  CodePoint cp = DecodeCodePoint(text, start);
  return start + cp.size == offset ? cp.value : U'\uFFFD';
}

char32_t CodePointAt(std::string_view text, size_t offset) {
  return offset < text.size() ? DecodeCodePoint(text, offset).value : 0;
}

// The classes of every code point below U+0800 (ASCII, and what UTF-8 writes in
// two bytes: accented Latin, Greek, Cyrillic…), taken once from IsSpace, IsLetter
// and IsDigit themselves, so that the letters of most words beyond ASCII are
// classed by one read instead of a call into utf8proc each, with the same
// answers. Built on first use (not at load: a static initialiser elsewhere may
// tokenise).
enum : uint8_t { kSpacePoint = 1, kLetterPoint = 2, kDigitPoint = 4 };
constexpr char32_t kTableEnd = 0x800;
const std::array<uint8_t, kTableEnd>& PointClasses() {
  static const std::array<uint8_t, kTableEnd> table = [] {
    std::array<uint8_t, kTableEnd> t{};
    for (char32_t c = 0; c < kTableEnd; ++c) {
      t[c] =
          static_cast<uint8_t>((IsSpace(c) ? kSpacePoint : 0) | (IsLetter(c) ? kLetterPoint : 0) |
                               (IsDigit(c) ? kDigitPoint : 0));
    }
    return t;
  }();
  return table;
}

class Tokenizer {
 public:
  explicit Tokenizer(const TokenRules& rules) : rules_(rules) {}

  // The tokens of `text`, whose first byte is at `base` in its document. (One
  // tokenizer cuts many texts: it holds the word table for all of them.)
  std::vector<Token> Run(std::string_view text, size_t base) {
    text_ = text;
    base_ = base;
    tokens_.clear();  // (moved from by the last run)
    // News text runs at about five bytes a token, punctuation included: room for
    // one every four bytes spares most texts a reallocation, which would move
    // every token.
    tokens_.reserve(text_.size() / 4 + 8);
    size_t i = 0;
    while (i < text_.size()) {
      // ASCII spaces, letters and digits by table, the bulk of any text; the
      // rest as code points below.
      if (uint8_t cls = ByteClass(text_[i]); cls & kSpaceByte) {
        ++i;
        continue;
      } else if (cls & kAlnumByte) {
        // Most words are ASCII letters and digits alone, cut and pushed by
        // PlainWord in one pass; most others are accented words, cut by
        // LatinWord; Word cuts the rest.
        size_t run_end = i;
        size_t end = PlainWord(i, run_end);
        if (end == i && run_end < text_.size() &&
            static_cast<unsigned char>(text_[run_end]) >= 0x80) {
          end = LatinWord(i, run_end);
        }
        i = end != i ? end : Word(i, run_end);
        continue;
      } else if (cls & kMarkByte) {
        // A mark is its own forms; the hash of one byte is WordHash's.
        Token& token =
            tokens_.emplace_back(base_ + i, base_ + i + 1, text_.substr(i, 1), TokenKind::kPunct);
        const auto byte = static_cast<unsigned char>(text_[i]);
        SetSameIds(token, token.text, WordHashEnd(WordHashPiece(WordHashStart(1), byte)));
        ++i;
        continue;
      } else if (text_[i] == '.') {
        // A run of periods is one mark ("..."), its own forms too, hashed from
        // the text.
        size_t end = i + 1;
        while (end < text_.size() && text_[end] == '.') ++end;
        Token& token = tokens_.emplace_back(base_ + i, base_ + end, text_.substr(i, end - i),
                                            TokenKind::kPunct);
        SetSameIds(token, token.text, TextHash(i, end - i));
        i = end;
        continue;
      }
      CodePoint cp = Decode(i);
      if (IsSpacePoint(cp.value)) {
        i += cp.size;
      } else if (IsAlnumPoint(cp.value)) {
        size_t end = cp.size == 2 ? LatinWord(i, i) : i;
        i = end != i ? end : Word(i, i);
      } else if (QuoteMark mark = QuoteMarkOf(cp.value); mark != QuoteMark::kNone) {
        bool open = mark == QuoteMark::kOpen;
        if (mark == QuoteMark::kEither) {
          char32_t before = PreviousCodePoint(text_, i);
          char32_t after = CodePointAt(text_, i + cp.size);
          open = (before == 0 || IsOpeningContext(before)) && after != 0 && !IsSpace(after);
        }
        Push(i, i + cp.size, open ? TokenKind::kQuoteOpen : TokenKind::kQuoteClose);
        i += cp.size;
      } else {
        Push(i, i + cp.size, TokenKind::kPunct);
        i += cp.size;
      }
    }
    return std::move(tokens_);
  }

 private:
  // The eight bytes of the text from `at` on, little-endian, with zeros past its
  // end (a zero ends any word, as the end of the text does).
  uint64_t PieceAt(size_t at) const {
    const size_t left = text_.size() - at;
    uint64_t piece = 0;
    if (left >= 8) {
      std::memcpy(&piece, text_.data() + at, 8);
      return piece;
    }
    if (left == 0) return 0;
    if (text_.size() >= 8) {
      // The last eight bytes of the text, shifted down to `at`.
      std::memcpy(&piece, text_.data() + text_.size() - 8, 8);
      return piece >> (8 * (8 - left));
    }
    return WordPiece(text_, at);
  }

  // The bits 0x80 of the bytes of `piece` that are not ASCII letters or digits
  // (IsAlnum below 0x80). Each test adds to the low seven bits of every byte a
  // constant that reaches 0x80 from its bound on, and no sum carries into the
  // next byte.
  static uint64_t NonAlnumBits(uint64_t piece) {
    constexpr uint64_t kOnes = 0x0101010101010101ULL;
    constexpr uint64_t kHigh = 0x80 * kOnes;
    const uint64_t low = piece & ~kHigh;
    const uint64_t folded = low | (0x20 * kOnes);  // 'A'-'Z' to 'a'-'z'
    const uint64_t letters = (folded + (0x80 - 'a') * kOnes) & ~(folded + (0x80 - 'z' - 1) * kOnes);
    const uint64_t digits = (low + (0x80 - '0') * kOnes) & ~(low + (0x80 - '9' - 1) * kOnes);
    return ~((letters | digits) & ~piece) & kHigh;
  }

  // Cuts and pushes the word or number of ASCII letters and digits alone that
  // starts at `begin`, which must be one, when a space, the end of the text or
  // a mark that cannot go on with it follows: most words of a text. Its bytes
  // are scanned, hashed and lower-cased eight at a time, in one pass, and its
  // token is its own forms unless it holds capitals, as Word and Push would make
  // it. Returns the offset after it, and after the one space that follows it if
  // one does (the commonest next step, spared the main loop), or `begin` for any
  // other word, left to Word: then `run_end` is the end of its run of ASCII
  // letters and digits, which Word need not scan again. (Kept inline in Run,
  // which GCC otherwise calls it from once Run has two callers: +3 M
  // instructions per MB.)
  [[gnu::always_inline]] size_t PlainWord(size_t begin, size_t& run_end) {
    size_t size = 0;
    uint64_t piece = PieceAt(begin);
    uint64_t stops = NonAlnumBits(piece);
    while (stops == 0) {
      size += 8;
      piece = PieceAt(begin + size);
      stops = NonAlnumBits(piece);
    }
    const int tail = std::countr_zero(stops) / 8;  // the word's bytes in `piece`
    size += static_cast<size_t>(tail);
    // What the byte after the word is: a mark that ends any word it follows (a
    // zero past the end of the text is one), or a number separator after a word
    // that is not a number. An apostrophe, a hyphen, a separator after a number
    // and any byte beyond ASCII are Word's to judge.
    const auto after = static_cast<unsigned char>(piece >> (8 * tail));
    const bool number = text_[begin] <= '9';  // a digit, not a letter
    if (!(ByteClass(static_cast<char>(after)) & kEndsWordByte) &&
        (number || !IsNumberSeparator(after))) {
      run_end = begin + size;
      return begin;
    }
    // The hash of the lower case, as AsciiForms takes it.
    const uint64_t last = piece & ((uint64_t{1} << (8 * tail)) - 1);
    uint64_t capitals = 0;
    const uint64_t hash = LowerCaseHash(text_.data() + begin, size, last, capitals);
    std::string_view text(text_.data() + begin, size);
    Token& token = tokens_.emplace_back(base_ + begin, base_ + begin + size, text,
                                        number ? TokenKind::kNumber : TokenKind::kWord);
    if (capitals != 0) {
      // Its lower case, made on the stack for a word of up to 32 bytes (nearly all).
      std::array<char, 32> short_lower;
      std::string long_lower;
      char* lower = short_lower.data();
      if (size > short_lower.size()) {
        long_lower.resize(size);
        lower = long_lower.data();
      }
      for (size_t k = 0; k < size; ++k) {
        lower[k] = static_cast<char>(kLowerByte[static_cast<unsigned char>(text[k])]);
      }
      token.SetOwnForm(std::string_view(lower, size));
      SetSameIds(token, token.folded(), WordHashEnd(hash));
    } else {
      SetSameIds(token, text, WordHashEnd(hash));
    }
    return begin + size + (after == ' ' ? 1 : 0);  // (past the text, `after` is 0)
  }

  // The code point at `at` < text_.size(), as DecodeCodePoint reads it: a valid
  // sequence of two bytes (U+0080-U+07FF, lead byte C2-DF), most of any Latin
  // text beyond ASCII, is decoded here; any other goes to DecodeMultiByte, which
  // also judges the invalid ones.
  CodePoint Decode(size_t at) const {
    auto c = static_cast<unsigned char>(text_[at]);
    if (c < 0x80) return {c, 1};
    if (c >= 0xC2 && c <= 0xDF && at + 1 < text_.size()) {
      auto d = static_cast<unsigned char>(text_[at + 1]);
      if ((d & 0xC0) == 0x80) return {(static_cast<char32_t>(c & 0x1F) << 6) | (d & 0x3F), 2};
    }
    return DecodeMultiByte(text_, at);
  }

  // IsSpace, IsAlnum, IsLetter and IsDigit, by table below U+0800 (PointClasses).
  bool IsSpacePoint(char32_t c) const {
    return c < kTableEnd ? (classes_[c] & kSpacePoint) != 0 : IsSpace(c);
  }
  bool IsAlnumPoint(char32_t c) const {
    return c < kTableEnd ? (classes_[c] & (kLetterPoint | kDigitPoint)) != 0 : IsAlnum(c);
  }
  bool IsLetterPoint(char32_t c) const {
    return c < kTableEnd ? (classes_[c] & kLetterPoint) != 0 : IsLetter(c);
  }
  bool IsDigitPoint(char32_t c) const {
    return c < kTableEnd ? (classes_[c] & kDigitPoint) != 0 : IsDigit(c);
  }

  // Cuts and pushes the word that starts at `begin` when it is made of letters
  // (and digits) of ASCII and of two bytes in UTF-8, one of two bytes at least,
  // starts with a letter, and is followed by the end of the text, an ASCII space
  // or mark that ends it, or a code point of two bytes that is neither a letter
  // nor a digit: most French words beyond ASCII ("été", "armée",
  // "à"), which hold neither apostrophe nor hyphen and so are cut whole, as Word
  // and Push would cut them, with their forms from FormsOf. Returns the offset
  // after it, or `begin` for any other word, left to Word. `run_end`: as for Word.
  size_t LatinWord(size_t begin, size_t run_end) {
    if (IsDigitPoint(Decode(begin).value)) return begin;  // a number
    const char* bytes = text_.data();
    const size_t size = text_.size();
    size_t end = run_end;
    bool beyond_ascii = false;
    while (true) {
      while (end < size && (ByteClass(bytes[end]) & kAlnumByte)) ++end;
      if (end >= size) break;
      auto c = static_cast<unsigned char>(bytes[end]);
      if (c < 0x80) {
        // (A number separator ends a word, not a number.)
        if ((ByteClass(bytes[end]) & kEndsWordByte) || IsNumberSeparator(c)) break;
        return begin;  // an apostrophe or a hyphen
      }
      if (c < 0xC2 || c > 0xDF || end + 1 >= size ||
          (static_cast<unsigned char>(bytes[end + 1]) & 0xC0) != 0x80) {
        return begin;  // not two bytes, or not valid
      }
      const char32_t cp = (static_cast<char32_t>(c & 0x1F) << 6) |
                          (static_cast<unsigned char>(bytes[end + 1]) & 0x3F);
      // (The only apostrophe of two bytes, U+02BC, is a modifier letter: a letter
      // to Word too.)
      if (!IsAlnumPoint(cp)) break;
      beyond_ascii = true;
      end += 2;
    }
    if (!beyond_ascii) return begin;  // (an ASCII word: AsciiForms's, through Word)
    std::string_view text(bytes + begin, end - begin);
    const Forms& forms = FormsOf(text);
    PlaceKnown(tokens_.emplace_back(forms.token), forms, base_ + begin, base_ + end, text);
    return end;
  }

  // Gives a word beyond ASCII its forms, known or made (FormsOf), and their ids.
  void KnownForms(Token& token) {
    const Forms& forms = FormsOf(token.text);
    const size_t begin = token.begin;
    const size_t end = token.end;
    const std::string_view text = token.text;
    token = forms.token;
    PlaceKnown(token, forms, begin, end, text);
  }

  // Scans the word or number that starts at `begin` and pushes its tokens; returns
  // the offset after it. `run_end`: the end of the run of ASCII letters and digits
  // that starts at `begin`, when the caller has scanned it (PlainWord), else `begin`.
  size_t Word(size_t begin, size_t run_end) {
    bool number = IsDigitPoint(Decode(begin).value);
    size_t end = run_end;
    char32_t last = run_end > begin ? static_cast<unsigned char>(text_[run_end - 1]) : 0;
    bool apostrophe = false;  // inside the word
    bool hyphen = false;      // an ASCII hyphen inside the word
    bool ascii = true;
    const char* bytes = text_.data();
    const size_t size = text_.size();
    while (end < size) {
      // ASCII letters and digits, most of any word, and the ASCII space or mark
      // that ends it, by table; the rest decoded.
      size_t run = end;
      while (end < size && (ByteClass(bytes[end]) & kAlnumByte)) ++end;
      if (end > run) last = static_cast<unsigned char>(bytes[end - 1]);
      if (end >= size || (ByteClass(bytes[end]) & kEndsWordByte)) break;
      CodePoint cp = Decode(end);
      ascii = ascii && cp.value < 0x80;
      if (IsAlnumPoint(cp.value)) {
        last = cp.value;
        end += cp.size;
        continue;
      }
      char32_t next = end + cp.size < size ? Decode(end + cp.size).value : 0;
      if (IsApostrophe(cp.value)) {
        if (IsLetterPoint(next)) {
          apostrophe = true;
          last = cp.value;
          end += cp.size;
          continue;
        }
        // An apostrophe before a space or a mark ends an elided form ("l' armée")
        // when the word so far is one; otherwise it is punctuation.
        if (!number && HoldsFolded(rules_.elided, text_.substr(begin, end + cp.size - begin))) {
          apostrophe = true;
          end += cp.size;
        }
        break;
      }
      if (IsHyphen(cp.value) && IsAlnumPoint(last) && IsAlnumPoint(next)) {
        hyphen = hyphen || cp.value == U'-';
        last = cp.value;
        end += cp.size;
        continue;
      }
      if (number && IsNumberSeparator(cp.value) && IsDigitPoint(last) && IsDigitPoint(next)) {
        last = cp.value;
        end += cp.size;
        continue;
      }
      break;
    }
    if (number) {
      Push(begin, end, TokenKind::kNumber);
    } else {
      word_ascii_ = ascii;
      word_hyphen_ = hyphen;
      SplitWord(begin, end, apostrophe, hyphen);
      word_ascii_ = false;
      word_hyphen_ = true;
    }
    return end;
  }

  // Cuts elided forms off the front and one clitic off the end of a word.
  // `apostrophe`, `hyphen`: whether the word holds one (an ASCII hyphen).
  void SplitWord(size_t begin, size_t end, bool apostrophe, bool hyphen) {
    // Elisions and clitics hold an apostrophe, inversions a hyphen: most words
    // have neither and stay whole.
    if (!apostrophe && (rules_.inversions.empty() || !hyphen)) {
      Push(begin, end, TokenKind::kWord);
      return;
    }
    while (apostrophe && begin < end) {
      std::string_view word = text_.substr(begin, end - begin);
      // (The listed exceptions are looked up only for a word that starts with an
      // elided form: the rest is never cut.)
      size_t cut = ElisionCut(word);
      if (cut == 0 || cut == word.size()) break;
      if (HoldsFoldedElision(rules_.elision_exceptions, word, word.substr(0, cut))) break;
      Push(begin, begin + cut, TokenKind::kWord);
      begin += cut;
    }
    if (begin == end) return;
    size_t cut = apostrophe ? CliticCut(text_.substr(begin, end - begin)) : 0;
    if (cut > 0) {
      Push(begin, begin + cut, TokenKind::kWord);
      begin += cut;
    }
    if (size_t inverted = InversionCut(text_.substr(begin, end - begin)); inverted > 0) {
      Push(begin, begin + inverted, TokenKind::kWord);
      Push(begin + inverted, end, TokenKind::kWord);
      // The pronoun reads as itself: "-t-il" is "il".
      Token& pronoun = tokens_.back();
      std::string_view last = pronoun.text.substr(pronoun.text.rfind('-') + 1);
      std::string folded = FoldToken(last);
      std::string lower = LowerCase(last);
      pronoun.SetForms(folded, lower);
      SetIds(pronoun, WordHash(folded), pronoun.same_forms() ? 0 : WordHash(lower));
      return;
    }
    Push(begin, end, TokenKind::kWord);
  }

  // Where a listed inverted pronoun starts at the end of `word` (after a stem of
  // two letters or more, or the one-letter auxiliary "a"), or 0.
  size_t InversionCut(std::string_view word) const {
    for (const std::string& inversion : rules_.inversions) {
      if (word.size() <= inversion.size()) continue;
      // (Most words end with another byte: no need to compare the rest.)
      if (!inversion.empty() && kLowerByte[static_cast<unsigned char>(word.back())] !=
                                    static_cast<unsigned char>(inversion.back())) {
        continue;
      }
      size_t cut = word.size() - inversion.size();
      bool same = true;
      for (size_t k = 0; k < inversion.size() && same; ++k) {
        char c = word[cut + k];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        same = c == inversion[k];
      }
      if (same) return cut;
    }
    return 0;
  }

  // The length of the elided form that starts `word` (its apostrophe included), or 0.
  size_t ElisionCut(std::string_view word) const {
    if (rules_.elided.empty()) return 0;
    size_t size = 0;
    size_t at = ApostropheAt(word, 0, size);
    if (at == std::string_view::npos) return 0;
    return HoldsFolded(rules_.elided, word.substr(0, at + size)) ? at + size : 0;
  }

  // Where a listed clitic starts at the end of `word` (after a non-empty stem), or 0.
  // A clitic is matched around the word's last apostrophe: "n't" needs one code
  // point before it and one after.
  size_t CliticCut(std::string_view word) const {
    if (rules_.clitics.empty()) return 0;
    // The word's last apostrophe, and how many code points stand before and after it.
    size_t apostrophe = std::string_view::npos;
    size_t apostrophe_size = 0;
    for (size_t size = 0, at = ApostropheAt(word, 0, size); at != std::string_view::npos;
         at = ApostropheAt(word, at + size, size)) {
      apostrophe = at;
      apostrophe_size = size;
    }
    if (apostrophe == std::string_view::npos) return 0;
    const size_t points_before = CodePointCount(word.substr(0, apostrophe));
    const size_t points_after = CodePointCount(word.substr(apostrophe + apostrophe_size));
    for (const std::string& clitic : rules_.clitics) {
      size_t mark = clitic.find('\'');
      if (mark == std::string::npos) continue;
      size_t before = CodePointCount(std::string_view(clitic).substr(0, mark));
      size_t after = CodePointCount(std::string_view(clitic).substr(mark + 1));
      if (points_after != after || points_before < before + 1) continue;
      // The start of the code point `before` code points before the apostrophe.
      size_t cut = apostrophe;
      for (size_t k = 0; k < before; ++k) {
        do --cut;
        while ((static_cast<unsigned char>(word[cut]) & 0xC0) == 0x80);
      }
      if (FoldsTo(word.substr(cut), clitic)) return cut;
    }
    return 0;
  }

  // The typographic apostrophe (U+2019) made plain.
  static std::string PlainApostrophes(const std::string& text) {
    static constexpr std::string_view kCurly = "\u2019";
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
      if (text.compare(i, kCurly.size(), kCurly) == 0) {
        out += '\'';
        i += kCurly.size();
      } else {
        out += text[i++];
      }
    }
    return out;
  }

  void Push(size_t begin, size_t end, TokenKind kind) {
    // Built in place. A form that is the text is not copied (Token), and the hash
    // of each form is taken as it is made, its id looked up at once.
    std::string_view text = text_.substr(begin, end - begin);
    Token& token = tokens_.emplace_back(base_ + begin, base_ + end, text, kind);
    if (kind == TokenKind::kWord && (word_ascii_ || IsAscii(text))) {
      // The common case: a word token is letters and digits with hyphens or
      // apostrophes between them (or one apostrophe ending it), so its fold is its
      // lower case with hyphens made spaces (FoldToken would give the same).
      AsciiForms(token, begin, true);
    } else if (kind == TokenKind::kWord) {
      KnownForms(token);
    } else if (kind == TokenKind::kNumber && IsAscii(text)) {
      AsciiForms(token, begin, false);
    } else if (kind == TokenKind::kNumber) {
      std::string lower = LowerCase(text);
      token.SetForms(lower, lower);
      SetIds(token, WordHash(lower), 0);
    } else {
      SetIds(token, WordHash(text), 0);  // a mark is its own forms
    }
  }

  // The bits 0x80 of the bytes of `piece` that are ASCII capitals; every byte of
  // `piece` is below 0x80. (A byte plus 0x3F reaches 0x80 from 'A' on, plus 0x25
  // from past 'Z' on, and no sum carries into the next byte.)
  static uint64_t CapitalBits(uint64_t piece) {
    constexpr uint64_t kOnes = 0x0101010101010101ULL;
    return (piece + 0x3F * kOnes) & ~(piece + 0x25 * kOnes) & (0x80 * kOnes);
  }

  // The WordHash of the lower case of the ASCII bytes data[0, size), taken eight
  // bytes at a time: each whole piece of eight read from `data`, and `last`, the
  // size % 8 bytes after them (zeros above), for the rest. `capitals` gets the
  // CapitalBits of every piece. PlainWord and AsciiForms hash alike with it, so a
  // word has one id whichever cuts it.
  static uint64_t LowerCaseHash(const char* data, size_t size, uint64_t last, uint64_t& capitals) {
    if (size > 0 && size < 8) {  // most words: `last` is all of it, and the loop below one turn
      const uint64_t caps = CapitalBits(last);
      capitals |= caps;
      return WordHashPiece(WordHashStart(size), last | (caps >> 2));
    }
    uint64_t hash = WordHashStart(size);
    for (size_t k = 0; k < size; k += 8) {
      uint64_t piece = last;
      if (size - k >= 8) std::memcpy(&piece, data + k, 8);
      uint64_t caps = CapitalBits(piece);
      capitals |= caps;
      hash = WordHashPiece(hash, piece | (caps >> 2));  // 0x80 >> 2: 'A' + 0x20 is 'a'
    }
    return hash;
  }

  // The forms of the ASCII word or number text_[begin, begin + token.text.size())
  // and their ids, eight bytes at a time: its lower case, and for `folded` the
  // same with hyphens made spaces when `hyphens_fold`. A word in lower case
  // without a hyphen, most of any text, is its own forms: none of its bytes is
  // copied.
  void AsciiForms(Token& token, size_t begin, bool hyphens_fold) {
    std::string_view text = token.text;
    const size_t size = text.size();
    // The last piece, when the word is not a whole number of them: bytes of the
    // text past the word may be read, and masked off, as long as they are inside it.
    const size_t readable = text_.size() - begin;
    const size_t rest = size % 8;
    uint64_t last = 0;
    if (rest != 0 && readable - (size - rest) >= 8) {
      std::memcpy(&last, text.data() + (size - rest), 8);
      last &= (uint64_t{1} << (8 * rest)) - 1;
    } else if (rest != 0) {
      last = WordPiece(text, size - rest);
    }
    uint64_t capitals = 0;
    const uint64_t hash = LowerCaseHash(text.data(), size, last, capitals);
    // Most words have no hyphen, as Word found: then the forms are the same.
    bool hyphen = hyphens_fold && word_hyphen_ && text.find('-') != std::string_view::npos;
    if (capitals == 0 && !hyphen) {
      SetIds(token, WordHashEnd(hash), 0);
      return;
    }
    // Its lower case, then its fold, made on the stack for a word of up to 32
    // bytes (nearly all), and copied into the token.
    std::array<char, 64> short_forms;
    std::string long_forms;
    char* forms = short_forms.data();
    if (2 * size > short_forms.size()) {
      long_forms.resize(2 * size);
      forms = long_forms.data();
    }
    for (size_t k = 0; k < size; ++k) {
      forms[k] = static_cast<char>(kLowerByte[static_cast<unsigned char>(text[k])]);
    }
    const std::string_view lower(forms, size);
    if (!hyphen) {
      token.SetOwnForm(lower);
      SetIds(token, WordHashEnd(hash), 0);
      return;
    }
    for (size_t k = 0; k < size; ++k) forms[size + k] = lower[k] == '-' ? ' ' : lower[k];
    const std::string_view folded(forms + size, size);
    token.SetForms(folded, lower);
    SetIds(token, WordHash(folded), WordHashEnd(hash));
  }

  // Gives `token` the ids of its forms and its start bits; the hashes are
  // WordHash of its folded and (unless it has the same forms) lower forms.
  void SetIds(Token& token, uint64_t folded_hash, uint64_t lower_hash) {
    token.folded_id = probe_.Find(token.folded(), folded_hash);
    token.lower_id = token.same_forms() ? token.folded_id : probe_.Find(token.lower(), lower_hash);
    if (starts_) {
      token.start_table = starts_->id();
      token.starts = starts_->Of(token.folded_id, token.lower_id);
    }
  }

  // SetIds for a token whose forms are one, `form` (its folded()), of WordHash
  // `hash`, as most are: without asking the token for its forms again.
  void SetSameIds(Token& token, std::string_view form, uint64_t hash) {
    token.folded_id = probe_.Find(form, hash);
    token.lower_id = token.folded_id;
    if (starts_) {
      token.start_table = starts_->id();
      token.starts = starts_->Of(token.folded_id, token.lower_id);
    }
  }

  // The folded and lower-case forms of a word beyond ASCII, and their hashes.
  // Folding goes through utf8proc and costs far more than a lookup, and the words
  // of a language recur, so the forms of each word are kept, per thread, for the
  // next time it comes. (Not their ids: a rulebook loaded later may give an id to
  // a form that had none.)
  struct Forms {
    std::string folded;
    std::string lower;
    bool same = true;
    uint64_t folded_hash = 0;
    uint64_t lower_hash = 0;
    // A word token with these forms and no text: a copy of it given the word's
    // text and offsets is the word's token but for its ids, without comparing its
    // forms with its text again (Token::SetForms), since its text is the same bytes.
    Token token;
  };
  // The words met so far on this thread with their forms: an open-addressed table
  // of indexes into `words` by the WordHash of a word's text, a power of two in
  // size and at most half full, so that a word found costs a hash, a read or two
  // and one comparison of its bytes.
  struct KnownWord {
    std::string text;
    uint64_t hash = 0;
    Forms forms;
  };
  struct KnownWords {
    std::vector<uint32_t> slots;  // 1 + the index of a word in `words`; 0: free
    std::vector<KnownWord> words;

    void Place(uint32_t index) {
      const size_t mask = slots.size() - 1;
      size_t s = words[index].hash & mask;
      while (slots[s] != 0) s = (s + 1) & mask;
      slots[s] = index + 1;
    }
  };
  static KnownWords& Known() {
    thread_local KnownWords known;
    return known;
  }

  // WordHash(text_.substr(at, size)), its pieces read from the text by PieceAt
  // (the bytes past the last one masked off) instead of one byte at a time.
  uint64_t TextHash(size_t at, size_t size) const {
    uint64_t hash = WordHashStart(size);
    size_t k = 0;
    for (; k + 8 <= size; k += 8) hash = WordHashPiece(hash, PieceAt(at + k));
    if (k < size) {
      hash = WordHashPiece(hash, PieceAt(at + k) & ((uint64_t{1} << (8 * (size - k))) - 1));
    }
    return WordHashEnd(hash);
  }

  // Gives `token`, a copy of the kept token of a word's `forms`, its place in the
  // text (absolute offsets) and the ids of its forms.
  void PlaceKnown(Token& token, const Forms& forms, size_t begin, size_t end,
                  std::string_view text) {
    token.begin = begin;
    token.end = end;
    token.text = text;
    SetIds(token, forms.folded_hash, forms.lower_hash);
  }

  // The forms of `text`, a part of the text, kept for the next time it comes. The
  // reference holds until the next call.
  const Forms& FormsOf(std::string_view text) {
    // Bounded: a text of endless new words empties it now and then, never grows it
    // without end.
    static constexpr size_t kMaxWords = 1 << 16;
    KnownWords& known = known_;
    const uint64_t hash = TextHash(static_cast<size_t>(text.data() - text_.data()), text.size());
    if (!known.slots.empty()) {
      const size_t mask = known.slots.size() - 1;
      for (size_t s = hash & mask; known.slots[s] != 0; s = (s + 1) & mask) {
        const KnownWord& word = known.words[known.slots[s] - 1];
        if (word.hash == hash && word.text.size() == text.size() &&
            detail::SameBytes(word.text.data(), text)) {
          return word.forms;
        }
      }
    }
    if (known.words.size() >= kMaxWords) {
      known.words.clear();
      std::fill(known.slots.begin(), known.slots.end(), 0);
    }
    if (2 * (known.words.size() + 1) > known.slots.size()) {
      known.slots.assign(std::max<size_t>(1024, 2 * known.slots.size()), 0);
      for (uint32_t k = 0; k < known.words.size(); ++k) known.Place(k);
    }
    Forms forms;
    forms.folded = FoldToken(text);
    // (The text is NFC already: reports are normalised when read, rules too.)
    forms.lower = PlainApostrophes(LowerCase(text));
    if (forms.lower.empty()) forms.lower = forms.folded;
    forms.same = forms.lower == forms.folded;
    forms.folded_hash = WordHash(forms.folded);
    forms.lower_hash = WordHash(forms.lower);
    forms.token = Token(0, 0, text, TokenKind::kWord);
    forms.token.SetForms(forms.folded, forms.lower);
    forms.token.text = {};
    known.words.push_back(KnownWord{std::string(text), hash, std::move(forms)});
    known.Place(static_cast<uint32_t>(known.words.size() - 1));
    return known.words.back().forms;
  }

  std::string_view text_;
  size_t base_ = 0;
  const TokenRules& rules_;
  const StartTable* starts_ = rules_.starts.get();
  const std::array<uint8_t, kTableEnd>& classes_ = PointClasses();
  KnownWords& known_ = Known();
  // The word table, read under one lock while the text is cut (words_), its
  // lookups made inline (probe_).
  WordLookup words_;
  const detail::WordProbe probe_{detail::Words()};
  // Whether the word being split (Word) is all ASCII, so its pieces are too, and
  // whether it may hold an ASCII hyphen (if not, none of its pieces does).
  bool word_ascii_ = false;
  bool word_hyphen_ = true;
  std::vector<Token> tokens_;
};

}  // namespace

std::vector<Token> Tokenize(std::string_view text, size_t base_offset, const TokenRules& rules) {
  return Tokenizer(rules).Run(text, base_offset);
}

std::vector<std::vector<Token>> TokenizeEach(std::string_view text,
                                             const std::vector<std::pair<size_t, size_t>>& spans,
                                             const TokenRules& rules) {
  std::vector<std::vector<Token>> out;
  out.reserve(spans.size());
  Tokenizer tokenizer(rules);
  for (const auto& [begin, end] : spans) {
    out.push_back(tokenizer.Run(text.substr(begin, end - begin), begin));
  }
  return out;
}

namespace {

// FoldToken of a word made of ASCII letters and digits, hyphens each between two
// of them, and apostrophes of any of the three kinds, as most words with an
// apostrophe are ("l’armée", "n't", "aujourd'hui"): in one pass, its lower case
// with the hyphens made spaces and the apostrophes plain, which is what folding
// each part between apostrophes gives. Written into `out`, anything with a
// push(char) that returns false when it is full. False, with part of the form in
// `out` (to be cleared), for any other word or when `out` is full.
template <typename Out>
bool FoldPlainWordTo(std::string_view word, Out& out) {
  auto alnum = [&](size_t i) { return ByteClass(word[i]) & kAlnumByte; };
  for (size_t i = 0; i < word.size(); ++i) {
    auto c = static_cast<unsigned char>(word[i]);
    char folded = 0;
    if (ByteClass(word[i]) & kAlnumByte) {
      folded = static_cast<char>(kLowerByte[c]);
    } else if (c == '\'') {
      folded = '\'';
    } else if (c == '-' && i > 0 && i + 1 < word.size() && alnum(i - 1) && alnum(i + 1)) {
      folded = ' ';
    } else if (word.substr(i, 3) == "\u2019") {
      folded = '\'';
      i += 2;
    } else if (word.substr(i, 2) == "\u02BC") {
      folded = '\'';
      i += 1;
    } else {
      return false;
    }
    if (!out.push(folded)) return false;
  }
  return true;
}

struct StringOut {
  std::string& s;
  bool push(char c) {
    s += c;
    return true;
  }
};

bool FoldPlainWord(std::string_view word, std::string& out) {
  StringOut sink{out};
  return FoldPlainWordTo(word, sink);
}

// A folded form of up to 32 bytes, made on the stack.
struct ShortFold {
  std::array<char, 32> bytes;
  size_t size = 0;
  bool push(char c) {
    if (size == bytes.size()) return false;
    bytes[size++] = c;
    return true;
  }
  std::string_view view() const { return {bytes.data(), size}; }
};

// Whether `set` holds FoldToken(word); with no string made for a short plain word
// (elided forms, "aujourd'hui").
bool HoldsFolded(const std::set<std::string, std::less<>>& set, std::string_view word) {
  if (set.empty()) return false;
  ShortFold fold;
  // (find, not count: count walks the tree twice, for both ends of the range.)
  if (FoldPlainWordTo(word, fold)) return set.find(fold.view()) != set.end();
  return set.find(FoldToken(word)) != set.end();
}

// Whether FoldToken(word) == form; with no string made for a short plain word.
bool FoldsTo(std::string_view word, std::string_view form) {
  ShortFold fold;
  if (FoldPlainWordTo(word, fold)) return fold.view() == form;
  return FoldToken(word) == form;
}

// HoldsFolded(set, word) for a word that starts with `elided`, its part up to its
// first apostrophe included ("l'" of "l'armée"). FoldToken folds the parts
// between apostrophes one by one, so FoldToken(word) starts with
// FoldToken(elided): unless an entry of the set does, the set cannot hold it, and
// that is found in the set's order without folding the whole word, as a listed
// exception ("aujourd'hui") rarely starts with an elided form.
bool HoldsFoldedElision(const std::set<std::string, std::less<>>& set, std::string_view word,
                        std::string_view elided) {
  if (set.empty()) return false;
  if (ShortFold fold; FoldPlainWordTo(elided, fold)) {
    auto it = set.lower_bound(fold.view());
    if (it == set.end() || !std::string_view(*it).starts_with(fold.view())) return false;
  }
  return HoldsFolded(set, word);
}

}  // namespace

std::string FoldToken(std::string_view word) {
  std::string out;
  if (FoldPlainWord(word, out)) return out;
  out.clear();
  size_t part = 0;
  for (size_t i = 0; i < word.size();) {
    CodePoint cp = DecodeCodePoint(word, i);
    if (IsApostrophe(cp.value)) {
      out += FoldForMatch(word.substr(part, i - part));
      out += '\'';
      part = i + cp.size;
    }
    i += cp.size;
  }
  out += FoldForMatch(word.substr(part));
  return out;
}

}  // namespace attest
