// The incident record: for every slot, the value the claims support, its status
// (shared/spec/incidents.md, "Status of a slot value"), its credibility on the
// Admiralty 1–6 scale, a confidence, the reason in words, and the claims behind
// it. Records are values: reconciliation computes them, versions store them whole.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/base/ids.h"
#include "engine/claims/slot_value.h"
#include "engine/incidents/incident.h"

namespace attest {

enum class SlotStatus {
  kConfirmed,
  kCorroborated,
  kClaimed,
  kContested,
  kDenied,
  kRefuted,
  kUnknown
};

std::string_view ToString(SlotStatus status);
std::optional<SlotStatus> ParseSlotStatus(std::string_view text);

// UCDP-style estimates of a count slot, plus the ACLED-style conservative figure.
struct CountEstimate {
  int64_t low = 0;                   // lowest figure any supporting claim allows
  std::optional<int64_t> high;       // highest bounded figure; absent if none bounded
  std::optional<int64_t> best;       // the figure all agreeing claims allow, lowest first
  std::optional<int64_t> conservative;  // lowest figure from claimants without a stake in
                                        // inflating it (self-serving claims set aside)
  bool operator==(const CountEstimate&) const = default;
};

// Another value asserted for a contested slot, with the claims that assert it.
struct Alternative {
  SlotValue value;
  std::vector<ClaimId> support;
  bool operator==(const Alternative&) const = default;
};

struct SlotRecord {
  std::string slot;
  std::optional<SlotValue> value;
  std::optional<CountEstimate> estimate;
  SlotStatus status = SlotStatus::kUnknown;
  int credibility = 6;
  double confidence = 0.0;  // rounded to three decimals
  std::string reason;
  std::vector<ClaimId> support;
  std::vector<ClaimId> oppose;
  std::vector<ClaimId> silent;
  std::vector<Alternative> alternatives;
  bool operator==(const SlotRecord&) const = default;
};

struct IncidentRecord {
  IncidentId incident;
  std::optional<std::string> key;
  std::string title;
  std::optional<std::string> place;
  std::optional<DateInterval> date;
  std::optional<std::string> event_type;
  std::vector<std::string> actors;
  std::vector<SlotRecord> slots;  // sorted by slot name
  int64_t claims = 0;             // claims behind the record, statements included
  int64_t reports = 0;

  const SlotRecord* Find(std::string_view slot) const;
  bool operator==(const IncidentRecord&) const = default;
};

}  // namespace attest
