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

#include <cstdint>
#include <string_view>

namespace attest {

using WordId = uint32_t;
inline constexpr WordId kUnknownWord = 0;

// The id of `form`, given it one if it had none. Never returns kUnknownWord.
WordId InternWord(std::string_view form);

// The id of `form`, or kUnknownWord when no rule interned it.
WordId FindWord(std::string_view form);

// Lookups of a batch (the tokens of one text) under one shared lock, held while
// the object lives. Do not intern while one is alive in the same thread.
class WordLookup {
 public:
  WordLookup();
  ~WordLookup();
  WordLookup(const WordLookup&) = delete;
  WordLookup& operator=(const WordLookup&) = delete;
  WordId Find(std::string_view form) const;
};

}  // namespace attest
