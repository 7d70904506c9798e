#include "engine/text/utf8.h"

#include <utf8proc.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>
#include <vector>

#include "engine/base/error.h"

namespace attest {
namespace {

std::string Utf8Of(char32_t c) {
  utf8proc_uint8_t buf[4];
  auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(c), buf);
  return std::string(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

std::string NfcByUtf8proc(const std::string& text) {
  utf8proc_uint8_t* out = utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(text.c_str()));
  REQUIRE(out != nullptr);
  std::string nfc(reinterpret_cast<const char*>(out));
  std::free(out);
  return nfc;
}

std::vector<char32_t> InertCodePoints() {
  std::vector<char32_t> out;
  for (char32_t c = 1; c < 0x3000; ++c) {
    if (IsNfcInert(c)) out.push_back(c);
  }
  return out;
}

}  // namespace

TEST_CASE("a code point NFC leaves alone stays itself next to every other such code point",
          "[text]") {
  // Each inert code point alternated with all of them, so that every pair is
  // checked in both orders: no two compose, none decomposes or reorders.
  const std::vector<char32_t> inert = InertCodePoints();
  REQUIRE(inert.size() > 700);
  for (char32_t first : inert) {
    std::string text;
    for (char32_t second : inert) text += Utf8Of(first) + Utf8Of(second);
    CAPTURE(static_cast<uint32_t>(first));
    REQUIRE(NfcByUtf8proc(text) == text);
    CHECK(NormalizeNfc(text) == text);
  }
}

TEST_CASE("text outside the inert code points is normalised by utf8proc", "[text][fr]") {
  CHECK(NormalizeNfc("arme\u0301e") == "arm\u00e9e");          // e + combining acute
  CHECK(NormalizeNfc("\u00e9\u0301") == NfcByUtf8proc("\u00e9\u0301"));
  CHECK(NormalizeNfc("\u2000 \u2001") == "\u2002 \u2003");     // quads are singletons
  CHECK(NormalizeNfc("\u212B") == "\u00c5");                   // the angstrom sign
  CHECK(NormalizeNfc("l\u2019arm\u00e9e \u00ab malienne \u00bb") ==
        "l\u2019arm\u00e9e \u00ab malienne \u00bb");
  CHECK_THROWS_AS(NormalizeNfc("caf\xC3"), InvalidInput);
  CHECK_THROWS_AS(NormalizeNfc("\xE2\x80"), InvalidInput);
}

}  // namespace attest
