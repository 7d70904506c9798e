// The JSON form of a claim: the fields of shared/spec/claims.md, as `extract
// --format jsonl` and `claims --format json` print them.
#pragma once

#include <nlohmann/json.hpp>

#include "engine/claims/claim.h"

namespace attest {

// Every claims.md field, plus `report`, `span`, `id` and `incident_id` once known.
nlohmann::ordered_json ClaimToJson(const Claim& claim);

nlohmann::ordered_json IncidentRefToJson(const IncidentRef& ref);

}  // namespace attest
