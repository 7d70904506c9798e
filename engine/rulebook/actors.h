// The actor gazetteer (rules/common/actors.toml): who can claim or take part in an
// incident, under which names, of which kind, and on which side of which conflict.
// Sides drive interest (self-serving vs against interest) and independence
// (claims from one side only do not corroborate each other).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/claims/vocabulary.h"
#include "engine/text/word_ids.h"
#include "engine/time/date_interval.h"

namespace attest {

struct Conflict {
  std::string name;
  std::string description;
  std::vector<std::string> countries;  // places in these countries belong to it
  std::optional<DateInterval> period;  // when the sides below held
  std::vector<std::string> sides;
  std::vector<std::pair<std::string, std::string>> opposing;  // pairs of sides at war
  int64_t line = 0;

  bool Opposed(std::string_view side_a, std::string_view side_b) const;
};

struct Actor {
  std::string name;  // canonical, as records print it
  ClaimantKind kind = ClaimantKind::kUnknown;
  std::string description;
  std::vector<std::string> aliases;      // other names: match anywhere
  std::vector<std::string> designations;  // generic names ("l'armée", "the army"):
                                          // only in a report about this actor's conflict
  std::optional<std::string> parent;     // the group it belongs to (Katiba Macina → JNIM)
  std::map<std::string, std::string> sides;  // conflict name → side
  int64_t line = 0;
};

enum class ActorRelation { kSame, kSameSide, kOpposing, kUnrelated };

class ActorGazetteer {
 public:
  ActorGazetteer() = default;
  ActorGazetteer(std::vector<Conflict> conflicts, std::vector<Actor> actors);

  // The actor whose canonical name or alias equals `text` once folded (case,
  // accents, punctuation); designations are not used here.
  const Actor* Find(std::string_view text) const;
  // The actor a generic designation names in `conflict` ("l'armée" in Mali → FAMa).
  const Actor* FindDesignation(std::string_view text, const Conflict* conflict) const;
  const Actor* ByName(std::string_view canonical) const;
  // FoldForMatch of an actor's canonical name, made once. `actor` is one of actors().
  const std::string& FoldedName(const Actor& actor) const {
    return folded_names_[static_cast<size_t>(&actor - actors_.data())];
  }

  // The conflict that holds for an incident in `country` (may be empty) at `date`.
  // The first conflict whose countries and period fit; nullptr when none does.
  const Conflict* ConflictFor(std::string_view country,
                              const std::optional<DateInterval>& date) const;
  // The conflict in which both actors have a side, when the place does not tell.
  const Conflict* ConflictOf(std::string_view actor_a, std::string_view actor_b,
                             const std::optional<DateInterval>& date) const;

  // The side of an actor (or of its parent group) in a conflict.
  std::optional<std::string> SideOf(std::string_view actor, const Conflict* conflict) const;
  // The same, as a pointer into the gazetteer (nullptr when none): no copy.
  const std::string* FindSide(std::string_view actor, const Conflict* conflict) const;
  ActorRelation Relation(std::string_view actor_a, std::string_view actor_b,
                         const Conflict* conflict) const;

  const std::vector<Actor>& actors() const { return actors_; }
  const std::vector<Conflict>& conflicts() const { return conflicts_; }

 private:
  std::vector<Conflict> conflicts_;
  std::vector<Actor> actors_;
  std::vector<std::string> folded_names_;  // FoldedName, by actor
  // One bit per value of the low 12 bits of the hash of every canonical name: a
  // claimant's name that is none (most: "un responsable local") is answered by a
  // clear bit, in half a kilobyte that stays in the cache, without the index.
  std::array<uint64_t, 64> name_bits_{};
  // (The words' hash: names are short, and looked up for every claim.)
  using Hash = WordHasher;
  template <typename V>
  using Index = std::unordered_map<std::string, V, Hash, std::equal_to<>>;
  Index<size_t> by_folded_;  // names and aliases
  Index<std::vector<size_t>> by_designation_;
  Index<size_t> by_name_;
};

}  // namespace attest
