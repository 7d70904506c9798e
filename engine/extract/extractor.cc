// Claim extraction, sentence by sentence (shared/spec/claims.md):
//   1. The body is cut into sentences and tokens (rules/<lang>/text.toml);
//      headings make no claim.
//   2. Cues are found: reporting verbs whose subject names a claimant (judged on
//      the subject's head, so that "L'embuscade … semble confirmer" is no cue),
//      passive cues with their agent ("considérés … par Bamako"), frames whose
//      complement names a claimant ("selon", "according to"), silences ("sans
//      communiquer"), and relative clauses in the conditional of hearsay ("qui
//      aurait manqué"). A negated cue changes class ("n'ont pas confirmé" →
//      not_confirm); pronouns stand for the last claimant of the same number
//      and gender; a subject left out after "et" is the previous cue's.
//   3. The sentence is split where a cue's clause starts and where a contrast
//      word ("mais", "alors que", "but") opens a clause with its own subject and
//      verb. Each part is one claim per claimant: its cue's, else the frame's,
//      else the author's (the outlet).
//   4. Each claim gets its modality (epistemic hedges), polarity (negation in
//      its content, "mixed" when a contrast follows it), endorsement (author,
//      reported, or distanced by a distancing cue, adverb or the conditional of
//      hearsay), hedges, quote, slot (engine/extract/slot_reading.h), and the
//      incident it is about: a place and date of its own when it tells of an
//      event, else the report's current incident.
#include "engine/extract/extractor.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "engine/extract/mentions.h"
#include "engine/extract/slot_reading.h"
#include "engine/text/sentences.h"
#include "engine/text/utf8.h"
#include "engine/time/date_expressions.h"

namespace attest {

namespace {

using Tokens = std::vector<Token>;

// `mark`: one ASCII character, as every caller asks.
bool IsPunct(const Token& t, char mark) {
  return t.kind == TokenKind::kPunct && t.text.size() == 1 && t.text[0] == mark;
}
bool IsQuote(const Token& t) {
  return t.kind == TokenKind::kQuoteOpen || t.kind == TokenKind::kQuoteClose;
}

Stance StanceOf(CueClass cls) {
  switch (cls) {
    case CueClass::kAdmit: return Stance::kAcknowledges;
    case CueClass::kConfirm: return Stance::kConfirms;
    case CueClass::kDeny: return Stance::kDenies;
    case CueClass::kDecline: return Stance::kDeclines;
    case CueClass::kNotConfirm: return Stance::kNotConfirmed;
    default: return Stance::kAsserts;
  }
}

// A cue found in a sentence, with who it attributes to.
struct FoundCue {
  enum class Kind { kVerb, kFrame, kSilence, kHearsay };
  Kind kind = Kind::kVerb;
  size_t begin = 0;  // the cue's tokens
  size_t end = 0;
  size_t clause = 0;  // where its clause starts (a split point)
  size_t subject = 0;  // where its subject region starts (its claimant's words)
  size_t group = 0;   // where its verb group starts (auxiliaries, negation)
  CueEntry entry;
  std::vector<ClaimantMention> claimants;  // empty: inherit the previous cue's
  std::vector<std::pair<size_t, size_t>> claimant_spans;
  std::optional<std::string> relay;
  bool agentive = false;  // "affirment avoir …": the claimant's own act
  // A cue in a relative clause set between commas inside another clause ("Le
  // Jnim, qui a revendiqué …, n'a pas …"): its claim spans the relative clause.
  std::optional<std::pair<size_t, size_t>> embedded;
  bool postposed = false;  // its subject follows or closes the clause it attributes
};

struct Antecedent {
  Claimant claimant;
  Agreement agreement;
};

// The gazetteers cut into this language's phrases, built once per rulebook.
const GazetteerPhrases& PhrasesFor(const Rulebook& rules, const Lexicon& lexicon) {
  auto& slot = rules.derived.phrases[lexicon.lang];
  if (!slot) slot = std::make_shared<const GazetteerPhrases>(GazetteerPhrases::Build(rules, lexicon));
  return *slot;
}

// What a claim asks about each token of its sentence (ReportReader::MarksOf).
struct TokenMarks {
  enum : uint8_t {
    kAnonymity = 1,     // may start an anonymity phrase
    kEpistemic = 2,     // may start an epistemic hedge
    kPolarity = 4,      // may start a negation, coordinator or contrast
    kPlan = 8,          // may start a plan marker
    kConditional = 16,  // may be a conditional form
    kDistancing = 32,   // may start a distancing adverb
    kQuote = 64,        // opens a quotation
  };
  std::vector<uint8_t> of;       // per token
  std::vector<uint32_t> marked;  // the tokens with any mark, in order
  std::vector<uint8_t> in_date;  // per token, whether in a date expression; empty: no date
};

class ReportReader {
 public:
  ReportReader(const Report& report, const Rulebook& rules, const Lexicon& lexicon)
      : report_(report),
        body_(*report.body),
        rules_(rules),
        lex_(lexicon),
        phrases_(PhrasesFor(rules, lexicon)),
        published_(report.published.date()),
        polarity_words_(lexicon.grammar.negators, lexicon.grammar.negative_words,
                        lexicon.grammar.coordinators, lexicon.grammar.contrast),
        cue_words_(lexicon.cues.not_cues, lexicon.cues.without, lexicon.cues.frames,
                   lexicon.cues.verbs),
        hearsay_words_(lexicon.grammar.plan_markers, lexicon.grammar.relatives),
        conditional_words_(lexicon.grammar.conditional, lexicon.grammar.conditional_exceptions),
        claim_words_(lexicon.claimants.anonymity, lexicon.hedges.epistemic,
                     lexicon.grammar.negators, lexicon.grammar.negative_words,
                     lexicon.grammar.coordinators, lexicon.grammar.contrast,
                     lexicon.grammar.plan_markers, lexicon.grammar.conditional,
                     lexicon.grammar.conditional_exceptions, lexicon.hedges.distancing),
        clause_words_(lexicon.grammar.relatives, lexicon.grammar.contrast,
                      lexicon.grammar.subordinators, lexicon.grammar.coordinators),
        split_words_(lexicon.grammar.contrast, lexicon.grammar.determiners) {
    for (const auto& suffix : lexicon.grammar.conditional_suffixes) {
      if (suffix.empty()) {
        suffix_ends_.fill(true);  // (an empty suffix ends every word)
      } else {
        suffix_ends_[static_cast<unsigned char>(suffix.back())] = true;
      }
    }
  }

  std::vector<Claim> Read() {
    std::vector<Sentence> all = SplitSentences(body_, lex_.sentences);
    sentences_.reserve(all.size());
    std::vector<std::pair<size_t, size_t>> spans;
    spans.reserve(all.size());
    for (const Sentence& s : all) {
      if (s.heading) continue;
      sentences_.push_back(s);
      spans.emplace_back(s.begin, s.end);
    }
    tokens_ = TokenizeEach(body_, spans, lex_.tokens);
    FindConflict();
    ResolveOutlet();
    outlet_mention_ = {ClaimantMention{OutletClaimant(), 0, 0, {}, false}};
    // Generic words ("the army", "police") name an actor only in a conflict the
    // report is known to be about.
    designations_ = conflict_ != nullptr;
    finder_.emplace(rules_, lex_, phrases_, conflict_, body_, designations_);
    FindMainIncident();
    claims_.reserve(sentences_.size() + sentences_.size() / 2 + 4);  // news: 1.25 a sentence
    for (size_t i = 0; i < sentences_.size(); ++i) ReadSentence(i);
    for (size_t i = 0; i < claims_.size(); ++i) claims_[i].ordinal = static_cast<int64_t>(i) + 1;
    return std::move(claims_);
  }

 private:
  // The conflict the report is about, for designations ("l'armée") and sides:
  // that of the country its places (and country names) point to most often, the
  // first named winning a tie; a country without a conflict in the gazetteer
  // makes none ("the army" of a report on Sudan is not Mali's). With no place
  // at all, that of the first actor with a side.
  void FindConflict() {
    auto when = DateInterval::Day(published_);
    std::vector<std::pair<std::string, int>> countries;  // in order of first mention
    for (const auto& t : tokens_) {
      for (size_t i = 0; i < t.size(); ++i) {
        auto p = phrases_.places.At(t, i);
        if (!p || !IsUpperCase(DecodeCodePoint(t[i].text, 0).value)) continue;
        const std::string& country = (*p->value)->country;
        auto it = std::find_if(countries.begin(), countries.end(),
                               [&](const auto& c) { return c.first == country; });
        if (it == countries.end()) {
          countries.emplace_back(country, 1);
        } else {
          ++it->second;
        }
        i += p->length - 1;
      }
    }
    if (!countries.empty()) {
      auto best = countries.begin();
      for (auto it = countries.begin(); it != countries.end(); ++it) {
        if (it->second > best->second) best = it;
      }
      conflict_ = rules_.actors.ConflictFor(best->first, when);
      return;
    }
    for (const auto& t : tokens_) {
      for (size_t i = 0; i < t.size(); ++i) {
        auto a = phrases_.actors.At(t, i);
        if (!a) continue;
        for (const auto& c : rules_.actors.conflicts()) {
          if (c.period && !c.period->Overlaps(when)) continue;
          if (rules_.actors.FindSide((*a->value)->name, &c)) {
            conflict_ = &c;
            return;
          }
        }
      }
    }
  }

  void ResolveOutlet() {
    outlet_ = report_.outlet.value_or("");
    if (const Actor* a = rules_.actors.Find(outlet_)) outlet_ = a->name;
    outlet_folded_ = FoldForMatch(outlet_);
    names_.clear();
  }

  // Asked of every claimant of every claim: answered from FactsOf.
  bool IsOutlet(const Claimant& c) const {
    if (!c.name || outlet_.empty()) return false;
    if (*c.name == outlet_) return true;
    return FactsOf(*c.name).outlet;
  }

  // What the rules say of a claimant's name, found once per name and report: a
  // report names a few claimants, claim after claim.
  struct NameFacts {
    std::string name;
    bool outlet = false;           // the name folds to the outlet's
    const Actor* actor = nullptr;  // the gazetteer's actor of that canonical name
  };
  const NameFacts& FactsOf(const std::string& name) const {
    for (const NameFacts& f : names_) {
      if (f.name == name) return f;
    }
    // (Kept short: a report of many names asks again for those past the first few.)
    if (names_.size() >= kNamesKept) names_.pop_back();
    NameFacts facts{name, false, rules_.actors.ByName(name)};
    if (!outlet_.empty()) {
      // (An actor's name is folded once, when the gazetteer is made; any other
      // name only when its first letter may fold to the outlet's.)
      if (facts.actor) {
        facts.outlet = rules_.actors.FoldedName(*facts.actor) == outlet_folded_;
      } else if (MayFoldToOutlet(name)) {
        facts.outlet = FoldForMatch(name) == outlet_folded_;
      }
    }
    return names_.emplace_back(std::move(facts));
  }
  static constexpr size_t kNamesKept = 16;
  // False when FoldForMatch(name) cannot be the outlet's folded name: its first
  // letter or digit is ASCII and folds to another first byte. (FoldForMatch keeps
  // letters and digits, lower-cased, from the first on.)
  bool MayFoldToOutlet(std::string_view name) const {
    for (char ch : name) {
      auto c = static_cast<unsigned char>(ch);
      if (c >= 0x80) return true;  // an accented letter or a mark: folding tells
      bool digit = c >= '0' && c <= '9';
      bool letter = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
      if (!digit && !letter) continue;
      char first = static_cast<char>(letter ? (c | 0x20) : c);
      return !outlet_folded_.empty() && outlet_folded_.front() == first;
    }
    return true;  // no letter or digit at all: folding tells
  }

