// Matching claims to incidents (shared/spec/incidents.md, "Matching"): a claim
// joins an incident named by its key; else one at the same gazetteer place (or a
// spelling variant), with a date compatible given both precisions, and no
// contradicting actor; else it starts a new incident.
//
// These are pure functions over the candidates the caller fetched from the store.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/claims/claim.h"
#include "engine/incidents/incident.h"
#include "engine/rulebook/rulebook.h"

namespace attest {

// A claim's incident reference with names resolved through the gazetteers.
struct ResolvedRef {
  std::optional<std::string> key;
  std::optional<std::string> place;  // canonical when the gazetteer knows it
  std::optional<std::string> place_as_written;
  bool place_by_spelling = false;    // found one edit away from a gazetteer name
  std::optional<std::string> country;
  std::optional<DateInterval> date;
  std::optional<std::string> event_type;
  std::vector<std::string> actors;  // declared by the claim: canonical, sorted, unique
  // Named by the claim's content (a participant, a perpetrator): added to the
  // incident, but never a reason to start another one.
  std::vector<std::string> named_actors;

  bool empty() const { return !key && !place && !date && !event_type && actors.empty(); }
};

ResolvedRef ResolveRef(const IncidentRef& ref, const Rulebook& rules);

// The reference a claim gives, with the actors its content names added: the
// actor of a `participant:<actor>` claim that does not deny it, and the value of
// a `perpetrator` claim.
ResolvedRef ResolveClaimRef(const Claim& claim, const Rulebook& rules);

// True when a claim with `ref` may join `incident`: same place, overlapping dates
// (an absent date is compatible), and no contradicting actor: when the claim
// declares actors and the incident has some, at least one in common. Keys are
// not considered here.
bool CanJoin(const Incident& incident, const ResolvedRef& ref);

// The candidate to join: among those CanJoin allows, the one whose date is the
// most precise, then the oldest. nullopt when none may be joined.
std::optional<size_t> ChooseIncident(const std::vector<const Incident*>& candidates,
                                     const ResolvedRef& ref);

// An incident made from the first claim that names it (id not yet assigned).
Incident NewIncident(const ResolvedRef& ref, Timestamp now);

// Folds what a joining claim adds into the incident: a narrower date within the
// known one, a place or event type not yet known, new actors. Returns true when
// the incident changed.
bool AbsorbRef(Incident& incident, const ResolvedRef& ref);

}  // namespace attest
