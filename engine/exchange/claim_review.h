// Our verdicts on claims, as the fact-checking world exchanges them: schema.org
// ClaimReview (https://schema.org/ClaimReview). This file maps a record and its
// claims to plain review items; cli/ writes them as JSON-LD (docs/exchange.md).
//
// One review per claim that asserts a value of a reconciled slot: the claims in
// the slot's support, those asserting an alternative value, and assertions a
// retraction or verdict refuted. The rating is the slot's status and credibility
// (Admiralty 1 = best, 6 = cannot be judged). Denials and silences are not
// reviewed on their own: they are part of the reason given for the claims they
// answer.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/claims/claim.h"
#include "engine/claims/report.h"
#include "engine/reconcile/record.h"
#include "engine/rulebook/rulebook.h"
#include "engine/time/timestamp.h"

namespace attest {

struct ClaimReviewItem {
  // What is reviewed.
  IncidentId incident;
  std::string incident_label;  // key, else #id
  std::string incident_title;
  std::optional<std::string> place;
  std::optional<double> latitude;  // from the place gazetteer
  std::optional<double> longitude;
  std::optional<DateInterval> date;
  std::string slot;
  ClaimId claim;
  std::string claim_reviewed;  // the claim's words: its text, else its span of the report, else
                               // a sentence made from its fields
  // Who made the claim, and where it appeared.
  std::string claimant;
  ClaimantKind claimant_kind = ClaimantKind::kUnknown;
  std::string report;
  std::optional<std::string> outlet;
  std::optional<std::string> url;
  std::optional<std::string> title;
  Timestamp published;
  // Our review of it.
  SlotStatus status = SlotStatus::kUnknown;
  int credibility = 6;
  double confidence = 0;
  std::string reason;
  int64_t version = 0;    // the record version the review comes from
  Timestamp reviewed_at;  // when that version was recorded
};

struct ClaimReviewInput {
  const IncidentRecord& record;
  int64_t version = 0;
  Timestamp recorded_at;
  const std::vector<Claim>& claims;              // the incident's claims
  const std::map<std::string, Report>& reports;  // by report id; body set for text reports
  const Rulebook& rules;
};

// The reviews of one incident's record, by slot name then claim id. Throws nothing.
std::vector<ClaimReviewItem> ClaimReviews(const ClaimReviewInput& input);

}  // namespace attest