  Claimant OutletClaimant() const {
    Claimant c;
    c.name = outlet_.empty() ? std::optional<std::string>("author") : outlet_;
    c.kind = ClaimantKind::kOutlet;
    c.count = ClaimantCount::kOne;
    return c;
  }

  // The incident the report is mainly about: the first event with a place.
  void FindMainIncident() {
    for (size_t s = 0; s < tokens_.size(); ++s) {
      const Tokens& t = tokens_[s];
      if (!lex_.slots.events.Contains(t, 0, t.size())) continue;
      if (const Place* place = finder_->PlaceIn(t, 0, t.size())) {
        IncidentRef ref;
        ref.place = place->name;
        ref.date = FirstDate(s, 0, t.size());
        if (auto ev = EventType(t, 0, t.size())) ref.event_type = ev;
        current_ = ref;
        main_ = ref;
        return;
      }
    }
  }

  std::optional<std::string> EventType(const Tokens& t, size_t b, size_t e) const {
    if (auto ev = lex_.slots.events.Find(t, b, e)) return *ev->second.value;
    return std::nullopt;
  }

  // The date expressions of sentence s, found once.
  const std::vector<DateMention>& DatesOf(size_t s) {
    if (dates_.size() < tokens_.size()) dates_.resize(tokens_.size());
    if (!dates_[s]) {
      const Sentence& sentence = sentences_[s];
      std::string_view text = body_.substr(sentence.begin, sentence.end - sentence.begin);
      dates_[s] = FindDateExpressions(tokens_[s], text, sentence.begin, published_, lex_.dates);
    }
    return *dates_[s];
  }

  // Whether a date tells when something was said, not when it happened: right
  // after a reporting verb or a word for a statement ("said on Tuesday", "a
  // revendiqué lundi", "un communiqué publié mardi", "a statement on Monday").
  bool IsStatementDate(const Tokens& t, const DateMention& d) const {
    size_t first = 0;
    while (first < t.size() && t[first].begin < d.begin) ++first;
    for (size_t back = 1; back <= 3 && back <= first; ++back) {
      size_t k = first - back;
      if (auto v = lex_.cues.verbs.At(t, k); v && k + v->length == first) return true;
      if (auto r = lex_.claimants.roles.At(t, k); r && k + r->length == first) return true;
    }
    return false;
  }

  // The first date of sentence s in tokens [b, e) that says when something
  // happened.
  std::optional<DateInterval> FirstDate(size_t s, size_t b, size_t e) {
    const Tokens& t = tokens_[s];
    const Sentence& sentence = sentences_[s];
    size_t from = b < t.size() ? t[b].begin : sentence.end;
    size_t to = e > 0 && e <= t.size() ? t[e - 1].end : sentence.end;
    for (const auto& d : DatesOf(s)) {
      if (d.begin >= from && d.end <= to && !IsStatementDate(t, d)) return d.date;
    }
    return std::nullopt;
  }

  // --- Cues -------------------------------------------------------------------

  // IsAdverb and IsConditional are asked about the same tokens many times; their
  // answers for the sentence being read are kept (0 unknown, 1 no, 2 yes).
  // (Inline: the memo answers nearly every question, in a few instructions.)
  [[gnu::always_inline]] bool IsAdverb(const Tokens& t, size_t i) const {
    uint8_t& known = MemoOf(t, adverb_memo_)[i];
    if (known == 0) [[unlikely]] known = FindAdverb(t, i) ? 2 : 1;
    return known == 2;
  }
  [[gnu::always_inline]] bool IsConditional(const Tokens& t, size_t i) const {
    uint8_t& known = MemoOf(t, conditional_memo_)[i];
    if (known == 0) [[unlikely]] known = FindConditional(t, i) ? 2 : 1;
    return known == 2;
  }
  [[gnu::always_inline]] std::vector<uint8_t>& MemoOf(const Tokens& t,
                                                      std::vector<uint8_t>& memo) const {
    if (&t != memo_tokens_ || memo.size() != t.size()) [[unlikely]] ResetMemos(t);
    return memo;
  }
  void ResetMemos(const Tokens& t) const {
    memo_tokens_ = &t;
    adverb_memo_.assign(t.size(), 0);
    conditional_memo_.assign(t.size(), 0);
  }

  bool FindAdverb(const Tokens& t, size_t i) const {
    const GrammarLexicon& g = lex_.grammar;
    if (g.determiners.At(t, i) || g.pronouns.At(t, i)) return false;
    if (g.function_words.At(t, i)) return true;
    std::string_view f = t[i].folded();
    for (const auto& suffix : g.adverb_suffixes) {
      if (f.size() > suffix.size() + 2 &&
          f.compare(f.size() - suffix.size(), suffix.size(), suffix) == 0) {
        return true;
      }
    }
    return false;
  }

  // Whether a verb (an auxiliary, a negation, a cue) stands in [begin, end).
  bool HasVerb(const Tokens& t, size_t begin, size_t end) const {
    const GrammarLexicon& g = lex_.grammar;
    for (size_t k = begin; k < end; ++k) {
      if (g.auxiliaries.At(t, k) || g.negators.At(t, k) || lex_.cues.verbs.At(t, k)) return true;
    }
    return false;
  }

  // Where the clause holding token i starts: after the last contrast word,
  // relative, ";" or ":" before it, or a coordinator with a verb on its left
  // (the boundary word itself).
  size_t ClauseStart(const Tokens& t, size_t i, size_t floor) const {
    const GrammarLexicon& g = lex_.grammar;
    for (size_t k = i; k > floor; --k) {
      size_t j = k - 1;
      // (Most words are none of the words looked for below: one test says so.)
      if (t[j].kind == TokenKind::kWord && clause_words_.None(t[j])) continue;
      if (t[j].kind == TokenKind::kQuoteClose) {
        // What a quotation holds belongs to whoever is quoted: skip it whole.
        size_t open = j;
        while (open > floor && t[open].kind != TokenKind::kQuoteOpen) --open;
        if (t[open].kind == TokenKind::kQuoteOpen) {
          k = open + 1;
          continue;
        }
      }
      if (g.relatives.At(t, j) && j > floor && IsPunct(t[j - 1], ',') && i > 0 &&
          IsPunct(t[i - 1], ',')) {
        // ", who asked not to be named," sits between a subject and its verb.
        k = j;
        continue;
      }
      if (g.contrast.At(t, j) || g.relatives.At(t, j) || g.subordinators.At(t, j) ||
          IsPunct(t[j], ';') || IsPunct(t[j], ':')) {
        // "ce que l'armée conteste": the relative starts at "ce".
        if (j > floor) {
          if (auto longer = g.relatives.At(t, j - 1); longer && longer->length > 1) return j - 1;
        }
        return j;
      }
      // (A cue ending at `floor` is a verb on the left: "affirment … et assurent".)
      if (g.coordinators.At(t, j) && (floor > 0 || HasVerb(t, floor, j))) {
        // "… and vowed": a coordinator right before the verb group joins two
        // verbs, never two subjects.
        if (j + 1 == i) return j;
        // "where witnesses and rights groups said": with no verb between the
        // coordinator and the boundary before it, it joins two subjects.
        size_t b = j;
        while (b > floor && !IsPunct(t[b - 1], ',') && !IsPunct(t[b - 1], ';') &&
               !g.relatives.At(t, b - 1) && !g.contrast.At(t, b - 1) &&
               !g.subordinators.At(t, b - 1)) {
          --b;
        }
        if (b == j || HasVerb(t, b, j) || b == floor) return j;
      }
    }
    return floor;
  }

  // Whether a subject stands next to its verb: only punctuation, function words
  // and adverbs ("lui", "de son côté") between its end and `verb`.
  bool Adjacent(const Tokens& t, const std::vector<ClaimantMention>& who, size_t verb) const {
    if (who.empty()) return true;
    size_t end = 0;
    for (const auto& m : who) end = std::max(end, m.end);
    // Between commas, an aside may stand there: "de leur côté", "joints par
    // téléphone", "sous couvert d'anonymat".
    size_t k = end;
    while (k < verb) {
      if (IsPunct(t[k], ',') || IsQuote(t[k])) {
        ++k;
        continue;
      }
      if (IsPunct(t[k], '(')) {  // "Le Groupe … (GSIM, ou JNIM), …": part of the name
        size_t close = k + 1;
        while (close < verb && !IsPunct(t[close], ')')) ++close;
        if (close < verb) {
          k = close + 1;
          continue;
        }
      }
      size_t chunk_end = k;
      while (chunk_end < verb && !IsPunct(t[chunk_end], ',')) ++chunk_end;
      bool after_comma = k > 0 && IsPunct(t[k - 1], ',');
      // An apposition or a participle phrase without a verb of its own is an
      // aside too: ", dirigé par l'armée,", ", the al-Qaeda affiliate,".
      bool aside = after_comma && chunk_end < verb &&
                   ((finder_->IsFunctionWord(t, k) && !lex_.grammar.determiners.At(t, k)) ||
                    lex_.cues.relays.At(t, k) || lex_.claimants.anonymity.At(t, k) ||
                    !HasVerb(t, k, chunk_end));
      // What follows the mention up to the first comma, with no verb, completes
      // it: "Un responsable local, …", "Des habitants de Gorom-Gorom, …".
      // (An acronym in brackets counts for nothing: "… du Cameroun (MRC), …".)
      size_t length = 0;
      for (size_t u = k, depth = 0; u < chunk_end; ++u) {
        if (IsPunct(t[u], '(')) ++depth;
        if (depth == 0) ++length;
        if (IsPunct(t[u], ')') && depth > 0) --depth;
      }
      if (k == end && chunk_end < verb && length <= 6 && !HasVerb(t, k, chunk_end) &&
          (finder_->IsFunctionWord(t, k) || lex_.claimants.qualifiers.At(t, k))) {
        aside = true;
      }
      if (!aside) {
        for (size_t u = k; u < chunk_end; ++u) {
          if (t[u].kind == TokenKind::kPunct || finder_->IsFunctionWord(t, u) || IsAdverb(t, u) ||
              lex_.grammar.pronouns.At(t, u)) {
            continue;
          }
          return false;
        }
      }
      k = chunk_end;
    }
    return true;
  }

