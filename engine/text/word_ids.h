// Word ids: a small number for every folded or lower-case word form the rules
// mention, so that matching a token against the lexicons compares numbers, not
// strings. Rules loading interns the words of every entry (Intern); the tokenizer
// gives each token the ids of its forms (Find), 0 for a form no rule mentions,
// which therefore starts no lexicon phrase.
//
// Ownership: one table per process, shared by every rulebook loaded; ids are never
// reused or removed, so a token's id stays valid as long as the process runs.
// Thread-safe: lookups take a shared lock, interning an exclusive one.
#pragma once

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace attest {

using WordId = uint32_t;
inline constexpr WordId kUnknownWord = 0;

// The hash of a word form, and of the short phrases of words the rules key tables
// by: eight bytes at a time (little-endian, the last piece padded with zeros),
// each piece mixed in with one multiplication, then a final mix so that every
// byte reaches the low bits a table is indexed by. Words are short and looked up
// for every token of a text: most take one piece.
//
// The tokenizer takes it a piece at a time while it lower-cases a word's bytes:
// WordHash(s) is WordHashEnd of WordHashPiece applied to each piece of s in turn
// (WordPiece), starting from WordHashStart(s.size()).
inline constexpr uint64_t kWordHashStart = 14695981039346656037ULL;
inline uint64_t WordHashStart(size_t size) { return kWordHashStart ^ size; }
inline uint64_t WordHashPiece(uint64_t h, uint64_t piece) {
  return (h ^ piece) * 0x9E3779B97F4A7C15ULL;
}
inline uint64_t WordHashEnd(uint64_t h) {
  h ^= h >> 32;
  h *= 0xD6E8FEB86659FD93ULL;
  return h ^ (h >> 32);
}
static_assert(std::endian::native == std::endian::little, "pieces are read as little-endian");
// The piece of `s` at `offset`: up to eight bytes, little-endian.
inline uint64_t WordPiece(std::string_view s, size_t offset) {
  uint64_t piece = 0;
  size_t n = s.size() - offset;
  if (n >= 8) {
    std::memcpy(&piece, s.data() + offset, 8);
    return piece;
  }
  for (size_t k = 0; k < n; ++k) {
    piece |= static_cast<uint64_t>(static_cast<unsigned char>(s[offset + k])) << (8 * k);
  }
  return piece;
}
inline uint64_t WordHash(std::string_view s) {
  uint64_t h = WordHashStart(s.size());
  for (size_t k = 0; k < s.size(); k += 8) h = WordHashPiece(h, WordPiece(s, k));
  return WordHashEnd(h);
}
// WordHash for unordered containers keyed by strings and looked up by views.
struct WordHasher {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return static_cast<size_t>(WordHash(s)); }
};

// The id of `form`, given it one if it had none. Never returns kUnknownWord.
WordId InternWord(std::string_view form);

// The id of `form`, or kUnknownWord when no rule interned it.
WordId FindWord(std::string_view form);

namespace detail {
struct WordTable;
// The word table's filter: one bit per value of the top kFilterBits bits of a
// form's hash, set for every form kept (word_ids.cc).
inline constexpr int kFilterBits = 16;
inline bool FilterMayHold(const uint64_t* filter, uint64_t hash) {
  uint64_t bit = hash >> (64 - kFilterBits);
  return (filter[bit / 64] >> (bit % 64)) & 1;
}
}  // namespace detail

// Lookups of a batch (the tokens of one text) under one shared lock, held while
// the object lives. Do not intern while one is alive in the same thread.
class WordLookup {
 public:
  WordLookup();
  ~WordLookup();
  WordLookup(const WordLookup&) = delete;
  WordLookup& operator=(const WordLookup&) = delete;
  WordId Find(std::string_view form) const;
  // The same, given WordHash(form), for a caller that has it already. Most forms
  // of a text are in no rule, and the table's filter answers for nearly all of
  // them: it is read here, inline, and only a form it may hold is looked for in
  // the table itself.
  WordId Find(std::string_view form, uint64_t hash) const {
    if (!detail::FilterMayHold(filter_, hash)) return kUnknownWord;
    return FindInTable(form, hash);
  }

 private:
  WordId FindInTable(std::string_view form, uint64_t hash) const;

  detail::WordTable* table_;
  // The table's filter, which is never moved (its size is fixed) and, under the
  // shared lock held, never written.
  const uint64_t* filter_;
};

// Start bits: which phrase indexes of one lexicon a word can start a phrase of,
// one bit per index, so that asking an index about a token that starts none of
// its phrases (nearly every question extraction asks) reads a bit of the token
// itself instead of the index's own table. The tokenizer gives each token the
// bits of its words (Token::starts) and the id of the table they come from; an
// index answers from the bits only for a token of its own table, and otherwise
// as it would without them (engine/extract/phrases.h).
//
// A table is filled while its rules are loaded, before any text is tokenised
// with them; tokens made earlier would miss bits. Not thread-safe to fill; safe
// to read from any number of threads once filled.
inline constexpr size_t kStartWords = 2;  // up to 128 indexes a table (a lexicon has ~70)
using StartMask = std::array<uint64_t, kStartWords>;
inline constexpr uint16_t kNoStartBit = 0xFFFF;

class StartTable {
 public:
  StartTable();  // with an id no other table of the process has (never 0)
  StartTable(const StartTable&) = delete;
  StartTable& operator=(const StartTable&) = delete;

  uint32_t id() const { return id_; }
  // A bit for one more index, or kNoStartBit when all are taken (that index then
  // answers without bits).
  uint16_t NewBit();
  // Records that the index with `bit` has a phrase whose first word has id
  // `first`: its folded form, or with `accents` its accented lower case.
  void Mark(uint16_t bit, WordId first, bool accents);
  // The bits of a token with these word ids.
  StartMask Of(WordId folded, WordId lower) const {
    StartMask m{};
    const size_t words = by_word_.size();
    if (folded < words) m = by_word_[folded].folded;
    if (lower < words) {
      for (size_t w = 0; w < kStartWords; ++w) m[w] |= by_word_[lower].lower[w];
    }
    return m;
  }

 private:
  // A word's bits as a folded form and as an accented lower case side by side:
  // most tokens have one id for both, and then their bits are one read of one
  // cache line (kept apart, they were two reads, often both missed).
  struct alignas(32) Bits {
    StartMask folded{};
    StartMask lower{};
  };
  uint32_t id_;
  uint16_t next_ = 0;
  std::vector<Bits> by_word_;  // by word id
};

}  // namespace attest
