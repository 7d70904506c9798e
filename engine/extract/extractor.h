// Claim extraction: a report's text in, attributed claims out (shared/spec/
// claims.md). Both `attest extract` and `attest ingest` of text reports run this,
// so what a user previews is what gets stored.
#pragma once

#include <vector>

#include "engine/claims/claim.h"
#include "engine/claims/report.h"
#include "engine/rulebook/rulebook.h"

namespace attest {

// The claims of a text report (report.body must be set), in text order, each
// with its span, claimant, cue, stance, modality, endorsement, polarity, hedges,
// incident reference and slot. Requires the rules to hold a lexicon for the
// report's language (detected from the text when the report gives none); throws
// InvalidInput otherwise.
std::vector<Claim> ExtractClaims(const Report& report, const Rulebook& rules);

}  // namespace attest
