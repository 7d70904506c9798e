// Sentences: the body of a report cut into paragraphs and sentences, with byte
// offsets, so that claim extraction works one sentence at a time and every claim can
// point back into the text. Headings are kept, marked, so that extraction can skip
// them (shared/spec/claims.md: headings are not claims).
//
// The rules, in brief (docs/rules-format.md, "text.toml", has the details):
//   1. Paragraphs are separated by blank lines (lines of spaces only).
//   2. A line starting with '#' is a heading (Markdown). A paragraph of one line
//      that does not end with sentence punctuation (. ! ? … :, possibly followed by
//      closing quotation marks) and has at most `heading_max_words` words is a
//      heading: "Attaque « coordonnée »" is one.
//   3. Elsewhere a sentence ends after . ! ? or … (a run of them), and any closing
//      quotation marks or brackets that follow, when a space and then an upper-case
//      letter, a digit, or an opening quotation mark or bracket come next.
//   4. A period does not end a sentence after a listed abbreviation ("M.", "U.S."),
//      after a single capital initial ("J. Smith"), or inside a number ("3.5").
//   5. Nothing ends inside a quotation opened by « “ „ or " that closes in the same
//      paragraph, unless the closing mark is part of the ending itself
//      ("« coordination. » Concrètement" ends after »).
// No-break spaces (U+00A0, U+202F) count as spaces everywhere.
#pragma once

#include <bitset>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace attest {

// A language's abbreviations, written as they appear before the period that
// follows them, period included ("M.", "av.", "U.S.", "e.g."). Read like a
// std::set of strings, looked up by views of the text with no string made.
// Each insertion also brings up to date what the sentence splitter reads to rule
// out most words without a lookup (the May… functions), so that this never goes
// stale and no report pays for it.
class AbbreviationSet {
 public:
  AbbreviationSet() = default;
  AbbreviationSet(std::initializer_list<std::string> entries);

  // Returns whether `entry` is new.
  bool insert(std::string entry);
  size_t count(std::string_view word) const { return entries_.count(word); }
  size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  auto begin() const { return entries_.begin(); }
  auto end() const { return entries_.end(); }

  // The longest entry, in bytes.
  size_t longest() const { return longest_; }
  // Whether an entry starts with byte `b`.
  bool MayStart(unsigned char b) const { return first_bytes_[b]; }
  // Whether an entry of two bytes ("p.") is `b`, period included, or is so once
  // its first letter is capitalised.
  bool MayBeOneByte(unsigned char b) const { return one_byte_[b]; }
  // Whether an entry of three bytes or more ("av.", "U.S.") has the bytes `b2` `b1`
  // just before its period, as listed or with its first letter capitalised.
  // (Only for an ASCII `b1`: false for any other.)
  bool MayEndWith(unsigned char b2, unsigned char b1) const {
    return b1 < 0x80 && last_two_[b2 * 0x80u + b1];
  }

 private:
  std::set<std::string, std::less<>> entries_;
  size_t longest_ = 0;
  std::bitset<256> first_bytes_;
  std::bitset<256> one_byte_;
  std::bitset<256 * 0x80> last_two_;  // [b2 * 0x80 + b1], b1 ASCII
};

// The per-language sentence rules (rules/<lang>/text.toml, [sentences]).
struct SentenceRules {
  // An entry in lower case also matches with its first letter capitalised ("Cf.").
  AbbreviationSet abbreviations;
  // A one-line paragraph without final punctuation is a heading up to this many
  // words.
  int heading_max_words = 15;
};

struct Sentence {
  size_t begin = 0;  // byte offsets into the body, without surrounding spaces
  size_t end = 0;
  int paragraph = 0;  // 0-based; a heading is a paragraph of its own
  bool heading = false;
};

// Cuts `body` (a report's text after its front matter) into sentences, in order.
// Empty and all-space input gives no sentences. Requires nothing of the encoding:
// invalid bytes are kept inside sentences. Never throws.
std::vector<Sentence> SplitSentences(std::string_view body, const SentenceRules& rules);

}  // namespace attest