  bool Negated(const Tokens& t, size_t group, size_t cue_end) const {
    const GrammarLexicon& g = lex_.grammar;
    for (size_t k = group; k < cue_end; ++k) {
      if ((g.negators.At(t, k) && !g.Restricts(t, k, t.size())) || g.negative_words.At(t, k)) {
        return true;
      }
    }
    return false;
  }

  // Whether a pronoun that refers so can stand for this claimant: "he" and
  // "she" for people (witnesses, officials, members of a group), "it" for
  // organisations.
  // A person is sure for witnesses only; a generic noun phrase ("the U.S.
  // military's Central Command") may be either, so "it" may take it, but "she"
  // never takes an organisation ("The army … she said").
  static bool CanReferTo(Refers refers, const Claimant& c) {
    switch (refers) {
      case Refers::kAny: return true;
      case Refers::kPerson:
        return c.kind == ClaimantKind::kPerson || c.kind == ClaimantKind::kWitness ||
               c.role.has_value() ||
               (c.kind == ClaimantKind::kAnonymousSources && c.count == ClaimantCount::kOne);
      case Refers::kGroup: return c.kind != ClaimantKind::kWitness;
    }
    return true;
  }

  // `local`: a claimant this sentence names before the pronoun, tried first
  // ("Al Masirah TV aired footage of what it said were bodies").
  void ResolvePronouns(std::vector<ClaimantMention>& mentions,
                       const std::optional<ClaimantMention>& local = std::nullopt) const {
    for (auto& m : mentions) {
      if (!m.pronoun) continue;
      if (m.same_source) {
        // "la même source": whoever was named as a source just before.
        if (!antecedents_.empty()) {
          std::string mention = m.claimant.mention;
          m.claimant = antecedents_.back().claimant;
          m.claimant.mention = mention;
          m.pronoun = false;
        }
        continue;
      }
      if (m.anaphor) {
        // "le groupe": the last actor of that kind the report named; an anaphor of
        // unknown kind ("l'organisation") takes the last organisation of any kind.
        for (auto it = actors_seen_.rbegin(); it != actors_seen_.rend(); ++it) {
          ClaimantKind kind = (*it)->kind;
          bool fits = *m.anaphor == ClaimantKind::kUnknown
                          ? kind != ClaimantKind::kOutlet && kind != ClaimantKind::kPerson &&
                                kind != ClaimantKind::kWitness
                          : kind == *m.anaphor;
          if (!fits) continue;
          m.claimant.name = (*it)->name;
          m.claimant.kind = kind;
          m.pronoun = false;
          break;
        }
        if (m.pronoun) {
          // Nobody of that kind named yet: the words name the claimant ("the
          // government" of a country the gazetteer has no government for).
          m.pronoun = false;
          m.generic = true;
          m.claimant.name = m.claimant.mention;
          m.claimant.kind = *m.anaphor == ClaimantKind::kUnknown ? ClaimantKind::kUnknown
                                                                  : *m.anaphor;
        }
        continue;
      }
      auto agrees = [&](const Agreement& a, const Claimant& c) {
        return NumberAndGenderAgree(a, m.agreement) && CanReferTo(m.agreement.refers, c);
      };
      if (local && local->end <= m.begin && !local->pronoun &&
          agrees(local->agreement, local->claimant)) {
        std::string mention = m.claimant.mention;
        m.claimant = local->claimant;
        m.claimant.mention = mention;
        m.pronoun = false;
        continue;
      }
      for (auto it = antecedents_.rbegin(); it != antecedents_.rend(); ++it) {
        const Agreement& a = it->agreement;
        if (!agrees(a, it->claimant)) continue;
        std::string mention = m.claimant.mention;
        m.claimant = it->claimant;
        m.claimant.mention = mention;
        m.pronoun = false;
        break;
      }
      if (m.pronoun && !m.agreement.plural && m.agreement.refers != Refers::kPerson) {
        // No claimant fits: a singular pronoun may stand for the last group or
        // state the report named ("the coalition posted videos of what it said…").
        for (auto it = actors_seen_.rbegin(); it != actors_seen_.rend(); ++it) {
          if ((*it)->kind != ClaimantKind::kArmedGroup && (*it)->kind != ClaimantKind::kState) {
            continue;
          }
          std::string mention = m.claimant.mention;
          m.claimant = Claimant{};
          m.claimant.name = (*it)->name;
          m.claimant.kind = (*it)->kind;
          m.claimant.mention = mention;
          m.pronoun = false;
          break;
        }
      }
    }
    std::erase_if(mentions, [](const ClaimantMention& m) { return m.pronoun; });
  }

  std::optional<std::string> RelayAfter(const Tokens& t, size_t i, size_t end) const {
    for (size_t k = i; k < end && k < i + 4; ++k) {
      if (auto r = lex_.cues.relays.At(t, k)) {
        size_t j = k + r->length;
        while (j < end && finder_->IsFunctionWord(t, j) && !finder_->ActorAt(t, j)) ++j;
        if (auto a = finder_->ActorAt(t, j); a && a->actor->kind == ClaimantKind::kOutlet) {
          return a->actor->name;
        }
      }
    }
    return std::nullopt;
  }

  // A pronoun set after its verb with hyphens: "-t-il" in "a-t-il ajouté".
  bool IsInverted(const Tokens& t, size_t k) const {
    return k < t.size() && t[k].kind == TokenKind::kWord && !t[k].text.empty() &&
           t[k].text[0] == '-' && lex_.grammar.pronouns.At(t, k).has_value();
  }

  // Where the object of a verb that needs one stands ("gave no outcome", "without
  // providing evidence"): one of its objects in the four words after it. A verb
  // without listed objects has its object anywhere (`after` is returned).
  static std::optional<size_t> ObjectAt(const Tokens& t, const CueEntry& entry, size_t after) {
    if (!entry.objects) return after;
    for (size_t k = after; k < t.size() && k < after + 4; ++k) {
      if (entry.objects->At(t, k)) return k;
    }
    return std::nullopt;
  }
  static bool HasObject(const Tokens& t, const CueEntry& entry, size_t after) {
    return ObjectAt(t, entry, after).has_value();
  }

  // Whether the cue word ending at `end` is a present participle (-ant, -ing).
  bool IsPresentParticiple(const Tokens& t, size_t end) const {
    std::string_view f = t[end - 1].lower();
    for (const auto& ending : lex_.grammar.present_participle_endings) {
      if (f.size() > ending.size() + 2 &&
          f.compare(f.size() - ending.size(), ending.size(), ending) == 0) {
        return true;
      }
    }
    return false;
  }

  // Who a cue's words were said to, right after it: "told Reuters", "a déclaré à
  // la presse", "a indiqué à l'AFP", "said to reporters". Returns the token after
  // them (`after` when there is none); an outlet spoken to becomes the relay.
  size_t Addressee(const Tokens& t, const FoundCue& cue, size_t after, size_t stop,
                   std::optional<std::string>& relay) const {
    const CueLexicon& c = lex_.cues;
    size_t k = after;
    auto told = c.relays.At(t, cue.begin);  // the cue is itself "told", "speaking to"
    bool direct = told && cue.begin + told->length == cue.end;
    if (!direct) {
      auto marker = c.addressee_markers.At(t, k);
      if (!marker) return after;
      k += marker->length;
    }
    while (k < stop && lex_.grammar.determiners.At(t, k) && !finder_->ActorAt(t, k)) ++k;
    if (k >= stop) return after;
    if (auto a = finder_->ActorAt(t, k); a && a->actor->kind == ClaimantKind::kOutlet) {
      relay = a->actor->name;
      return a->end;
    }
    if (auto who = c.addressees.At(t, k)) return k + who->length;
    if (direct && lex_.grammar.function_words.At(t, k) && !lex_.grammar.relatives.At(t, k)) {
      return k + 1;  // "told him", "told them"
    }
    return after;
  }

  // Relative clauses set between commas inside a clause that goes on after them:
  // [the comma before the relative pronoun, the closing comma].
  std::vector<std::pair<size_t, size_t>> EmbeddedRelatives(const Tokens& t) const {
    const GrammarLexicon& g = lex_.grammar;
    std::vector<std::pair<size_t, size_t>> out;
    for (size_t j = 1; j < t.size(); ++j) {
      if (!g.relatives.At(t, j) || !IsPunct(t[j - 1], ',')) continue;
      size_t k = j + 1;
      while (k < t.size() && !IsPunct(t[k], ',') && !IsPunct(t[k], '.') && !IsPunct(t[k], ';')) ++k;
      if (k >= t.size() || !IsPunct(t[k], ',')) continue;
      if (HasVerb(t, k + 1, t.size())) out.emplace_back(j - 1, k);
    }
    return out;
  }

