// Writing the exchange formats: schema.org ClaimReview as JSON-LD, and ACLED-style
// CSV rows (docs/exchange.md). The engine maps records to plain items
// (engine/exchange/); only this file knows how they are spelt.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "engine/exchange/acled_export.h"
#include "engine/exchange/claim_review.h"

namespace attest {

// One ClaimReview; `reviewer` is the organisation that publishes the reviews.
nlohmann::ordered_json ClaimReviewJsonLd(const ClaimReviewItem& item, const std::string& reviewer);

// ACLED's column names (as in its exports), then attest_incident, attest_key,
// attest_version.
void WriteAcledHeader(std::ostream& out);
void WriteAcledRow(const AcledExportRow& row, std::ostream& out);

}  // namespace attest
