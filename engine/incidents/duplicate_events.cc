#include "engine/incidents/duplicate_events.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "engine/text/utf8.h"

namespace attest {

namespace {

std::set<std::string> Words(const std::string& text) {
  std::set<std::string> out;
  std::string folded = FoldForMatch(text);
  size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && folded[i] == ' ') ++i;
    size_t j = i;
    while (j < folded.size() && folded[j] != ' ') ++j;
    if (j > i) out.insert(folded.substr(i, j - i));
    i = j;
  }
  return out;
}

}  // namespace

double NotesSimilarity(const std::string& a, const std::string& b) {
  std::set<std::string> wa = Words(a), wb = Words(b);
  if (wa.empty() && wb.empty()) return 1.0;
  size_t common = 0;
  for (const auto& w : wa) common += wb.count(w);
  return static_cast<double>(common) / static_cast<double>(wa.size() + wb.size() - common);
}

// 1. Rows are grouped by every coded field (date, folded place, types, actor
//    pair in either order, fatalities).
// 2. Within a group, in row order, a row repeats the first earlier row whose
//    notes are similar enough; that earlier row is the one its claims join.
std::vector<DuplicateEvent> FindDuplicateEvents(const std::vector<CodedEvent>& events,
                                                double min_similarity) {
  using Key = std::tuple<std::string, std::string, std::string, std::string, std::string,
                         std::string, int64_t>;
  std::map<Key, std::vector<size_t>> groups;
  for (size_t i = 0; i < events.size(); ++i) {
    const CodedEvent& e = events[i];
    std::string a = FoldForMatch(e.actor1), b = FoldForMatch(e.actor2);
    if (b < a) std::swap(a, b);
    groups[Key{e.date.ToString(), FoldForMatch(e.location), e.event_type, e.sub_event_type, a, b,
               e.fatalities}]
        .push_back(i);
  }
  std::vector<DuplicateEvent> out;
  for (const auto& [key, rows] : groups) {
    std::vector<size_t> originals;  // rows of the group that repeat no earlier one
    for (size_t row : rows) {
      bool repeated = false;
      for (size_t earlier : originals) {
        double s = NotesSimilarity(events[earlier].notes, events[row].notes);
        if (s >= min_similarity) {
          out.push_back({row, earlier, s});
          repeated = true;
          break;
        }
      }
      if (!repeated) originals.push_back(row);
    }
  }
  std::sort(out.begin(), out.end(),
            [](const DuplicateEvent& x, const DuplicateEvent& y) { return x.row < y.row; });
  return out;
}

}  // namespace attest