  // The cues of a sentence, in the reader's buffer (valid until the next call).
  const std::vector<FoundCue>& FindCues(const Tokens& t) const {
    std::vector<FoundCue>& cues = cues_;
    cues.clear();
    const CueLexicon& c = lex_.cues;
    const GrammarLexicon& g = lex_.grammar;
    const auto embedded = EmbeddedRelatives(t);
    auto embedding = [&](size_t i) -> std::optional<std::pair<size_t, size_t>> {
      for (const auto& e : embedded) {
        if (i > e.first && i < e.second) return e;
      }
      return std::nullopt;
    };
    std::vector<uint8_t>& used = used_bytes_;  // (kept from sentence to sentence)
    used.assign(t.size(), 0);
    // The subject of the sentence's first clause, if it names a claimant the rules
    // know: a pronoun later in the sentence may stand for it. Found when a pronoun
    // first needs it.
    std::optional<ClaimantMention> local_subject;
    bool local_found = false;
    auto local_for = [&](const std::vector<ClaimantMention>& who) -> std::optional<ClaimantMention> {
      bool pronoun = false;
      for (const auto& m : who) pronoun = pronoun || (m.pronoun && !m.anaphor && !m.same_source);
      if (!pronoun) return std::nullopt;
      if (!local_found) {
        local_found = true;
        for (size_t k = 0; k < t.size(); ++k) {
          if (!HasVerb(t, k, k + 1)) continue;
          auto first = finder_->Subject(t, 0, k, false);
          ResolvePronouns(first);
          if (!first.empty() && !first.front().generic) local_subject = first.front();
          break;
        }
      }
      return local_subject;
    };
    // The tokens where a not-cue, a "without", a frame or a verb may start: the
    // loops below look at these only (at any other, each would find nothing).
    std::vector<size_t>& maybe = maybe_cue_;
    maybe.clear();
    for (size_t i = 0; i < t.size(); ++i) {
      if (!cue_words_.None(t[i])) maybe.push_back(i);
    }
    for (size_t i : maybe) {
      if (auto nc = c.not_cues.At(t, i)) {
        for (size_t k = i; k < i + nc->length; ++k) used[k] = true;
      }
    }
    // Silences: "sans" + a reporting verb.
    for (size_t i : maybe) {
      auto w = c.without.At(t, i);
      if (!w) continue;
      for (size_t k = i + w->length; k < t.size() && k <= i + w->length + 2; ++k) {
        auto v = c.verbs.At(t, k);
        if (!v || used[k] || !HasObject(t, *v->value, k + v->length)) continue;
        FoundCue cue;
        cue.kind = FoundCue::Kind::kSilence;
        cue.begin = i;
        cue.end = k + v->length;
        cue.entry = *v->value;
        cue.entry.cls = CueClass::kDecline;
        size_t clause = i;
        if (clause > 0 && g.contrast.At(t, clause - 1)) --clause;
        cue.clause = clause;
        cue.group = i;
        for (size_t u = i; u < cue.end; ++u) used[u] = true;
        cues.push_back(std::move(cue));
        break;
      }
    }
    for (size_t i : maybe) {
      if (used[i]) continue;
      if (auto f = c.frames.At(t, i)) {
        size_t end = i + f->length;
        while (end < t.size() && !IsPunct(t[end], ',') && !IsPunct(t[end], '.') &&
               !IsPunct(t[end], ';') && !IsQuote(t[end])) {
          ++end;
        }
        auto who = finder_->Anywhere(t, i + f->length, end, true);
        // "de source sécuritaire": the frame's last word heads its claimant.
        if (who.empty() && f->length > 1) who = finder_->Anywhere(t, i + f->length - 1, end, false);
        ResolvePronouns(who, local_for(who));
        if (who.empty()) continue;
        FoundCue cue;
        cue.kind = FoundCue::Kind::kFrame;
        cue.begin = i;
        cue.end = end;
        cue.entry = *f->value;
        cue.clause = i;
        cue.group = i;
        cue.subject = i;
        cue.claimants = std::move(who);
        for (size_t u = i; u < end; ++u) used[u] = true;
        cues.push_back(std::move(cue));
        continue;
      }
      auto v = c.verbs.At(t, i);
      if (!v) continue;
      if (i > 0 && g.determiners.At(t, i - 1)) continue;  // a noun: "un communiqué"
      if (!HasObject(t, *v->value, i + v->length)) continue;  // "gave chase"
      // The object of a reporting verb is a noun: "rejected reports that…".
      if (i > 0 && c.verbs.At(t, i - 1)) continue;
      FoundCue cue;
      cue.kind = FoundCue::Kind::kVerb;
      cue.begin = i;
      cue.end = i + v->length;
      cue.entry = *v->value;
      size_t previous_end = 0;  // the end of the last cue before this one
      for (const auto& earlier : cues) {
        if (earlier.end <= i && !earlier.embedded) {
          previous_end = std::max(previous_end, earlier.end);
        }
      }
      auto inside = embedding(i);
      size_t group = i;
      // "a-t-il ajouté", "affirme-t-elle": the subject is the inverted pronoun.
      std::optional<size_t> inverted;
      if (IsInverted(t, cue.end)) inverted = cue.end;
      while (group > previous_end) {
        size_t k = group - 1;
        // An adverbial phrase ending here: "a de son côté évoqué", "has for its
        // part denied".
        bool phrase = false;
        for (size_t len = 3; len >= 2 && !phrase; --len) {
          if (k + 1 < len || k + 1 - len < previous_end) continue;
          if (auto f = g.function_words.At(t, k + 1 - len); f && f->length == len) {
            group = k + 1 - len;
            phrase = true;
          }
        }
        if (phrase) continue;
        if (g.pronouns.At(t, k)) {
          if (!inverted && IsInverted(t, k) && k > previous_end && g.auxiliaries.At(t, k - 1)) {
            inverted = k;
            group = k - 1;
            continue;
          }
          break;
        }
        if (g.auxiliaries.At(t, k) || g.negators.At(t, k) || g.negative_words.At(t, k) ||
            g.control_verbs.At(t, k) || IsAdverb(t, k)) {
          if (g.contrast.At(t, k) || g.coordinators.At(t, k) || g.relatives.At(t, k)) break;
          --group;
        } else {
          break;
        }
      }
      // ", saying …", ", affirmant …", "tout en maintenant que …": a participle
      // hanging on the clause before has that clause's subject.
      bool participial = false;
      if (!inverted && IsPresentParticiple(t, cue.end)) {
        auto held = g.gerund_markers.At(t, cue.begin);
        if (held && held->length < cue.end - cue.begin) {
          participial = true;  // the form holds its marker: "en maintenant"
          if (group == i && group > previous_end) {
            // "tout" before a form that starts with "en".
            if (auto before = g.gerund_markers.At(t, group - 1); before && before->length == 2) {
              --group;
            }
          }
        } else if (group == i && group > previous_end && IsPunct(t[group - 1], ',')) {
          participial = true;
        } else {
          for (size_t len = 1; len <= 2 && len <= group && !participial; ++len) {
            if (auto marker = g.gerund_markers.At(t, group - len); marker && marker->length == len) {
              participial = true;
              group -= len;
            }
          }
        }
      }
      cue.group = group;
      size_t clause = participial ? group : ClauseStart(t, group, previous_end);
      // After a relative clause between commas, the subject stands before it.
      size_t region_end = group;
      for (const auto& e : embedded) {
        if (e.second + 1 == group) {
          region_end = e.first;
          clause = ClauseStart(t, e.first, previous_end);
        }
      }
      cue.clause = clause;
      size_t region_begin = clause;
      if (region_begin < region_end) {
        // The boundary word itself, whole: "ce que", "alors que".
        auto boundary = g.contrast.At(t, region_begin);
        if (!boundary) boundary = g.coordinators.At(t, region_begin);
        if (!boundary) boundary = g.relatives.At(t, region_begin);
        if (!boundary) boundary = g.subordinators.At(t, region_begin);
        if (boundary) region_begin = std::min(region_end, region_begin + boundary->length);
      }
      // "gave no outcome": a negative word before the object negates the cue too.
      size_t negation_end = cue.end;
      if (cue.entry.objects) negation_end = *ObjectAt(t, cue.entry, cue.end);
      if (Negated(t, group, negation_end)) {
        auto n = c.negated.find(cue.entry.cls);
        if (n != c.negated.end()) cue.entry.cls = n->second;
      }
      // Passive when a passive auxiliary stands right before the participle, adverbs
      // aside ("n'a pas été confirmé"), not before a control phrase ("n'a pas été en
      // mesure de confirmer").
      bool passive = false;
      {
        size_t k = i;
        while (k > group && !g.passive_auxiliaries.At(t, k - 1) && IsAdverb(t, k - 1) &&
               !g.control_verbs.At(t, k - 1)) {
          --k;
        }
        passive = k > group && g.passive_auxiliaries.At(t, k - 1).has_value();
      }
      // A participle with its agent right after is passive too: ", évoquée par
      // des médias locaux"; after a comma it opens a clause of its own.
      if (cue.entry.passive_agent && c.agent_markers.At(t, cue.end)) {
        passive = true;
        if (group > 0 && IsPunct(t[group - 1], ',')) cue.clause = group;
        // ", an accusation echoed by UN experts": the noun it qualifies opens the
        // clause.
        size_t chunk = group;
        while (chunk > previous_end && !IsPunct(t[chunk - 1], ',') && group - chunk < 4 &&
               (finder_->IsFunctionWord(t, chunk - 1) || g.claim_nouns.At(t, chunk - 1))) {
          --chunk;
        }
        if (chunk < group && chunk > previous_end && IsPunct(t[chunk - 1], ',') &&
            g.claim_nouns.Contains(t, chunk, group)) {
          cue.clause = chunk;
        }
      }
      // "urged Western allies to respond": an infinitive after a noun is the
      // complement of another verb, not a statement of its own.
      {
        std::optional<size_t> particle;
        if (g.infinitive_particles.At(t, group)) particle = group;
        if (!particle && group > 0 && g.infinitive_particles.At(t, group - 1)) particle = group - 1;
        if (particle && *particle > 0) {
          size_t before = *particle - 1;
          if (!g.auxiliaries.At(t, before) && !g.negators.At(t, before) &&
              !g.control_verbs.At(t, before) && !IsAdverb(t, before) &&
              t[before].kind == TokenKind::kWord) {
            continue;
          }
        }
      }
      std::vector<ClaimantMention> who;
      bool postposed = false;
      size_t stop = cue.end;
      while (stop < t.size() && !IsPunct(t[stop], ',') && !IsPunct(t[stop], '.') &&
             !IsPunct(t[stop], ';') && !g.contrast.At(t, stop)) {
        ++stop;
      }
      if (passive && !cue.entry.passive_agent) continue;  // "ont été admis": no speech
      // A bare participle, no auxiliary, is an adjective: "désignées sous le terme".
      bool participle = false;
      for (const auto& ending : g.participle_endings) {
        std::string_view f = t[i].lower();
        participle = participle || (f.size() > ending.size() + 2 &&
                                    f.compare(f.size() - ending.size(), ending.size(), ending) == 0);
      }
      bool has_auxiliary = false;
      for (size_t k = group; k < i; ++k) has_auxiliary = has_auxiliary || g.auxiliaries.At(t, k);
      // "a dénoncé … et réclamé une enquête": after a coordinator, a participle
      // shares the auxiliary of the cue before it.
      bool shared_auxiliary = group > 0 && g.coordinators.At(t, group - 1) && !cues.empty() &&
                              cues.back().end < group;
      if (participle && !has_auxiliary && !passive && !shared_auxiliary) continue;
      std::optional<std::string> spoken_to;  // "told Reuters": the outlet spoken to
      if (inverted) {
        who = finder_->Subject(t, *inverted, *inverted + 1, false);
        postposed = !who.empty() && region_begin < region_end;
      } else if (participial) {
        // The subject is the previous cue's, or the sentence's (below).
      } else if (cue.entry.passive_agent && passive) {
        for (size_t k = cue.end; k < stop; ++k) {
          if (auto a = c.agent_markers.At(t, k)) {
            who = finder_->Anywhere(t, k + a->length, stop, true);
            break;
          }
        }
        if (who.empty()) continue;  // a passive without an agent attributes nothing
      } else if (inside) {
        // In a relative clause between commas: its own subject if it has one
        // (", where witnesses said …,"), else what it qualifies (", qui a
        // revendiqué …,").
        if (region_begin < region_end) {
          who = finder_->Subject(t, region_begin, region_end, !cue.entry.known_claimant);
        }
        if (who.empty()) {
          size_t from = inside->first;
          while (from > 0 && !IsPunct(t[from - 1], ',') && !HasVerb(t, from - 1, from)) --from;
          who = finder_->Subject(t, from, inside->first, !cue.entry.known_claimant);
        }
        cue.embedded = inside;
      } else if (region_begin >= region_end && clause < group &&
                 (g.coordinators.At(t, clause) || g.contrast.At(t, clause))) {
        // "… et assurent", "… but did not give": nothing between the coordinator
        // and the verb, the subject is the previous cue's (below).
      } else {
        // A subject spoken to or relayed by an outlet is someone, not something:
        // "un sous-traitant, joint par l'AFP, a indiqué", "a indiqué à l'AFP le comité".
        bool generic = !cue.entry.known_claimant ||
                       c.relays.Find(t, region_begin, region_end).has_value();
        size_t after = cue.end;
        // (Adverbs may stand before the addressee, "told Reuters" right after the
        // verb; the marker "à" is itself a function word.)
        size_t addressed = Addressee(t, cue, cue.end, stop, spoken_to);
        while (after < stop && IsAdverb(t, after)) ++after;
        if (addressed == cue.end) addressed = Addressee(t, cue, after, stop, spoken_to);
        if (addressed != cue.end && addressed != after) {
          generic = true;
          after = addressed;
          while (after < stop && IsAdverb(t, after)) ++after;
        }
        bool empty = region_begin >= region_end;
        bool after_quote = !empty && IsQuote(t[region_end - 1]);
        bool after_comma = !empty && IsPunct(t[region_end - 1], ',');
        if (empty || after_quote) {
          who = finder_->Subject(t, after, stop, generic);  // "« … », indique X"
          if (!who.empty() && !empty) postposed = true;
        } else if (after_comma) {
          // ", a annoncé le gouvernement" puts the subject after; "…, the army
          // said" and "Le gouvernement, lui, assure que" before. A subject the
          // rules know wins; else the words after the verb, unless a clause
          // ("que", "that") follows it.
          who = finder_->Subject(t, region_begin, region_end, false);
          if (!Adjacent(t, who, region_end)) who.clear();
          bool clause_follows = after < stop && (g.relatives.At(t, after) ||
                                                 g.infinitive_markers.At(t, after));
          if (who.empty() && !clause_follows) {
            who = finder_->Subject(t, after, stop, generic);
            if (!who.empty()) postposed = true;
          }
          if (who.empty()) {
            who = finder_->Subject(t, region_begin, region_end, generic);
            if (!Adjacent(t, who, region_end)) who.clear();
          }
        } else {
          who = finder_->Subject(t, region_begin, region_end, generic);
        }
        // "…, the army said": a subject in the last chunk before the verb, with
        // words before it, makes the cue postposed too.
        if (!postposed && !who.empty() && !empty) {
          // The subject must make up the last chunk, after a comma or a closing
          // quotation mark ('"…," one soldier told Reuters'), its modifiers
          // aside ("the defence ministry"), but no noun summing up a claim
          // (", an accusation Paris rejects").
          size_t first = who.front().begin;
          size_t chunk = first;
          while (chunk > region_begin && !IsPunct(t[chunk - 1], ',') &&
                 t[chunk - 1].kind != TokenKind::kQuoteClose) {
            --chunk;
          }
          bool summary = false;
          for (size_t u = chunk; u < first; ++u) summary = summary || g.claim_nouns.At(t, u);
          postposed = chunk > region_begin && first - chunk <= 3 && !summary;
        }
        // With no boundary word before it, a later cue's clause starts where its
        // subject's chunk does, not where the previous cue ended.
        if (!postposed && !who.empty() && clause == previous_end && previous_end > 0) {
          size_t chunk = who.front().begin;
          while (chunk > region_begin && !IsPunct(t[chunk - 1], ',')) --chunk;
          cue.clause = chunk;
        }
        // A pronoun subject stands right before its verb: "It was not possible
        // to confirm" has no speaker.
        for (const auto& m : who) {
          if (!m.pronoun || m.anaphor) continue;
          for (size_t k = m.end; k < region_end; ++k) {
            if (!IsAdverb(t, k)) who.clear();
          }
          break;
        }
      }
      // "A woman who fled to Tawila told Reuters", ", a UN official who spoke on
      // condition of anonymity told AFP": the relative clause qualifies the
      // subject, which stands before it.
      if (who.empty() && !inside && !participial && !inverted && clause < group &&
          g.relatives.At(t, clause) && !(clause > 0 && IsPunct(t[clause - 1], ','))) {
        size_t np_begin = clause;
        while (np_begin > previous_end && !IsPunct(t[np_begin - 1], ',') &&
               t[np_begin - 1].kind != TokenKind::kQuoteClose && !g.contrast.At(t, np_begin - 1) &&
               !g.relatives.At(t, np_begin - 1)) {
          --np_begin;
        }
        auto np = finder_->Subject(t, np_begin, clause, !cue.entry.known_claimant);
        if (!np.empty() && !np.front().pronoun) {
          who = std::move(np);
          cue.clause = np_begin;
          region_begin = np_begin;
          postposed = np_begin > previous_end;
        }
      } else if (who.empty() && !inside && !participial && !inverted && clause < group &&
                 clause > 0 && IsPunct(t[clause - 1], ',') && g.relatives.At(t, clause) &&
                 region_begin >= region_end) {
        // "Deux soldats ont été tués, selon l'armée, qui assure avoir tué douze
        // assaillants": a subject relative after a comma speaks for the claimant
        // the rules know just before it.
        // The claimant is the mention that ends at the comma, looked for from it
        // backwards ("communiqué par les autorités, qui…" → the authorities).
        size_t comma = clause - 1;
        for (size_t from = comma; from > 0 && comma - from < 8 && who.empty(); --from) {
          if (IsPunct(t[from - 1], ',')) break;
          auto np = finder_->Anywhere(t, from - 1, comma, false);
          if (!np.empty() && !np.front().pronoun && np.back().end == comma) who = std::move(np);
        }
      }
      // A postposed cue attributes everything said before it in its sentence;
      // the words before its verb are then content, not its subject's.
      if (postposed) {
        cue.clause = previous_end;
        cue.postposed = true;
        region_begin = group;
      }
      ResolvePronouns(who, local_for(who));
      if (who.empty() && participial) {
        // No cue before it in the sentence: the subject of the clause it hangs on.
        bool earlier = false;
        for (const auto& e : cues) earlier = earlier || (e.end <= cue.begin && !e.embedded);
        if (!earlier) {
          ClaimantMention probe;  // (asks for the sentence's subject as a pronoun would)
          probe.pronoun = true;
          probe.begin = cue.begin;
          if (auto local = local_for({probe})) who = {*local};
        }
      }
      if (who.empty() && !participial) {
        // A subject left out after "et"/"and"/"mais": the previous cue's claimant.
        bool after_coordinator =
            clause < group && (g.coordinators.At(t, clause) || g.contrast.At(t, clause));
        bool bare = group - region_begin <= 2;
        for (size_t k = region_begin; k < group && bare; ++k) {
          bare = !g.determiners.At(t, k) && !finder_->ActorAt(t, k);
        }
        if (!(after_coordinator && bare && !cues.empty())) continue;
      }
      // "Neither JNIM nor the army has confirmed": the negation is in the subject,
      // not in the verb group.
      if (!who.empty() && !Negated(t, group, cue.end)) {
        size_t first = who.front().begin;
        bool negative_subject = g.negative_words.At(t, first).has_value() ||
                                (first > 0 && g.negative_words.At(t, first - 1).has_value());
        if (negative_subject) {
          auto n = c.negated.find(cue.entry.cls);
          if (n != c.negated.end()) cue.entry.cls = n->second;
        }
      }
      cue.claimants = std::move(who);
      cue.subject = region_begin;
      size_t mention_end = region_begin;
      for (const auto& m : cue.claimants) mention_end = std::max(mention_end, m.end);
      cue.relay = RelayAfter(t, mention_end, std::max(group, mention_end + 1));
      if (!cue.relay) cue.relay = RelayAfter(t, cue.end, std::min(t.size(), cue.end + 2));
      if (!cue.relay) cue.relay = spoken_to;
      cue.agentive = g.infinitive_markers.At(t, cue.end).has_value();
      for (size_t u = cue.begin; u < cue.end; ++u) used[u] = true;
      cues.push_back(std::move(cue));
    }
    // Relative clauses in the conditional of hearsay: "…, qui aurait manqué".
    bool plan = false;
    for (size_t i = 0; i < t.size(); ++i) {
      if (hearsay_words_.None(t[i])) continue;
      if (g.plan_markers.At(t, i)) plan = true;
      if (!g.relatives.At(t, i)) continue;
      for (size_t k = i + 1; k < t.size() && k <= i + 3; ++k) {
        if (IsConditional(t, k)) {
          if (plan && !ReportedPastInRelative(t, k)) break;  // a conditional of plans
          bool inside_cue = false;
          for (const auto& cue : cues) inside_cue = inside_cue || (cue.clause == i);
          if (inside_cue) break;
          FoundCue cue;
          cue.kind = FoundCue::Kind::kHearsay;
          cue.begin = k;
          cue.end = k + 1;
          cue.clause = i;
          cue.group = i;
          cue.entry.cls = CueClass::kNone;
          cues.push_back(cue);
          break;
        }
      }
    }
    // In text order; they mostly come so (stable_sort would take a buffer anyway).
    auto by_begin = [](const FoundCue& a, const FoundCue& b) { return a.begin < b.begin; };
    if (!std::is_sorted(cues.begin(), cues.end(), by_begin)) {
      std::stable_sort(cues.begin(), cues.end(), by_begin);
    }
    // "JNIM claimed the attack, the Al Akhbar agency reported": an outlet
    // closing the sentence relays the claims before it (claims.md, chain).
    for (size_t k = 1; k < cues.size(); ++k) {
      FoundCue& outer = cues[k];
      if (outer.kind != FoundCue::Kind::kVerb || !outer.postposed || outer.claimants.size() != 1) {
        continue;
      }
      const Claimant& relay = outer.claimants.front().claimant;
      if (relay.kind != ClaimantKind::kOutlet || IsOutlet(relay) || !relay.name) continue;
      bool relayed = false;
      for (size_t j = 0; j < k; ++j) {
        if (cues[j].kind == FoundCue::Kind::kVerb && !cues[j].embedded) {
          cues[j].relay = *relay.name;
          relayed = true;
        }
      }
      if (relayed) {
        cues.erase(cues.begin() + static_cast<std::ptrdiff_t>(k));
        --k;
      }
    }
    return cues;
  }

