// The word table behind word_ids.h, for word_ids.cc and for the tokenizer, which
// looks up the forms of every token of a text inline (WordProbe) instead of
// through a call for each. Nothing else should include it.
#pragma once

#include <cstdint>
#include <cstring>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

#include "engine/text/word_ids.h"

namespace attest::detail {

// Whether the n bytes at `a` are `b` (of size n). Words are a few bytes: compared
// as two loads from each side that overlap in the middle (four and four bytes for a
// word of 4 to 8), none past either end; memcmp is called only past 16 bytes.
template <typename T>
T LoadBytes(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
inline bool SameBytes(const char* a, std::string_view form) {
  const char* b = form.data();
  const size_t n = form.size();
  if (n >= 8) {
    if (n > 16) return std::memcmp(a, b, n) == 0;
    return LoadBytes<uint64_t>(a) == LoadBytes<uint64_t>(b) &&
           LoadBytes<uint64_t>(a + n - 8) == LoadBytes<uint64_t>(b + n - 8);
  }
  if (n >= 4) {
    return LoadBytes<uint32_t>(a) == LoadBytes<uint32_t>(b) &&
           LoadBytes<uint32_t>(a + n - 4) == LoadBytes<uint32_t>(b + n - 4);
  }
  if (n >= 2) {
    return LoadBytes<uint16_t>(a) == LoadBytes<uint16_t>(b) &&
           LoadBytes<uint16_t>(a + n - 2) == LoadBytes<uint16_t>(b + n - 2);
  }
  return n == 0 || *a == *b;
}

struct WordProbe;

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
      if (slot.hash == hash && slot.size == form.size() &&
          SameBytes(forms.data() + slot.offset, form)) {
        return i;
      }
    }
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

// The table of the process (word_ids.cc).
WordTable& Words();

// Lookups in `table` as WordTable::Find makes them, with its slots, mask, forms and
// filter read once, for a caller that holds the table's shared lock (a WordLookup)
// as long as it uses the probe: the tokenizer, which looks up every form of a text
// and spares each lookup a call and those reads.
struct WordProbe {
  explicit WordProbe(const WordTable& table)
      : slots(table.slots.data()),
        mask(table.slots.size() - 1),
        forms(table.forms.data()),
        filter(table.filter.data()) {}

  WordId Find(std::string_view form, uint64_t hash) const {
    if (!FilterMayHold(filter, hash)) return kUnknownWord;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      const WordTable::Slot& slot = slots[i];
      // (An empty slot has hash 0 and size 0: one that matched would be the empty
      // form, and give its own id, kUnknownWord.)
      if (slot.hash == hash && slot.size == form.size()) {
        if (SameBytes(forms + slot.offset, form)) return slot.id;
      } else if (slot.id == kUnknownWord) {
        return kUnknownWord;
      }
    }
  }

  const WordTable::Slot* slots;
  size_t mask;
  const char* forms;
  const uint64_t* filter;
};

}  // namespace attest::detail
