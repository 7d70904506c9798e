#include "engine/rulebook/places.h"

#include <algorithm>
#include <array>
#include <cstdlib>

#include "engine/text/utf8.h"

namespace attest {

PlaceGazetteer::PlaceGazetteer(std::vector<Place> places) : places_(std::move(places)) {
  for (size_t i = 0; i < places_.size(); ++i) {
    by_name_.emplace(places_[i].name, i);
    by_folded_.emplace(FoldForMatch(places_[i].name), i);
    for (const auto& v : places_[i].variants) by_folded_.emplace(FoldForMatch(v), i);
  }
}

std::optional<PlaceMatch> PlaceGazetteer::Find(std::string_view text) const {
  std::string folded = FoldForMatch(text);
  if (folded.empty()) return std::nullopt;
  auto it = by_folded_.find(folded);
  if (it != by_folded_.end()) return PlaceMatch{&places_[it->second], false};
  if (CodePointCount(folded) < 5) return std::nullopt;
  {
    std::lock_guard lock(spelling_.mutex);
    if (auto memo = spelling_.found.find(folded); memo != spelling_.found.end()) {
      if (memo->second < 0) return std::nullopt;
      return PlaceMatch{&places_[static_cast<size_t>(memo->second)], true};
    }
  }
  int64_t found = -1;
  for (const auto& [name, index] : by_folded_) {
    // Lengths in bytes two or more apart are two edits apart at least: told
    // before the code points are counted.
    if (name.size() > folded.size() + 1 || folded.size() > name.size() + 1) continue;
    if (CodePointCount(name) < 5) continue;
    if (EditDistance(folded, name, 1) <= 1) {
      if (found >= 0 && static_cast<size_t>(found) != index) {  // ambiguous
        found = -1;
        break;
      }
      found = static_cast<int64_t>(index);
    }
  }
  {
    std::lock_guard lock(spelling_.mutex);
    spelling_.found.emplace(folded, found);
  }
  if (found < 0) return std::nullopt;
  return PlaceMatch{&places_[static_cast<size_t>(found)], true};
}

const Place* PlaceGazetteer::ByName(std::string_view canonical) const {
  auto it = by_name_.find(std::string(canonical));
  return it == by_name_.end() ? nullptr : &places_[it->second];
}

namespace {

// EditDistance(a, b, 1), as the table below would give it (0, 1 or 2), without
// the table: within one edit is equal, or equal but for one substitution, one
// swap of neighbours, or one byte more in one of them. Every name of the
// gazetteer is compared so with each unknown word.
int WithinOneEdit(std::string_view a, std::string_view b) {
  if (a.size() < b.size()) std::swap(a, b);  // a is the longer
  if (a.size() - b.size() > 1) return 2;
  size_t p = 0;
  while (p < b.size() && a[p] == b[p]) ++p;
  if (a.size() != b.size()) return a.substr(p + 1) == b.substr(p) ? 1 : 2;
  if (p == a.size()) return 0;
  if (a.substr(p + 1) == b.substr(p + 1)) return 1;
  bool swapped = p + 1 < a.size() && a[p] == b[p + 1] && a[p + 1] == b[p] &&
                 a.substr(p + 2) == b.substr(p + 2);
  return swapped ? 1 : 2;
}

}  // namespace

int EditDistance(std::string_view a, std::string_view b, int cap) {
  int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  if (std::abs(n - m) > cap) return cap + 1;
  if (cap == 1) return WithinOneEdit(a, b);
  // Three rows: on the stack for the short names nearly all are, else on the heap.
  constexpr int kInlineRow = 64;
  std::array<int, 3 * kInlineRow> inline_rows{};
  std::vector<int> heap_rows;
  int* rows = inline_rows.data();
  if (m + 1 > kInlineRow) {
    heap_rows.assign(3 * static_cast<size_t>(m + 1), 0);
    rows = heap_rows.data();
  }
  int* prev2 = rows;
  int* prev = rows + (m + 1);
  int* cur = rows + 2 * (m + 1);
  for (int j = 0; j <= m; ++j) prev[j] = j;
  for (int i = 1; i <= n; ++i) {
    cur[0] = i;
    int row_min = cur[0];
    for (int j = 1; j <= m; ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      }
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > cap) return cap + 1;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return std::min(prev[m], cap + 1);
}

}  // namespace attest