  // Whether token k is the auxiliary of a conditional perfect in a relative clause
  // ("qui auraient fui", "qui aurait été tué"): a past act that others report,
  // hearsay even after a plan marker, where a conditional is otherwise a plan.
  bool ReportedPastInRelative(const Tokens& t, size_t k) const {
    const GrammarLexicon& g = lex_.grammar;
    if (!g.perfect_auxiliaries.At(t, k)) return false;
    bool relative = false;
    for (size_t back = 1; back <= 3 && back <= k && !relative; ++back) {
      relative = g.relatives.At(t, k - back).has_value();
    }
    if (!relative) return false;
    for (size_t u = k + 1; u < t.size() && u <= k + 4; ++u) {
      if (t[u].kind != TokenKind::kWord || g.determiners.At(t, u)) return false;
      if (g.negators.At(t, u) || IsAdverb(t, u)) continue;  // "n'auraient pas", "aussi"
      if (g.perfect_participle_exceptions.At(t, u)) return false;
      std::string_view f = t[u].lower();
      for (const auto& ending : g.perfect_participle_endings) {
        if (f.size() > ending.size() &&
            f.compare(f.size() - ending.size(), ending.size(), ending) == 0) {
          return true;
        }
      }
      return false;
    }
    return false;
  }

  // Whether `token` ends in the last byte of a conditional suffix: most words end
  // in a letter no suffix ends in.
  bool EndsAsConditional(const Token& token) const {
    std::string_view f = token.lower();
    return !f.empty() && suffix_ends_[static_cast<unsigned char>(f.back())];
  }

