// Phrases of the extraction lexicon: one or more words, folded as tokens are
// (FoldToken), matched against a sentence's tokens, longest first. Every word list
// of rules/<lang>/*.toml is held as a PhraseIndex, so "aux yeux de", "according
// to" and "n'a pas donné suite" are written in the rules as the text has them.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/text/tokens.h"
#include "engine/text/word_ids.h"

namespace attest {

using Phrase = std::vector<std::string>;  // folded words

// Cuts a lexicon entry into folded words with the language's token rules; with
// `accents`, into lower-case words that keep their accents (Token::lower).
Phrase PhraseOf(std::string_view text, const TokenRules& rules, bool accents = false);

template <typename V>
class PhraseIndex {
 public:
  // Matches tokens by their accented lower case rather than their folded form,
  // for words that accents tell apart ("a" has, "à" to). Set before adding.
  void MatchAccents() { accents_ = true; }
  bool matches_accents() const { return accents_; }

  struct Match {
    size_t length = 0;  // tokens matched
    const V* value = nullptr;
  };

  // Returns false when the phrase is already there (the first value stays). The
  // phrase's words are interned (engine/text/word_ids.h).
  bool Add(const Phrase& phrase, V value) {
    if (phrase.empty()) return false;
    table_ = kNoTable;  // a phrase added after Register: the bits no longer tell
    std::vector<WordId> ids;
    ids.reserve(phrase.size());
    for (const auto& word : phrase) ids.push_back(InternWord(word));
    WordId first = ids.front();
    if (first >= slots_.size()) slots_.resize(first + 1, 0);
    if (slots_[first] == 0) {
      lists_.emplace_back();
      slots_[first] = static_cast<uint32_t>(lists_.size());
    }
    List& list = lists_[slots_[first] - 1];
    for (const auto& [p, v] : list.entries) {
      if (p == ids) return false;
    }
    auto index = static_cast<uint32_t>(list.entries.size());
    if (ids.size() == 1) {
      list.single = static_cast<int32_t>(index);
    } else {
      std::pair<WordId, uint32_t> key{ids[1], index};
      list.seconds |= SecondBit(ids[1]);
      list.by_second.insert(std::upper_bound(list.by_second.begin(), list.by_second.end(), key),
                            key);
    }
    list.entries.emplace_back(std::move(ids), std::move(value));
    return true;
  }

  // Takes a bit of `table` and marks in it the first word of every phrase, so that
  // tokens cut with the table's rules tell by a bit whether they start a phrase
  // here (engine/text/word_ids.h). Call once all phrases are added.
  void Register(StartTable& table) {
    uint16_t bit = table.NewBit();
    if (bit == kNoStartBit) return;
    for (size_t word = 0; word < slots_.size(); ++word) {
      if (slots_[word] != 0) table.Mark(bit, static_cast<WordId>(word), accents_);
    }
    word_ = bit / 64;
    mask_ = uint64_t{1} << (bit % 64);
    table_ = table.id();
  }

  // The longest phrase starting at token `i`.
  [[gnu::always_inline]] std::optional<Match> At(const std::vector<Token>& tokens,
                                                 size_t i) const {
    if (i >= tokens.size()) return std::nullopt;
    const Token& token = tokens[i];
    if (token.start_table == table_) {
      // The token's own bit says whether it starts a phrase here.
      if ((token.starts[word_] & mask_) == 0) [[likely]] return std::nullopt;
      return LongestOf(tokens, i, lists_[slots_[Key(token)] - 1]);
    }
    WordId first = Key(token);
    // Most words start no phrase of this index: one array read says so, inline
    // (extraction asks dozens of indexes about every token).
    if (first >= slots_.size() || slots_[first] == 0) [[likely]] {
      return std::nullopt;
    }
    return LongestOf(tokens, i, lists_[slots_[first] - 1]);
  }

  // Whether a phrase of this index may start at `token`: false when none does
  // (At then finds nothing), true when one starts with its word (At still
  // compares the words after). A few instructions, for loops that skip tokens.
  bool MayStartAt(const Token& token) const {
    if (token.start_table == table_) return (token.starts[word_] & mask_) != 0;
    WordId first = Key(token);
    return first < slots_.size() && slots_[first] != 0;
  }

 private:
  // The phrases that start with one word, in the order they were added, and the
  // longer ones among them by their second word: a common first word ("la",
  // "the") starts hundreds of names, and the next token's word picks the few
  // worth comparing.
  struct List {
    std::vector<std::pair<std::vector<WordId>, V>> entries;
    int32_t single = -1;  // the entry of the one-word phrase, if any
    std::vector<std::pair<WordId, uint32_t>> by_second;  // (second word, entry), sorted
    // SecondBit of every second word in by_second: a word whose bit is not set
    // starts none of the longer phrases, without a search.
    uint64_t seconds = 0;
  };
  static uint64_t SecondBit(WordId word) { return uint64_t{1} << (word % 64); }

