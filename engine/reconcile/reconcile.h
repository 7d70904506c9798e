// Reconciliation: the claims about an incident, the analysts' verdicts and the
// rules in; the incident record out. A pure, deterministic function: the same
// inputs give the same record, byte for byte once serialised.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/claims/claim.h"
#include "engine/incidents/incident.h"
#include "engine/reconcile/record.h"
#include "engine/reconcile/verdict.h"
#include "engine/rulebook/rulebook.h"
#include "engine/time/timestamp.h"

namespace attest {

// What reconciliation needs to know of the report a claim came from.
struct ReportFacts {
  std::optional<std::string> outlet;
  Timestamp published;
};
using ReportIndex = std::map<std::string, ReportFacts>;  // by report id

// Reliability of sources (probability their claims hold), by source name. Sources
// absent from the map weigh as an unknown source (1.0 × the policy's base).
using SourceReliability = std::map<std::string, double, std::less<>>;

struct ReconcileInput {
  const Incident& incident;
  const std::vector<Claim>& claims;  // every claim joined to the incident, any order
  const ReportIndex& reports;
  const std::vector<Verdict>& verdicts;
  const Rulebook& rules;
  const SourceReliability* reliability = nullptr;
};

// Requires every claim's report to be in `reports`. Throws nothing.
IncidentRecord Reconcile(const ReconcileInput& input);

}  // namespace attest
