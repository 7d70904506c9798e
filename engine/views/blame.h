// Blame: who put a slot's current value in an incident record, and since when
// (`attest blame INCIDENT SLOT`). The answer is computed from the record's stored
// history and the incident's claims; it is a plain value that cli/ formats.
//
// Like `git blame` for one line, it names the version that introduced the value
// and status the slot holds now, the claims and sources behind them, and the
// later versions that touched the slot without changing either (new support, a
// different confidence).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/claims/claim.h"
#include "engine/incidents/incident.h"
#include "engine/reconcile/reconcile.h"
#include "engine/rulebook/rulebook.h"
#include "engine/versions/version.h"

namespace attest {

// How a claim stands to the slot's current value.
enum class BlameRole {
  kSupport,      // asserts the value the slot holds
  kAlternative,  // asserts another value (the slot is contested)
  kOppose,       // denies the value, or is a retraction or retracted claim
  kSilent,       // declines or does not confirm
};

std::string_view ToString(BlameRole role);

struct BlameClaim {
  ClaimId id;
  BlameRole role = BlameRole::kSupport;
  std::string claimant;  // the source name
  ClaimantKind kind = ClaimantKind::kUnknown;
  std::optional<std::string> side;  // its side in the incident's conflict, for parties
  // What it stands to gain by the content (stakes.h); absent for silences.
  std::optional<Interest> interest;
  Stance stance = Stance::kAsserts;
  Modality modality = Modality::kCertain;
  Endorsement endorsement = Endorsement::kReported;
  Polarity polarity = Polarity::kPositive;
  std::optional<SlotValue> value;  // what it says of this slot
  bool implied = false;            // said by its content; its main slot is another
  std::optional<std::string> cue;  // the attribution cue's words
  std::optional<std::string> quote;
  std::optional<std::string> text;
  std::string report;
  std::optional<std::string> outlet;
  Timestamp published;
  // The version whose cause brought the claim in (the ingest of its report);
  // absent when that ingest left the record unchanged.
  std::optional<int64_t> version;
};

// A source behind the slot, with its claims by role.
struct BlameSource {
  std::string name;
  ClaimantKind kind = ClaimantKind::kUnknown;
  std::optional<std::string> side;
  std::vector<ClaimId> support;
  std::vector<ClaimId> oppose;  // alternatives and denials
  std::vector<ClaimId> silent;
};

// A version that changed the slot: its state before (absent: the slot was new)
// and after.
struct SlotTouch {
  int64_t version = 0;
  Timestamp recorded_at;
  VersionCause cause;
  std::optional<SlotState> before;
  SlotState after;
};

struct SlotBlame {
  IncidentId incident;
  std::optional<std::string> key;
  std::string title;
  std::string slot;
  SlotRecord current;
  int64_t version = 0;  // the version blamed (the latest, unless asked otherwise)
  Timestamp recorded_at;
  // The version since which the slot holds its current value and status: the
  // first of the unbroken run of versions, ending with `version`, in which both
  // are what they are now.
  SlotTouch since;
  // Versions after `since` that changed the slot's credibility, confidence or
  // claims but neither its value nor its status.
  std::vector<SlotTouch> later;
  std::vector<BlameClaim> claims;    // support, alternatives, oppose, silent; by id in each
  std::vector<BlameSource> sources;  // in order of their first claim above
};

struct BlameInput {
  const Incident& incident;
  // Oldest first, ending with the version blamed.
  const std::vector<IncidentVersion>& history;
  const std::vector<Claim>& claims;  // the incident's claims (others are ignored)
  const ReportIndex& reports;        // the reports of those claims
  const Rulebook& rules;
  std::string slot;
};

// Returns nullopt when the history is empty or its last version has no such
// slot. Throws nothing.
std::optional<SlotBlame> Blame(const BlameInput& input);

}  // namespace attest
