#include "engine/views/period_report.h"

#include <algorithm>
#include <set>

namespace attest {

namespace {

ClaimBrief BriefOf(const Claim& c,
                   const std::map<std::string, std::pair<Timestamp, Timestamp>>& reports,
                   const ReportPeriod& period) {
  ClaimBrief b;
  b.id = c.id;
  b.claimant = c.claimant.SourceName();
  b.kind = c.claimant.kind;
  b.stance = c.stance;
  b.polarity = c.polarity;
  b.slot = c.slot;
  b.value = c.value;
  b.report = c.report.value();
  if (auto it = reports.find(b.report); it != reports.end()) {
    b.published = it->second.first;
    b.recorded = it->second.second;
    b.in_period = period.Contains(b.recorded);
  }
  return b;
}

std::vector<ClaimId> Listed(const SlotRecord* slot) {
  std::vector<ClaimId> out;
  if (!slot) return out;
  out.insert(out.end(), slot->support.begin(), slot->support.end());
  out.insert(out.end(), slot->oppose.begin(), slot->oppose.end());
  out.insert(out.end(), slot->silent.begin(), slot->silent.end());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

// 1. Per incident, the versions recorded in the period; an incident without one
//    is left out. New: its first version is among them.
// 2. Each slot change of those versions, with the claims of the version's cause
//    that the slot lists after the change (before it, for a slot gone).
// 3. The record at the end of the period (the last version by then): its
//    contested, denied and claimed slots.
// 4. The claims whose reports were recorded by the end, by publication time.
PeriodReport BuildPeriodReport(const PeriodReportInput& in) {
  PeriodReport out;
  out.period = in.period;
  out.as_of = in.as_of;
  out.reliability_changes = in.reliability_changes;
  std::sort(
      out.reliability_changes.begin(), out.reliability_changes.end(),
      [](const ReliabilityChange& a, const ReliabilityChange& b) { return a.source < b.source; });
  std::set<std::string> reports_in_period;

  std::vector<const IncidentInPeriod*> sorted;
  for (const auto& i : in.incidents) sorted.push_back(&i);
  std::sort(sorted.begin(), sorted.end(), [](const IncidentInPeriod* a, const IncidentInPeriod* b) {
    return a->incident.id < b->incident.id;
  });
  for (const IncidentInPeriod* item : sorted) {
    const IncidentInPeriod& src = *item;
    ReportedIncident r;
    const IncidentVersion* before = nullptr;
    const IncidentVersion* at_end = nullptr;
    for (const auto& v : src.history) {
      if (in.period.until && v.recorded_at > *in.period.until) continue;
      at_end = &v;
      if (!in.period.Contains(v.recorded_at)) {
        before = &v;
        continue;
      }
      if (v.version == 1) r.is_new = true;
      ReportedVersion rv;
      rv.version = v.version;
      rv.recorded_at = v.recorded_at;
      rv.cause = v.cause;
      std::set<int64_t> cause;  // the claims of this version's report
      for (ClaimId id : v.cause.claims) cause.insert(id.value());
      const IncidentRecord* prev = before ? &before->record : nullptr;
      for (const SlotChange& c : v.changes) {
        if (c.slot.rfind("incident.", 0) == 0) continue;
        ReportedChange rc;
        rc.change = c;
        rc.status_changed = !c.before || !c.after || c.before->status != c.after->status;
        const SlotRecord* slot =
            c.after ? v.record.Find(c.slot) : (prev ? prev->Find(c.slot) : nullptr);
        for (ClaimId id : Listed(slot)) {
          if (cause.count(id.value())) rc.caused_by.push_back(id);
        }
        rv.changes.push_back(std::move(rc));
      }
      before = &v;
      r.versions.push_back(std::move(rv));
    }
    if (r.versions.empty() || !at_end) continue;
    // The last version before the period is the one preceding the first reported.
    r.version_before = r.versions.front().version > 1
                           ? std::optional<int64_t>(r.versions.front().version - 1)
                           : std::nullopt;
    r.version_at_end = at_end->version;
    const IncidentRecord& record = at_end->record;
    r.id = src.incident.id;
    r.key = record.key;
    r.title = record.title;
    r.place = record.place;
    r.date = record.date;
    r.event_type = record.event_type;
    r.actors = record.actors;
    for (const SlotRecord& s : record.slots) {
      if (s.status == SlotStatus::kContested) r.contested.push_back(s);
      if (s.status == SlotStatus::kDenied) r.denied.push_back(s);
      if (s.status == SlotStatus::kClaimed) r.awaiting.push_back(s);
    }

    // The claims the report names: in the changes and slots above, and the
    // timeline's.
    std::set<int64_t> named;
    for (const auto& v : r.versions) {
      for (const auto& c : v.changes) {
        for (ClaimId id : c.caused_by) named.insert(id.value());
      }
    }
    for (const auto* list : {&r.contested, &r.denied, &r.awaiting}) {
      for (const SlotRecord& s : *list) {
        for (ClaimId id : Listed(&s)) named.insert(id.value());
      }
    }
    for (const Claim& c : src.claims) {
      ClaimBrief b = BriefOf(c, src.reports, in.period);
      if (in.period.until && b.recorded > *in.period.until) continue;
      if (b.in_period) reports_in_period.insert(b.report);
      if (b.in_period) ++out.claims;
      r.timeline.push_back(b);
      if (named.count(c.id.value())) r.claims.emplace(c.id.value(), b);
    }
    std::sort(r.timeline.begin(), r.timeline.end(), [](const ClaimBrief& a, const ClaimBrief& b) {
      return a.published != b.published ? a.published < b.published : a.id < b.id;
    });
    if (r.is_new) {
      ++out.incidents_new;
    } else {
      ++out.incidents_changed;
    }
    out.versions += static_cast<int64_t>(r.versions.size());
    out.incidents.push_back(std::move(r));
  }
  out.reports = static_cast<int64_t>(reports_in_period.size());
  return out;
}

}  // namespace attest
