// Rows of an event table (ACLED) that describe the same event. ACLED codes one
// event per place, day and pair of actors, and splits an episode over several
// rows on purpose (a protest in thirteen towns, a toll split between villages);
// those are distinct events and stay distinct incidents. A row that repeats an
// earlier one is another matter: the same episode coded twice.
//
// Two rows are the same event when they agree on all of: the date interval, the
// place (folded), the event type and sub-event type, the pair of actors (in
// either order), the fatalities, and their notes share at least 90% of their
// words (Jaccard similarity of the folded word sets). The figures this gives on
// ACLED's Mali table are in docs/exchange.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/time/date_interval.h"

namespace attest {

struct CodedEvent {
  DateInterval date;
  std::string location;
  std::string event_type;
  std::string sub_event_type;
  std::string actor1;
  std::string actor2;
  int64_t fatalities = 0;
  std::string notes;
};

inline constexpr double kSameEventNotesSimilarity = 0.9;

// Jaccard similarity of the two texts' word sets (words folded for case,
// accents and punctuation); 1 for two empty texts.
double NotesSimilarity(const std::string& a, const std::string& b);

struct DuplicateEvent {
  size_t row = 0;      // index of the repeating row
  size_t same_as = 0;  // index of the earlier row it repeats (the first of its group)
  double similarity = 0;
};

// The rows that repeat an earlier row, in row order. Pure; O(n log n) plus the
// comparisons within groups of rows that agree on every coded field.
std::vector<DuplicateEvent> FindDuplicateEvents(const std::vector<CodedEvent>& events,
                                                double min_similarity = kSameEventNotesSimilarity);

}  // namespace attest
