#include "engine/views/blame.h"

#include <algorithm>
#include <map>
#include <set>

#include "engine/reconcile/stakes.h"

namespace attest {

std::string_view ToString(BlameRole role) {
  switch (role) {
    case BlameRole::kSupport:
      return "support";
    case BlameRole::kAlternative:
      return "alternative";
    case BlameRole::kOppose:
      return "oppose";
    case BlameRole::kSilent:
      return "silent";
  }
  return "support";
}

namespace {

bool SameValueAndStatus(const SlotRecord& a, const SlotRecord& b) {
  if (a.status != b.status) return false;
  if (a.value.has_value() != b.value.has_value()) return false;
  return !a.value || FormatSlotValue(*a.value) == FormatSlotValue(*b.value);
}

SlotTouch TouchAt(const IncidentVersion& v, const SlotRecord* before, const SlotRecord& after) {
  SlotTouch t;
  t.version = v.version;
  t.recorded_at = v.recorded_at;
  t.cause = v.cause;
  if (before) t.before = StateOf(*before);
  t.after = StateOf(after);
  return t;
}

}  // namespace

// 1. The slot as the last version of the history holds it.
// 2. Walk back while the previous version holds the same value and status: the
//    first version of that run is the one since which the value holds.
// 3. Later versions of the run that still changed the slot (claims, confidence)
//    are listed after it.
// 4. Each claim in the slot's lists gets its role, its claimant's side and
//    interest (engine/reconcile/stakes.h, as reconciliation reads them), and the
//    first version whose cause names it.
std::optional<SlotBlame> Blame(const BlameInput& in) {
  if (in.history.empty()) return std::nullopt;
  const IncidentVersion& last = in.history.back();
  const SlotRecord* current = last.record.Find(in.slot);
  if (!current) return std::nullopt;

  SlotBlame out;
  out.incident = in.incident.id;
  out.key = in.incident.key;
  out.title = last.record.title;
  out.slot = in.slot;
  out.current = *current;
  out.version = last.version;
  out.recorded_at = last.recorded_at;

  size_t first = in.history.size() - 1;
  while (first > 0) {
    const SlotRecord* prev = in.history[first - 1].record.Find(in.slot);
    if (!prev || !SameValueAndStatus(*prev, *current)) break;
    --first;
  }
  const SlotRecord* before = first > 0 ? in.history[first - 1].record.Find(in.slot) : nullptr;
  out.since = TouchAt(in.history[first], before, *in.history[first].record.Find(in.slot));
  for (size_t k = first + 1; k < in.history.size(); ++k) {
    const SlotRecord* a = in.history[k - 1].record.Find(in.slot);
    const SlotRecord* b = in.history[k].record.Find(in.slot);
    if (a && b && !(StateOf(*a) == StateOf(*b))) out.later.push_back(TouchAt(in.history[k], a, *b));
  }

  // The version that brought each claim: the first whose cause lists it.
  std::map<int64_t, int64_t> brought;
  for (const auto& v : in.history) {
    for (ClaimId id : v.cause.claims) brought.emplace(id.value(), v.version);
  }

  std::set<int64_t> alternative;
  for (const auto& a : current->alternatives) {
    for (ClaimId id : a.support) alternative.insert(id.value());
  }
  std::map<int64_t, BlameRole> role;
  for (ClaimId id : current->support) role.emplace(id.value(), BlameRole::kSupport);
  for (ClaimId id : current->oppose) {
    role.emplace(id.value(),
                 alternative.count(id.value()) ? BlameRole::kAlternative : BlameRole::kOppose);
  }
  for (ClaimId id : current->silent) role.emplace(id.value(), BlameRole::kSilent);

  const Conflict* conflict = ConflictOfIncident(in.incident, in.rules);
  const SlotDefinition* def = in.rules.slots.Find(in.slot);
  std::vector<BlameClaim> claims;
  for (const Claim& c : in.claims) {
    auto r = role.find(c.id.value());
    if (r == role.end()) continue;
    // A claim whose content implies the slot speaks to it with the implied value.
    Claim said = c;
    bool implied = false;
    if (c.slot != in.slot) {
      auto it = std::find_if(c.implied.begin(), c.implied.end(),
                             [&](const ImpliedSlot& i) { return i.slot == in.slot; });
      if (it != c.implied.end()) {
        said.slot = it->slot;
        said.value = it->value;
        implied = true;
      }
    }
    Stakeholder who = StakeholderOf(said, in.rules, conflict);
    BlameClaim b;
    b.id = c.id;
    b.role = r->second;
    b.claimant = c.claimant.SourceName();
    b.kind = who.kind;
    if (who.side) b.side = *who.side;
    if (b.role != BlameRole::kSilent) b.interest = InterestOf(said, who, def, in.rules, conflict);
    b.stance = c.stance;
    b.modality = c.modality;
    b.endorsement = c.endorsement;
    b.polarity = c.polarity;
    b.value = said.value;
    b.implied = implied;
    if (c.cue && !c.cue->text.empty()) b.cue = c.cue->text;
    b.quote = c.quote;
    b.text = c.text;
    b.report = c.report.value();
    if (auto rep = in.reports.find(c.report.value()); rep != in.reports.end()) {
      b.outlet = rep->second.outlet;
      b.published = rep->second.published;
    }
    if (auto v = brought.find(c.id.value()); v != brought.end()) b.version = v->second;
    claims.push_back(std::move(b));
  }
  std::stable_sort(claims.begin(), claims.end(), [](const BlameClaim& a, const BlameClaim& b) {
    if (a.role != b.role) return static_cast<int>(a.role) < static_cast<int>(b.role);
    return a.id < b.id;
  });

  for (const BlameClaim& c : claims) {
    auto it = std::find_if(out.sources.begin(), out.sources.end(),
                           [&](const BlameSource& s) { return s.name == c.claimant; });
    if (it == out.sources.end()) {
      out.sources.push_back({c.claimant, c.kind, c.side, {}, {}, {}});
      it = out.sources.end() - 1;
    }
    switch (c.role) {
      case BlameRole::kSupport:
        it->support.push_back(c.id);
        break;
      case BlameRole::kAlternative:
      case BlameRole::kOppose:
        it->oppose.push_back(c.id);
        break;
      case BlameRole::kSilent:
        it->silent.push_back(c.id);
        break;
    }
  }
  for (BlameSource& s : out.sources) std::sort(s.oppose.begin(), s.oppose.end());
  out.claims = std::move(claims);
  return out;
}

}  // namespace attest
