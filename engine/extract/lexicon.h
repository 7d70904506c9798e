// The per-language extraction lexicon (rules/<lang>/*.toml), as one value: what
// extraction knows of a language comes from here, never from word lists in code.
//
// Files of a language folder (docs/rules-format.md describes each):
//   text.toml        sentence and token rules (abbreviations, elision, clitics)
//   dates.toml       the date vocabulary (months, weekdays, relative words…)
//   cues.toml        attribution cues: reporting verbs, frames (selon), relays
//   grammar.toml     negation, clause boundaries, auxiliaries, pronouns, conditional
//   claimants.toml   how unnamed claimants are named: sources, witnesses, roles
//   hedges.toml      epistemic hedges and distancing adverbs
//   quantities.toml  number words, vague quantities, approximations
//   slots.toml       what content maps to which incident slot
#pragma once

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/base/error.h"
#include "engine/claims/slot_value.h"
#include "engine/claims/vocabulary.h"
#include "engine/extract/phrases.h"
#include "engine/text/sentences.h"
#include "engine/text/tokens.h"
#include "engine/time/date_words.h"

namespace attest {

// An attribution cue word or phrase (a reporting verb form, "selon").
struct CueEntry {
  std::string lemma;
  CueClass cls = CueClass::kReport;
  // "considérés comme … par X", "described as … by X": the claimant is the agent.
  bool passive_agent = false;
  // Its subject can be a thing ("les chiffres indiquent"): only a claimant the
  // rules know (an actor, a source, a role) makes it a cue.
  bool known_claimant = false;
  // When set, a cue only with one of these words in the four after it: "gave no
  // outcome", "without providing evidence", "n'a fourni aucune preuve" (but not
  // "gave chase").
  std::shared_ptr<const WordSet> objects;
};

struct CueLexicon {
  PhraseIndex<CueEntry> verbs;   // every form of every reporting verb
  PhraseIndex<CueEntry> frames;  // selon, d'après, according to: the claimant follows
  WordSet without;               // sans, without: "sans communiquer" is a silence
  WordSet relays;                // joints par, cited by: the outlet that relays
  WordSet agent_markers;         // par, by: the agent of a passive cue
  WordSet not_cues;              // fixed phrases holding a cue word: "à proprement parler"
  WordSet addressee_markers;     // à, to: "a déclaré à la presse", "said to reporters"
  WordSet addressees;            // la presse, reporters: who was spoken to, not who spoke
  std::map<CueClass, CueClass> negated;  // what a negated cue means (confirm → not_confirm)
};

enum class Gender { kUnknown, kMasculine, kFeminine };

// What a pronoun can stand for: "he"/"she" for people, "it" for organisations.
enum class Refers { kAny, kPerson, kGroup };

struct Agreement {
  bool plural = false;
  Gender gender = Gender::kUnknown;
  Refers refers = Refers::kAny;
};

// Whether a pronoun and the words it may stand for agree: the same number, and
// no two known genders that differ ("ils" / "les rebelles", not "l'armée").
inline bool NumberAndGenderAgree(const Agreement& a, const Agreement& b) {
  return a.plural == b.plural &&
         (a.gender == Gender::kUnknown || b.gender == Gender::kUnknown || a.gender == b.gender);
}

struct GrammarLexicon {
  WordSet negators;         // ne, n', not, n't, never: negate their clause
  WordSet negative_words;   // aucun, no, none, nobody, nothing, ni, neither, nor
  WordSet not_negations;    // not far, no fewer than: begin like a negation, negate nothing
  // que, qu': after a negator in its clause, before any negation_ends word, they
  // make it a restriction ("n'a fait que deux morts": only two, that is two).
  WordSet restrictives;
  WordSet negation_ends;    // pas, plus, point, guère: the second part of "ne … pas"
  // plus, guère: negation ends that restrict right before a `restrictives` word
  // ("il ne reste plus que deux véhicules": only two are left).
  WordSet restrictive_ends;
  WordSet contrast;         // mais, alors que, but, while, ";": a new clause may start
  WordSet coordinators;     // et, ou, and, or: a new clause only with its own cue
  WordSet relatives;        // qui, que, which, who
  WordSet subordinators;    // as, when, lorsque: a subject after them is their clause's
  WordSet auxiliaries;      // a, ont, est, has, was…: finite verbs
  WordSet passive_auxiliaries;  // est, sont, été, was, were: a participle after is passive
  // lieu, produite, take place, occurred: negated, they deny the event itself ("n'a
  // pas eu lieu"); a negation of another verb presupposes it ("n'a pas été revendiquée").
  WordSet occurrence_verbs;
  WordSet control_verbs;    // souhaité, want: between a negation and a cue
  WordSet claim_nouns;      // figure, bilan, accusation: ", a figure that…" opens a comment
  std::vector<std::string> participle_endings;  // -é, -ée…: a bare participle is an adjective
  std::vector<std::string> adverb_suffixes;  // -ment, -ly: adverbs inside a verb group
  WordSet function_words;   // determiners, prepositions, adverbs: never a head noun
  WordSet conditional;      // aurait, auraient, serait, seraient
  std::vector<std::string> conditional_suffixes;  // -rait, -raient
  WordSet conditional_exceptions;                 // retrait, portrait…
  WordSet plan_markers;     // pour, afin de, envisagé: a conditional of plans
  // aurait, auraient before a past participle: the conditional perfect, a past act
  // reported, hearsay even after a plan marker ("pour … qui auraient fui").
  WordSet perfect_auxiliaries;
  std::vector<std::string> perfect_participle_endings;  // -é, -i, -u, -it…
  WordSet perfect_participle_exceptions;                // lieu, droit: not participles
  WordSet infinitive_markers;  // avoir, d'avoir, having: the claimant did it
  // -ant, -ing: a cue in this form after a comma or a gerund marker has the
  // subject of the clause it hangs on (", saying …", ", affirmant …").
  std::vector<std::string> present_participle_endings;
  WordSet gerund_markers;      // en, tout en: "tout en maintenant que …"
  WordSet infinitive_particles;  // to: "urged allies to respond" is no statement
  PhraseIndex<Agreement> pronouns;     // il, elle, ils, they
  PhraseIndex<Agreement> determiners;  // le, la, les, un: number and gender
  WordSet detect;           // words frequent in the language, to detect it

