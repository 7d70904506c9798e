// Reading a claim's slot, in order of precedence (the first found is the main
// slot; the others become implied facts):
//   1. a count (a quantity up to seven words before a count noun, nearest
//      first, or right after it: "plusieurs victimes", "entre 7 et 11 morts",
//      "killed at least 12 soldiers"; "toute perte", "no casualties", "no
//      civilians were killed": one or more), by side when a side noun or an actor stands
//      between ("deux soldats tués" → fatalities:FAMa), when the noun is said to
//      be in someone's ranks ("dans les rangs des rebelles", "dans ses rangs"),
//      or when a party names its adversary ("avoir tué douze assaillants" → the
//      side it fights); a number that a date expression takes ("le 3 janvier
//      2020", "in 2019") is none;
//   2. materiel destroyed or captured; 3. an outcome category; 4. a form of
//   cooperation; 5. participation of the actors named; 6. a claim of
//   responsibility (perpetrator = the claimant); 7. an event (occurred).
// An event also implies that it occurred and that the actors its content names
// took part; an act the claimant says it did implies its own participation.
// In a negated content, only what the negation reaches is read (NegationReach):
// "L'attaque n'a pas été revendiquée" says nothing of whether the attack occurred.
#include "engine/extract/slot_reading.h"

#include <algorithm>
#include <cmath>

