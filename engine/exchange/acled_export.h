// Incidents as ACLED-style events (`attest export acled`): one row per incident
// record in ACLED's columns, so that our records can be read by tools built for
// ACLED's exports. The mapping is in docs/exchange.md; cli/ writes the CSV.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/claims/claim.h"
#include "engine/claims/report.h"
#include "engine/reconcile/record.h"
#include "engine/rulebook/rulebook.h"

namespace attest {

struct AcledExportRow {
  std::string event_id_cnty;  // the ACLED id the incident came with, else "attest-<id>"
  std::string event_date;     // "14 July 2025" (the first day of the incident's date)
  int year = 0;
  int time_precision = 0;  // 1 day, 2 week, 3 month or year; 0 when undated
  std::string event_type;  // ACLED's label ("Battles")
  // The perpetrator, else the first participant claimed, else the first actor.
  std::string actor1;
  // The first participant (or actor) on a side opposed to actor1's, else the next.
  std::string actor2;
  std::string country;  // from the place gazetteer
  std::string admin1;
  std::string admin2;
  std::string location;
  std::optional<double> latitude;  // where the gazetteer knows the place
  std::optional<double> longitude;
  std::string source;      // outlets of the reports, ACLED's cited sources for ACLED rows
  std::string notes;       // the record in words: each slot's value and status
  int64_t fatalities = 0;  // conservative (below)
  // Ours, after ACLED's columns.
  IncidentId incident;
  std::optional<std::string> key;
  int64_t version = 0;
};

struct AcledExportInput {
  const IncidentRecord& record;
  int64_t version = 0;
  const std::vector<Claim>& claims;              // the incident's claims
  const std::map<std::string, Report>& reports;  // by report id
  const Rulebook& rules;
};

// The row of one record. Fatalities follow ACLED's conservative rule: per
// fatality slot (`fatalities`, `fatalities:<side>`), the record's conservative
// figure when the slot is confirmed, corroborated or claimed; when contested,
// 0 if someone denies any loss, else the lowest figure asserted; 0 when denied,
// refuted or unknown. The total is the larger of the `fatalities` slot and the
// sum of the per-side slots (the two may count the same dead). Throws nothing.
AcledExportRow AcledRowOf(const AcledExportInput& input);

// The conservative figure of one fatality slot, by the rule above.
int64_t ConservativeFatalities(const SlotRecord& slot);

}  // namespace attest
