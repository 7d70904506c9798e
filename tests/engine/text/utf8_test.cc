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

TEST_CASE("the UTF-8 check tells whether a text is its own NFC without normalising it",
          "[text][fr]") {
  struct Row {
    std::string text;
    bool inert;
  };
  auto row = GENERATE(values<Row>({
      {"plain ASCII, line\nafter line", true},
      {"l\u2019arm\u00e9e \u00ab malienne \u00bb \u2014 \u20ac 30\u202f%", true},
      {"\u00c5\u0153\u01c4\u02bc", true},  // Latin-1, Extended-A and -B, modifier letters
      {"arme\u0301e", false},                 // a combining mark
      {"\u212B", false},                      // the angstrom sign, which NFC replaces
      {"\u2000", false},                      // a quad, which NFC replaces
      {"\u4e2d\u6587", false},               // NFC already, but not known to be here
      {"\U0001F600", false},                  // four bytes
  }));
  CAPTURE(row.text);
  bool inert = !row.inert;
  CHECK_FALSE(FindInvalidUtf8(row.text, inert).has_value());
  CHECK(inert == row.inert);
  if (inert) CHECK(NfcByUtf8proc(row.text) == row.text);
  bool problem_inert = !row.inert;
  CHECK_FALSE(FindTextProblem(row.text, true, &problem_inert).has_value());
  CHECK(problem_inert == row.inert);
}

TEST_CASE("a text with an invalid byte is never said to be its own NFC", "[text]") {
  bool inert = true;
  CHECK(FindTextProblem("caf\xC3", true, &inert).has_value());
  CHECK_FALSE(inert);
  CHECK(FindInvalidUtf8("ok \xFF", inert) == size_t{3});
}

TEST_CASE("a bad byte is found at its own offset after a run of ASCII of any length", "[text]") {
  // The ASCII runs are skipped a word at a time and the scan lands on the first
  // byte past them, wherever in a word that is.
  for (size_t run = 0; run <= 40; ++run) {
    const std::string ascii(run, 'a');
    CAPTURE(run);
    bool inert = false;
    CHECK(FindInvalidUtf8(ascii + "\xFF" + std::string(20, 'b'), inert) == run);
    // An accent after the run is read whole, and what follows it too.
    CHECK(FindInvalidUtf8(ascii + "\xC3\xA9" + ascii + "\xC3", inert) == 2 * run + 2);
    CHECK_FALSE(FindInvalidUtf8(ascii + "\xC3\xA9" + ascii, inert).has_value());
    CHECK(inert);
    // A combining mark after the run is seen: the text is not its own NFC.
    CHECK_FALSE(FindInvalidUtf8(ascii + "e\xCC\x81" + ascii, inert).has_value());
    CHECK_FALSE(inert);
  }
}

}  // namespace attest