namespace attest {

namespace {

bool IsComma(const Token& t) { return t.kind == TokenKind::kPunct && t.text == ","; }

std::optional<int64_t> DigitsValue(const Token& t) {
  if (t.kind != TokenKind::kNumber) return std::nullopt;
  // The digits' value as it goes (six digits at most: no overflow), without
  // gathering them first.
  size_t digits = 0;
  int64_t v = 0;
  for (char c : t.text) {
    if (c >= '0' && c <= '9') {
      if (++digits > 6) return std::nullopt;  // too long to be a count
      v = v * 10 + (c - '0');
    } else if (c == ',' || c == '.' || c == ' ') {
      continue;
    } else {
      return std::nullopt;  // 1er, 14th, 3.5km: not a count
    }
  }
  if (digits == 0) return std::nullopt;
  return v;
}

// The first phrase of `index` (longest at its position) starting at one of the
// tokens `at` (ascending) and ending by `end`: PhraseIndex::Find over tokens
// known to hold every position where a phrase of `index` may start.
template <typename V>
[[gnu::always_inline]] inline std::optional<std::pair<size_t, typename PhraseIndex<V>::Match>>
FindAmong(const PhraseIndex<V>& index, const std::vector<Token>& t, const std::vector<uint32_t>& at,
          size_t end) {
  for (size_t i : at) {
    if (auto m = index.At(t, i); m && i + m->length <= end) return std::make_pair(i, *m);
  }
  return std::nullopt;
}

// A count of one number at token k, digits or words ("12", "douze", "a
// hundred"): its value and the tokens it covers.
std::optional<std::pair<int64_t, size_t>> NumberAt(const std::vector<Token>& t, size_t k,
                                                   const QuantityLexicon& q) {
  if (k >= t.size()) return std::nullopt;
  if (auto n = DigitsValue(t[k])) return std::make_pair(*n, size_t{1});
  if (auto w = q.numbers.At(t, k)) return std::make_pair(*w->value, w->length);
  return std::nullopt;
}

// The interval that a number of `low` at token k continues by a joining word of
// `form` and a second number ("7 et 11", "12 to 15", "deux ou trois"), with the
// tokens from k it covers; none when the second number is below the first.
std::optional<std::pair<CountRange, size_t>> RangeFrom(const std::vector<Token>& t, size_t k,
                                                       std::pair<int64_t, size_t> low,
                                                       const RangeForm& form,
                                                       const QuantityLexicon& q) {
  size_t at = k + low.second;
  auto join = form.join.At(t, at);
  if (!join) return std::nullopt;
  at += join->length;
  auto high = NumberAt(t, at, q);
  if (!high || high->first < low.first) return std::nullopt;
  return std::make_pair(CountRange::Between(low.first, high->first), at + high->second - k);
}

// Whether a joining word of an interval ends right before token k.
bool JoinEndsBefore(const std::vector<Token>& t, size_t k, const QuantityLexicon& q) {
  for (const RangeForm& form : q.ranges) {
    // A join has at most five tokens (", si ce n'est"): docs/rules-format.md.
    for (size_t back = 1; back <= 5 && back <= k; ++back) {
      if (auto j = form.join.At(t, k - back); j && j->length == back) return true;
    }
  }
  return false;
}

// The open end (quantities.toml, open_ends) that follows the figure ending
// before token `after`, right after it or past the two words it counts ("12
// civilians, if not more", "douze soldats maliens au moins"): its first token
// and length. None when another figure follows it ("12 tués, au moins 5
// blessés": the "au moins" is the second figure's), or when a mark or a number
// comes first.
template <typename In>
std::optional<std::pair<size_t, size_t>> OpenEndAfter(const std::vector<Token>& t, size_t after,
                                                      size_t end, const QuantityLexicon& q,
                                                      const In& in) {
  for (size_t k = after; k < std::min(end, after + 3) && in(k); ++k) {
    if (auto open = q.open_ends.At(t, k); open && k + open->length <= end) {
      size_t past = k + open->length;
      if (past < t.size() && QuantityAt(t, past, q)) return std::nullopt;
      return std::make_pair(k, open->length);
    }
    if (t[k].kind != TokenKind::kWord) return std::nullopt;
  }
  return std::nullopt;
}

// "douze soldats, si ce n'est quinze", "twelve soldiers, if not fifteen": an
// interval of a form with no opening word whose first figure stands before the
// one or two words it counts (the first a people word, a side or enemy noun, or
// an actor). `high` is the second figure, found at token k.
struct SplitInterval {
  std::pair<CountRange, size_t> quantity;  // from the first figure to the end of the second
  size_t first = 0;                        // the first figure's token
  size_t hedge = 0;                        // where the hedge starts: the join, past its comma
};
template <typename In>
std::optional<SplitInterval> SplitIntervalBefore(const std::vector<Token>& t, size_t k,
                                                 const std::pair<CountRange, size_t>& high,
                                                 const Lexicon& lexicon,
                                                 const MentionFinder& finder, const In& in) {
  const QuantityLexicon& q = lexicon.quantities;
  const SlotLexicon& s = lexicon.slots;
  for (const RangeForm& form : q.ranges) {
    if (!form.open.empty()) continue;
    // A join has at most five tokens (JoinEndsBefore).
    for (size_t back = 1; back <= 5 && back <= k; ++back) {
      const size_t join = k - back;
      auto j = form.join.At(t, join);
      if (!j || j->length != back || !in(join)) continue;
      for (size_t words = 1; words <= 2 && words < join; ++words) {
        const size_t counted = join - words;
        bool plain = true;
        for (size_t u = counted; u < join; ++u) {
          plain = plain && in(u) && t[u].kind == TokenKind::kWord;
        }
        if (!plain || !(s.people.At(t, counted) || s.side_nouns.At(t, counted) ||
                        s.enemy_nouns.At(t, counted) || finder.ActorAt(t, counted))) {
          continue;
        }
        for (size_t length = 1; length <= 2 && length <= counted; ++length) {
          const size_t first = counted - length;
          auto low = NumberAt(t, first, q);
          if (!low || low->second != length || !in(first)) continue;
          if (low->first > high.first.low) return std::nullopt;
          return SplitInterval{
              {CountRange::Between(low->first, high.first.low), k + high.second - first},
              first,
              IsComma(t[join]) ? join + 1 : join};
        }
      }
    }
  }
  return std::nullopt;
}

void AddImplied(SlotReading& r, std::string slot, SlotValue value) {
  if (slot == r.slot) return;
  for (const auto& i : r.implied) {
    if (i.slot == slot) return;
  }
  r.implied.push_back({std::move(slot), std::move(value)});
}

// What the negation of a negated content (ContentView::negative) denies. A
// negation reaches what stands in its own clause: a relative clause holds what
// the main clause takes as given, and the other way round ("No group has claimed
// the attack, which killed 12 soldiers"; "The attackers, who have not been
// identified, killed 12 soldiers"). An event the content names is denied only
// when the negated verb is the event or one saying it took place ("did not
// attack", "n'a pas eu lieu"), or when a negative word stands right before it
// ("aucune attaque", "no attack"); a negation of another verb leaves it as given
// ("L'attaque n'a pas été revendiquée": the attack happened, nobody claimed it).
// A value the negation does not reach is not read: the claim says nothing of it.
class NegationReach {
 public:
  NegationReach(const ContentView& v, const GrammarLexicon& g, const MentionFinder& finder)
      : v_(v), t_(v.tokens), g_(g), finder_(finder) {
    size_t end = std::min(v.end, t_.size());
    clause_.assign(end > v.begin ? end - v.begin : 0, 0);
    bool first = true;  // no content word read yet
    uint32_t open = 0;  // the relative clause being read (its first token + 1), or 0
    for (size_t k = v.begin; k < end; ++k) {
      if (!In(k)) continue;
      if (open && IsComma(k)) open = 0;
      if (!open && !first && OpensRelative(k)) open = static_cast<uint32_t>(k + 1);
      clause_[k - v.begin] = open;
      first = false;
      auto negator = g.negators.At(t_, k);
      if (negator && g.Restricts(t_, k, end)) negator.reset();  // "ne … que": only
      auto word = g.negative_words.At(t_, k);
      if (!negator && !word) continue;
      if (size_t past = g.NotNegationEnd(t_, k)) {  // "not far from", "if not": no negation
        for (size_t u = k + 1; u < std::min(past, end); ++u) clause_[u - v.begin] = open;
        k = past - 1;
        continue;
      }
      if (negator) negations_.push_back({k, negator->length, false});
      if (word) negations_.push_back({k, word->length, true});
    }
  }

