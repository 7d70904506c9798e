#include "engine/text/word_ids.h"

#include <atomic>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <vector>

#include "engine/text/word_table.h"

namespace attest {

namespace detail {

WordTable& Words() {
  static WordTable table;
  return table;
}

}  // namespace detail

WordId InternWord(std::string_view form) {
  detail::WordTable& t = detail::Words();
  uint64_t hash = WordHash(form);
  {
    std::shared_lock lock(t.mutex);
    if (WordId id = t.Find(form, hash); id != kUnknownWord) return id;
  }
  std::unique_lock lock(t.mutex);
  return t.Add(form);
}

WordId FindWord(std::string_view form) {
  detail::WordTable& t = detail::Words();
  std::shared_lock lock(t.mutex);
  return t.Find(form, WordHash(form));
}

WordLookup::WordLookup() : table_(&detail::Words()), filter_(table_->filter.data()) {
  table_->mutex.lock_shared();
}

WordLookup::~WordLookup() { table_->mutex.unlock_shared(); }

WordId WordLookup::Find(std::string_view form) const { return Find(form, WordHash(form)); }

WordId WordLookup::FindInTable(std::string_view form, uint64_t hash) const {
  return table_->slots[table_->Probe(form, hash)].id;
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
  if (first >= by_word_.size()) by_word_.resize(first + 1);
  StartMask& bits = accents ? by_word_[first].lower : by_word_[first].folded;
  bits[bit / 64] |= uint64_t{1} << (bit % 64);
}

}  // namespace attest