  bool FindConditional(const Tokens& t, size_t i) const {
    const GrammarLexicon& g = lex_.grammar;
    if (!conditional_words_.None(t[i])) {
      if (g.conditional.At(t, i)) return true;
      if (g.conditional_exceptions.At(t, i)) return false;
    }
    if (!EndsAsConditional(t[i])) return false;
    std::string_view f = t[i].lower();  // accents kept: "déclarerait", not "opérait"
    for (const auto& suffix : g.conditional_suffixes) {
      if (f.size() > suffix.size() + 3 &&
          f.compare(f.size() - suffix.size(), suffix.size(), suffix) == 0) {
        return true;
      }
    }
    return false;
  }

  // Whether a contrast word at i opens a clause of its own: a subject (a
  // determiner, pronoun, negative word or capitalised word) and a verb follow.
  bool OpensClause(const Tokens& t, size_t i, size_t length, size_t end) const {
    const GrammarLexicon& g = lex_.grammar;
    size_t k = i + length;
    while (k < end && (IsPunct(t[k], ',') || (IsAdverb(t, k) && !g.negative_words.At(t, k) &&
                                              !g.determiners.At(t, k)))) {
      ++k;
    }
    if (k >= end) return false;
    bool subject = g.determiners.At(t, k) || g.pronouns.At(t, k) || g.negative_words.At(t, k) ||
                   finder_->ActorAt(t, k) || lex_.claimants.counts.At(t, k) ||
                   (t[k].kind == TokenKind::kWord && !t[k].text.empty() &&
                    IsUpperCase(DecodeCodePoint(t[k].text, 0).value));
    if (!subject) return false;
    for (size_t j = k + 1; j < end; ++j) {
      if (g.auxiliaries.At(t, j) || g.negators.At(t, j) || lex_.cues.verbs.At(t, j)) return true;
    }
    return false;
  }

  // --- Claims -----------------------------------------------------------------

  void ReadSentence(size_t s) {
    const Tokens& t = tokens_[s];
    if (t.empty()) return;
    // A new paragraph goes back to the report's main incident.
    if (sentences_[s].paragraph != paragraph_) {
      paragraph_ = sentences_[s].paragraph;
      current_ = main_;
    }
    sentence_place_.reset();
    const std::vector<FoundCue>& cues = FindCues(t);
    size_t first_claim = claims_.size();

    // Split points: where a cue's clause starts, and contrast words opening a
    // clause of their own.
    std::vector<size_t>& splits = splits_;  // sorted and made unique below
    splits.clear();
    for (const auto& cue : cues) {
      if (cue.kind == FoundCue::Kind::kFrame || cue.embedded) continue;
      if (cue.clause > 0) splits.push_back(cue.clause);
    }
    for (size_t i = 1; i < t.size(); ++i) {
      if (split_words_.None(t[i])) continue;  // neither a contrast nor a determiner
      if (auto c = lex_.grammar.contrast.At(t, i); c && OpensClause(t, i, c->length, t.size())) {
        splits.push_back(i);
      }
      // ", a figure that could not be verified": a comment on what was just said
      // (a clause must stand before it: "Selon lui, le bilan pourrait…" is none).
      if (IsPunct(t[i - 1], ',') && lex_.grammar.determiners.At(t, i) && i + 1 < t.size() &&
          lex_.grammar.claim_nouns.At(t, i + 1) && HasVerb(t, 0, i)) {
        splits.push_back(i);
      }
    }
    std::sort(splits.begin(), splits.end());
    splits.erase(std::unique(splits.begin(), splits.end()), splits.end());
    std::vector<size_t>& bounds = bounds_;
    bounds.assign(1, 0);
    for (size_t p : splits) {
      if (p > 0 && p < t.size()) bounds.push_back(p);
    }
    bounds.push_back(t.size());

    // A frame covers its own part of the sentence; at the head of the sentence
    // ("Selon X, …") it covers every part that has no cue of its own.
    const FoundCue* frame = nullptr;
    for (const auto& cue : cues) {
      if (cue.kind == FoundCue::Kind::kFrame && !frame) frame = &cue;
    }
    // ("Selon X, …" leads; "…, a-t-on appris de source sécuritaire, une
    // information qui…" covers only its own part.)
    bool frame_leads = frame && frame->begin < bounds[1];
    for (size_t k = 0; frame_leads && k < frame->begin; ++k) {
      if (t[k].kind == TokenKind::kWord && !finder_->IsFunctionWord(t, k) && !IsAdverb(t, k)) {
        frame_leads = false;
      }
    }
    auto frame_for = [&](size_t sb, size_t se) -> const FoundCue* {
      if (!frame) return nullptr;
      if (frame_leads) return frame;
      for (const auto& cue : cues) {
        if (cue.kind == FoundCue::Kind::kFrame && cue.begin >= sb && cue.begin < se) return &cue;
      }
      return nullptr;
    };
    const std::vector<ClaimantMention>* previous = nullptr;  // the last claimants named
    const std::vector<ClaimantMention>& outlet = outlet_mention_;
    for (size_t b = 0; b + 1 < bounds.size(); ++b) {
      size_t sb = bounds[b], se = bounds[b + 1];
      size_t words = 0;  // (counted up to 2: all that is asked below)
      for (size_t k = sb; k < se && words < 2; ++k) words += t[k].kind == TokenKind::kWord;
      if (words == 0) continue;
      const FoundCue* own = nullptr;
      for (const auto& cue : cues) {
        if (cue.kind == FoundCue::Kind::kFrame || cue.embedded) continue;
        if (cue.begin >= sb && cue.begin < se) {
          own = &cue;
          break;
        }
      }
      if (!own && words < 2) continue;
      const std::vector<ClaimantMention>* who = nullptr;
      const FoundCue* here = frame_for(sb, se);
      if (own && !own->claimants.empty()) {
        who = &own->claimants;
      } else if (own && (own->kind == FoundCue::Kind::kSilence ||
                         own->kind == FoundCue::Kind::kHearsay ||
                         own->kind == FoundCue::Kind::kVerb)) {
        who = previous ? previous : (here ? &here->claimants : &outlet);
      } else if (here) {
        who = &here->claimants;
      } else {
        who = &outlet;
      }
      const FoundCue* cue = own ? own : here;
      for (const auto& m : *who) EmitClaim(s, sb, se, cue, m);
      if (who != &outlet) previous = who;
    }
    // Claims of relative clauses between commas span just the relative clause.
    for (const auto& cue : cues) {
      if (!cue.embedded) continue;
      for (const auto& m : cue.claimants) {
        EmitClaim(s, cue.embedded->first + 1, cue.embedded->second, &cue, m);
      }
    }
    // In order of their spans; they mostly come so, and sorting claims moves them.
    auto by_start = [](const Claim& a, const Claim& b) { return a.span->start < b.span->start; };
    auto here = claims_.begin() + static_cast<std::ptrdiff_t>(first_claim);
    if (!std::is_sorted(here, claims_.end(), by_start)) std::stable_sort(here, claims_.end(), by_start);
    // Actors named here can be taken up by "le groupe", claimants by a pronoun.
    for (const auto& a : finder_->ActorsIn(t, 0, t.size())) actors_seen_.push_back(a.actor);
    // (The cues are read no more: their claimants are moved, not copied.)
    for (auto& cue : cues_) {
      for (auto& m : cue.claimants) {
        if (!IsOutlet(m.claimant)) antecedents_.push_back({std::move(m.claimant), m.agreement});
      }
    }
  }

  // What EmitClaim asks about each token of sentence s, found once for the
  // sentence: a sentence makes a claim per part and per claimant, and each claim
  // walked its part once per question. Most tokens answer no to every one; the
  // others are listed in order, and a claim visits only those.
  const TokenMarks& MarksOf(size_t s) {
    if (marks_of_ == s) return marks_;
    marks_of_ = s;
    const Tokens& t = tokens_[s];
    marks_.of.assign(t.size(), 0);
    marks_.marked.clear();
    for (size_t k = 0; k < t.size(); ++k) {
      const Token& token = t[k];
      uint8_t m = 0;
      // (Whether a phrase may start here, as At asks first; At still decides.
      // Most tokens start none: one test of their start bits says so.)
      if (!claim_words_.None(token)) {
        if (lex_.claimants.anonymity.MayStartAt(token)) m |= TokenMarks::kAnonymity;
        if (lex_.hedges.epistemic.MayStartAt(token)) m |= TokenMarks::kEpistemic;
        if (!polarity_words_.None(token)) m |= TokenMarks::kPolarity;
        if (lex_.grammar.plan_markers.MayStartAt(token)) m |= TokenMarks::kPlan;
        if (!conditional_words_.None(token)) m |= TokenMarks::kConditional;
        if (lex_.hedges.distancing.MayStartAt(token)) m |= TokenMarks::kDistancing;
      }
      // (FindConditional's other first test: the last byte of a suffix.)
      if (EndsAsConditional(token)) m |= TokenMarks::kConditional;
      if (token.kind == TokenKind::kQuoteOpen) m |= TokenMarks::kQuote;
      marks_.of[k] = m;
      if (m != 0) marks_.marked.push_back(static_cast<uint32_t>(k));
    }
    marks_.in_date.clear();
    if (const auto& dates = DatesOf(s); !dates.empty()) {
      marks_.in_date.assign(t.size(), 0);
      // Inside a date expression ("May" in "since May last year" is a month,
      // not a hedge): of the tokens that begin in it (tokens come in the order of
      // their first byte), those that also end in it.
      for (const auto& d : dates) {
        auto k = static_cast<size_t>(
            std::partition_point(t.begin(), t.end(),
                                 [&](const Token& token) { return token.begin < d.begin; }) -
            t.begin());
        for (; k < t.size() && t[k].begin <= d.end; ++k) {
          if (t[k].end <= d.end) marks_.in_date[k] = 1;
        }
      }
    }
    return marks_;
  }

