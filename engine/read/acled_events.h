// Reading an ACLED export (`attest ingest --format acled FILE.csv`): one event per
// row, in ACLED's columns (codebook: https://acleddata.com). An ACLED row is not
// ground truth: it is ACLED's coding of what its cited sources reported. So each
// row becomes a report published by ACLED whose claims are its sources':
//
//   - the `notes` are read by the extraction (engine/extract/) as an English
//     text; what they say in the author's voice is claimed by each source the
//     row cites (`source`, split on ';'), relayed by ACLED, except sources that
//     are a party to the conflict (a party's media: FAMAMali is the army), which
//     are not given words they may not have said (ACLED keeps them when every
//     source is a party); what the notes attribute to someone ("JNIM claimed
//     responsibility") stays that claimant's;
//   - each cited source that the notes do not already make say the event
//     happened claims `occurred`;
//   - ACLED itself claims what it coded: the participants (`actor1`, `actor2`
//     and their associates) and, when above zero, the fatalities as "at least
//     N": ACLED codes the lowest figure its sources give, so N is a lower bound,
//     never a total; a 0 means none was reported and makes no claim.
//
// Every claim names the row's event (its `event_id_cnty`) as its incident key,
// so each event is one incident, except rows that describe the same event as an
// earlier row (engine/incidents/duplicate_events.h): their claims join that
// row's incident. docs/exchange.md gives the whole mapping and the merge figures.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/base/error.h"
#include "engine/claims/report.h"
#include "engine/read/report_options.h"
#include "engine/rulebook/rulebook.h"
#include "engine/time/date_interval.h"

namespace attest {

// One row of an ACLED export, checked.
struct AcledEvent {
  int64_t line = 0;      // where the row starts in the file
  std::string event_id;  // event_id_cnty
  boost::gregorian::date date;
  int time_precision = 1;  // 1 day, 2 week, 3 month
  DateInterval interval;   // the days the date stands for, given its precision
  std::string event_type;  // ACLED's label
  std::string sub_event_type;
  std::string actor1;
  std::vector<std::string> assoc_actor_1;  // split on ';'
  std::string actor2;
  std::vector<std::string> assoc_actor_2;
  std::string country;
  std::string admin1;
  std::string admin2;
  std::string location;
  std::optional<double> latitude;
  std::optional<double> longitude;
  std::vector<std::string> sources;  // `source`, split on ';'
  std::string source_scale;
  std::string notes;
  int64_t fatalities = 0;
  std::optional<Timestamp> timestamp;  // when ACLED last published the row
  std::string raw;                     // the row as it was in the file
};

// Reads an ACLED export. The header must name at least event_id_cnty, event_date,
// event_type, actor1, location, source, notes and fatalities; other ACLED columns
// are read when present and columns attest does not use are ignored (ACLED adds
// columns over time). Every row is checked: its number of fields, the date, the
// time precision, the fatalities, the coordinates and the timestamp, and that no
// event id repeats. Problems go to `diagnostics` as file:line: column: message;
// the events are returned only when there are none.
std::optional<std::vector<AcledEvent>> ReadAcledEvents(const std::string& content,
                                                       const std::string& origin,
                                                       Diagnostics& diagnostics);

// The report and claims of one event (above). `incident_key` is the key its
// claims name: its own event id, or the id of the earlier row it duplicates.
// `options` fill in the publication time of rows without a timestamp (its
// --published, else the clock) and may not override the outlet. Runs the
// extraction: requires the rules to have an English lexicon (InvalidInput).
ReportWithClaims AcledEventReport(const AcledEvent& event, const std::string& incident_key,
                                  const std::string& origin, const ReportOptions& options,
                                  const Rulebook& rules);

}  // namespace attest
