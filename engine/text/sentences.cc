#include "engine/text/sentences.h"

#include <algorithm>
#include <utility>

#include "engine/text/byte_scan.h"
#include "engine/text/tokens.h"

namespace attest {

namespace {

bool IsTerminal(char32_t c) { return c == U'.' || c == U'!' || c == U'?' || c == U'\u2026'; }

// Where the next byte that a terminal mark (. ! ? …) can start with is in
// body[from, to), or `to`. None of these bytes is a UTF-8 continuation byte, so
// the scan lands on the first byte of each such mark and skips all other text.
size_t NextTerminalStart(std::string_view body, size_t from, size_t to) {
  return FindAnyOf4(body, from, to, '.', '!', '?', '\xE2');  // … is E2 80 A6
}

// The same for the quotation marks the splitter pairs (« » ‹ › “ ” „ "):
// « and » start with C2, the others but " with E2.
size_t NextQuoteStart(std::string_view body, size_t from, size_t to) {
  return FindAnyOf4(body, from, to, '"', '\xC2', '\xE2', '\xE2');
}

bool IsOpeningQuote(char32_t c) {
  return c == U'\u00AB' || c == U'\u201C' || c == U'\u201E' || c == U'\u2039' || c == U'\u2018';
}

bool IsClosingQuote(char32_t c) { return c == U'\u00BB' || c == U'\u201D' || c == U'\u203A'; }

// What may follow a sentence's last word before the space that ends it.
bool IsClosingMark(char32_t c) {
  return IsClosingQuote(c) || c == U')' || c == U']' || c == U'\'' || c == U'\u2019' || c == U'"';
}

// What may start the next sentence.
bool IsSentenceOpener(char32_t c) {
  return IsUpperCase(c) || IsDigit(c) || IsOpeningQuote(c) || c == U'"' || c == U'\'' ||
         c == U'(' || c == U'[';
}

// Where a word may start, looking backwards from a period.
bool IsWordStartMark(char32_t c) {
  return IsSpace(c) || IsOpeningQuote(c) || c == U'"' || c == U'\'' || c == U'(' || c == U'[';
}

// Steps back one code point from `offset` (which must be > 0) and returns its start.
// A byte that ends no valid sequence is a code point of its own, as DecodeCodePoint
// reads it: the step is then one byte, and never lands before the sequence it
// ends (on the newline that ends the paragraph before, or on the start of a
// no-break space that a stray continuation byte follows).
size_t StepBack(std::string_view text, size_t offset) {
  size_t start = offset - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80 &&
         offset - start < 4) {
    --start;
  }
  if (start + 1 < offset && start + DecodeCodePoint(text, start).size != offset) return offset - 1;
  return start;
}

class SentenceSplitter {
 public:
  SentenceSplitter(std::string_view body, const SentenceRules& rules)
      : body_(body),
        rules_(rules),
        longest_word_(std::max<size_t>(rules.abbreviations.longest(), 4)) {}

  // 1. Cut lines into paragraphs at blank lines; a '#' line is a paragraph alone.
  // 2. A paragraph is a heading, or is cut into sentences (SplitParagraph).
  std::vector<Sentence> Run() {
    sentences_.reserve(body_.size() / 100 + 4);  // a sentence is rarely shorter
    size_t block_begin = 0;
    size_t block_end = 0;
    int block_lines = 0;
    auto flush = [&] {
      if (block_lines > 0) Paragraph(block_begin, block_end, block_lines == 1, false);
      block_lines = 0;
    };
    size_t line_begin = 0;
    while (line_begin < body_.size()) {
      size_t line_end = body_.find('\n', line_begin);
      if (line_end == std::string_view::npos) line_end = body_.size();
      auto [first, last] = Trim(line_begin, line_end);
      if (first == last) {
        flush();
      } else if (body_[first] == '#') {
        flush();
        Paragraph(first, last, true, true);
      } else {
        if (block_lines == 0) block_begin = line_begin;
        block_end = line_end;
        ++block_lines;
      }
      line_begin = line_end + 1;
    }
    flush();
    return std::move(sentences_);
  }

 private:
  void Paragraph(size_t begin, size_t end, bool one_line, bool markdown_heading) {
    auto [first, last] = Trim(begin, end);
    if (first == last) return;
    if (markdown_heading || (one_line && !EndsWithSentencePunctuation(first, last) &&
                             WordCount(first, last) <= rules_.heading_max_words)) {
      sentences_.push_back({first, last, paragraph_, true});
    } else {
      SplitParagraph(first, last);
    }
    ++paragraph_;
  }

