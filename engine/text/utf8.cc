#include "engine/text/utf8.h"

#include <utf8proc.h>

#include <bit>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>

#include <fmt/format.h>

#include "engine/base/error.h"

namespace attest {

namespace {

// The first position from `i` that holds no ASCII byte (or n), read eight bytes
// at a time: the common case for tables and reports. (It lands on the first
// byte from 0x80 on, not on the start of its word: French text has an accent
// every few dozen bytes, and each ASCII byte before it would otherwise start the
// scan again.)
inline size_t SkipAscii(const unsigned char* p, size_t i, size_t n) {
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  while (i + 16 <= n) {  // (two words a step: the runs between accents are long)
    uint64_t a, b;
    std::memcpy(&a, p + i, 8);
    std::memcpy(&b, p + i + 8, 8);
    if ((a | b) & kHigh) break;
    i += 16;
  }
  while (i + 8 <= n) {
    uint64_t word;
    std::memcpy(&word, p + i, 8);
    if (uint64_t high = word & kHigh) {
      if constexpr (std::endian::native == std::endian::little) {
        return i + static_cast<size_t>(std::countr_zero(high)) / 8;
      }
      break;
    }
    i += 8;
  }
  while (i < n && p[i] < 0x80) ++i;
  return i;
}

}  // namespace

std::optional<size_t> FindInvalidUtf8(std::string_view text) {
  bool nfc_inert = true;
  return FindInvalidUtf8(text, nfc_inert);
}

std::optional<size_t> FindInvalidUtf8(std::string_view text, bool& nfc_inert) {
  nfc_inert = true;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    i = SkipAscii(p, i, n);
    if (i >= n) break;
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    // Overlong forms, surrogates and code points beyond U+10FFFF are invalid.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
      return i;
    }
    nfc_inert = nfc_inert && IsNfcInert(cp);
    i += len;
  }
  return std::nullopt;
}

std::optional<TextProblem> FindTextProblem(std::string_view text, bool starts_input,
                                           bool* nfc_inert) {
  if (nfc_inert) *nfc_inert = false;
  if (starts_input && (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF")) {
    return TextProblem{0, "the file is saved as UTF-16; save it as UTF-8"};
  }
  bool inert = false;
  auto bad = FindInvalidUtf8(text, inert);
  size_t nul = text.substr(0, bad ? *bad : text.size()).find('\0');
  if (nul != std::string_view::npos) {
    return TextProblem{nul, "NUL byte (0x00): not a text file, or saved as UTF-16; save it as "
                            "UTF-8 text"};
  }
  if (!bad) {
    if (nfc_inert) *nfc_inert = inert;
    return std::nullopt;
  }
  return TextProblem{*bad, fmt::format("invalid UTF-8 (byte 0x{:02X}); save the file as UTF-8",
                                       static_cast<unsigned char>(text[*bad]))};
}

bool IsAscii(std::string_view text) {
  for (unsigned char c : text) {
    if (c >= 0x80) return false;
  }
  return true;
}

namespace {

struct FreeDeleter {
  void operator()(utf8proc_uint8_t* p) const { std::free(p); }
};

std::string Map(std::string_view text, int options) {
  utf8proc_uint8_t* out = nullptr;
  auto len = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                          static_cast<utf8proc_ssize_t>(text.size()), &out,
                          static_cast<utf8proc_option_t>(options));
  std::unique_ptr<utf8proc_uint8_t, FreeDeleter> owned(out);
  if (len < 0) {
    throw InvalidInput(std::string("text is not valid UTF-8: ") +
                       utf8proc_errmsg(static_cast<utf8proc_ssize_t>(len)));
  }
  return std::string(reinterpret_cast<const char*>(out), static_cast<size_t>(len));
}

}  // namespace

