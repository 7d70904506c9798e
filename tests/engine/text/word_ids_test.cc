#include "engine/text/word_ids.h"

#include <catch2/catch.hpp>
#include <map>
#include <utility>

#include "tests/support/seeded_numbers.h"

namespace attest {

namespace {

// What a table answers for a word, written the plain way: the bits marked for
// its folded id as a folded form, or'ed with those marked for its lower id as an
// accented form.
struct PlainStarts {
  std::map<std::pair<WordId, bool>, StartMask> marked;

  void Mark(uint16_t bit, WordId word, bool accents) {
    if (bit == kNoStartBit) return;
    marked[{word, accents}][bit / 64] |= uint64_t{1} << (bit % 64);
  }
  StartMask Of(WordId folded, WordId lower) const {
    StartMask m{};
    if (auto it = marked.find({folded, false}); it != marked.end()) m = it->second;
    if (auto it = marked.find({lower, true}); it != marked.end()) {
      for (size_t w = 0; w < kStartWords; ++w) m[w] |= it->second[w];
    }
    return m;
  }
};

}  // namespace

TEST_CASE(
    "a word's start bits are those marked for its folded form and for its accented form, "
    "and no others") {
  StartTable table;
  PlainStarts plain;
  std::vector<uint16_t> bits;
  for (size_t b = 0; b < kStartWords * 64; ++b) bits.push_back(table.NewBit());
  CHECK(table.NewBit() == kNoStartBit);  // every bit taken
  testing::SeededNumbers next(20261204);
  // Marks on ids up to 600 in a table grown mark by mark, in no order.
  for (int k = 0; k < 3000; ++k) {
    const uint16_t bit = bits[next() % bits.size()];
    const WordId word = next() % 600 + 1;
    const bool accents = next() % 3 == 0;
    table.Mark(bit, word, accents);
    plain.Mark(bit, word, accents);
  }
  table.Mark(kNoStartBit, 7, false);  // a bit of none: marks nothing
  for (WordId folded = 0; folded < 650; ++folded) {
    INFO("folded id " << folded);
    CHECK(table.Of(folded, folded) == plain.Of(folded, folded));  // a word with one form
    const WordId lower = next() % 650;
    INFO("lower id " << lower);
    CHECK(table.Of(folded, lower) == plain.Of(folded, lower));
    CHECK(table.Of(lower, folded) == plain.Of(lower, folded));
  }
  // Past the last id marked, and for the unknown word, no bits at all.
  CHECK(table.Of(kUnknownWord, kUnknownWord) == StartMask{});
  CHECK(table.Of(100000, 100000) == StartMask{});
}

TEST_CASE("a word marked as a folded form only does not start an accented phrase") {
  StartTable table;
  const uint16_t folded_bit = table.NewBit();
  const uint16_t accent_bit = table.NewBit();
  table.Mark(folded_bit, 5, false);
  table.Mark(accent_bit, 9, true);
  CHECK(table.Of(5, 5) == StartMask{uint64_t{1} << folded_bit, 0});
  CHECK(table.Of(9, 9) == StartMask{uint64_t{1} << accent_bit, 0});
  CHECK(table.Of(5, 9) == StartMask{(uint64_t{1} << folded_bit) | (uint64_t{1} << accent_bit), 0});
  CHECK(table.Of(9, 5) == StartMask{});
}

}  // namespace attest
