// The periodic reconciliation report (`attest report --since D --until D`): what
// changed in the records over a period of recorded time, for the people who must
// say what is known. A plain value computed here from what the store holds; cli/
// writes it as Markdown, HTML or JSON, so a new format never touches the engine.
//
// Its sections:
//   - incidents new and changed in the period: every version recorded in it, the
//     slots each changed (before → after) and the claims that caused each change;
//   - contested and denied slots, as the records stand at the end of the period;
//   - claims awaiting corroboration: slots `claimed` at the end of the period;
//   - sources whose reliability moved: estimates before and after the period
//     (filled by the store from its reliability estimates, when it has any);
//   - per incident, the claims known at the end of the period by publication
//     time (the report's timeline).
// Every list is in a fixed order (incident id, version, slot name, claim id), and
// nothing depends on the clock but `as_of`, which is what --now gave: the same
// store and options give the same report, byte for byte.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/claims/claim.h"
#include "engine/incidents/incident.h"
#include "engine/versions/version.h"

namespace attest {

// A period of recorded time, bounds included; an absent bound is open.
struct ReportPeriod {
  std::optional<Timestamp> since;
  std::optional<Timestamp> until;
  bool Contains(const Timestamp& t) const {
    return (!since || t >= *since) && (!until || t <= *until);
  }
};

// What the report says of a claim it names.
struct ClaimBrief {
  ClaimId id;
  std::string claimant;
  ClaimantKind kind = ClaimantKind::kUnknown;
  Stance stance = Stance::kAsserts;
  Polarity polarity = Polarity::kPositive;
  std::string slot;
  std::optional<SlotValue> value;
  std::string report;
  Timestamp published;
  Timestamp recorded;      // when its report was ingested
  bool in_period = false;  // its report was recorded in the period
};

// A change of one slot by a version, with the claims of the version's cause that
// the slot holds after it (before it, for a slot that went away).
struct ReportedChange {
  SlotChange change;
  bool status_changed = false;  // a new slot, a slot gone, or another status
  std::vector<ClaimId> caused_by;
};

struct ReportedVersion {
  int64_t version = 0;
  Timestamp recorded_at;
  VersionCause cause;
  std::vector<ReportedChange> changes;  // slots only, by slot name
};

struct ReportedIncident {
  IncidentId id;
  std::optional<std::string> key;
  std::string title;
  std::optional<std::string> place;
  std::optional<DateInterval> date;
  std::optional<std::string> event_type;
  std::vector<std::string> actors;
  bool is_new = false;                    // its first version was recorded in the period
  std::optional<int64_t> version_before;  // the last version before the period
  int64_t version_at_end = 0;             // the last version by the end of the period
  std::vector<ReportedVersion> versions;  // recorded in the period, in order
  // The slots as the record stands at the end of the period, by status.
  std::vector<SlotRecord> contested;
  std::vector<SlotRecord> denied;
  std::vector<SlotRecord> awaiting;      // claimed: one source or one side, not corroborated
  std::vector<ClaimBrief> timeline;      // claims known at the end, by publication time, then id
  std::map<int64_t, ClaimBrief> claims;  // every claim the report names, by id
};

// A source whose reliability estimate moved in the period: its estimate before
// the period (absent: none yet) and at its end. Probabilities are in [0, 1];
// letters are the Admiralty reliability grades A (reliable) to F (cannot be
// judged).
struct ReliabilityChange {
  std::string source;
  std::optional<std::string> letter_before;
  std::optional<double> probability_before;
  std::optional<std::string> letter_after;
  std::optional<double> probability_after;
};

struct PeriodReport {
  ReportPeriod period;
  std::optional<Timestamp> as_of;  // --now, when given; never the clock
  int64_t incidents_new = 0;
  int64_t incidents_changed = 0;
  int64_t versions = 0;
  int64_t reports = 0;  // reports recorded in the period, among those of the incidents below
  int64_t claims = 0;   // claims of those reports
  std::vector<ReportedIncident> incidents;             // by id
  std::vector<ReliabilityChange> reliability_changes;  // by source name
};

// Everything the store knows of one incident that has a version in the period.
struct IncidentInPeriod {
  Incident incident;
  std::vector<IncidentVersion> history;  // every version recorded by the end of the period
  std::vector<Claim> claims;             // every claim of the incident
  // When each report was published and recorded, by report id.
  std::map<std::string, std::pair<Timestamp, Timestamp>> reports;
};

struct PeriodReportInput {
  ReportPeriod period;
  std::optional<Timestamp> as_of;
  std::vector<IncidentInPeriod> incidents;
  std::vector<ReliabilityChange> reliability_changes;
};

// Throws nothing. Incidents whose history has no version in the period are left
// out; claims from reports recorded after the end are ignored.
PeriodReport BuildPeriodReport(const PeriodReportInput& input);

}  // namespace attest