  void EmitClaim(size_t s, size_t sb, size_t se, const FoundCue* cue, const ClaimantMention& who) {
    const Tokens& t = tokens_[s];
    const GrammarLexicon& g = lex_.grammar;
    // Built where it is kept (a claim is large to move); taken back when it turns
    // out to be part of the claim before.
    Claim& c = claims_.emplace_back();
    c.report = report_.id;
    c.claimant = who.claimant;
    bool by_outlet = IsOutlet(c.claimant) ||
                     (who.claimant.kind == ClaimantKind::kOutlet &&
                      (!who.claimant.name || *who.claimant.name == outlet_ ||
                       *who.claimant.name == "author"));
    if (by_outlet) {
      c.claimant.kind = ClaimantKind::kOutlet;
      if (cue && cue->kind == FoundCue::Kind::kVerb) c.claimant.mention = who.claimant.mention;
    }
    c.span = Span{static_cast<int64_t>(t[sb].begin), static_cast<int64_t>(t[se - 1].end)};

    // The content: the part without the cue, its verb group and the claimant.
    // (Its per-token bytes are lent by the reader and given back on return: a
    // claim is read many times a sentence.)
    ContentView view{t, std::move(content_bytes_), sb, se, std::move(dated_bytes_)};
    struct GiveBack {
      ContentView& view;
      ReportReader& reader;
      ~GiveBack() {
        reader.content_bytes_ = std::move(view.content);
        reader.dated_bytes_ = std::move(view.dated);
      }
    } give_back{view, *this};
    view.content.assign(t.size(), 0);
    std::fill(view.content.begin() + static_cast<std::ptrdiff_t>(sb),
              view.content.begin() + static_cast<std::ptrdiff_t>(se), uint8_t{1});
    // (The loops below visit only the tokens the sentence's marks name.)
    const TokenMarks& marks = MarksOf(s);
    const uint32_t* part_marked =
        std::lower_bound(marks.marked.data(), marks.marked.data() + marks.marked.size(), sb);
    const uint32_t* all_marked = marks.marked.data();
    const uint32_t* end_marked = marks.marked.data() + marks.marked.size();
    view.dated.clear();
    if (!marks.in_date.empty()) {
      view.dated.assign(t.size(), false);
      std::copy(marks.in_date.begin() + static_cast<std::ptrdiff_t>(sb),
                marks.in_date.begin() + static_cast<std::ptrdiff_t>(se),
                view.dated.begin() + static_cast<std::ptrdiff_t>(sb));
    }
    // "asking not to be identified" says how the source speaks, not what.
    size_t past_anonymity = sb;  // a phrase's words start none of their own
    for (const uint32_t* m = part_marked; m != end_marked && *m < se; ++m) {
      size_t k = *m;
      if (!(marks.of[k] & TokenMarks::kAnonymity) || k < past_anonymity) continue;
      if (auto a = lex_.claimants.anonymity.At(t, k)) {
        for (size_t u = k; u < k + a->length && u < se; ++u) view.content[u] = false;
        c.claimant.anonymous = true;
        c.hedges.push_back({std::string(body_.substr(t[k].begin, t[k + a->length - 1].end -
                                                                       t[k].begin)),
                            HedgeKind::kAnonymity});
        past_anonymity = k + a->length;
      }
    }
    CueClass cls = CueClass::kNone;
    if (cue) {
      cls = cue->entry.cls;
      for (size_t k = cue->group; k < cue->end && k < t.size(); ++k) view.content[k] = false;
      if (cue->kind == FoundCue::Kind::kVerb && cue->subject < cue->group) {
        // The subject and what describes it (", who asked not to be named,").
        for (size_t k = cue->subject; k < cue->group; ++k) view.content[k] = false;
      }
      if (cue->kind != FoundCue::Kind::kHearsay) {
        for (const auto& m : cue->claimants) {
          for (size_t k = m.begin; k < m.end; ++k) view.content[k] = false;
        }
      }
      if (cue->kind != FoundCue::Kind::kHearsay) {
        c.cue = Cue{std::string(body_.substr(t[cue->begin].begin,
                                             t[cue->end - 1].end - t[cue->begin].begin)),
                    cue->entry.lemma, cls, static_cast<int64_t>(t[cue->begin].begin),
                    static_cast<int64_t>(t[cue->end - 1].end)};
      }
    }
    if (by_outlet && cue && cue->kind == FoundCue::Kind::kFrame) cls = CueClass::kNone;
    if (!cue || cue->kind == FoundCue::Kind::kHearsay) {
      if (!cue) c.cue = Cue{"", "", CueClass::kNone, 0, 0};
    }
    if (cue && cue->kind == FoundCue::Kind::kHearsay) cls = CueClass::kAssert;
    c.stance = cue && cue->kind != FoundCue::Kind::kHearsay ? StanceOf(cls) : Stance::kAsserts;
    if (!cue) c.cue.reset();

    // Modality: hedges in the content.
    c.modality = Modality::kCertain;
    // A hedge in a parenthetical qualifies the parenthetical only: "the
    // attackers, believed to be from …, fled".
    auto parenthetical = [&](size_t k, size_t length) {
      if (k == 0 || !IsPunct(t[k - 1], ',')) return false;
      size_t next = k + length;  // "believed to be", "soupçonnés d'appartenir"
      if (next >= se || !(g.infinitive_markers.At(t, next) || t[next].folded() == "to" ||
                          t[next].folded() == "de" || t[next].folded() == "d'")) {
        return false;
      }
      for (size_t j = next; j + 1 < se; ++j) {
        if (IsPunct(t[j], ',')) return true;
      }
      return false;
    };
    for (const uint32_t* m = part_marked; m != end_marked && *m < se; ++m) {
      size_t k = *m;
      if (!(marks.of[k] & TokenMarks::kEpistemic)) continue;
      if (!view.content[k] && !(cue && k >= cue->group && k < cue->end)) continue;
      if (auto h = lex_.hedges.epistemic.At(t, k)) {
        if (parenthetical(k, h->length)) continue;
        if (!marks.in_date.empty() && marks.in_date[k]) continue;
        if (k > 0 && g.negators.At(t, k - 1)) continue;  // "not possible" hedges nothing
        if (*h->value == Modality::kPossible || c.modality == Modality::kCertain) {
          c.modality = *h->value;
        }
        c.hedges.push_back({std::string(t[k].text), HedgeKind::kEpistemic});
      }
    }
    if (IsSilence(c.stance)) c.modality = Modality::kUnknown;

    // Polarity: negation in the content. Mixed when a contrast follows the
    // negation ("n'ont pas combattu … mais ont mené"), or when the negation is
    // in a second coordinated part ("est arrivé … et n'en a plus bougé").
    std::optional<size_t> negation;
    bool mixed = false;
    bool word_before = false;  // a content word stands before (function words do not count)
    // Reads token k; returns the next token to read.
    auto polarity_step = [&](size_t k) -> size_t {
      if (!view.content[k]) return k + 1;
      if (!(marks.of[k] & TokenMarks::kPolarity)) {
        // No negation, coordinator or contrast here: only a word counts.
        if (!negation && !word_before && t[k].kind == TokenKind::kWord &&
            !finder_->IsFunctionWord(t, k)) {
          word_before = true;
        }
        return k + 1;
      }
      // ("n'a fait que deux morts": a restriction, no negation.)
      bool negative =
          (g.negators.At(t, k) && !g.Restricts(t, k, se)) || g.negative_words.At(t, k);
      // "not far from", "no fewer than 12", "12, if not 15": no negation.
      if (size_t past = negative ? g.NotNegationEnd(t, k) : 0) {
        if (!negation) word_before = true;
        return past;
      }
      if (!negation && negative) {
        negation = k;
      } else if (!negation && g.coordinators.At(t, k) && word_before) {
        mixed = true;  // a positive part stands before any negation
      }
      if (negation && k > *negation && g.contrast.At(t, k)) mixed = true;
      if (!negation && !word_before && t[k].kind == TokenKind::kWord &&
          !finder_->IsFunctionWord(t, k)) {
        word_before = true;
      }
      return k + 1;
    };
    // Every token counts until a content word or a negation is found; from then
    // on only negations, coordinators and contrasts do (neither ever goes back).
    size_t next = sb;
    while (next < se && !negation && !word_before) next = polarity_step(next);
    for (const uint32_t* m = std::lower_bound(part_marked, end_marked, next);
         m != end_marked && *m < se; ++m) {
      if (*m >= next && (marks.of[*m] & TokenMarks::kPolarity)) next = polarity_step(*m);
    }
    c.polarity = !negation ? Polarity::kPositive : mixed ? Polarity::kMixed : Polarity::kNegative;
    if (IsSilence(c.stance)) c.polarity = Polarity::kPositive;

    // Endorsement.
    bool plan = false, conditional = false, distancing = false;
    for (const uint32_t* m = all_marked; m != end_marked && *m < se; ++m) {
      size_t k = *m;
      if ((marks.of[k] & TokenMarks::kPlan) && g.plan_markers.At(t, k)) plan = true;
      if (k >= sb && (marks.of[k] & TokenMarks::kConditional) && IsConditional(t, k) &&
          (!plan || ReportedPastInRelative(t, k))) {
        conditional = true;
        c.hedges.push_back({std::string(t[k].text), HedgeKind::kConditional});
      }
      if (k >= sb && (marks.of[k] & TokenMarks::kDistancing) && lex_.hedges.distancing.At(t, k)) {
        distancing = true;
        c.hedges.push_back({std::string(t[k].text), HedgeKind::kAttribution});
      }
    }
    if (by_outlet) {
      c.endorsement = conditional || distancing ? Endorsement::kDistanced : Endorsement::kAuthor;
      if (c.endorsement == Endorsement::kDistanced && cue && cue->kind == FoundCue::Kind::kFrame) {
        c.endorsement = Endorsement::kAuthor;
      }
    } else if (cls == CueClass::kDistance || conditional || distancing) {
      c.endorsement = Endorsement::kDistanced;
    } else {
      c.endorsement = Endorsement::kReported;
    }
    if (cue && cue->kind == FoundCue::Kind::kFrame) {
      c.hedges.push_back({std::string(body_.substr(t[cue->begin].begin,
                                                   t[cue->end - 1].end - t[cue->begin].begin)),
                          HedgeKind::kAttribution});
    }
    if (c.claimant.anonymous) c.hedges.push_back({c.claimant.mention, HedgeKind::kAnonymity});

    // Quote: the first quotation in the part.
    for (const uint32_t* m = part_marked; m != end_marked && *m < se; ++m) {
      size_t k = *m;
      if (!(marks.of[k] & TokenMarks::kQuote)) continue;
      size_t close = k + 1;
      while (close < se && t[close].kind != TokenKind::kQuoteClose) ++close;
      if (close < se && close > k + 1) {
        // From the first word to the last: the spaces French sets inside « » are
        // part of the marks.
        c.quote = std::string(body_.substr(t[k + 1].begin, t[close - 1].end - t[k + 1].begin));
        if (close == k + 2) c.hedges.push_back({std::string(t[k + 1].text), HedgeKind::kScareQuotes});
      }
      break;
    }

    // Chain: outlet, relay, claimant.
    c.chain.reserve(3);
    if (!outlet_.empty()) c.chain.push_back(outlet_);
    if (cue && cue->relay && *cue->relay != outlet_) c.chain.push_back(*cue->relay);
    if (!by_outlet) c.chain.push_back(c.claimant.SourceName());

    // Slot and incident.
    std::optional<std::string> actor;
    if (c.claimant.name && FactsOf(*c.claimant.name).actor) actor = c.claimant.name;
    std::optional<std::string> enemy;
    if (actor && lex_.slots.enemy_nouns.Contains(t, sb, se)) enemy = EnemyOf(s, *actor);
    view.negative = c.polarity == Polarity::kNegative;
    SlotReading reading =
        ReadSlot(view, lex_, *finder_, actor, cue && cue->agentive, cls, enemy, who.agreement);
    for (const auto& h : reading.hedges) c.hedges.push_back({h, HedgeKind::kApproximation});
    IncidentRef ref = current_.value_or(IncidentRef{});
    std::optional<DateInterval> date = FirstDate(s, sb, se);
    if (!date) date = FirstDate(s, 0, t.size());
    if (reading.event_type) {
      const Place* place = finder_->PlaceIn(t, sb, se);
      if (!place) {
        if (!sentence_place_) sentence_place_ = finder_->PlaceIn(t, 0, t.size());
        place = *sentence_place_;
      }
      if (place || date) {
        // A country holds the places in it: "Au Mali, le convoi attaqué…" is
        // still the Alkit incident.
        bool same_place = !place || (ref.place && *ref.place == place->name);
        if (!same_place && place->name == place->country && ref.place) {
          auto current = rules_.places.Find(*ref.place);
          same_place = current && current->place->country == place->name;
        }
        bool same_date = !date || !ref.date || ref.date->Overlaps(*date);
        if (!(same_place && same_date)) {
          // An event without a date of its own happens on the narrative's day.
          IncidentRef fresh;
          fresh.place = place ? std::optional(place->name) : ref.place;
          fresh.date = date ? date : ref.date;
          fresh.event_type = reading.event_type;
          ref = fresh;
          current_ = fresh;
        } else if (date && !ref.date) {
          // The incident had no date yet ("Jeudi dernier, des jihadistes ont
          // attaqué…" with no place the gazetteer knows): the event's is its date.
          ref.date = date;
          if (!ref.event_type) ref.event_type = reading.event_type;
          current_ = ref;
        }
      }
      if (!ref.event_type) ref.event_type = reading.event_type;
    } else if (date && ref.date && !ref.date->Overlaps(*date)) {
      // Background: a fact dated outside the incident says nothing of it.
      reading = SlotReading{};
    }
    if (IsSilence(c.stance)) {
      reading.implied.clear();
      if (auto topic = lex_.slots.silence_topics.Find(t, sb, se)) {
        reading.slot = *topic->second.value;
      } else if (reading.slot == "statement" && last_slot_ && last_paragraph_ == sentences_[s].paragraph) {
        reading.slot = *last_slot_;
      }
      reading.value.reset();
    }
    c.slot = std::move(reading.slot);
    c.value = std::move(reading.value);
    c.implied = std::move(reading.implied);
    // "assurent avoir fait plusieurs victimes sans fournir de bilan précis": a
    // "sans"/"without" silence on a count right after that count, by the same
    // claimant, says the count is vague; it is part of that claim, not a claim of
    // its own ("… but did not publish a toll" is a second speech act, and stays).
    if (IsSilence(c.stance) && cue && cue->kind == FoundCue::Kind::kSilence && claims_.size() > 1) {
      Claim& before = claims_[claims_.size() - 2];
      std::string family = before.slot.substr(0, before.slot.find(':'));
      if (before.span && before.span->start >= static_cast<int64_t>(sentences_[s].begin) &&
          before.value && std::holds_alternative<CountRange>(*before.value) && family == c.slot &&
          before.claimant.SourceName() == c.claimant.SourceName()) {
        before.span->end = c.span->end;
        claims_.pop_back();
        return;
      }
    }
    if (!ref.empty()) c.incident_ref = std::move(ref);
    if (c.slot != "statement") {
      last_slot_ = c.slot;
      last_paragraph_ = sentences_[s].paragraph;
    }
  }

