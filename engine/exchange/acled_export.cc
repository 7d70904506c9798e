#include "engine/exchange/acled_export.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "engine/exchange/acled_format.h"
#include "engine/reconcile/stakes.h"

namespace attest {

namespace {

bool IsFatalitySlot(std::string_view slot) {
  return slot == "fatalities" || slot.rfind("fatalities:", 0) == 0;
}

int64_t LowOf(const SlotRecord& slot) {
  if (slot.estimate) return slot.estimate->low;
  if (slot.value) {
    if (const auto* r = std::get_if<CountRange>(&*slot.value); r && !r->all) return r->low;
  }
  return 0;
}

// The participants the record holds as present, perpetrator first, then in the
// order of their first supporting claim.
std::vector<std::string> Participants(const IncidentRecord& r) {
  auto held = [](const SlotRecord& s) {
    return s.status != SlotStatus::kDenied && s.status != SlotStatus::kRefuted &&
           s.status != SlotStatus::kUnknown;
  };
  std::vector<std::pair<int64_t, std::string>> found;
  std::string perpetrator;
  for (const SlotRecord& s : r.slots) {
    if (s.slot == "perpetrator" && held(s) && s.value) {
      if (const auto* text = std::get_if<std::string>(&*s.value)) perpetrator = *text;
    }
    if (s.slot.rfind("participant:", 0) != 0 || !held(s) || !s.value) continue;
    const bool* present = std::get_if<bool>(&*s.value);
    if (!present || !*present) continue;
    int64_t first = s.support.empty() ? INT64_MAX : s.support.front().value();
    found.emplace_back(first, s.slot.substr(std::string_view("participant:").size()));
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  if (!perpetrator.empty()) out.push_back(perpetrator);
  for (auto& [first, name] : found) {
    if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(std::move(name));
  }
  return out;
}

std::string Joined(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : std::string(separator)) + i;
  return out;
}

}  // namespace

int64_t ConservativeFatalities(const SlotRecord& slot) {
  switch (slot.status) {
    case SlotStatus::kConfirmed:
    case SlotStatus::kCorroborated:
    case SlotStatus::kClaimed:
      if (slot.estimate && slot.estimate->conservative) return *slot.estimate->conservative;
      return LowOf(slot);
    case SlotStatus::kContested: {
      std::set<int64_t> alternative;
      for (const auto& a : slot.alternatives) {
        for (ClaimId id : a.support) alternative.insert(id.value());
      }
      for (ClaimId id : slot.oppose) {
        if (!alternative.count(id.value())) return 0;  // a denial: someone says no loss
      }
      return LowOf(slot);
    }
    case SlotStatus::kDenied:
    case SlotStatus::kRefuted:
    case SlotStatus::kUnknown:
      return 0;
  }
  return 0;
}

AcledExportRow AcledRowOf(const AcledExportInput& in) {
  const IncidentRecord& r = in.record;
  AcledExportRow row;
  row.incident = r.incident;
  row.key = r.key;
  row.version = in.version;
  row.event_id_cnty =
      r.key && IsAcledEventId(*r.key) ? *r.key : fmt::format("attest-{}", r.incident.value());
  if (r.date) {
    row.event_date = FormatAcledDate(r.date->first);
    row.year = static_cast<int>(r.date->first.year());
    row.time_precision = AcledTimePrecision(r.date->precision);
  }
  if (r.event_type) row.event_type = AcledEventTypeLabel(*r.event_type);
  // actor1 and actor2 are ACLED's dyad: the second actor is the first one on a
  // side the conflict opposes to the first's, else the next participant.
  std::vector<std::string> participants = Participants(r);
  for (const auto& a : r.actors) {
    if (std::find(participants.begin(), participants.end(), a) == participants.end()) {
      participants.push_back(a);
    }
  }
  if (!participants.empty()) row.actor1 = participants[0];
  Incident as_incident;
  as_incident.place = r.place;
  as_incident.date = r.date;
  as_incident.actors = r.actors;
  if (r.place) {
    if (const Place* p = in.rules.places.ByName(*r.place)) as_incident.country = p->country;
  }
  const Conflict* conflict = ConflictOfIncident(as_incident, in.rules);
  for (size_t i = 1; i < participants.size() && row.actor2.empty(); ++i) {
    if (in.rules.actors.Relation(participants[0], participants[i], conflict) ==
        ActorRelation::kOpposing) {
      row.actor2 = participants[i];
    }
  }
  if (row.actor2.empty() && participants.size() > 1) row.actor2 = participants[1];
  if (r.place) {
    row.location = *r.place;
    if (const Place* p = in.rules.places.ByName(*r.place)) {
      row.country = p->country;
      row.admin1 = p->admin1.value_or("");
      row.admin2 = p->admin2.value_or("");
      row.latitude = p->latitude;
      row.longitude = p->longitude;
    }
  }

  // Sources: the outlets of the incident's reports in order of first claim; for
  // an ACLED row, the sources ACLED cites (the claimants it relays).
  std::vector<std::string> sources;
  auto add_source = [&](const std::string& s) {
    if (!s.empty() && std::find(sources.begin(), sources.end(), s) == sources.end()) {
      sources.push_back(s);
    }
  };
  std::vector<const Claim*> sorted;
  for (const Claim& c : in.claims) sorted.push_back(&c);
  std::sort(sorted.begin(), sorted.end(),
            [](const Claim* a, const Claim* b) { return a->id < b->id; });
  for (const Claim* c : sorted) {
    auto rep = in.reports.find(c->report.value());
    if (rep == in.reports.end() || !rep->second.outlet) continue;
    const std::string& outlet = *rep->second.outlet;
    if (outlet == kAcledOutlet) {
      if (c->chain.size() == 2 && c->chain[0] == kAcledOutlet &&
          c->claimant.SourceName() != kAcledOutlet) {
        add_source(c->claimant.SourceName());
      }
    } else {
      add_source(outlet);
    }
  }
  row.source = Joined(sources, "; ");

  std::vector<std::string> notes;
  int64_t total = 0, per_side = 0;
  for (const SlotRecord& s : r.slots) {
    notes.push_back(fmt::format("{}: {} ({})", s.slot, s.value ? FormatSlotValue(*s.value) : "-",
                                ToString(s.status)));
    if (!IsFatalitySlot(s.slot)) continue;
    if (s.slot == "fatalities") {
      total = ConservativeFatalities(s);
    } else {
      per_side += ConservativeFatalities(s);
    }
  }
  row.fatalities = std::max(total, per_side);
  row.notes = fmt::format("attest record of {}, version {}: {}", r.title, in.version,
                          notes.empty() ? "no slot" : Joined(notes, "; "));
  return row;
}

}  // namespace attest