  // A value read at token k (a count's quantity, materiel, an outcome…).
  bool Reaches(size_t k) const {
    for (const Negation& n : negations_) {
      if (SameClause(n.at, k)) return true;
    }
    return false;
  }

  // The event named at token e.
  bool ReachesEvent(size_t e) const {
    for (const Negation& n : negations_) {
      if (!SameClause(n.at, e)) continue;
      size_t after = n.at + n.length;
      if (n.word) {
        if (e >= after && e <= after + 1) return true;  // "no attack", "aucune nouvelle attaque"
        continue;
      }
      // The negated verb: past the auxiliaries, adverbs and small words of the
      // verb group ("n'y a pas eu d'attaque", "ne pas avoir attaqué", "did not
      // take place").
      size_t k = after;
      for (size_t steps = 0; In(k) && steps < 6; ++k, ++steps) {
        if (!(g_.auxiliaries.At(t_, k) || g_.passive_auxiliaries.At(t_, k) ||
              g_.negators.At(t_, k) || g_.negative_words.At(t_, k) ||
              g_.infinitive_markers.At(t_, k) || finder_.IsFunctionWord(t_, k))) {
          break;
        }
      }
      if (k == e || (In(k) && g_.occurrence_verbs.At(t_, k))) return true;
    }
    return false;
  }

 private:
  struct Negation {
    size_t at;
    size_t length;
    bool word;  // a negative word ("aucun", "no"), not a negator ("ne", "not")
  };

  bool In(size_t k) const {
    return k >= v_.begin && k < v_.end && k < v_.content.size() && v_.content[k];
  }
  bool IsComma(size_t k) const { return attest::IsComma(t_[k]); }
  bool SameClause(size_t a, size_t b) const {
    if (b < v_.begin || b - v_.begin >= clause_.size()) return false;
    return clause_[a - v_.begin] == clause_[b - v_.begin];
  }
  // A relative word opens a clause of its own after a comma, or after a word
  // when no subject follows it ("the attack that killed", "l'attaque qui a tué";
  // not "that 12 soldiers were killed", "que l'armée conteste").
  bool OpensRelative(size_t k) const {
    auto r = g_.relatives.At(t_, k);
    if (!r) return false;
    if (k > 0 && IsComma(k - 1)) return true;
    if (k == 0 || t_[k - 1].kind != TokenKind::kWord || g_.auxiliaries.At(t_, k - 1) ||
        g_.negators.At(t_, k - 1) || finder_.IsFunctionWord(t_, k - 1)) {
      return false;
    }
    size_t next = k + r->length;
    if (next >= v_.end || !In(next)) return false;
    const Token& n = t_[next];
    bool subject = n.kind == TokenKind::kNumber || g_.determiners.At(t_, next) ||
                   g_.pronouns.At(t_, next) || g_.negative_words.At(t_, next) ||
                   (n.kind == TokenKind::kWord && IsUpperCase(DecodeCodePoint(n.text, 0).value));
    return !subject;
  }

  const ContentView& v_;
  const std::vector<Token>& t_;
  const GrammarLexicon& g_;
  const MentionFinder& finder_;
  std::vector<uint32_t> clause_;  // per token from v.begin: its relative clause, or 0
  std::vector<Negation> negations_;
};

// Whether a count noun, a loss verb, materiel, an outcome, a cooperation, a
// participation or an event may start at a token (ReadSlot asks about every
// token of the segment). When the seven indexes share one start table, the
// token's bits answer for all of them at once; else each index is asked.
class SegmentStarts {
 public:
  explicit SegmentStarts(const SlotLexicon& s)
      : s_(s),
        any_(s.count_nouns, s.loss_verbs, s.materiel, s.outcomes, s.cooperation, s.participation,
             s.events) {}

