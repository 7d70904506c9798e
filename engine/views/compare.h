// Comparing the parties' positions on an incident, slot by slot
// (`attest compare INCIDENT [--parties A,B]`): what each party asserts,
// acknowledges, confirms, denies, declines or does not confirm, with the value and
// the cue, where opposing sides agree, and what only one side claims. A plain
// value that cli/ formats as a table, Markdown or JSON.
//
// A party is one of:
//   - an actor of the gazetteer (its claims are those whose claimant is it);
//   - a side of the incident's conflict (every claimant on that side);
//   - any other claimant of the incident, by its source name ("RFI", "local sources");
//   - "others": every claimant without a side in the incident's conflict.
// Without a request, the parties are the claimants with a side in the incident's
// conflict, ordered by side (as the conflict lists them) then name, followed by
// "others" when someone without a side spoke. When no claimant has a side, every
// claimant is a party of its own.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/claims/claim.h"
#include "engine/incidents/incident.h"
#include "engine/reconcile/record.h"
#include "engine/rulebook/rulebook.h"

namespace attest {

enum class PartyKind { kActor, kSide, kSource, kOthers };
std::string_view ToString(PartyKind kind);

struct ComparedParty {
  std::string name;
  PartyKind kind = PartyKind::kActor;
  std::optional<std::string> side;   // the actor's side, or the side itself
  std::vector<std::string> sources;  // the claimants it covers in this incident, by first claim
};

// One distinct thing a party said about a slot: claims with the same stance,
// polarity and value are one position.
struct PartyPosition {
  Stance stance = Stance::kAsserts;
  Polarity polarity = Polarity::kPositive;
  std::optional<SlotValue> value;
  std::optional<std::string> cue;          // the first claim's cue words, if any
  Modality modality = Modality::kCertain;  // of the first claim
  Endorsement endorsement = Endorsement::kReported;
  bool implied = false;                // every claim says it by its content (implied slot)
  std::vector<ClaimId> claims;         // sorted
  std::vector<std::string> claimants;  // in order of first claim
};

// How the parties with a side stand to each other on a slot.
enum class SideAgreement {
  kAgree,     // parties of opposing sides support compatible values
  kDisagree,  // parties support incompatible values, or one denies what another asserts
  kOneSide,   // only one side (or allied sides) asserts a value
  kDenied,    // parties only deny
  kSilent,    // parties only decline or do not confirm
  kNone,      // no party with a side speaks to the slot
};
std::string_view ToString(SideAgreement agreement);

struct SlotComparison {
  std::string slot;
  const SlotRecord* record = nullptr;  // the slot in the record compared with, if it has one
  // Per party, in the order of Comparison::parties; empty: the party said nothing.
  std::vector<std::vector<PartyPosition>> positions;
  // How the sides stand, read from every claimant of the incident (not only the
  // parties compared).
  SideAgreement agreement = SideAgreement::kNone;
  std::vector<std::string> sides;  // the sides the agreement is about, in conflict order
  std::string summary;             // the agreement in words
};

struct Comparison {
  IncidentId incident;
  std::optional<std::string> key;
  std::string title;
  std::optional<std::string> conflict;  // the incident's conflict, if the rules know one
  std::vector<ComparedParty> parties;
  std::vector<SlotComparison> slots;  // by slot name; statements are left out
  // Requested parties that name no actor, side or claimant of the incident.
  std::vector<std::string> unknown;
};

struct CompareInput {
  const Incident& incident;
  const std::vector<Claim>& claims;
  // The record to show the slots' status from (the latest version); may be null.
  // The comparison points into it: it must outlive the result.
  const IncidentRecord* record = nullptr;
  const Rulebook& rules;
  std::vector<std::string> parties;  // empty: the default parties (above)
};

// Throws nothing; names it cannot resolve go to `unknown`.
Comparison Compare(const CompareInput& input);

}  // namespace attest
