#include "engine/text/byte_scan.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <string>

#include "tests/support/seeded_numbers.h"

namespace attest {
namespace {

// The answer FindAnyOf4 must give, a byte at a time.
size_t FirstOfByByte(const std::string& text, size_t from, size_t to, std::string_view set) {
  for (size_t i = from; i < to; ++i) {
    if (set.find(text[i]) != std::string_view::npos) return i;
  }
  return to;
}

}  // namespace

TEST_CASE("the next byte of a set is found at every offset, 16 at a time as one at a time",
          "[text]") {
  // Texts of up to 70 bytes (several blocks of 16 and a tail) where the bytes
  // looked for are rare, common or absent, every byte value included.
  testing::SeededNumbers next(12345);
  using namespace std::string_view_literals;
  const std::string_view sets[] = {".!?\xE2"sv, "\"\xC2\xE2\xE2"sv, "\x00\xFF\x80\x7F"sv};
  for (int n = 0; n < 400; ++n) {
    std::string text(next() % 71, ' ');
    unsigned rarity = 1 + next() % 64;
    for (char& c : text) {
      c = static_cast<char>(next() % rarity == 0 ? sets[n % 3][next() % 4] : next() % 256);
    }
    std::string_view set = sets[n % 3];
    REQUIRE(set.size() == 4);
    for (size_t from = 0; from <= text.size(); ++from) {
      for (size_t to = from; to <= text.size(); to += 1 + to % 7) {
        CAPTURE(n, from, to);
        REQUIRE(FindAnyOf4(text, from, to, set[0], set[1], set[2], set[3]) ==
                FirstOfByByte(text, from, to, set));
      }
    }
  }
  CHECK(FindAnyOf4("no mark in this sentence at all", 0, 31, '.', '!', '?', '?') == 31);
  CHECK(FindAnyOf4("a sentence that ends here. And another", 0, 38, '.', '!', '?', '?') == 25);
}

}  // namespace attest
