// The attributed claim (shared/spec/claims.md): someone (the claimant) says
// something about a slot of an incident, with a commitment (stance, modality), relayed
// by the report's author with an endorsement. A claim is immutable once stored.
//
// Claims come from three readers (engine/read/): structured `.jsonl`, claim tables
// (`.csv`/`.tsv`), and report texts through extraction (engine/extract/). All three
// produce this one type, so matching, reconciliation and storage do not care where
// a claim came from.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/base/ids.h"
#include "engine/claims/slot_value.h"
#include "engine/claims/vocabulary.h"
#include "engine/time/date_interval.h"

namespace attest {

struct Claimant {
  // Canonical actor name, the outlet's name, or absent when nobody could be named.
  std::optional<std::string> name;
  std::string mention;  // the words that name the claimant in the text
  ClaimantKind kind = ClaimantKind::kUnknown;
  std::optional<std::string> role;  // members, fighter, cadre, spokesperson, communique…
  bool anonymous = false;
  ClaimantCount count = ClaimantCount::kUnknown;
  bool concordant = false;

  // The name used to identify the claimant as a source: the canonical name, else
  // the mention, else "unknown". Valid as long as the claimant is.
  const std::string& SourceName() const;
};

struct Cue {
  std::string text;
  std::string lemma;
  CueClass cls = CueClass::kNone;
  int64_t start = 0;  // UTF-8 byte offsets into the report body
  int64_t end = 0;
};

struct Hedge {
  std::string text;
  std::optional<HedgeKind> kind;  // absent when the input gave the words alone
};

// Where and when the content happened, as the claim says it: a key naming an
// incident directly, or the fields that matching uses (engine/incidents/).
struct IncidentRef {
  std::optional<std::string> key;
  std::optional<std::string> place;  // as written, or canonical once resolved
  std::optional<DateInterval> date;
  std::optional<std::string> event_type;
  std::vector<std::string> actors;  // canonical actor names

  bool empty() const { return !key && !place && !date && !event_type && actors.empty(); }
};

// A further slot fact a claim's content states besides its main slot: "the ambush
// led by the FLA with JNIM fighters" says occurred, participant:FLA and
// participant:JNIM at once. Reconciliation counts it as the claim's position on
// that slot.
struct ImpliedSlot {
  std::string slot;
  SlotValue value;
  bool operator==(const ImpliedSlot&) const = default;
};

struct Span {
  int64_t start = 0;  // [start, end) UTF-8 byte offsets into the report body
  int64_t end = 0;
};

struct Claim {
  ClaimId id;          // assigned by the store
  IncidentId incident;  // assigned by matching
  ReportId report;
  int64_t ordinal = 0;  // position of the claim in its report, from 1

  Claimant claimant;
  std::vector<std::string> chain;  // outermost first: outlet, relays, claimant
  std::optional<Cue> cue;

  Stance stance = Stance::kAsserts;
  Modality modality = Modality::kCertain;
  Endorsement endorsement = Endorsement::kReported;
  Polarity polarity = Polarity::kPositive;
  std::vector<Hedge> hedges;
  std::optional<std::string> quote;
  std::optional<std::string> text;
  std::optional<Span> span;

  std::optional<IncidentRef> incident_ref;
  std::string slot = "statement";
  std::optional<SlotValue> value;  // absent for declines / not_confirmed
  std::vector<ImpliedSlot> implied;

  // Where the claim was read from, for diagnostics (line in a .jsonl or table).
  int64_t source_line = 0;

  Factuality factuality() const { return FactualityOf(stance, modality, polarity); }
};

}  // namespace attest
