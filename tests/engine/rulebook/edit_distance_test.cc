// EditDistance: the capped optimal-string-alignment distance the place gazetteer
// uses to accept a misspelt name ("Alklit" for "Alkit").
#include <catch2/catch.hpp>

#include <string>
#include <tuple>
#include <vector>

#include "engine/rulebook/places.h"

namespace attest {

namespace {

// The same distance, written the plain way: a full table, no cap until the end.
int PlainDistance(const std::string& a, const std::string& b) {
  size_t n = a.size(), m = b.size();
  std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1, 0));
  for (size_t i = 0; i <= n; ++i) d[i][0] = static_cast<int>(i);
  for (size_t j = 0; j <= m; ++j) d[0][j] = static_cast<int>(j);
  for (size_t i = 1; i <= n; ++i) {
    for (size_t j = 1; j <= m; ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[n][m];
}

}  // namespace

TEST_CASE("edit distances count insertions, deletions, substitutions and swaps, capped",
          "[rules][places]") {
  const std::vector<std::tuple<std::string, std::string, int, int>> cases = {
      {"alkit", "alkit", 2, 0},       {"alkit", "alklit", 2, 1},   {"alkit", "alkti", 2, 1},
      {"tinzaouatene", "tinzaouaten", 2, 1}, {"kidal", "gao", 2, 3}, {"", "abc", 5, 3},
      {"abc", "", 1, 2},              {"menaka", "ménaka", 3, 2},  {"ab", "ba", 1, 1},
  };
  for (const auto& [a, b, cap, expected] : cases) {
    INFO(a << " / " << b << " cap " << cap);
    CHECK(EditDistance(a, b, cap) == expected);
  }
}

TEST_CASE("edit distances of long names, past the rows kept on the stack, are the plain ones",
          "[rules][places]") {
  // Names of 1 to 150 bytes: rows of up to 64 entries live on the stack, longer
  // ones on the heap; both must give the distance of the full table.
  std::string base;
  for (int k = 0; k < 150; ++k) base += static_cast<char>('a' + (k * 7) % 26);
  for (size_t size : {1u, 10u, 62u, 63u, 64u, 65u, 100u, 150u}) {
    std::string a = base.substr(0, size);
    std::vector<std::string> others = {a, a + "x", a.substr(1), "q" + a};
    std::string swapped = a;
    if (size > 2) std::swap(swapped[1], swapped[2]);
    others.push_back(swapped);
    for (const auto& b : others) {
      INFO(size << ": " << b.size());
      int plain = PlainDistance(a, b);
      CHECK(EditDistance(a, b, 3) == std::min(plain, 4));
      CHECK(EditDistance(a, b, 200) == plain);
    }
  }
}

TEST_CASE("an edit distance capped at one is the plain distance capped at two",
          "[rules][places]") {
  // The gazetteer asks with a cap of one, answered without the table: every
  // word within two edits of a few names (one or two substitutions, swaps,
  // insertions and deletions, in every place) must get the table's answer.
  auto edits = [](const std::string& w) {
    std::vector<std::string> out;
    for (size_t k = 0; k <= w.size(); ++k) {
      for (char c : {'a', 'k', 'x'}) {
        out.push_back(w.substr(0, k) + c + w.substr(k));  // insertion
        if (k < w.size()) out.push_back(w.substr(0, k) + c + w.substr(k + 1));  // substitution
      }
      if (k < w.size()) out.push_back(w.substr(0, k) + w.substr(k + 1));  // deletion
      if (k + 1 < w.size()) {
        std::string swapped = w;
        std::swap(swapped[k], swapped[k + 1]);
        out.push_back(swapped);
      }
    }
    return out;
  };
  for (std::string name : {"alkit", "gao", "aa", "abab", "tessalit", "m\xc3\xa9naka", ""}) {
    std::vector<std::string> words = {name};
    for (const auto& one : edits(name)) {
      words.push_back(one);
      for (const auto& two : edits(one)) words.push_back(two);
    }
    for (const auto& w : words) {
      INFO(name << " / " << w);
      REQUIRE(EditDistance(name, w, 1) == std::min(PlainDistance(name, w), 2));
      REQUIRE(EditDistance(w, name, 1) == std::min(PlainDistance(w, name), 2));
    }
  }
}

}  // namespace attest
