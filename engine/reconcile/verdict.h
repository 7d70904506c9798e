// An analyst's verdict on a slot of an incident (or on one claim's value for it):
// confirmed or refuted, by whom, why. Verdicts are inputs to reconciliation like
// claims; recording one makes a new version of the record.
#pragma once

#include <optional>
#include <string>

#include "engine/base/ids.h"
#include "engine/claims/slot_value.h"
#include "engine/time/timestamp.h"

namespace attest {

enum class VerdictKind { kConfirmed, kRefuted };

std::string_view ToString(VerdictKind kind);

struct Verdict {
  int64_t id = 0;
  IncidentId incident;
  std::string slot;
  std::optional<ClaimId> claim;      // the claim whose value is judged, if any
  std::optional<SlotValue> value;    // the value judged (else the claim's, else the record's)
  VerdictKind kind = VerdictKind::kConfirmed;
  std::string analyst;
  std::string note;
  Timestamp recorded_at;
};

}  // namespace attest
