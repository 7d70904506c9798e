#include "engine/text/word_ids.h"

#include <atomic>
#include <cstdint>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>

namespace attest {

namespace {

// FNV-1a: words are short, and a token's forms are looked up by the million, so
// a hash of a few instructions a byte beats a general-purpose one.
struct Hash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const {
    uint64_t h = 14695981039346656037ULL;
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
    return static_cast<size_t>(h ^ (h >> 29));
  }
};

struct Table {
  std::shared_mutex mutex;
  std::unordered_map<std::string, WordId, Hash, std::equal_to<>> ids;
};

Table& Words() {
  static Table table;
  return table;
}

}  // namespace

WordId InternWord(std::string_view form) {
  Table& t = Words();
  {
    std::shared_lock lock(t.mutex);
    if (auto it = t.ids.find(form); it != t.ids.end()) return it->second;
  }
  std::unique_lock lock(t.mutex);
  auto [it, added] = t.ids.try_emplace(std::string(form), static_cast<WordId>(t.ids.size() + 1));
  return it->second;
}

WordId FindWord(std::string_view form) {
  Table& t = Words();
  std::shared_lock lock(t.mutex);
  auto it = t.ids.find(form);
  return it == t.ids.end() ? kUnknownWord : it->second;
}

WordLookup::WordLookup() { Words().mutex.lock_shared(); }

WordLookup::~WordLookup() { Words().mutex.unlock_shared(); }

WordId WordLookup::Find(std::string_view form) const {
  const Table& t = Words();
  auto it = t.ids.find(form);
  return it == t.ids.end() ? kUnknownWord : it->second;
}

namespace {

std::atomic<uint32_t> next_table_id{1};

}  // namespace

StartTable::StartTable() : id_(next_table_id.fetch_add(1)) {}

uint16_t StartTable::NewBit() {
  if (next_ >= kStartWords * 64) return kNoStartBit;
  return next_++;
}

void StartTable::Mark(uint16_t bit, WordId first, bool accents) {
  if (bit == kNoStartBit) return;
  auto& by_word = accents ? lower_ : folded_;
  if (first >= by_word.size()) by_word.resize(first + 1, StartMask{});
  by_word[first][bit / 64] |= uint64_t{1} << (bit % 64);
}

}  // namespace attest
