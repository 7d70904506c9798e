// Who a claim's claimant is in the incident's conflict, and what it stands to gain
// or lose by the claim (shared/spec/incidents.md, "Sides and interest"), and which
// claims are independent of each other ("Independence").
//
// The values here are views into the claims and the rulebook they were made
// from; they live as long as those do.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "engine/claims/claim.h"
#include "engine/incidents/incident.h"
#include "engine/rulebook/rulebook.h"
#include "engine/rulebook/slots.h"

namespace attest {

// The conflict an incident belongs to: by its country and date, else the first
// conflict in which one of its actors has a side. nullptr when none.
const Conflict* ConflictOfIncident(const Incident& incident, const Rulebook& rules);

// A claimant as reconciliation sees it.
struct Stakeholder {
  std::string_view source;              // the source's name (Claimant::SourceName)
  ClaimantKind kind = ClaimantKind::kUnknown;
  const std::string* side = nullptr;    // its side in the conflict, for parties only
  bool party() const { return side != nullptr; }
};

Stakeholder StakeholderOf(const Claim& claim, const Rulebook& rules, const Conflict* conflict);

// The claimant's interest in the claim's content (`slot` is the definition of the
// claim's slot, null when the catalogue has none):
//   1. a non-party (outlet, witness, anonymous sources, international) is neutral;
//   2. an admission (stance acknowledges) is against interest;
//   3. for slot families the suffix names an actor or a side: the rules give the
//      interest when it is the claimant itself, its own side, or an enemy side;
//      for actor-valued slots (perpetrator) the value plays that part;
//   4. otherwise the slot's `party` interest;
//   5. a denial turns the interest over: denying one's own losses is
//      self-serving, denying a success one would claim is against interest.
Interest InterestOf(const Claim& claim, const Stakeholder& who, const SlotDefinition* slot,
                    const Rulebook& rules, const Conflict* conflict);

// The independence group of a claim: claims in one group are not independent of
// each other. Parties are grouped by side (one side only is not corroboration);
// an outlet republishing another's copy joins that outlet's group; anonymous
// sources are grouped per outlet that quotes them; anyone else is their own group
// (the innermost source of a relay chain).
struct IndependenceGroup {
  enum class Kind : uint8_t { kSide, kSource, kAnonymous };
  Kind kind = Kind::kSource;
  std::string_view name;    // the side, or the source
  std::string_view outlet;  // for anonymous sources: the outlet quoting them
  auto operator<=>(const IndependenceGroup&) const = default;
};

IndependenceGroup IndependenceGroupOf(const Claim& claim, const Stakeholder& who,
                                      std::string_view report_outlet, const Rulebook& rules);

}  // namespace attest