  // Scans for runs of . ! ? … and ends a sentence after each run that passes the
  // checks listed in the header (rules 3 to 5).
  void SplitParagraph(size_t begin, size_t end) {
    std::vector<std::pair<size_t, size_t>> quotes = Quotations(begin, end);
    size_t start = begin;
    size_t i = begin;
    while (i < end) {
      i = NextTerminalStart(body_, i, end);
      if (i >= end) break;
      CodePoint cp = DecodeCodePoint(body_, i);
      if (!IsTerminal(cp.value)) {
        i += cp.size;
        continue;
      }
      size_t run_begin = i;
      size_t run_end = i;
      while (run_end < end && IsTerminal(DecodeCodePoint(body_, run_end).value)) {
        run_end += DecodeCodePoint(body_, run_end).size;
      }
      i = run_end;
      // Closing marks that belong to the ending: "fled.”", "coordination. »", "(2015.)".
      size_t close = run_end;
      while (close < end) {
        size_t next = SkipSpaces(close, end);
        if (next >= end) break;
        CodePoint mark = DecodeCodePoint(body_, next);
        bool closing = next == close ? IsClosingMark(mark.value) && !OpensQuote(next)
                                     : IsClosingQuote(mark.value);
        if (!closing) break;
        close = next + mark.size;
      }
      size_t next_start = SkipSpaces(close, end);
      if (next_start == close && close < end) continue;  // no space after the ending
      if (next_start < end && !IsSentenceOpener(DecodeCodePoint(body_, next_start).value)) {
        continue;
      }
      if (run_end - run_begin == 1 && body_[run_begin] == '.' && IsAbbreviation(run_begin)) {
        continue;
      }
      bool quoted = false;
      for (const auto& [open, closed] : quotes) {
        quoted = quoted || (open < run_begin && closed > close);
      }
      if (quoted) continue;
      Emit(start, close);
      start = next_start;
      i = next_start;
    }
    Emit(start, end);
  }

  void Emit(size_t begin, size_t end) {
    auto [first, last] = Trim(begin, end);
    if (first < last) sentences_.push_back({first, last, paragraph_, false});
  }

  // Spans [opening mark, after closing mark) of the quotations that open and close
  // within [begin, end).
  std::vector<std::pair<size_t, size_t>> Quotations(size_t begin, size_t end) const {
    std::vector<std::pair<size_t, char32_t>> open;  // offset, opening mark
    std::vector<std::pair<size_t, size_t>> spans;
    auto close = [&](char32_t opener, size_t after) {
      for (size_t k = open.size(); k-- > 0;) {
        if (open[k].second == opener) {
          spans.emplace_back(open[k].first, after);
          open.resize(k);
          return;
        }
      }
    };
    for (size_t i = begin; i < end;) {
      i = NextQuoteStart(body_, i, end);
      if (i >= end) break;
      CodePoint cp = DecodeCodePoint(body_, i);
      switch (cp.value) {
        case U'\u00AB':  // «
        case U'\u2039':  // ‹
          open.emplace_back(i, cp.value);
          break;
        case U'\u201C':  // “
        case U'\u201E':  // „
          open.emplace_back(i, U'\u201C');
          break;
        case U'"':
          if (OpensQuote(i)) {
            open.emplace_back(i, U'"');
          } else {
            close(U'"', i + cp.size);
          }
          break;
        case U'\u00BB':
          close(U'\u00AB', i + cp.size);
          break;
        case U'\u203A':
          close(U'\u2039', i + cp.size);
          break;
        case U'\u201D':
          close(U'\u201C', i + cp.size);
          break;
        default:
          break;
      }
      i += cp.size;
    }
    return spans;
  }

  // A straight double quote opens when it follows a space, an opening bracket or the
  // start, and a non-space follows it.
  bool OpensQuote(size_t offset) const {
    if (body_[offset] != '"') return false;
    if (offset + 1 >= body_.size() || IsSpace(DecodeCodePoint(body_, offset + 1).value)) {
      return false;
    }
    if (offset == 0) return true;
    char32_t before = DecodeCodePoint(body_, StepBack(body_, offset)).value;
    return IsSpace(before) || before == U'(' || before == U'[' || IsOpeningQuote(before) ||
           before == U'\u2014' || before == U'\u2013';
  }