  // The end of the `not_negations` phrase that holds the negator or negative word
  // at token k, starting at it or up to two tokens before ("not far", "no fewer
  // than", "if not", "si ce n'est"), or 0 when no such phrase holds it.
  size_t NotNegationEnd(const std::vector<Token>& t, size_t k) const {
    for (size_t back = 0; back <= 2 && back <= k; ++back) {
      if (auto n = not_negations.At(t, k - back); n && k - back + n->length > k) {
        return k - back + n->length;
      }
    }
    return 0;
  }

  // Whether the negator at token k only restricts, as "ne … que" does ("n'a fait
  // que deux morts": two dead; "n'a confirmé que la mort de deux soldats"): a
  // `restrictives` word follows it in its clause, within a few words with no mark
  // between, before any `negation_ends` or `negative_words` word ("n'a pas dit
  // que" is a negation), unless that word is one of `restrictive_ends` right
  // before it or one word before it ("ne reste plus que deux", "n'a plus fait
  // que deux morts": only two). `end`: where the clause ends at the latest.
  bool Restricts(const std::vector<Token>& t, size_t k, size_t end) const {
    if (restrictives.empty()) return false;
    // "ne" + pronouns, auxiliary, adverb, participle: "n'en ont finalement
    // recensé que"; farther, a "que" is another clause's.
    constexpr size_t kReach = 6;
    size_t stop = std::min({end, t.size(), k + 1 + kReach});
    for (size_t u = k + 1; u < stop; ++u) {
      if (t[u].kind != TokenKind::kWord) return false;
      if (negation_ends.At(t, u)) {
        if (!restrictive_ends.At(t, u)) return false;
        // "ne reste plus que", "n'a plus fait que": the `restrictives` word right
        // after, or after one word that starts no clause ("parce que", "depuis
        // que" do).
        for (size_t w = u + 1; w < std::min(end, t.size()) && w <= u + 2; ++w) {
          if (t[w].kind != TokenKind::kWord) return false;
          if (restrictives.At(t, w)) return true;
          if (function_words.At(t, w) || subordinators.At(t, w) || contrast.At(t, w)) return false;
        }
        return false;
      }
      if (negative_words.At(t, u)) return false;
      if (restrictives.At(t, u)) return true;
    }
    return false;
  }
};

struct SourceNoun {
  std::string name;  // "sources", "witnesses"
  ClaimantKind kind = ClaimantKind::kAnonymousSources;
};

struct Qualifier {
  std::string label;  // "local", "security"
  std::optional<std::string> role;
};

struct ClaimantLexicon {
  PhraseIndex<SourceNoun> source_nouns;      // sources, témoins, residents
  PhraseIndex<Qualifier> qualifiers;         // locales, sécuritaire, local, security
  PhraseIndex<std::string> roles;            // membres → members, spokesman → spokesperson
  PhraseIndex<ClaimantCount> counts;         // plusieurs → several
  WordSet concordant;                        // concordantes, corroborating
  PhraseIndex<std::string> persons;          // ministre → minister: named people's titles
  WordSet affiliation;                       // du, de la, of: "membres du FLA"
  PhraseIndex<ClaimantKind> anaphors;        // le groupe, the militia: an actor named before
  WordSet same_source;  // la même source, the same source: the claimant named just before
  WordSet anonymity;  // "asking not to be named": how a source speaks, not what it says
};

struct HedgeLexicon {
  PhraseIndex<Modality> epistemic;  // semble → probable, possibly → possible
  WordSet distancing;               // reportedly, allegedly, prétendument
};

enum class Approximation { kAtLeast, kAbout, kMoreThan, kUpTo, kLessThan };

// A count given as an interval of two numbers ("entre 7 et 11", "12 to 15",
// "deux ou trois"): the words that join them and, when `open` is not empty, the
// words one of which must come before the first ("and" joins only after
// "between").
struct RangeForm {
  WordSet open;
  WordSet join;
};

struct QuantityLexicon {
  PhraseIndex<int64_t> numbers;            // deux, twelve
  PhraseIndex<CountRange> vague;           // plusieurs, une dizaine, dozens
  PhraseIndex<Approximation> approximations;  // au moins, at least, environ
  WordSet all;                             // la totalité des, all
  WordSet any;  // toute, aucune, any, no: one or more, before the noun or its victims
  std::vector<RangeForm> ranges;           // entre … et, 12 to 15: tried in order
  WordSet durations;  // jours, weeks: "killed two weeks earlier" counts nobody
  // ", if not more", "au moins" after a figure or the words it counts: at least
  // that figure ("12 civilians, if not more", "douze soldats au moins").
  WordSet open_ends;
  // Every index above a quantity may start with: a token none of them starts,
  // and that is not a figure, starts no quantity (filled when loaded).
  StartFilter starts;
};

struct SlotLexicon {
  PhraseIndex<std::string> events;          // embuscade → battles
  PhraseIndex<std::string> count_nouns;     // tués → fatalities
  // perdu, lost → fatalities: a number after, and people after it ("a perdu douze
  // soldats"), count the losing side's dead; "a perdu deux véhicules" none.
  PhraseIndex<std::string> loss_verbs;
  WordSet people;                           // soldats, combattants, fighters, men
  // de, d', of: between a count noun and its number when people follow ("la mort
  // de douze soldats", "the deaths of 12 soldiers").
  WordSet count_of;
  std::map<std::string, WordSet> count_context;  // slot → words one must see nearby
  PhraseIndex<std::string> materiel;        // détruit → materiel.destroyed
  PhraseIndex<std::string> outcomes;        // neutralisé → attackers prevailed
  WordSet participation;                    // présents, took part
  WordSet described_by;                     // lié à, linked to: an actor named to describe
  PhraseIndex<std::string> cooperation;     // opération conjointe → cooperation:joint_operation
  PhraseIndex<std::string> silence_topics;  // issue, bilan → outcome
  PhraseIndex<std::string> side_nouns;      // civils → civilians
  WordSet enemy_nouns;                      // assaillants, attackers: the claimant's adversary
  WordSet own_ranks;                        // dans ses rangs, in its ranks: the claimant's side
  // de ses, of its: between a number and the people it counts, the claimant's own
  // ("trois de ses combattants", "three of its fighters").
  WordSet own_of;
  WordSet ranks_of;                         // dans les rangs de, in the ranks of: the actor after
  WordSet locatives;                        // à, near, in: a place of the event follows
};

struct Lexicon {
  std::string lang;
  SentenceRules sentences;  // text.toml, [sentences]
  TokenRules tokens;        // text.toml, [tokens]
  DateWords dates;          // dates.toml
  CueLexicon cues;
  GrammarLexicon grammar;
  ClaimantLexicon claimants;
  HedgeLexicon hedges;
  QuantityLexicon quantities;
  SlotLexicon slots;
};

// Reads the lexicon files of one language folder (rules/fr, rules/en), recording
// every problem in `diagnostics` as file:line: field: message. A missing file is
// an error. The lexicon is returned even when there were errors; the caller
// discards it when diagnostics has errors.
Lexicon LoadLexicon(const std::filesystem::path& dir, const std::string& lang,
                    Diagnostics& diagnostics);

// Gives every phrase index of the lexicon its start bit in a new StartTable, kept
// in lexicon.tokens, so that the tokens cut with these rules carry the bits
// (engine/text/word_ids.h). LoadLexicon calls it last; call it again after
// changing the lexicon's phrases.
void RegisterStartBits(Lexicon& lexicon);

}  // namespace attest