// Latin-1, Latin Extended-A and -B, IPA and spacing modifier letters
// (U+0000–U+02FF), general punctuation from the hyphen on (U+2010–U+206F: dashes,
// curly quotes, the ellipsis, the narrow no-break space) and currency signs
// (U+20A0–U+20CF): starters that neither decompose canonically into something
// else nor compose with a neighbour. U+2000 and U+2001 decompose to U+2002 and
// U+2003, so the punctuation starts at U+2010. tests/engine/text/utf8_test.cc
// checks every one of them, alone and next to every other, against utf8proc.
bool IsNfcInert(char32_t c) {
  return c < 0x300 || (c >= 0x2010 && c < 0x2070) || (c >= 0x20A0 && c < 0x20D0);
}

namespace {

// Whether `text` is valid UTF-8 made of inert code points only: then it is its
// own NFC. Any other text (or an invalid byte) answers false.
bool IsInertText(std::string_view text) {
  bool inert = false;
  return !FindInvalidUtf8(text, inert) && inert;
}

}  // namespace

std::string NormalizeNfc(std::string_view text) {
  // Most reports are ASCII, French accents and typographic punctuation, all in
  // NFC already: only a text with some other code point goes through utf8proc.
  if (IsInertText(text)) return std::string(text);
  return Map(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

namespace {

std::string FoldSlow(std::string_view text) {
  std::string decomposed;
  {
    decomposed =
        Map(text, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_STRIPMARK |
                      UTF8PROC_CASEFOLD);
  }
  std::string out;
  out.reserve(decomposed.size());
  bool pending_space = false;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(decomposed.data());
  utf8proc_ssize_t n = static_cast<utf8proc_ssize_t>(decomposed.size());
  utf8proc_ssize_t i = 0;
  while (i < n) {
    utf8proc_int32_t cp;
    auto len = utf8proc_iterate(p + i, n - i, &cp);
    if (len <= 0) break;
    auto category = utf8proc_category(cp);
    bool alnum = (cp < 0x80) ? ((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
                                (cp >= 'A' && cp <= 'Z'))
                             : (category == UTF8PROC_CATEGORY_LU ||
                                category == UTF8PROC_CATEGORY_LL ||
                                category == UTF8PROC_CATEGORY_LT ||
                                category == UTF8PROC_CATEGORY_LO ||
                                category == UTF8PROC_CATEGORY_ND);
    if (alnum) {
      if (pending_space && !out.empty()) out.push_back(' ');
      pending_space = false;
      if (cp < 0x80) {
        out.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp));
      } else {
        utf8proc_uint8_t buf[4];
        auto w = utf8proc_encode_char(utf8proc_tolower(cp), buf);
        out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(w));
      }
    } else {
      pending_space = true;
    }
    i += len;
  }
  return out;
}


// What folding and lower-casing make of each code point below U+0800 (Latin,
// Greek, Cyrillic…: two bytes in UTF-8), computed once with utf8proc itself, so
// that text of such letters folds without utf8proc and exactly as it would with it
// (decomposition, case folding and mark stripping work code point by code point).
struct TwoByte {
  enum class Fold { kLetters, kSeparator, kNothing, kSlow };
  Fold fold = Fold::kSlow;
  std::string folded;  // kLetters: what the code point folds to
  std::string lower;   // its lower case
};

const std::vector<TwoByte>& TwoByteTable() {
  static const std::vector<TwoByte> table = [] {
    std::vector<TwoByte> t(0x800);
    for (char32_t cp = 0x80; cp < 0x800; ++cp) {
      utf8proc_uint8_t buf[4];
      auto w = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf);
      std::string one(reinterpret_cast<const char*>(buf), static_cast<size_t>(w));
      TwoByte& e = t[cp];
      auto category = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
      std::string folded = FoldSlow(one);
      if (category == UTF8PROC_CATEGORY_MN || category == UTF8PROC_CATEGORY_MC ||
          category == UTF8PROC_CATEGORY_ME) {
        e.fold = TwoByte::Fold::kNothing;  // a mark: stripped, and no word break
      } else if (folded.empty()) {
        e.fold = TwoByte::Fold::kSeparator;
      } else if (folded.find(' ') == std::string::npos) {
        e.fold = TwoByte::Fold::kLetters;  // "é" → "e", "œ" → "œ"
        e.folded = folded;
      }  // else (a compatibility form folding to several words): kSlow
      // Between letters the table must say what utf8proc says: "Ŀ" decomposes
      // to "L·", whose dot separates words; such code points go to utf8proc.
      std::string expected = e.fold == TwoByte::Fold::kLetters     ? "a" + e.folded + "a"
                             : e.fold == TwoByte::Fold::kSeparator ? "a a"
                                                                   : "aa";
      if (e.fold != TwoByte::Fold::kSlow && FoldSlow("a" + one + "a") != expected) {
        e.fold = TwoByte::Fold::kSlow;
      }
      auto lw = utf8proc_encode_char(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp)), buf);
      e.lower.assign(reinterpret_cast<const char*>(buf), static_cast<size_t>(lw));
    }
    return t;
  }();
  return table;
}

