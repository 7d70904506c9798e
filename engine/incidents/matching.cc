#include "engine/incidents/matching.h"

#include <algorithm>

#include "engine/text/utf8.h"

namespace attest {

ResolvedRef ResolveRef(const IncidentRef& ref, const Rulebook& rules) {
  ResolvedRef out;
  out.key = ref.key;
  if (ref.place && !ref.place->empty()) {
    out.place_as_written = ref.place;
    if (auto match = rules.places.Find(*ref.place)) {
      out.place = match->place->name;
      out.country = match->place->country;
      out.place_by_spelling = match->by_spelling;
    } else {
      out.place = *ref.place;
    }
  }
  out.date = ref.date;
  out.event_type = ref.event_type;
  for (const auto& name : ref.actors) {
    const Actor* actor = rules.actors.Find(name);
    out.actors.push_back(actor ? actor->name : name);
  }
  std::sort(out.actors.begin(), out.actors.end());
  out.actors.erase(std::unique(out.actors.begin(), out.actors.end()), out.actors.end());
  return out;
}

ResolvedRef ResolveClaimRef(const Claim& claim, const Rulebook& rules) {
  ResolvedRef out = ResolveRef(claim.incident_ref.value_or(IncidentRef{}), rules);
  std::vector<std::string> named;
  bool asserted = !IsSilence(claim.stance) && claim.stance != Stance::kDenies &&
                  claim.polarity != Polarity::kNegative && claim.value;
  auto participant = [&](const std::string& slot, const SlotValue& value) {
    if (slot.rfind("participant:", 0) == 0 && std::holds_alternative<bool>(value) &&
        std::get<bool>(value)) {
      named.push_back(slot.substr(std::string_view("participant:").size()));
    }
  };
  if (asserted) {
    participant(claim.slot, *claim.value);
    for (const auto& i : claim.implied) participant(i.slot, i.value);
  }
  if (asserted && claim.slot == "perpetrator" &&
      std::holds_alternative<std::string>(*claim.value)) {
    named.push_back(std::get<std::string>(*claim.value));
  }
  for (const auto& name : named) {
    const Actor* actor = rules.actors.Find(name);
    out.named_actors.push_back(actor ? actor->name : name);
  }
  return out;
}

bool CanJoin(const Incident& incident, const ResolvedRef& ref) {
  if (!ref.place || !incident.place) return false;
  if (*ref.place != *incident.place && FoldForMatch(*ref.place) != FoldForMatch(*incident.place)) {
    return false;
  }
  if (ref.date && incident.date && !ref.date->Overlaps(*incident.date)) return false;
  if (!ref.actors.empty() && !incident.actors.empty()) {
    bool shared = false;
    for (const auto& a : ref.actors) {
      shared = shared || std::binary_search(incident.actors.begin(), incident.actors.end(), a);
    }
    if (!shared) return false;
  }
  return true;
}

std::optional<size_t> ChooseIncident(const std::vector<const Incident*>& candidates,
                                     const ResolvedRef& ref) {
  std::optional<size_t> best;
  auto span = [](const Incident* i) {
    return i->date ? (i->date->last - i->date->first).days() : 1000000;
  };
  for (size_t i = 0; i < candidates.size(); ++i) {
    const Incident* c = candidates[i];
    if (c->merged_into || !CanJoin(*c, ref)) continue;
    if (!best) {
      best = i;
      continue;
    }
    const Incident* b = candidates[*best];
    if (span(c) < span(b) || (span(c) == span(b) && c->id < b->id)) best = i;
  }
  return best;
}

Incident NewIncident(const ResolvedRef& ref, Timestamp now) {
  Incident incident;
  incident.key = ref.key;
  incident.place = ref.place;
  incident.country = ref.country;
  incident.date = ref.date;
  incident.event_type = ref.event_type;
  incident.actors = ref.actors;
  incident.created_at = now;
  AbsorbRef(incident, ref);
  incident.title = DescribeIncident(incident);
  return incident;
}

bool AbsorbRef(Incident& incident, const ResolvedRef& ref) {
  bool changed = false;
  if (!incident.place && ref.place) {
    incident.place = ref.place;
    incident.country = ref.country;
    changed = true;
  }
  if (ref.date) {
    if (!incident.date) {
      incident.date = ref.date;
      changed = true;
    } else if (incident.date->Contains(*ref.date) && !(*incident.date == *ref.date) &&
               (ref.date->last - ref.date->first) < (incident.date->last - incident.date->first)) {
      incident.date = ref.date;
      changed = true;
    }
  }
  if (!incident.event_type && ref.event_type) {
    incident.event_type = ref.event_type;
    changed = true;
  }
  std::vector<std::string> all = ref.actors;
  all.insert(all.end(), ref.named_actors.begin(), ref.named_actors.end());
  for (const auto& a : all) {
    auto it = std::lower_bound(incident.actors.begin(), incident.actors.end(), a);
    if (it == incident.actors.end() || *it != a) {
      incident.actors.insert(it, a);
      changed = true;
    }
  }
  if (changed) incident.title = DescribeIncident(incident);
  return changed;
}

}  // namespace attest