  const Report& report_;
  std::string_view body_;
  const Rulebook& rules_;
  const Lexicon& lex_;
  const GazetteerPhrases& phrases_;
  boost::gregorian::date published_;
  // Indexes asked together about every token of a claim (engine/extract/phrases.h).
  StartFilter polarity_words_;  // negation, coordination, contrast
  StartFilter cue_words_;       // not-cues, "without", frames, verbs
  StartFilter hearsay_words_;   // plan markers, relatives
  StartFilter conditional_words_;  // conditional forms and their exceptions
  StartFilter claim_words_;        // all that MarksOf asks by start bits
  StartFilter clause_words_;       // relatives, contrasts, subordinators, coordinators
  StartFilter split_words_;        // contrasts and determiners: where Read splits a sentence
  std::array<bool, 256> suffix_ends_{};  // the last bytes of the conditional suffixes
  std::vector<uint8_t> content_bytes_;  // ContentView's, lent to each claim in turn
  TokenMarks marks_;                    // MarksOf's, for sentence marks_of_
  size_t marks_of_ = static_cast<size_t>(-1);
  std::vector<uint8_t> dated_bytes_;
  // The buffers of one sentence, kept for the next: FindCues's tokens taken by a
  // cue, ReadSentence's split points and part bounds.
  mutable std::vector<uint8_t> used_bytes_;
  mutable std::vector<FoundCue> cues_;
  mutable std::vector<size_t> maybe_cue_;
  std::vector<size_t> splits_;
  std::vector<size_t> bounds_;
  std::vector<Sentence> sentences_;
  std::vector<Tokens> tokens_;
  const Conflict* conflict_ = nullptr;
  bool designations_ = true;  // false: the report's conflict is not known
  std::string outlet_;
  std::string outlet_folded_;
  std::vector<ClaimantMention> outlet_mention_;  // the outlet as the claimant of a part
  mutable std::vector<NameFacts> names_;  // FactsOf's answers for this report
  std::optional<MentionFinder> finder_;
  std::optional<IncidentRef> current_;
  std::optional<IncidentRef> main_;
  std::vector<Antecedent> antecedents_;
  std::vector<const Actor*> actors_seen_;
  // The actors the report names, in order, as far as EnemyOf has needed them:
  // those of its sentences before report_actors_read_.
  std::optional<std::vector<const Actor*>> report_actors_;
  size_t report_actors_read_ = 0;

  // Who a party's words for its adversary ("les assaillants", "the attackers")
  // stand for: the first actor the report names on a side opposed to the
  // party's, else the first such side of the conflict; none for a claimant
  // that is no party. Asked while sentence `s` is read; found once per actor.
  std::optional<std::string> EnemyOf(size_t s, const std::string& actor) {
    for (const auto& [party, enemy] : enemies_) {
      if (party == actor) return enemy;
    }
    return enemies_.emplace_back(actor, FindEnemy(s, actor)).second;
  }
  std::optional<std::string> FindEnemy(size_t s, const std::string& actor) {
    const std::string* side = conflict_ ? rules_.actors.FindSide(actor, conflict_) : nullptr;
    if (!side) return std::nullopt;
    auto opposed = [&](const Actor* a) {
      const std::string* other = rules_.actors.FindSide(a->name, conflict_);
      return other && conflict_->Opposed(*side, *other);
    };
    if (!report_actors_) {
      // The actors of the sentences read so far are known (actors_seen_), and
      // this sentence's are at hand.
      report_actors_.emplace(actors_seen_);
      for (const auto& a : finder_->ActorsIn(tokens_[s], 0, tokens_[s].size())) {
        report_actors_->push_back(a.actor);
      }
      report_actors_read_ = s + 1;
    }
    for (const Actor* a : *report_actors_) {
      if (opposed(a)) return a->name;
    }
    // Those of the rest of the report are found only as far as needed, in order:
    // most parties' adversaries are named before.
    while (report_actors_read_ < tokens_.size()) {
      const Tokens& later = tokens_[report_actors_read_++];
      size_t first = report_actors_->size();
      for (const auto& a : finder_->ActorsIn(later, 0, later.size()))
        report_actors_->push_back(a.actor);
      for (size_t k = first; k < report_actors_->size(); ++k) {
        if (opposed((*report_actors_)[k])) return (*report_actors_)[k]->name;
      }
    }
    for (const auto& other : conflict_->sides) {
      if (conflict_->Opposed(*side, other)) return other;
    }
    return std::nullopt;
  }
  std::vector<std::pair<std::string, std::optional<std::string>>> enemies_;  // EnemyOf's answers
  std::optional<std::string> last_slot_;
  int last_paragraph_ = -1;
  std::vector<std::optional<std::vector<DateMention>>> dates_;  // per sentence, found once
  std::optional<const Place*> sentence_place_;  // the current sentence's place, found once
  mutable const Tokens* memo_tokens_ = nullptr;  // the sentence the memos below are of
  mutable std::vector<uint8_t> adverb_memo_;
  mutable std::vector<uint8_t> conditional_memo_;
  int paragraph_ = -1;
  std::vector<Claim> claims_;
};

// The language with the most of its `detect` words among the body's first words.
std::string DetectLanguage(std::string_view body, const Rulebook& rules) {
  std::string best;
  size_t best_hits = 0;
  std::string_view sample = body.substr(0, std::min<size_t>(body.size(), 4000));
  for (const auto& [lang, lexicon] : rules.lexicons) {
    size_t hits = 0;
    auto tokens = Tokenize(sample, 0, lexicon.tokens);
    for (size_t i = 0; i < tokens.size(); ++i) hits += lexicon.grammar.detect.At(tokens, i) ? 1 : 0;
    if (hits > best_hits) {
      best_hits = hits;
      best = lang;
    }
  }
  return best;
}

}  // namespace

std::vector<Claim> ExtractClaims(const Report& report, const Rulebook& rules) {
  if (!report.body || report.body->empty()) return {};
  std::string lang = report.lang ? *report.lang : DetectLanguage(*report.body, rules);
  const Lexicon* lexicon = rules.LexiconFor(lang);
  if (!lexicon) {
    throw InvalidInput(fmt::format(
        "{}: lang: the rules hold no lexicon for '{}'; give --lang fr or --lang en", report.origin,
        lang.empty() ? "this text" : lang));
  }
  return ReportReader(report, rules, *lexicon).Read();
}

}  // namespace attest