  // Longest, answered inline when the word is a phrase only by itself (most
  // words of most indexes are: "les", "selon"), without the call.
  [[gnu::always_inline]] std::optional<Match> LongestOf(const std::vector<Token>& tokens,
                                                        size_t i, const List& list) const {
    if (list.seconds == 0) return Match{1, &list.entries[static_cast<size_t>(list.single)].second};
    return Longest(tokens, i, list);
  }

  // The longest of the phrases that start with the word at token `i`.
  [[gnu::noinline]] std::optional<Match> Longest(const std::vector<Token>& tokens, size_t i,
                                                 const List& list) const {
    std::optional<Match> best;
    if (list.single >= 0) best = Match{1, &list.entries[static_cast<size_t>(list.single)].second};
    if (i + 1 >= tokens.size()) return best;
    WordId second = Key(tokens[i + 1]);
    if ((list.seconds & SecondBit(second)) == 0) return best;
    auto it = std::lower_bound(list.by_second.begin(), list.by_second.end(),
                               std::pair<WordId, uint32_t>{second, 0});
    for (; it != list.by_second.end() && it->first == second; ++it) {
      const auto& [phrase, value] = list.entries[it->second];
      if (i + phrase.size() > tokens.size()) continue;
      if (best && phrase.size() <= best->length) continue;
      bool same = true;
      for (size_t k = 2; k < phrase.size() && same; ++k) same = Key(tokens[i + k]) == phrase[k];
      if (same) best = Match{phrase.size(), &value};
    }
    return best;
  }

 public:
  // The first match (longest at its position) in [begin, end), with its position.
  std::optional<std::pair<size_t, Match>> Find(const std::vector<Token>& tokens, size_t begin,
                                               size_t end) const {
    for (size_t i = begin; i < end && i < tokens.size(); ++i) {
      if (auto m = At(tokens, i); m && i + m->length <= end) return std::make_pair(i, *m);
    }
    return std::nullopt;
  }

  bool Contains(const std::vector<Token>& tokens, size_t begin, size_t end) const {
    return Find(tokens, begin, end).has_value();
  }
  bool empty() const { return lists_.empty(); }

  // The table registered with (kNoTable for none) and this index's bit in it.
  uint32_t start_table() const { return table_; }
  uint32_t start_word() const { return word_; }
  uint64_t start_mask() const { return mask_; }
  static constexpr uint32_t kNoTable = 0xFFFFFFFF;

 private:
  WordId Key(const Token& t) const { return accents_ ? t.lower_id : t.folded_id; }

  // By the id of a phrase's first word: 0, or 1 + the index of its list in lists_.
  std::vector<uint32_t> slots_;
  std::vector<List> lists_;
  bool accents_ = false;
  // The StartTable registered with; kNoTable, which no token carries, for none.
  uint32_t table_ = kNoTable;
  uint32_t word_ = 0;  // where this index's bit is in Token::starts
  uint64_t mask_ = 0;
};

struct Present {};
using WordSet = PhraseIndex<Present>;

// Several indexes asked about the same tokens in one loop: one test of a token's
// start bits says that none of them starts a phrase there, so the loop can skip
// the token without asking each. It can only say "none" for a token of the table
// every index is registered with; for any other token, or when one index has no
// bit, it says "maybe" and each index must be asked as usual.
class StartFilter {
 public:
  StartFilter() = default;
  template <typename... Indexes>
  explicit StartFilter(const Indexes&... indexes) {
    (Add(indexes), ...);
  }

  template <typename V>
  void Add(const PhraseIndex<V>& index) {
    uint32_t table = index.start_table();
    if (table_ == kUnusable) return;
    if (table == PhraseIndex<V>::kNoTable || (table_ != 0 && table_ != table)) {
      table_ = kUnusable;
      return;
    }
    table_ = table;
    mask_[index.start_word()] |= index.start_mask();
  }

  // True only when no index of the filter starts a phrase at `token`. (One
  // branch: a filter that cannot tell has a table no token carries.)
  bool None(const Token& token) const {
    static_assert(kStartWords == 2);
    return token.start_table == table_ &&
           ((token.starts[0] & mask_[0]) | (token.starts[1] & mask_[1])) == 0;
  }
  // Whether the bits of `token` answer for every index: then, when None is
  // false, some index may start a phrase there; otherwise each must be asked.
  bool Decides(const Token& token) const { return token.start_table == table_; }

 private:
  // No token's table (tables are numbered from 1, as they are made).
  static constexpr uint32_t kUnusable = 0xFFFFFFFF;
  uint32_t table_ = 0;  // 0: no index yet (no token carries table 0 with bits)
  StartMask mask_{};
};

}  // namespace attest
