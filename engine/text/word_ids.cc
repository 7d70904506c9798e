#include "engine/text/word_ids.h"

#include <atomic>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <vector>

namespace attest {

namespace detail {

// Open addressing with linear probing over a power-of-two array, at most half
// full: a lookup is one hash, a mask and nearly always one slot, with no division
// and no node to follow. The forms themselves are kept end to end in `forms`.
struct WordTable {
  struct Slot {
    uint64_t hash = 0;
    uint32_t offset = 0;  // of the form in `forms`
    uint32_t size = 0;
    WordId id = kUnknownWord;  // kUnknownWord: empty
  };
  std::shared_mutex mutex;
  std::vector<Slot> slots = std::vector<Slot>(1024);
  // One bit per value of the hash's top 16 bits, set for every form kept: most
  // words of a text are in no rule, and for nearly all of them a clear bit in
  // these 8 KB, which stay in the first-level cache, answers without reading the
  // slots, which do not.
  // (Its size is fixed: WordLookup keeps a pointer to it. word_ids.h reads it.)
  static constexpr int kFilterShift = 64 - kFilterBits;
  std::vector<uint64_t> filter = std::vector<uint64_t>((size_t{1} << kFilterBits) / 64);
  bool MayHold(uint64_t hash) const { return FilterMayHold(filter.data(), hash); }
  std::string forms;
  WordId count = 0;

  // The index of the slot holding `form`, or of the empty slot where it would go.
  size_t Probe(std::string_view form, uint64_t hash) const {
    size_t mask = slots.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots[i];
      if (slot.id == kUnknownWord) return i;
      if (slot.hash == hash && slot.size == form.size() && Same(slot, form)) return i;
    }
  }
  // Whether the form in `slot`, of the size of `form`, is `form`. Words are a few
  // bytes: compared here as two loads from each side that overlap in the middle
  // (four and four bytes for a word of 4 to 8), none past the form's end; memcmp
  // is called only for a form longer than 16 bytes.
  bool Same(const Slot& slot, std::string_view form) const {
    const char* a = forms.data() + slot.offset;
    const char* b = form.data();
    size_t n = form.size();
    if (n >= 8) {
      if (n > 16) return std::memcmp(a, b, n) == 0;
      return Load<uint64_t>(a) == Load<uint64_t>(b) &&
             Load<uint64_t>(a + n - 8) == Load<uint64_t>(b + n - 8);
    }
    if (n >= 4) {
      return Load<uint32_t>(a) == Load<uint32_t>(b) &&
             Load<uint32_t>(a + n - 4) == Load<uint32_t>(b + n - 4);
    }
    if (n >= 2) {
      return Load<uint16_t>(a) == Load<uint16_t>(b) &&
             Load<uint16_t>(a + n - 2) == Load<uint16_t>(b + n - 2);
    }
    return n == 0 || *a == *b;
  }
  template <typename T>
  static T Load(const char* p) {
    T v;
    std::memcpy(&v, p, sizeof v);
    return v;
  }
  WordId Find(std::string_view form, uint64_t hash) const {
    if (!MayHold(hash)) return kUnknownWord;
    return slots[Probe(form, hash)].id;
  }
  WordId Add(std::string_view form) {
    uint64_t hash = WordHash(form);
    if (WordId id = slots[Probe(form, hash)].id; id != kUnknownWord) return id;
    if (2 * (count + 1) > slots.size()) Grow();
    Slot& slot = slots[Probe(form, hash)];
    slot.hash = hash;
    slot.offset = static_cast<uint32_t>(forms.size());
    slot.size = static_cast<uint32_t>(form.size());
    slot.id = ++count;
    forms.append(form);
    uint64_t bit = hash >> kFilterShift;
    filter[bit / 64] |= uint64_t{1} << (bit % 64);
    return slot.id;
  }
  void Grow() {
    std::vector<Slot> old(slots.size() * 2);
    old.swap(slots);
    size_t mask = slots.size() - 1;
    for (const Slot& s : old) {
      if (s.id == kUnknownWord) continue;
      size_t i = s.hash & mask;
      while (slots[i].id != kUnknownWord) i = (i + 1) & mask;
      slots[i] = s;
    }
  }
};

}  // namespace detail

namespace {

detail::WordTable& Words() {
  static detail::WordTable table;
  return table;
}

}  // namespace

WordId InternWord(std::string_view form) {
  detail::WordTable& t = Words();
  uint64_t hash = WordHash(form);
  {
    std::shared_lock lock(t.mutex);
    if (WordId id = t.Find(form, hash); id != kUnknownWord) return id;
  }
  std::unique_lock lock(t.mutex);
  return t.Add(form);
}

WordId FindWord(std::string_view form) {
  detail::WordTable& t = Words();
  std::shared_lock lock(t.mutex);
  return t.Find(form, WordHash(form));
}

WordLookup::WordLookup() : table_(&Words()), filter_(table_->filter.data()) {
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
  auto& by_word = accents ? lower_ : folded_;
  if (first >= by_word.size()) by_word.resize(first + 1, StartMask{});
  by_word[first][bit / 64] |= uint64_t{1} << (bit % 64);
}

}  // namespace attest