  // Appends to `out` the tokens of [begin, end) where a phrase of the seven may
  // start, in order.
  void Collect(const std::vector<Token>& t, size_t begin, size_t end,
               std::vector<uint32_t>& out) const {
    end = std::min(end, t.size());
    if (begin >= end) return;
    const Token* const first = t.data();
    const Token* const last = first + end;
    for (const Token* k = first + begin; k != last; ++k) {
      if (any_.None(*k)) continue;
      if (any_.Decides(*k) || Ask(*k)) out.push_back(static_cast<uint32_t>(k - first));
    }
  }

 private:
  // For a token whose bits do not answer: each index, by its word.
  [[gnu::noinline]] bool Ask(const Token& k) const {
    return s_.count_nouns.MayStartAt(k) || s_.loss_verbs.MayStartAt(k) ||
           s_.materiel.MayStartAt(k) || s_.outcomes.MayStartAt(k) || s_.cooperation.MayStartAt(k) ||
           s_.participation.MayStartAt(k) || s_.events.MayStartAt(k);
  }

  const SlotLexicon& s_;
  StartFilter any_;
};

// QuantityAt's first test, also made inline where QuantityAt is asked about
// every token: whether a quantity may start at token i (most tokens start none).
[[gnu::always_inline]] inline bool MayStartQuantity(const std::vector<Token>& t, size_t i,
                                                    const QuantityLexicon& q) {
  return i < t.size() && (t[i].kind == TokenKind::kNumber || !q.starts.None(t[i]));
}

}  // namespace

std::optional<std::pair<CountRange, size_t>> QuantityAt(const std::vector<Token>& t, size_t i,
                                                        const QuantityLexicon& q) {
  if (!MayStartQuantity(t, i, q)) return std::nullopt;
  // An interval that opens with a word: "entre 7 et 11", "between 12 and 15".
  for (const RangeForm& form : q.ranges) {
    if (form.open.empty()) continue;
    auto open = form.open.At(t, i);
    if (!open) continue;
    if (auto low = NumberAt(t, i + open->length, q)) {
      if (auto range = RangeFrom(t, i + open->length, *low, form, q)) {
        return std::make_pair(range->first, open->length + range->second);
      }
    }
  }
  size_t k = i;
  std::optional<Approximation> approx;
  if (auto a = q.approximations.At(t, k)) {
    approx = *a->value;
    k += a->length;
  }
  std::optional<CountRange> range;
  if (k < t.size()) {
    if (auto v = q.vague.At(t, k)) {
      range = *v->value;
      k += v->length;
    } else if (auto n = NumberAt(t, k, q)) {
      range = CountRange::Exactly(n->first);
      size_t covered = n->second;
      // An interval that starts with its first number: "12 to 15", "deux ou trois".
      for (const RangeForm& form : q.ranges) {
        if (!form.open.empty()) continue;
        if (auto interval = RangeFrom(t, k, *n, form, q)) {
          range = interval->first;
          covered = interval->second;
          break;
        }
      }
      k += covered;
    } else if (auto all = q.all.At(t, k)) {
      range = CountRange::All();
      k += all->length;
    }
  }
  if (!range) return std::nullopt;
  // "two weeks earlier", "depuis trois jours": a length of time, no count.
  if (k < t.size() && q.durations.At(t, k)) return std::nullopt;
  if (approx && range->IsPoint()) {
    int64_t n = range->low;
    switch (*approx) {
      case Approximation::kAtLeast: *range = CountRange::AtLeast(n); break;
      case Approximation::kMoreThan: *range = CountRange::AtLeast(n + 1); break;
      case Approximation::kUpTo: *range = CountRange::Between(n > 0 ? 1 : 0, n); break;
      case Approximation::kLessThan: *range = CountRange::Between(0, n > 0 ? n - 1 : 0); break;
      case Approximation::kAbout:
        *range = CountRange::Between(static_cast<int64_t>(std::floor(0.8 * static_cast<double>(n))),
                                     static_cast<int64_t>(std::ceil(1.2 * static_cast<double>(n))));
        break;
    }
  }
  return std::make_pair(*range, k - i);
}

SlotReading ReadSlot(const ContentView& v, const Lexicon& lexicon, const MentionFinder& finder,
                     const std::optional<std::string>& claimant_actor, bool agentive, CueClass cue,
                     const std::optional<std::string>& enemy,
                     const std::optional<Agreement>& claimant_agreement) {
  const std::vector<Token>& t = v.tokens;
  const SlotLexicon& s = lexicon.slots;
  SlotReading r;
  auto in = [&](size_t i) { return i >= v.begin && i < v.end && v.content[i]; };
  // A quantity at token k, unless a date took its tokens: "On 3 January 2020, the
  // army killed …" counts no 2020 dead.
  auto quantity_at = [&](size_t k) -> std::optional<std::pair<CountRange, size_t>> {
    // (Most tokens asked about start no quantity: told without the call.)
    if (!MayStartQuantity(t, k, lexicon.quantities)) return std::nullopt;
    auto q = QuantityAt(t, k, lexicon.quantities);
    if (!q || v.dated.empty()) return q;
    for (size_t u = k; u < k + q->second && u < v.dated.size(); ++u) {
      if (v.dated[u]) return std::nullopt;
    }
    return q;
  };

  // The tokens of the segment where a count noun, materiel, an outcome, a
  // cooperation, a participation or an event may start: the readings below look
  // at those only (most tokens start none).
  // (One test of the token's start bits passes over most tokens for all six. The
  // list is kept per thread from claim to claim: ReadSlot never calls itself.)
  thread_local std::vector<uint32_t> maybe_buffer;
  std::vector<uint32_t>& maybe = maybe_buffer;
  maybe.clear();
  SegmentStarts(s).Collect(t, v.begin, v.end, maybe);

  std::optional<NegationReach> negation;
  if (v.negative) negation.emplace(v, lexicon.grammar, finder);
  auto reaches = [&](size_t k) { return !negation || negation->Reaches(k); };

  // Candidates, in order of precedence; the first becomes the main slot. (Kept
  // per thread from claim to claim, as `maybe` is.)
  thread_local std::vector<std::pair<std::string, SlotValue>> found_buffer;
  std::vector<std::pair<std::string, SlotValue>>& found = found_buffer;
  found.clear();
  // The text of tokens [b, b + len) as the report writes it: the tokens of a
  // sentence are views into one text, so from the first one's bytes to the
  // last one's ("si ce n'est quinze", not "si ce n' est quinze").
  auto text_of = [&](size_t b, size_t len) {
    if (len == 0) return std::string();
    const Token& last = t[b + len - 1];
    return std::string(t[b].text.data(),
                       static_cast<size_t>(last.text.data() + last.text.size() - t[b].text.data()));
  };

  // 1. Counts.
  for (size_t i : maybe) {
    if (!in(i)) continue;
    auto noun = s.count_nouns.At(t, i);
    // A loss verb counts only the number after it ("12 soldats ont perdu la vie"
    // is a count noun's).
    const bool loss = !noun && (noun = s.loss_verbs.At(t, i)).has_value();
    if (!noun) continue;
    const std::string& slot = *noun->value;
    if (auto ctx = s.count_context.find(slot); ctx != s.count_context.end()) {
      if (!ctx->second.Contains(t, v.begin, v.end) && !ctx->second.Contains(t, 0, t.size())) {
        continue;
      }
    }
    std::optional<std::pair<CountRange, size_t>> quantity;
    size_t qpos = 0;
    // For an interval set around the words it counts, the hedge is its second
    // half ("si ce n'est quinze"), as it is an open end's.
    std::optional<size_t> split_hedge;
    // The widest `any` phrase that ends at `end` and starts at `k` or up to two
    // tokens before it, as the count it gives: one or more, which a denial or a
    // negation then turns to none.
    auto any_ending_at = [&](size_t k, size_t end) -> std::optional<size_t> {
      for (size_t back = std::min<size_t>(2, k);; --back) {
        if (in(k - back)) {
          if (auto a = lexicon.quantities.any.At(t, k - back); a && k - back + a->length == end) {
            return k - back;
          }
        }
        if (back == 0) return std::nullopt;
      }
    };
    for (size_t d = 1; d <= 7 && !quantity && d <= i && !loss; ++d) {  // before, nearest first
      size_t k = i - d;
      // The claimant's words are not the content's: "Une source … a confirmé la mort".
      if (!in(k)) break;
      // An `any` phrase right before the noun ("toute perte", "aucune victime",
      // "no casualties"), or before the victims, a side noun, the claimant's
      // adversary or an actor ("no civilians were killed", "aucun civil n'a été
      // tué", "none of the soldiers"). "No immediate toll" names no victims.
      if (auto a = lexicon.quantities.any.At(t, k); a && k + a->length <= i) {
        size_t u = k + a->length;
        if (auto det = lexicon.grammar.determiners.At(t, u); det && u + det->length < i) {
          u += det->length;
        }
        bool victims = u < i && in(u) &&
                       (s.side_nouns.At(t, u) || s.enemy_nouns.At(t, u) || finder.ActorAt(t, u));
        if (k + a->length == i || victims) {
          size_t start = any_ending_at(k, k + a->length).value_or(k);
          quantity = std::make_pair(CountRange::AtLeast(1), k + a->length - start);
          qpos = start;
          break;
        }
      }
      if (auto q = quantity_at(k); q && k + q->second <= i) {
        quantity = q;
        qpos = k;
        // "aucun des soldats": the "des" is part of the `any` phrase before it.
        if (auto start = any_ending_at(k, k + q->second); start && *start < k) {
          quantity = std::make_pair(CountRange::AtLeast(1), k + q->second - *start);
          qpos = *start;
          break;
        }
        // Searching nearest first finds "11" in "entre 7 et 11 morts": take the
        // interval that ends with it (opening word, number, joining word: two to
        // six tokens before it).
        const bool joined = JoinEndsBefore(t, k, lexicon.quantities);
        for (size_t back = 6; joined && back >= 2; --back) {
          if (back > k || !in(k - back)) continue;
          if (auto wider = quantity_at(k - back);
              wider && k - back + wider->second == k + q->second && !wider->first.IsPoint()) {
            quantity = wider;
            qpos = k - back;
            break;
          }
        }
        if (qpos != k) break;
        // "douze soldats, si ce n'est quinze, ont été tués": the interval's first
        // figure stands before the people it counts.
        if (auto split = joined && q->first.IsPoint()
                             ? SplitIntervalBefore(t, k, *q, lexicon, finder, in)
                             : std::nullopt) {
          quantity = split->quantity;
          qpos = split->first;
          split_hedge = split->hedge;
          break;
        }
        // Searching nearest first finds "douze" in "au moins douze morts": take
        // the approximation that ends right before it too, the longest ("no
        // fewer than 12", not "fewer than 12").
        for (size_t back = std::min<size_t>(3, k); back >= 1; --back) {
          auto a = lexicon.quantities.approximations.At(t, k - back);
          if (!a || a->length != back || !in(k - back)) continue;
          if (auto wider = quantity_at(k - back);
              wider && k - back + wider->second <= i) {
            quantity = wider;
            qpos = k - back;
          }
          break;
        }
      }
    }
    // Right after: "killed at least 12". Taken too when it stands nearer the
    // noun than the quantity found before it, which then belongs to another
    // noun: in "des hommes armés ont tué 12 civils" the "des" is the gunmen's.
    size_t before_gap = quantity ? i - (qpos + quantity->second) : 0;
    bool of_people = false;  // "la mort de douze soldats": people must follow
    if (!quantity || before_gap > 0) {
      for (size_t d = 1; d <= 2; ++d) {
        size_t k = i + noun->length + d - 1;
        if (k >= v.end || (quantity && d - 1 >= before_gap)) break;
        // ("tué au moins 12"; "n'a tué que deux soldats": the "que" of "ne … que";
        // "la mort de douze soldats".)
        const bool of = d == 2 && in(k - 1) && s.count_of.At(t, k - 1);
        if (d == 2 && !of && !lexicon.quantities.approximations.At(t, k - 1) &&
            !lexicon.grammar.restrictives.At(t, k - 1)) {
          break;
        }
        if (auto q = quantity_at(k)) {
          quantity = q;
          qpos = k;
          of_people = of;
          break;
        }
      }
    }
    if (!quantity || !reaches(qpos)) continue;
    // A loss, or a count after "de"/"of", counts people: "a perdu douze soldats",
    // "the deaths of three of its fighters" (a people word, a side noun, an enemy
    // noun or an actor right after the number or up to two words later), not "a
    // perdu deux véhicules", "victimes de deux attaques".
    const bool needs_people = loss || of_people;
    bool people = false;
    const size_t after = qpos + quantity->second;
    for (size_t k = after; needs_people && !people && k < after + 3 && in(k); ++k) {
      people = s.people.At(t, k) || s.side_nouns.At(t, k) || s.enemy_nouns.At(t, k) ||
               finder.ActorAt(t, k);
    }
    if (needs_people && !people) continue;
    std::string full = slot;
    // An open end after the figure or the words it counts: "12 civilians, if not
    // more", "30 morts, voire plus, parmi les assaillants".
    std::optional<std::pair<size_t, size_t>> open_end;
    if (quantity->first.IsPoint()) {
      open_end = OpenEndAfter(t, qpos + quantity->second, v.end, lexicon.quantities, in);
    }
    bool by_side = slot == "fatalities" || slot == "injured" || slot == "abducted";
    // "trois de ses combattants", "three of its fighters": the claimant's own.
    if (const size_t after_figure = qpos + quantity->second; by_side && claimant_actor) {
      if (auto own = s.own_of.At(t, after_figure);
          own && in(after_figure + own->length) && s.people.At(t, after_figure + own->length)) {
        full = slot + ":" + *claimant_actor;
      }
    }
    if (by_side && full == slot) {
      // "toute perte dans les rangs des rebelles", "pertes dans ses rangs",
      // "30 morts parmi les assaillants"; read past an open end and its comma.
      size_t ranks = i + noun->length;
      if (open_end && open_end->first + open_end->second > ranks) {
        ranks = open_end->first + open_end->second;
        if (ranks < v.end && IsComma(t[ranks])) ++ranks;
      }
      for (size_t k = ranks; k < std::min(v.end, ranks + 3); ++k) {
        if (auto own = s.own_ranks.At(t, k); own && claimant_actor) {
          full = slot + ":" + *claimant_actor;
          break;
        }
        if (auto of = s.ranks_of.At(t, k); of && k + of->length < v.end) {
          size_t who = k + of->length;
          if (auto a = finder.ActorAt(t, who)) {
            full = slot + ":" + a->actor->name;
          } else if (auto foe = s.enemy_nouns.At(t, who); foe && enemy) {
            full = slot + ":" + *enemy;
          } else if (auto side = s.side_nouns.At(t, who)) {
            full = slot + ":" + *side->value;
          }
          break;
        }
      }
    }
    if (by_side && full == slot) {
      size_t lo = std::min(qpos, i), hi = std::max(qpos + quantity->second, i + noun->length) + 2;
      for (size_t k = lo; k < std::min(hi, v.end); ++k) {
        if (auto foe = s.enemy_nouns.At(t, k); foe && enemy) {
          full = slot + ":" + *enemy;
          break;
        }
        if (auto side = s.side_nouns.At(t, k)) {
          full = slot + ":" + *side->value;
          break;
        }
        if (auto a = finder.ActorAt(t, k)) {
          // "tuées à Bamako": after a locative an actor's alias is a place.
          bool located = false;
          for (size_t back = 1; back <= 3 && back <= k && !located; ++back) {
            if (auto l = s.locatives.At(t, k - back); l && k - back + l->length == k) located = true;
          }
          if (located) continue;
          full = slot + ":" + a->actor->name;
          break;
        }
      }
    }
    // When the people lost name no side, the loser is the claimant speaking of
    // its own act ("affirment avoir perdu trois combattants"), else the subject,
    // the nearest actor before the verb ("Les rebelles du FLA ont perdu trois
    // hommes").
    if (loss && full == slot) {
      if (agentive && claimant_actor) {
        full = slot + ":" + *claimant_actor;
      } else {
        for (size_t k = i; k-- > v.begin && k + 8 > i && in(k);) {
          if (auto a = finder.ActorAt(t, k)) {
            full = slot + ":" + a->actor->name;
            break;
          }
          // "qu'ils ont perdu", "they had lost": a pronoun up to three tokens
          // before the verb is its subject, and stands for the claimant when
          // it agrees with the words that name it ("L'armée assure qu'ils ont
          // perdu…" speaks of others). No actor before it is the subject.
          if (auto p = k + 4 > i ? lexicon.grammar.pronouns.At(t, k) : std::nullopt) {
            if (claimant_actor && claimant_agreement &&
                NumberAndGenderAgree(*p->value, *claimant_agreement)) {
              full = slot + ":" + *claimant_actor;
            }
            break;
          }
        }
      }
    }
    // A figure given exactly ("deux morts", "12 soldiers") hedges nothing; "au
    // moins douze", "une trentaine", "plusieurs" do, and so does an open end
    // after the figure or the words it counts: "12 civilians, if not more",
    // "douze soldats au moins" are at least 12.
    if (quantity->first.IsPoint()) {
      if (open_end) {
        quantity->first = CountRange::AtLeast(quantity->first.low);
        size_t from =
            t[open_end->first].kind == TokenKind::kPunct ? open_end->first + 1 : open_end->first;
        r.hedges.push_back(text_of(from, open_end->first + open_end->second - from));
      }
    } else if (split_hedge) {
      r.hedges.push_back(text_of(*split_hedge, qpos + quantity->second - *split_hedge));
    } else {
      r.hedges.push_back(text_of(qpos, quantity->second));
    }
    found.emplace_back(full, quantity->first);
    break;
  }

  // 2. Materiel, unless the word is part of an outcome ("completely destroyed
  // the convoy" says how it ended, not what was destroyed).
  auto outcome = FindAmong(s.outcomes, t, maybe, v.end);
  for (size_t i : maybe) {
    if (!in(i)) continue;
    auto m = s.materiel.At(t, i);
    if (!m) continue;
    if (outcome && outcome->first <= i && i < outcome->first + outcome->second.length) continue;
    if (!reaches(i)) continue;
    CountRange range = CountRange::AtLeast(1);
    for (size_t k = i + m->length; k < std::min(v.end, i + m->length + 6); ++k) {
      if (auto q = quantity_at(k)) {
        range = q->first;
        break;
      }
    }
    found.emplace_back(*m->value, range);
    break;
  }

  // 3. Outcome, 4. cooperation.
  if (outcome && in(outcome->first) && reaches(outcome->first)) {
    found.emplace_back("outcome", *outcome->second.value);
  }
  if (auto c = FindAmong(s.cooperation, t, maybe, v.end); c && in(c->first) && reaches(c->first)) {
    found.emplace_back(*c->second.value, true);
  }

  // 5. Participation: the actors the content names.
  // The actors the content names, except those named to describe another
  // ("le Jnim, lié à al-Qaïda"). Found only when a participation or an event
  // asks for them (most contents have neither).
  ActorList actors;
  bool actors_found = false;
  auto find_actors = [&]() -> const ActorList& {
    if (actors_found) return actors;
    actors_found = true;
    auto named = finder.ActorsIn(t, v.begin, v.end);
    auto is_comma = [&](size_t k) { return t[k].kind == TokenKind::kPunct && t[k].text == ","; };
    for (const auto& a : named) {
      if (!in(a.begin)) continue;
      bool describes = false;
      for (size_t k = a.begin >= 3 ? a.begin - 3 : 0; k < a.begin && !describes; ++k) {
        if (auto d = s.described_by.At(t, k); d && k + d->length == a.begin) describes = true;
      }
      // An apposition right after another actor describes it: "JNIM, the al-Qaeda
      // affiliate," and "le Jnim, la branche sahélienne d'al-Qaïda," (the actor
      // qualifies the apposition's head); "JNIM, the FLA and the army" lists actors.
      size_t open = a.begin;
      while (open > v.begin && open + 6 > a.begin && !is_comma(open - 1)) --open;
      bool after_actor = false;
      if (open > v.begin + 1 && is_comma(open - 1) && lexicon.grammar.determiners.At(t, open)) {
        for (const auto& other : named) after_actor = after_actor || other.end == open - 1;
      }
      if (after_actor && !describes) {
        bool genitive = a.begin > open && lexicon.claimants.affiliation.At(t, a.begin - 1);
        bool head_after = a.end < v.end && t[a.end].kind == TokenKind::kWord &&
                          !finder.IsFunctionWord(t, a.end) &&
                          !lexicon.grammar.coordinators.At(t, a.end);
        describes = genitive || head_after;
      }
      if (!describes) actors.push_back(a);
    }
    return actors;
  };
  if (auto p = FindAmong(s.participation, t, maybe, v.end);
      p && in(p->first) && reaches(p->first)) {
    for (const auto& a : find_actors()) found.emplace_back("participant:" + a.actor->name, true);
  }

  // 6. Responsibility.
  if (cue == CueClass::kClaimResponsibility && claimant_actor) {
    found.emplace_back("perpetrator", *claimant_actor);
  }

  // 7. An event.
  std::optional<std::pair<size_t, PhraseIndex<std::string>::Match>> event;
  for (size_t i : maybe) {
    if (!in(i)) continue;
    if (auto e = s.events.At(t, i)) {
      event = std::make_pair(i, *e);
      break;
    }
  }
  // A negated content that names an event as given ("the attack has not been
  // claimed") still tells its type, not that it occurred or who took part.
  bool occurred = event && (!negation || negation->ReachesEvent(event->first));
  if (event) r.event_type = *event->second.value;
  if (occurred) found.emplace_back("occurred", true);

  // Room for every implied fact at once: the candidates past the first, the
  // actors an event implies and the claimant's own act.
  if (size_t most = (found.empty() ? 0 : found.size() - 1) + (occurred ? find_actors().size() : 0) +
                    (agentive && claimant_actor ? 2 : 0);
      most > 1) {
    r.implied.reserve(most);
  }
  if (!found.empty()) {
    // The candidates are not read again: their strings move into the reading.
    r.slot = std::move(found.front().first);
    r.value = std::move(found.front().second);
    for (size_t k = 1; k < found.size(); ++k) {
      AddImplied(r, std::move(found[k].first), std::move(found[k].second));
    }
  }
  if (occurred) {
    for (const auto& a : find_actors()) AddImplied(r, "participant:" + a.actor->name, true);
  }
  // The claimant's own act. Negated, only when the act itself is denied
  // ("affirment ne pas avoir attaqué"): "affirment n'avoir subi aucune perte"
  // denies the losses, not the claimant's part in the fighting.
  bool acts = negation ? r.slot == "occurred" : occurred || r.slot != "statement";
  if (agentive && acts && claimant_actor) {
    AddImplied(r, "occurred", true);
    AddImplied(r, "participant:" + *claimant_actor, true);
  }
  return r;
}

}  // namespace attest
