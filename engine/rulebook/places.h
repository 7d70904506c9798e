// The place gazetteer (rules/common/places.toml): canonical place names with their
// spelling variants (Alklit → Alkit), country, administrative areas and
// coordinates where known. Claims about the same place under two spellings meet
// the same incident.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace attest {

struct Place {
  std::string name;
  std::vector<std::string> variants;
  std::string country;
  std::optional<std::string> admin1;
  std::optional<std::string> admin2;
  std::optional<double> latitude;
  std::optional<double> longitude;
  int64_t line = 0;
};

struct PlaceMatch {
  const Place* place = nullptr;
  // How the name was found: its name or a listed variant ("exact"), or one edit
  // away from a single gazetteer name of five letters or more ("spelling").
  bool by_spelling = false;
};

class PlaceGazetteer {
 public:
  PlaceGazetteer() = default;
  explicit PlaceGazetteer(std::vector<Place> places);

  // The place named `text` (folded), else the one place within one edit of it.
  std::optional<PlaceMatch> Find(std::string_view text) const;
  const Place* ByName(std::string_view canonical) const;
  const std::vector<Place>& places() const { return places_; }

 private:
  // Names looked for by spelling before, and the index of the one place found
  // (-1: none). Indices, not pointers, so that a copy of the gazetteer stays right;
  // a mutex, since matching may read the gazetteer from two threads.
  struct SpellingMemo {
    SpellingMemo() = default;
    SpellingMemo(const SpellingMemo&) {}
    SpellingMemo& operator=(const SpellingMemo&) { return *this; }
    std::mutex mutex;
    std::unordered_map<std::string, int64_t> found;
  };

  std::vector<Place> places_;
  std::unordered_map<std::string, size_t> by_folded_;
  std::unordered_map<std::string, size_t> by_name_;
  mutable SpellingMemo spelling_;
};

// Damerau–Levenshtein distance capped at `cap` + 1 (optimal string alignment).
int EditDistance(std::string_view a, std::string_view b, int cap);

}  // namespace attest
