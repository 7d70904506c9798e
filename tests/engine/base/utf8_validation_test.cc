#include <catch2/catch.hpp>

#include "engine/text/utf8.h"

namespace attest {

TEST_CASE("invalid UTF-8 is found at its first bad byte, valid text passes", "[base]") {
  struct Case {
    std::string text;
    std::optional<size_t> bad;
  };
  auto c = GENERATE(Case{"plain ascii, long enough to take the eight-byte path", std::nullopt},
                    Case{"caf\xC3\xA9 \xE2\x80\x99 \xF0\x9F\x98\x80", std::nullopt},
                    Case{"0123456789abcdef\xFF", 16},       // a stray byte after a word
                    Case{"abc\xC3", 3},                      // truncated sequence
                    Case{"\xC0\xAF overlong slash", 0},      // overlong form
                    Case{"ok\xED\xA0\x80 surrogate", 2},     // UTF-16 surrogate
                    Case{"12345678\xF4\x90\x80\x80", 8},     // beyond U+10FFFF
                    Case{"\x80 continuation first", 0});
  CAPTURE(c.text);
  CHECK(FindInvalidUtf8(c.text) == c.bad);
}

TEST_CASE("names fold to the same key across case, accents and punctuation", "[base]") {
  CHECK(FoldForMatch("L\xE2\x80\x99" "Arm\xC3\xA9" "e  malienne") == "l armee malienne");
  CHECK(FoldForMatch("  Tin-Zaouatene ") == "tin zaouatene");
  CHECK(FoldForMatch("ANÉFIS") == FoldForMatch("anefis"));
  CHECK(FoldForMatch("--") == "");
}

}  // namespace attest
