// Turning stored claims into the estimator's evidence: an incident at a time,
// each slot of it an item, each claim's position on the slot (as reconciliation
// reads it: implied slots, negative polarity, hedges) a claim of its source, the
// analysts' verdicts as ground truth, and relay chains and wire copy as declared
// copying.
#pragma once

#include <vector>

#include "engine/claims/claim.h"
#include "engine/incidents/incident.h"
#include "engine/reconcile/reconcile.h"
#include "engine/reliability/evidence.h"
#include "engine/rulebook/rulebook.h"

namespace attest {

class ClaimEvidence {
 public:
  explicit ClaimEvidence(const Rulebook& rules);

  // Adds the slots of one incident (statements aside): its claims in any order,
  // and its verdicts.
  void AddIncident(const Incident& incident, const std::vector<Claim>& claims,
                   const std::vector<Verdict>& verdicts);

  // Items added so far.
  size_t items() const { return items_; }

  Evidence Finish();

 private:
  const Rulebook& rules_;
  EvidenceBuilder builder_;
  size_t items_ = 0;
};

}  // namespace attest
