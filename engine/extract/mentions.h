// Finding who and where a sentence names: claimants (actors, their members,
// unnamed sources, people by title, pronouns), actors taking part, and places.
// Everything is looked up in the rulebook: the gazetteers, and the language's
// claimants.toml and grammar.toml.
#pragma once

#include <boost/container/small_vector.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/claims/claim.h"
#include "engine/extract/lexicon.h"
#include "engine/rulebook/rulebook.h"
#include "engine/text/tokens.h"

namespace attest {

// A generic designation ("l'armée", "the police") and the actor it names in each
// conflict of the gazetteer, resolved when the rules are loaded: the same few
// designations come up in report after report.
struct Designation {
  std::string text;
  std::vector<const Actor*> in_conflict;  // per conflict, in the gazetteer's order
  const Actor* alone = nullptr;           // with no conflict known
};

// Which tokens may start a name or a designation, told by their first two words
// (folded ids). A common first word ("the", "la", "l'") starts hundreds of names,
// so its start bit says little; the word after it rules most of them out. May
// answers true for every pair that starts a phrase, and for a few that do not;
// a filter no phrases were added to (usable false) answers true throughout.
struct ActorStarts {
  std::vector<uint8_t> single;    // by first word id: 1 when it is a whole phrase
  std::vector<uint64_t> pairs;    // a bit per hash of (first, second) word id
  bool usable = false;

  void Add(const Phrase& phrase);
  bool May(WordId first, WordId second) const;
};

// The gazetteers cut into token phrases of one language, built once per rulebook.
struct GazetteerPhrases {
  PhraseIndex<const Actor*> actors;        // canonical names and aliases
  PhraseIndex<Designation> designations;   // generic names, resolved per conflict
  PhraseIndex<const Place*> places;        // names and spelling variants
  ActorStarts actor_starts;                // of actors and designations

  static GazetteerPhrases Build(const Rulebook& rules, const Lexicon& lexicon);
};

struct ClaimantMention {
  Claimant claimant;
  size_t begin = 0;  // token range of the mention
  size_t end = 0;
  Agreement agreement;
  bool pronoun = false;  // to be resolved to an earlier claimant
  // "le groupe", "the militia": to be resolved to the last actor of this kind.
  std::optional<ClaimantKind> anaphor;
  // "la même source", "the same source": the claimant named just before.
  bool same_source = false;
  bool generic = false;  // named by its words alone ("un diplomate en poste à Bamako")
};

struct ActorMention {
  const Actor* actor = nullptr;
  size_t begin = 0;
  size_t end = 0;
};

// The actors a range of tokens names (MentionFinder::ActorsIn), each once, in
// order: held in place up to kActorsInPlace of them (a sentence seldom names
// more), so that asking allocates nothing; on the heap beyond.
inline constexpr size_t kActorsInPlace = 8;
using ActorList = boost::container::small_vector<ActorMention, kActorsInPlace>;

class MentionFinder {
 public:
  // `body`: the text the tokens' offsets point into.
  // `designations`: whether generic designations ("l'armée", "the police") may
  // name an actor at all; false for a report about a country with no conflict in
  // the gazetteer.
  MentionFinder(const Rulebook& rules, const Lexicon& lexicon, const GazetteerPhrases& phrases,
                const Conflict* conflict, std::string_view body, bool designations = true);

  // The actor named at token i (a name, an alias, or a designation this conflict
  // resolves), with the tokens it covers.
  std::optional<ActorMention> ActorAt(const std::vector<Token>& t, size_t i) const {
    if (i >= t.size()) return std::nullopt;
    const ActorMention& a = ActorsOf(t)[i];
    if (!a.actor) return std::nullopt;
    return a;
  }
  ActorList ActorsIn(const std::vector<Token>& t, size_t begin, size_t end) const;

  // The claimant a subject names: the mention that heads [begin, end) — trying
  // the last comma-separated chunk first (the subject stands next to its verb),
  // then the first — with any claimant coordinated with it ("ni le FLA ni le
  // Jnim"). Empty when the head is not a claimant ("L'embuscade … semble").
  // With `generic`, a noun phrase the rules do not know still names a claimant
  // (as itself), unless its head is an event, a count, a number or a place.
  std::vector<ClaimantMention> Subject(const std::vector<Token>& t, size_t begin, size_t end,
                                       bool generic) const;
  // The first claimant named anywhere in [begin, end): after "selon", "par";
  // with `generic`, else the noun phrase itself.
  std::vector<ClaimantMention> Anywhere(const std::vector<Token>& t, size_t begin, size_t end,
                                        bool generic) const;