  // Whether the word that ends with the period at `period` is a listed abbreviation
  // or a single capital initial.
  bool IsAbbreviation(size_t period) const {
    const AbbreviationSet& listed = rules_.abbreviations;
    // Most words are ruled out by their last byte or two: only an initial (an ASCII
    // capital, or a letter beyond ASCII) or a listed entry ends with them.
    if (period == 0) return false;
    if (const auto b1 = static_cast<unsigned char>(body_[period - 1]);
        b1 < 0x80 && !(b1 >= 'A' && b1 <= 'Z') && !listed.MayBeOneByte(b1) &&
        (period < 2 || !listed.MayEndWith(static_cast<unsigned char>(body_[period - 2]), b1))) {
      return false;
    }
    size_t start = period;
    while (start > 0) {
      // Longer than any abbreviation and than one code point: none (most words).
      if (period - start > longest_word_) return false;
      // An ASCII byte is a code point of its own, read as it is.
      if (auto b = static_cast<unsigned char>(body_[start - 1]); b < 0x80) {
        if (IsWordStartMark(b)) break;
        --start;
        continue;
      }
      size_t previous = StepBack(body_, start);
      if (IsWordStartMark(DecodeCodePoint(body_, previous).value)) break;
      start = previous;
    }
    if (start == period) return false;
    std::string_view word = body_.substr(start, period + 1 - start);
    // (Only an entry that starts with this byte, or with its lower case, is
    // looked for in the set: most words have none.)
    const auto first_byte = static_cast<unsigned char>(word[0]);
    const bool upper = first_byte >= 'A' && first_byte <= 'Z';
    if (listed.MayStart(first_byte) && listed.count(word)) return true;
    if (upper && listed.MayStart(first_byte - 'A' + 'a')) {
      std::string lowered(word);
      lowered[0] = static_cast<char>(lowered[0] - 'A' + 'a');
      if (listed.count(lowered)) return true;
    }
    CodePoint first = DecodeCodePoint(body_, start);
    return start + first.size == period && IsUpperCase(first.value);
  }

  bool EndsWithSentencePunctuation(size_t begin, size_t end) const {
    size_t i = end;
    while (i > begin) {
      size_t previous = StepBack(body_, i);
      char32_t c = DecodeCodePoint(body_, previous).value;
      if (IsSpace(c) || IsClosingMark(c)) {
        i = previous;
        continue;
      }
      return IsTerminal(c) || c == U':';
    }
    return false;
  }

  int WordCount(size_t begin, size_t end) const {
    int words = 0;
    bool in_word = false;
    bool counted = false;
    for (size_t i = begin; i < end;) {
      CodePoint cp = DecodeCodePoint(body_, i);
      if (IsSpace(cp.value)) {
        in_word = false;
      } else {
        if (!in_word) counted = false;
        in_word = true;
        if (!counted && (IsLetter(cp.value) || IsDigit(cp.value))) {
          ++words;
          counted = true;
        }
      }
      i += cp.size;
    }
    return words;
  }

  size_t SkipSpaces(size_t offset, size_t end) const {
    while (offset < end) {
      CodePoint cp = DecodeCodePoint(body_, offset);
      if (!IsSpace(cp.value)) break;
      offset += cp.size;
    }
    return offset;
  }

  std::pair<size_t, size_t> Trim(size_t begin, size_t end) const {
    begin = SkipSpaces(begin, end);
    while (end > begin) {
      // An ASCII byte is a code point of its own, read as it is.
      if (auto b = static_cast<unsigned char>(body_[end - 1]); b < 0x80) {
        if (!IsSpace(b)) break;
        --end;
        continue;
      }
      size_t previous = StepBack(body_, end);
      if (!IsSpace(DecodeCodePoint(body_, previous).value)) break;
      end = previous;
    }
    return {begin, end};
  }

  std::string_view body_;
  const SentenceRules& rules_;
  // The longest listed abbreviation, period included, and no less than four bytes
  // (an initial is one code point): IsAbbreviation reads no further back.
  size_t longest_word_;
  std::vector<Sentence> sentences_;
  int paragraph_ = 0;
};

}  // namespace

AbbreviationSet::AbbreviationSet(std::initializer_list<std::string> entries) {
  for (const std::string& entry : entries) insert(entry);
}

bool AbbreviationSet::insert(std::string entry) {
  const size_t n = entry.size();
  auto byte = [&](size_t k) { return static_cast<unsigned char>(entry[k]); };
  // The byte that starts the entry's capitalised form (the same when it has none).
  auto capital = [](unsigned char b) -> unsigned char {
    return b >= 'a' && b <= 'z' ? b - 'a' + 'A' : b;
  };
  longest_ = std::max(longest_, n);
  if (n > 0) first_bytes_.set(byte(0));
  if (n == 2) {
    one_byte_.set(byte(0));
    one_byte_.set(capital(byte(0)));
  }
  auto last_two = [&](unsigned char b2, unsigned char b1) {
    if (b1 < 0x80) last_two_.set(b2 * 0x80u + b1);
  };
  if (n >= 3) last_two(byte(n - 3), byte(n - 2));
  if (n == 3) last_two(capital(byte(0)), byte(1));
  return entries_.insert(std::move(entry)).second;
}

std::vector<Sentence> SplitSentences(std::string_view body, const SentenceRules& rules) {
  return SentenceSplitter(body, rules).Run();
}

}  // namespace attest
