#include "engine/extract/mentions.h"

#include <algorithm>
#include <array>

#include "engine/text/utf8.h"

namespace attest {

namespace {

// 2^15 bits: a few thousand names and designations leave most of them clear.
constexpr int kPairBitsLog = 15;

uint64_t PairBit(WordId first, WordId second) {
  uint64_t h = ((static_cast<uint64_t>(first) << 32) | second) * 0x9E3779B97F4A7C15ULL;
  return h >> (64 - kPairBitsLog);
}

}  // namespace

void ActorStarts::Add(const Phrase& phrase) {
  if (phrase.empty()) return;
  if (pairs.empty()) pairs.assign((size_t{1} << kPairBitsLog) / 64, 0);
  // The ids PhraseIndex::Add gives the same words.
  WordId first = InternWord(phrase[0]);
  if (phrase.size() == 1) {
    if (first >= single.size()) single.resize(first + 1, 0);
    single[first] = 1;
    return;
  }
  uint64_t bit = PairBit(first, InternWord(phrase[1]));
  pairs[bit / 64] |= uint64_t{1} << (bit % 64);
}

bool ActorStarts::May(WordId first, WordId second) const {
  if (!usable) return true;
  if (first < single.size() && single[first] != 0) return true;
  uint64_t bit = PairBit(first, second);
  return ((pairs[bit / 64] >> (bit % 64)) & 1) != 0;
}

GazetteerPhrases GazetteerPhrases::Build(const Rulebook& rules, const Lexicon& lexicon) {
  GazetteerPhrases p;
  auto add_actor = [&](std::string_view text, const Actor* a) {
    Phrase phrase = PhraseOf(text, lexicon.tokens);
    p.actor_starts.Add(phrase);
    p.actors.Add(phrase, a);
  };
  for (const Actor& a : rules.actors.actors()) {
    add_actor(a.name, &a);
    for (const auto& alias : a.aliases) add_actor(alias, &a);
    for (const auto& d : a.designations) {
      Designation designation{d, {}, rules.actors.FindDesignation(d, nullptr)};
      for (const Conflict& c : rules.actors.conflicts()) {
        designation.in_conflict.push_back(rules.actors.FindDesignation(d, &c));
      }
      Phrase phrase = PhraseOf(d, lexicon.tokens);
      p.actor_starts.Add(phrase);
      p.designations.Add(phrase, std::move(designation));
    }
  }
  // The filter reads folded ids, as these indexes match by unless they keep accents.
  p.actor_starts.usable = !p.actors.matches_accents() && !p.designations.matches_accents() &&
                          !p.actor_starts.pairs.empty();
  for (const Place& place : rules.places.places()) {
    p.places.Add(PhraseOf(place.name, lexicon.tokens), &place);
    for (const auto& v : place.variants) p.places.Add(PhraseOf(v, lexicon.tokens), &place);
  }
  return p;
}

MentionFinder::MentionFinder(const Rulebook& rules, const Lexicon& lexicon,
                             const GazetteerPhrases& phrases, const Conflict* conflict,
                             std::string_view body, bool designations)
    : rules_(rules),
      lexicon_(lexicon),
      phrases_(phrases),
      conflict_(conflict),
      body_(body),
      designations_(designations),
      function_starts_(lexicon.grammar.function_words, lexicon.grammar.determiners,
                       lexicon.claimants.counts) {}

namespace {

bool IsComma(const Token& t) { return t.kind == TokenKind::kPunct && t.text == ","; }

// A list of the one mention, moved in (a braced list would copy it).
std::vector<ClaimantMention> OnlyMention(ClaimantMention&& m) {
  std::vector<ClaimantMention> out;
  out.push_back(std::move(m));
  return out;
}

bool IsCapitalized(const Token& t) {
  if (t.kind != TokenKind::kWord || t.text.empty()) return false;
  CodePoint c = DecodeCodePoint(t.text, 0);
  return IsUpperCase(c.value);
}

}  // namespace

bool MentionFinder::FindFunctionWord(const std::vector<Token>& t, size_t i) const {
  if (function_starts_.None(t[i])) return false;
  const GrammarLexicon& g = lexicon_.grammar;
  return g.function_words.At(t, i) || g.determiners.At(t, i) || lexicon_.claimants.counts.At(t, i);
}

namespace {

// Walks back from token `i` over the tokens of `table` whose start bits have none
// of `mask`, setting their `next` to `following`; returns where it stopped (0,
// or one past a token that may start a phrase). Apart, so that its loop keeps
// everything in registers: it runs for nearly every token of a text. `Word`:
// the one word of the bits that `mask` has bits in, or kStartWords for both.
template <size_t Word>
[[gnu::noinline]] size_t PassNoStart(const Token* tokens, size_t i, uint32_t table, StartMask mask,
                                     uint32_t following, uint32_t* next) {
  static_assert(kStartWords == 2);
  const uint64_t mask0 = mask[0];
  const uint64_t mask1 = mask[1];
  while (i > 0) {
    const Token& token = tokens[i - 1];
    uint64_t hits;
    if constexpr (Word < kStartWords) {
      hits = token.starts[Word] & mask[Word];
    } else {
      hits = (token.starts[0] & mask0) | (token.starts[1] & mask1);
    }
    if (token.start_table != table || hits != 0) break;
    next[--i] = following;
  }
  return i;
}

// PassNoStart with the loop that reads only the words `mask` has bits in.
size_t PassNoStartOf(const Token* tokens, size_t i, uint32_t table, StartMask mask,
                     uint32_t following, uint32_t* next) {
  if (mask[1] == 0) return PassNoStart<0>(tokens, i, table, mask, following, next);
  if (mask[0] == 0) return PassNoStart<1>(tokens, i, table, mask, following, next);
  return PassNoStart<kStartWords>(tokens, i, table, mask, following, next);
}

}  // namespace

void MentionFinder::FindActors(const std::vector<Token>& t) const {
  const size_t n = t.size();
  actors_key_ = {};
  // Only the last sentence's actors are cleared, found by next_actor_ (an actor
  // at i is where next_actor_[i] == i): most entries are empty already, and
  // those resize adds are empty. actors_ never shrinks, so that sentences of
  // changing lengths do not construct its entries over and over.
  // next_actor_ does not shrink either (its first next_count_ entries are the
  // last sentence's), as every entry a sentence uses is written below.
  for (size_t i = next_count_ == 0 ? 0 : next_actor_[0]; i + 1 < next_count_;
       i = next_actor_[i + 1]) {
    actors_[i] = ActorMention{};
  }
  next_count_ = 0;
  if (actors_.size() < n) actors_.resize(n);
  if (next_actor_.size() < n + 1) next_actor_.resize(n + 1);
  try {
    // The start bits of both indexes (none when either has none).
    uint32_t table = phrases_.actors.start_table();
    bool bits = table != PhraseIndex<const Actor*>::kNoTable;
    StartMask mask{};
    mask[phrases_.actors.start_word()] |= phrases_.actors.start_mask();
    if (designations_) {
      bits = bits && phrases_.designations.start_table() == table;
      mask[phrases_.designations.start_word()] |= phrases_.designations.start_mask();
    }
    if (!bits) table = PhraseIndex<const Actor*>::kNoTable;  // no token's: each may start one
    ActorMention* actors = actors_.data();
    uint32_t* next = next_actor_.data();
    auto following = static_cast<uint32_t>(n);
    next[n] = following;
    for (size_t i = n; i > 0;) {
      // Most words start no name and no designation: their start bits say so.
      i = PassNoStartOf(t.data(), i, table, mask, following, next);
      if (i == 0) break;
      const Token& token = t[--i];
      // Of the rest, most are common words ("the", "la") that the next word
      // continues into no name.
      if ((phrases_.actors.MayStartAt(token) ||
           (designations_ && phrases_.designations.MayStartAt(token))) &&
          phrases_.actor_starts.May(token.folded_id,
                                    i + 1 < n ? t[i + 1].folded_id : kUnknownWord)) {
        if (auto a = FindActorAt(t, i)) {
          actors[i] = *a;
          following = static_cast<uint32_t>(i);
        }
      }
      next[i] = following;
    }
  } catch (...) {
    // Entries the clearing above would not find: start afresh.
    actors_.clear();
    next_actor_.clear();
    throw;
  }
  next_count_ = n + 1;
  actors_key_ = SentenceKey::For(t);
}

std::optional<ActorMention> MentionFinder::FindActorAt(const std::vector<Token>& t,
                                                       size_t i) const {
  if (auto m = phrases_.actors.At(t, i)) {
    // A one-word name that is also a common word of the language ("UN" / "un",
    // "US" / "us") counts only written as the gazetteer writes it. (Written so,
    // it counts whatever the word: the common-word test is the dearer one.)
    // A word that starts no function word, determiner or count is no common word
    // (FindFunctionWord), which the start bits tell first.
    bool exact = false;
    if (m->length == 1 && !function_starts_.None(t[i])) {
      const Actor* a = *m->value;
      exact = t[i].text == a->name;
      for (const auto& alias : a->aliases) exact = exact || t[i].text == alias;
    }
    if (exact || m->length != 1 || function_starts_.None(t[i]) || !IsFunctionWord(t, i)) {
      return ActorMention{*m->value, i, i + m->length};
    }
  }
  if (auto d = designations_ ? phrases_.designations.At(t, i) : std::nullopt) {
    // Resolved for every conflict of the gazetteer beforehand (GazetteerPhrases).
    const Designation& designation = *d->value;
    const auto& conflicts = rules_.actors.conflicts();
    const Actor* a = nullptr;
    if (!conflict_) {
      a = designation.alone;
    } else if (conflict_ >= conflicts.data() && conflict_ < conflicts.data() + conflicts.size() &&
               designation.in_conflict.size() == conflicts.size()) {
      a = designation.in_conflict[static_cast<size_t>(conflict_ - conflicts.data())];
    } else {
      a = rules_.actors.FindDesignation(designation.text, conflict_);
    }
    if (a) return ActorMention{a, i, i + d->length};
  }
  return std::nullopt;
}

ActorList MentionFinder::ActorsIn(const std::vector<Token>& t, size_t begin, size_t end) const {
  ActorList out;
  end = std::min(end, t.size());
  if (begin >= end) return out;
  const std::vector<ActorMention>& actors = ActorsOf(t);
  for (size_t i = next_actor_[begin]; i < end; i = next_actor_[i]) {
    const ActorMention& a = actors[i];
    if (a.end <= end) {
      bool seen = false;
      for (const auto& o : out) seen = seen || o.actor == a.actor;
      if (!seen) out.push_back(a);
      i = a.end;
    } else {
      ++i;
    }
  }
  return out;
}

std::optional<ActorMention> MentionFinder::AffiliatedActor(const std::vector<Token>& t, size_t i,
                                                           size_t end) const {
  // Up to three words (qualifiers) may stand between: "membres armés du FLA".
  for (size_t k = i; k < end && k < i + 4; ++k) {
    if (IsComma(t[k])) return std::nullopt;
    auto aff = lexicon_.claimants.affiliation.At(t, k);
    if (!aff) continue;
    // The affiliation's last words may open the actor's name: "for the junta"
    // names "the junta".
    size_t j = k + 1;
    while (j < k + aff->length && !ActorAt(t, j)) ++j;
    while (j < end && IsFunctionWord(t, j) && !ActorAt(t, j)) ++j;
    if (j < end) {
      if (auto a = ActorAt(t, j)) return a;
    }
    return std::nullopt;
  }
  return std::nullopt;
}

void MentionFinder::Describe(const std::vector<Token>& t, size_t start, ClaimantMention& m) const {
  m.begin = start;
  m.claimant.mention.assign(body_.substr(t[start].begin, t[m.end - 1].end - t[start].begin));
  // Number and gender from the determiner, else a plural-looking head.
  for (size_t k = start; k < m.end; ++k) {
    if (auto d = lexicon_.grammar.determiners.At(t, k)) {
      m.agreement = *d->value;
      break;
    }
  }
  if (!m.agreement.plural) {
    std::string_view last = t[m.end - 1].folded();
    bool s_end = !last.empty() && (last.back() == 's' || last.back() == 'x');
    std::string_view first_noun = t[std::min(m.end - 1, start + 1)].folded();
    if (s_end && (m.end - start == 1 || (!first_noun.empty() && first_noun.back() == 's'))) {
      m.agreement.plural = true;
    }
  }
  if (m.claimant.count == ClaimantCount::kUnknown) {
    for (size_t k = start; k < m.end; ++k) {
      if (auto c = lexicon_.claimants.counts.At(t, k)) {
        m.claimant.count = *c->value;
        break;
      }
    }
  }
}

std::optional<ClaimantMention> MentionFinder::MentionAt(const std::vector<Token>& t, size_t h,
                                                        size_t end, size_t start) const {
  // Built in the value returned (every return is of `found`), so that no
  // mention is moved into an optional on the way out.
  std::optional<ClaimantMention> found;
  if (h >= end) return found;
  const ClaimantLexicon& c = lexicon_.claimants;
  ClaimantMention& m = found.emplace();

  if (auto same = c.same_source.At(t, h); same && h + same->length <= end) {
    m.pronoun = true;
    m.same_source = true;
    m.end = h + same->length;
    m.begin = start;
    m.claimant.mention.assign(body_.substr(t[start].begin, t[m.end - 1].end - t[start].begin));
    return found;
  }

  auto anaphor = c.anaphors.At(t, h);
  bool names_actor = false;  // "Le Groupe de soutien à l'islam…" is a name, not "le groupe"
  for (size_t k = h; anaphor && k < h + anaphor->length; ++k) names_actor = names_actor || ActorAt(t, k);
  if (anaphor && !names_actor && h + anaphor->length < end) {
    // "le groupe État islamique", "the group JNIM": the anaphor introduces a name.
    if (auto named = ActorAt(t, h + anaphor->length); named && named->end <= end) {
      m.claimant.name = named->actor->name;
      m.claimant.kind = named->actor->kind;
      m.end = named->end;
      Describe(t, start, m);
      return found;
    }
  }
  if (anaphor && !names_actor) {
    const auto& a = anaphor;
    m.end = h + a->length;
    m.begin = start;
    // A qualified anaphor names something of its own: "le groupe pétrolier" is
    // not the last armed group, "le gouvernement mozambicain" not the conflict's
    // government. It is then named by its words.
    size_t q = m.end;
    while (q < end && q < m.end + 3 && t[q].kind == TokenKind::kWord && !IsFunctionWord(t, q) &&
           !lexicon_.grammar.relatives.At(t, q) && !lexicon_.grammar.auxiliaries.At(t, q) &&
           !lexicon_.grammar.negators.At(t, q) && !lexicon_.cues.verbs.At(t, q) &&
           !ActorAt(t, q) && !c.roles.At(t, q)) {
      ++q;
    }
    if (q > m.end) {
      m.end = q;
      m.generic = true;
      m.claimant.kind = *a->value;
      Describe(t, start, m);
      m.claimant.name = m.claimant.mention;
      return found;
    }
    m.pronoun = true;
    m.anaphor = *a->value;
    m.claimant.mention.assign(body_.substr(t[start].begin, t[m.end - 1].end - t[start].begin));
    return found;
  }

  if (auto p = lexicon_.grammar.pronouns.At(t, h)) {
    m.pronoun = true;
    m.end = h + p->length;
    m.agreement = *p->value;
    m.claimant.mention = t[h].text;
    m.begin = h;
    return found;
  }

  auto named_by_actor = [&](const ActorMention& a) {
    m.claimant.name = a.actor->name;
    m.claimant.kind = a.actor->kind;
  };

  // An actor, maybe followed by a role ("FLA fighters", "the army spokesman") or
  // by the group it belongs to ("les rebelles du FLA").
  if (auto a = ActorAt(t, h); a && a->end <= end) {
    ActorMention actor = *a;
    m.end = a->end;
    if (auto more = AffiliatedActor(t, m.end, end);
        more && phrases_.designations.At(t, h) && !phrases_.actors.At(t, h)) {
      actor = *more;  // a designation qualified by a named group
      m.end = more->end;
    }
    named_by_actor(actor);
    if (auto role = c.roles.At(t, m.end); role && m.end + role->length <= end) {
      m.claimant.role = *role->value;
      m.claimant.anonymous = true;
      m.end += role->length;
    }
    Describe(t, start, m);
    return found;
  }

  // A role of a group: "plusieurs membres du FLA", "un cadre du FLA".
  if (auto role = c.roles.At(t, h)) {
    m.claimant.role = *role->value;
    m.end = h + role->length;
    if (auto a = AffiliatedActor(t, m.end, end)) {
      named_by_actor(*a);
      m.end = a->end;
    }
    m.claimant.anonymous = true;
    Describe(t, start, m);
    if (!m.claimant.name) {
      // A role of no group the rules know is a person named by its words ("le
      // porte-parole", "un responsable"), also when a pronoun later stands for it.
      m.claimant.kind = ClaimantKind::kPerson;
      m.claimant.name = m.claimant.mention;
    }
    return found;
  }

  // Unnamed sources: qualifiers before or after the noun, concordance, a group
  // they are close to ("sources proches du FLA").
  {
    size_t k = h;
    std::vector<std::string> labels;
    std::optional<std::string> role;
    bool concordant = false;  // English puts it first: "corroborating sources"
    while (k < end) {
      // "local official" is a source noun of its own, not "local" + "official".
      if (c.source_nouns.At(t, k)) break;
      if (auto cc = c.concordant.At(t, k)) {
        concordant = true;
        k += cc->length;
        continue;
      }
      auto q = c.qualifiers.At(t, k);
      if (!q) break;
      labels.push_back(q->value->label);
      if (q->value->role) role = q->value->role;
      k += q->length;
    }
    if (auto noun = c.source_nouns.At(t, k); noun && k + noun->length <= end) {
      m.claimant.concordant = concordant;
      k += noun->length;
      while (k < end) {
        if (auto q = c.qualifiers.At(t, k)) {
          labels.push_back(q->value->label);
          if (q->value->role) role = q->value->role;
          k += q->length;
        } else if (auto cc = c.concordant.At(t, k)) {
          m.claimant.concordant = true;
          k += cc->length;
        } else {
          break;
        }
      }
      m.end = k;
      m.claimant.anonymous = true;
      m.claimant.role = role;
      // "police spokesman", "hospital official": a role after the noun is who speaks.
      if (auto r = c.roles.At(t, m.end); r && m.end + r->length <= end) {
        m.claimant.role = *r->value;
        m.end += r->length;
      }
      auto affiliated = AffiliatedActor(t, k, end);
      if (affiliated) {
        named_by_actor(*affiliated);
        m.end = affiliated->end;
      } else {
        std::string name;
        for (const auto& l : labels) {
          if (name.find(l) == std::string::npos) name += l + " ";
        }
        m.claimant.name = name + noun->value->name;
        m.claimant.kind = noun->value->kind;
        // A proper name before the noun is the source's own name: "the Al
        // Akhbar news agency".
        size_t p = h;
        while (p > start && IsCapitalized(t[p - 1]) && !IsFunctionWord(t, p - 1)) --p;
        if (p < h) {
          m.claimant.name = std::string(body_.substr(t[p].begin, t[h - 1].end - t[p].begin));
          m.claimant.anonymous = false;
        }
      }
      Describe(t, start, m);
      // Where they live or speak from belongs to the mention: "des habitants de
      // Ménaka", "residents of Gao" (number and gender come from the noun).
      if (auto aff = c.affiliation.At(t, m.end); aff && !affiliated) {
        size_t j = m.end + aff->length;
        if (auto place = phrases_.places.At(t, j); place && j + place->length <= end &&
                                                   !ActorAt(t, j)) {
          m.end = j + place->length;
          m.claimant.mention.assign(
              body_.substr(t[m.begin].begin, t[m.end - 1].end - t[m.begin].begin));
        }
      }
      return found;
    }
  }

  // A person by title: "le ministre de la Défense", "a police captain".
  if (auto title = c.persons.At(t, h)) {
    m.end = h + title->length;
    if (auto a = AffiliatedActor(t, m.end, end)) {
      named_by_actor(*a);
      m.claimant.role = *title->value;
      m.end = a->end;
    } else {
      // The title and what qualifies it, up to a comma.
      while (m.end < end && !IsComma(t[m.end]) && t[m.end].kind != TokenKind::kPunct &&
             m.end < h + 6) {
        ++m.end;
      }
      m.claimant.kind = ClaimantKind::kPerson;
    }
    Describe(t, start, m);
    if (!m.claimant.name) m.claimant.name = m.claimant.mention;
    return found;
  }

  // A person's name: capitalised words that are not a known place or actor,
  // making up the whole chunk.
  if (IsCapitalized(t[h]) && !phrases_.places.At(t, h)) {
    size_t k = h;
    while (k < end && k < h + 3 && IsCapitalized(t[k]) && !IsFunctionWord(t, k)) ++k;
    if (k > h && k == end) {
      m.end = k;
      m.claimant.kind = ClaimantKind::kPerson;
      Describe(t, h, m);
      m.claimant.name = m.claimant.mention;
      return found;
    }
  }
  found.reset();
  return found;
}

std::optional<ClaimantMention> MentionFinder::GenericAt(const std::vector<Token>& t, size_t h,
                                                        size_t end, size_t start) const {
  std::optional<ClaimantMention> found;  // built in place, as in MentionAt
  if (h >= end || t[h].kind != TokenKind::kWord) return found;
  const SlotLexicon& s = lexicon_.slots;
  // A place is no speaker, but a country is a state: "Somalia's government
  // condemned", "Myanmar's military government acknowledged".
  auto place = phrases_.places.At(t, h);
  bool country = place && (*place->value)->name == (*place->value)->country;
  if (s.events.At(t, h) || s.count_nouns.At(t, h) || s.materiel.At(t, h) ||
      s.outcomes.At(t, h) || (place && !country) || lexicon_.quantities.numbers.At(t, h) ||
      lexicon_.cues.verbs.At(t, h) || lexicon_.grammar.auxiliaries.At(t, h)) {
    return found;
  }
  // It needs a determiner ("un diplomate") or a capital ("Moussa Diallo"), and
  // a quantity is a count, not a speaker ("plusieurs dizaines de corps").
  bool determined = false;
  for (size_t k = start; k < h; ++k) {
    if (lexicon_.grammar.determiners.At(t, k) || lexicon_.claimants.counts.At(t, k)) {
      determined = true;
    }
    if (lexicon_.quantities.vague.At(t, k) || lexicon_.quantities.numbers.At(t, k) ||
        t[k].kind == TokenKind::kNumber) {
      if (!lexicon_.claimants.counts.At(t, k)) return found;
    }
  }
  if (lexicon_.quantities.vague.At(t, start) && !lexicon_.claimants.counts.At(t, start)) {
    return found;
  }
  if (lexicon_.quantities.vague.At(t, h)) return found;
  if (!determined && !IsCapitalized(t[h])) return found;
  ClaimantMention& m = found.emplace();
  m.generic = true;
  m.end = h + 1;
  // The phrase runs to the end of the chunk, at most eight words, stopping at a
  // relative pronoun or a verb.
  while (m.end < end && m.end < h + 8 && !IsComma(t[m.end]) &&
         !lexicon_.grammar.relatives.At(t, m.end) && !lexicon_.cues.verbs.At(t, m.end) &&
         !lexicon_.grammar.auxiliaries.At(t, m.end) && t[m.end].kind != TokenKind::kQuoteOpen) {
    ++m.end;
  }
  m.claimant.kind = country ? ClaimantKind::kState : ClaimantKind::kPerson;
  Describe(t, start, m);
  m.claimant.name = m.claimant.mention;
  // An indefinite determiner hides who speaks: "un diplomate".
  for (size_t k = start; k < h; ++k) {
    if (auto c = lexicon_.claimants.counts.At(t, k); c && *c->value == ClaimantCount::kOne) {
      m.claimant.anonymous = true;
    }
  }
  return found;
}

std::vector<ClaimantMention> MentionFinder::WithCoordinated(const std::vector<Token>& t,
                                                            ClaimantMention&& first,
                                                            size_t end) const {
  size_t k = first.end;
  std::vector<ClaimantMention> out;
  out.reserve(2);
  out.push_back(std::move(first));
  const GrammarLexicon& g = lexicon_.grammar;
  while (k < end) {
    auto joint = g.coordinators.At(t, k);
    if (!joint) joint = g.negative_words.At(t, k);
    if (!joint) break;
    size_t j = k + joint->length;
    while (j < end && IsFunctionWord(t, j) && !ActorAt(t, j)) ++j;
    auto a = ActorAt(t, j);
    ClaimantMention m;
    if (a && a->end <= end) {
      m.claimant.name = a->actor->name;
      m.claimant.kind = a->actor->kind;
      m.end = a->end;
      Describe(t, k + joint->length, m);
    } else {
      // Sources coordinated with the first: "two security sources and a local
      // resident", "witnesses and rights groups".
      auto other = MentionAt(t, j, end, k + joint->length);
      if (!other || other->pronoun || other->generic || !other->claimant.name) break;
      m = std::move(*other);
    }
    bool seen = false;
    for (const auto& o : out) seen = seen || o.claimant.name == m.claimant.name;
    k = m.end;
    if (!seen) out.push_back(std::move(m));
  }
  return out;
}

std::vector<ClaimantMention> MentionFinder::Subject(const std::vector<Token>& t, size_t begin,
                                                    size_t end, bool generic) const {
  // Chunks between commas (quotation marks aside): only the first and the last
  // are read.
  std::pair<size_t, size_t> first_chunk{0, 0};
  std::pair<size_t, size_t> last_chunk{0, 0};
  size_t chunk_count = 0;
  size_t from = begin;
  for (size_t i = begin; i <= end; ++i) {
    if (i == end || IsComma(t[i])) {
      // "Le Mouvement pour la renaissance du Cameroun (MRC)": a name's acronym in
      // brackets closing the chunk is no part of its head, unless the acronym is
      // what the gazetteer knows ("The Azawad Liberation Front (FLA)").
      size_t e = i;
      if (e > from + 1 && t[e - 1].kind == TokenKind::kPunct && t[e - 1].text == ")") {
        size_t open = e - 1;
        while (open > from && !(t[open].kind == TokenKind::kPunct && t[open].text == "(")) --open;
        if (open > from && t[open].text == "(" && !ActorAt(t, open + 1)) e = open;
      }
      if (e > from) {
        if (chunk_count++ == 0) first_chunk = {from, e};
        last_chunk = {from, e};
      }
      from = i + 1;
    }
  }
  if (chunk_count == 0) return {};
  std::array<std::pair<size_t, size_t>, 2> order = {last_chunk, first_chunk};
  const size_t orders = chunk_count > 1 ? 2 : 1;
  // "Le gouvernement, lui, assure": a lone pronoun set between commas doubles
  // the subject before it.
  if (chunk_count > 1 && last_chunk.second - last_chunk.first == 1 && last_chunk.second < end &&
      lexicon_.grammar.pronouns.At(t, last_chunk.first)) {
    std::swap(order[0], order[1]);
  }
  const GrammarLexicon& g = lexicon_.grammar;
  for (size_t o = 0; o < orders; ++o) {
    auto [b, e] = order[o];
    size_t h = b;
    while (h < e && (t[h].kind == TokenKind::kQuoteOpen || t[h].kind == TokenKind::kQuoteClose ||
                     g.contrast.At(t, h) || g.coordinators.At(t, h))) {
      ++h;
    }
    if (h >= e) continue;
    // "No group has claimed…", "Aucun groupe n'a revendiqué…": nobody spoke.
    // ("Ni le FLA ni le Jnim" coordinates two subjects: a determiner follows.)
    if (auto neg = g.negative_words.At(t, h)) {
      size_t next = h + neg->length;
      if (next >= e || (!g.determiners.At(t, next) && !ActorAt(t, next))) return {};
    }
    // A chunk opened by a preposition or an adverb is no subject: "de leur côté",
    // "in a statement".
    if (g.function_words.At(t, h) && !g.determiners.At(t, h) && !g.pronouns.At(t, h) &&
        !lexicon_.claimants.counts.At(t, h) && !g.negative_words.At(t, h) && !ActorAt(t, h) &&
        !lexicon_.claimants.anaphors.At(t, h)) {
      continue;
    }
    size_t start = h;
    while (h < e && !g.pronouns.At(t, h) && !ActorAt(t, h) &&
           !lexicon_.claimants.anaphors.At(t, h) && IsFunctionWord(t, h)) {
      ++h;
    }
    if (auto m = MentionAt(t, h, e, start)) return WithCoordinated(t, std::move(*m), e);
    // An adjective before the noun: "Malian officials", "local sources".
    for (size_t k = h + 1; k < e && k <= h + 3; ++k) {
      bool possessive = t[k].folded() == "'s";  // "France's defence ministry"
      if (IsFunctionWord(t, k) && !possessive) break;
      if (possessive) continue;
      auto m = MentionAt(t, k, e, k);  // the mention starts at its own word
      if (m && !m->claimant.name) {
        // A possessor that is an actor: "JNIM's spokesman".
        for (size_t p = h; p < k; ++p) {
          if (auto a = ActorAt(t, p); a && a->end < k && t[a->end].folded() == "'s") {
            m->claimant.name = a->actor->name;
            m->claimant.kind = a->actor->kind;
          }
        }
      }
      if (m && !m->pronoun && (m->claimant.role || m->claimant.anonymous || m->claimant.name)) {
        return WithCoordinated(t, std::move(*m), e);
      }
    }
    if (generic) {
      if (auto m = GenericAt(t, h, e, start)) return OnlyMention(std::move(*m));
    }
  }
  return {};
}

std::vector<ClaimantMention> MentionFinder::Anywhere(const std::vector<Token>& t, size_t begin,
                                                     size_t end, bool generic) const {
  for (size_t i = begin; i < end; ++i) {
    bool pronoun = lexicon_.grammar.pronouns.At(t, i).has_value();
    if (IsFunctionWord(t, i) && !ActorAt(t, i) && !pronoun) continue;
    if (t[i].kind != TokenKind::kWord && t[i].kind != TokenKind::kNumber) continue;
    size_t start = i;
    while (start > begin && IsFunctionWord(t, start - 1) && !IsComma(t[start - 1])) --start;
    auto m = MentionAt(t, i, end, start);
    // A pronoun counts when it is the whole complement: "selon eux", "according to him".
    bool first = start == begin || i == begin;
    if (m && (!m->pronoun || m->anaphor || first)) return WithCoordinated(t, std::move(*m), end);
  }
  if (generic) {
    size_t h = begin;
    while (h < end && IsFunctionWord(t, h)) ++h;
    if (auto m = GenericAt(t, h, end, begin)) return OnlyMention(std::move(*m));
  }
  return {};
}

const Place* MentionFinder::PlaceIn(const std::vector<Token>& t, size_t begin, size_t end) const {
  // The whole sentence is asked about more than once (the report's main
  // incident, then the place of its events' claims): answered once.
  if (begin != 0 || end != t.size()) return FindPlaceIn(t, begin, end);
  if (!place_key_.Is(t)) {
    sentence_place_ = FindPlaceIn(t, 0, t.size());
    place_key_ = SentenceKey::For(t);
  }
  return sentence_place_;
}

const Place* MentionFinder::FindPlaceIn(const std::vector<Token>& t, size_t begin,
                                        size_t end) const {
  const SlotLexicon& s = lexicon_.slots;
  // A country is the place only when nothing more precise is named: "Au Mali, un
  // convoi … à Alkit" happened at Alkit.
  const Place* country = nullptr;
  auto found = [&](const Place* place) {
    if (place->name != place->country) return true;
    if (!country) country = place;
    return false;
  };
  const Token* tokens = t.data();
  for (size_t i = begin; i < end; ++i) {
    // A place is a proper name: "à sa base" is not at Sa, "were executed" not at Were;
    // nor is any other word a spelling variant. (IsCapitalized, with the ASCII
    // letters most words begin with told here, in the loop.)
    const Token& token = tokens[i];
    if (token.kind != TokenKind::kWord || token.text.empty()) continue;
    if (auto c = static_cast<unsigned char>(token.text[0]); c < 0x80) {
      if (c < 'A' || c > 'Z') continue;
    } else if (!IsCapitalized(token)) {
      continue;
    }
    auto p = phrases_.places.At(t, i);
    const Place* place = p ? *p->value : nullptr;
    size_t length = p ? p->length : 1;
    bool after_locative = false;
    for (size_t k = (i >= 4 ? i - 4 : 0); k < i && !after_locative; ++k) {
      if (auto l = s.locatives.At(t, k); l && k + l->length == i) after_locative = true;
    }
    bool names_event = false;
    if (i >= 2 && lexicon_.claimants.affiliation.At(t, i - 1)) {
      for (size_t k = (i >= 5 ? i - 5 : 0); k + 1 < i && !names_event; ++k) {
        if (auto ev = s.events.At(t, k); ev && k + ev->length == i - 1) names_event = true;
      }
    }
    if (i + length < end && s.events.At(t, i + length)) names_event = true;  // "the Alkit ambush"
    if (!after_locative && !names_event) continue;
    if (place) {
      if (found(place)) return place;
      continue;
    }
    // A name the gazetteer knows under another spelling.
    if (auto match = rules_.places.Find(t[i].text); match && found(match->place)) {
      return match->place;
    }
  }
  return country;
}

}  // namespace attest
