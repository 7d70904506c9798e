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

#include <cstddef>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace attest {

// The per-language sentence rules (rules/<lang>/text.toml, [sentences]).
struct SentenceRules {
  // Abbreviations written as they appear before the period that follows them,
  // period included ("M.", "av.", "U.S.", "e.g."). An entry in lower case also
  // matches with its first letter capitalised ("Cf."). Looked up by views of the
  // text (std::less<>), with no string made.
  std::set<std::string, std::less<>> abbreviations;
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