  // A place of the gazetteer in [begin, end) that stands after a locative ("à
  // Alkit") or names an event ("l'embuscade d'Alklit"); else nullptr.
  const Place* PlaceIn(const std::vector<Token>& t, size_t begin, size_t end) const;

  bool IsFunctionWord(const std::vector<Token>& t, size_t i) const {
    if (i >= t.size()) return false;
    if (!function_key_.Is(t)) {
      function_.assign(t.size(), 0);
      function_key_ = SentenceKey::For(t);
    }
    if (function_[i] == 0) function_[i] = FindFunctionWord(t, i) ? 2 : 1;
    return function_[i] == 2;
  }

 private:
  std::optional<ClaimantMention> MentionAt(const std::vector<Token>& t, size_t h, size_t end,
                                           size_t start) const;
  std::optional<ClaimantMention> GenericAt(const std::vector<Token>& t, size_t h, size_t end,
                                           size_t start) const;
  std::vector<ClaimantMention> WithCoordinated(const std::vector<Token>& t, ClaimantMention&& first,
                                               size_t end) const;
  // The actor after an affiliation word at i ("du FLA", "of JNIM"), if any.
  std::optional<ActorMention> AffiliatedActor(const std::vector<Token>& t, size_t i,
                                              size_t end) const;
  void Describe(const std::vector<Token>& t, size_t start, ClaimantMention& m) const;

  std::optional<ActorMention> FindActorAt(const std::vector<Token>& t, size_t i) const;

  // Which sentence a memo below answers for: where its tokens are, how many, and
  // where in the text the first starts and the last ends (tokens are views into
  // the text), so that another sentence, even one whose tokens were put where an
  // earlier one's were, is told apart.
  struct SentenceKey {
    const Token* tokens = nullptr;
    size_t size = 0;
    const char* first = nullptr;
    const char* last = nullptr;
    static SentenceKey For(const std::vector<Token>& t) {
      if (t.empty()) return {};
      return {t.data(), t.size(), t.front().text.data(),
              t.back().text.data() + t.back().text.size()};
    }
    // Whether `t` is the sentence of this key (compared field by field, most
    // often all equal).
    bool Is(const std::vector<Token>& t) const {
      return t.data() == tokens && t.size() == size && size > 0 &&
             t.front().text.data() == first &&
             t.back().text.data() + t.back().text.size() == last;
    }
  };
  // The actor named at every token of `t` (actor nullptr: none), found once per
  // sentence: extraction asks about the same tokens many times.
  const std::vector<ActorMention>& ActorsOf(const std::vector<Token>& t) const {
    if (!actors_key_.Is(t)) FindActors(t);
    return actors_;
  }
  void FindActors(const std::vector<Token>& t) const;
  bool FindFunctionWord(const std::vector<Token>& t, size_t i) const;

  const Rulebook& rules_;
  const Lexicon& lexicon_;
  const GazetteerPhrases& phrases_;
  const Conflict* conflict_;
  std::string_view body_;
  bool designations_ = true;
  // The sentence last asked about: ActorAt per token, and the first token at or
  // after each one where an actor is named (t.size() for none; one entry more).
  // actors_ may hold more entries than the sentence has tokens, all empty.
  mutable SentenceKey actors_key_;
  mutable std::vector<ActorMention> actors_;
  mutable std::vector<uint32_t> next_actor_;
  mutable size_t next_count_ = 0;  // the entries of next_actor_ the sentence has (n + 1)
  // IsFunctionWord of the sentence last asked about, per token, found when first
  // asked (most tokens never are): 0 not yet known, 1 no, 2 yes.
  mutable SentenceKey function_key_;
  mutable std::vector<uint8_t> function_;
  // The three indexes FindFunctionWord asks, to rule most words out at once.
  StartFilter function_starts_;
  // PlaceIn over the whole of the sentence last asked about it.
  mutable SentenceKey place_key_;
  mutable const Place* sentence_place_ = nullptr;
  const Place* FindPlaceIn(const std::vector<Token>& t, size_t begin, size_t end) const;
};

}  // namespace attest