// The code point of the two-byte sequence at text[i], or 0 if there is none.
char32_t TwoByteAt(std::string_view text, size_t i) {
  auto c = static_cast<unsigned char>(text[i]);
  if ((c & 0xE0) != 0xC0 || i + 1 >= text.size()) return 0;
  auto d = static_cast<unsigned char>(text[i + 1]);
  if ((d & 0xC0) != 0x80) return 0;
  char32_t cp = (static_cast<char32_t>(c & 0x1F) << 6) | (d & 0x3F);
  return cp >= 0x80 ? cp : 0;  // an overlong form is no letter
}

}  // namespace

std::string FoldForMatch(std::string_view text) {
  if (IsAscii(text)) {  // the common case, without utf8proc
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    for (char c : text) {
      bool digit = c >= '0' && c <= '9';
      bool lower = c >= 'a' && c <= 'z';
      bool upper = c >= 'A' && c <= 'Z';
      if (!digit && !lower && !upper) {
        pending_space = true;
        continue;
      }
      if (pending_space && !out.empty()) out.push_back(' ');
      pending_space = false;
      out.push_back(upper ? static_cast<char>(c - 'A' + 'a') : c);
    }
    return out;
  }
  // Letters of two bytes (accented Latin) by table; anything else with utf8proc.
  const auto& table = TwoByteTable();
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (!alnum) {
        pending_space = true;
      } else {
        if (pending_space && !out.empty()) out.push_back(' ');
        pending_space = false;
        out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c));
      }
      ++i;
      continue;
    }
    char32_t cp = TwoByteAt(text, i);
    if (!cp || table[cp].fold == TwoByte::Fold::kSlow) return FoldSlow(text);
    const TwoByte& e = table[cp];
    if (e.fold == TwoByte::Fold::kSeparator) {
      pending_space = true;
    } else if (e.fold == TwoByte::Fold::kLetters) {
      if (pending_space && !out.empty()) out.push_back(' ');
      pending_space = false;
      out += e.folded;
    }
    i += 2;
  }
  return out;
}

std::string LowerCase(std::string_view text) {
  if (IsAscii(text)) {
    std::string out(text);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  {
    // ASCII and two-byte letters by table, else utf8proc below.
    const auto& table = TwoByteTable();
    std::string out;
    out.reserve(text.size());
    bool fast = true;
    for (size_t i = 0; i < text.size() && fast;) {
      auto c = static_cast<unsigned char>(text[i]);
      if (c < 0x80) {
        out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c));
        ++i;
      } else if (char32_t cp = TwoByteAt(text, i)) {
        out += table[cp].lower;
        i += 2;
      } else {
        fast = false;
      }
    }
    if (fast) return out;
  }
  std::string out;
  out.reserve(text.size());
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  auto n = static_cast<utf8proc_ssize_t>(text.size());
  utf8proc_ssize_t i = 0;
  while (i < n) {
    utf8proc_int32_t cp;
    auto len = utf8proc_iterate(p + i, n - i, &cp);
    if (len <= 0) {
      out.push_back(static_cast<char>(p[i]));
      ++i;
      continue;
    }
    utf8proc_uint8_t buf[4];
    auto w = utf8proc_encode_char(utf8proc_tolower(cp), buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(w));
    i += len;
  }
  return out;
}

size_t CodePointCount(std::string_view text) {
  size_t n = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

}  // namespace attest
