#include "engine/reliability/claim_evidence.h"

#include <algorithm>
#include <map>

#include "engine/reconcile/stakes.h"

namespace attest {

ClaimEvidence::ClaimEvidence(const Rulebook& rules)
    : rules_(rules), builder_(&rules.place_tree, rules.reliability.closeness) {}

void ClaimEvidence::AddIncident(const Incident& incident, const std::vector<Claim>& claims,
                                const std::vector<Verdict>& verdicts) {
  const Conflict* conflict = ConflictOfIncident(incident, rules_);
  const ConfidenceWeights& w = rules_.policy.weights;

  // A claim's position on a slot: the value it gives or denies, and its weight
  // (the hedges and interest that reconciliation weighs it by).
  struct Said {
    const Claim* claim;
    const SlotValue* value;  // the claim's value, or the value it implies for the slot
  };
  std::vector<const Claim*> ordered;
  ordered.reserve(claims.size());
  for (const Claim& c : claims) ordered.push_back(&c);
  std::sort(ordered.begin(), ordered.end(),
            [](const Claim* a, const Claim* b) { return a->id < b->id; });
  std::map<std::string_view, std::vector<Said>> by_slot;
  for (const Claim* c : ordered) {
    if (IsSilence(c->stance) || !c->value) continue;
    by_slot[c->slot].push_back({c, &*c->value});
    for (const ImpliedSlot& i : c->implied) {
      if (i.slot != c->slot) by_slot[i.slot].push_back({c, &i.value});
    }
  }
  std::map<std::string_view, std::vector<const Verdict*>> judged;
  for (const Verdict& v : verdicts) judged[v.slot].push_back(&v);
  for (auto& [slot, list] : judged) {
    std::stable_sort(list.begin(), list.end(), [](const Verdict* a, const Verdict* b) {
      if (a->recorded_at != b->recorded_at) return a->recorded_at < b->recorded_at;
      return a->id < b->id;
    });
    by_slot[slot];  // a judged slot is an item even when its claims were all silent
  }

  for (auto& [slot, said] : by_slot) {
    SlotType type = rules_.slots.TypeOf(slot);
    if (type == SlotType::kStatement) continue;
    const SlotDefinition* def = rules_.slots.Find(slot);
    builder_.BeginItem(builder_.TopicIndex(TopicOf(slot)), type, incident.id.value());
    for (Said& s : said) {
      const Claim& c = *s.claim;
      bool deny = c.stance == Stance::kDenies;
      const SlotValue* value = s.value;
      SlotValue negated;
      if (c.polarity == Polarity::kNegative) {
        if (const bool* b = std::get_if<bool>(value)) {
          negated = !*b;
          value = &negated;
        } else {
          deny = !deny;
        }
      }
      Stakeholder who = StakeholderOf(c, rules_, conflict);
      Interest interest = InterestOf(c, who, def, rules_, conflict);
      double weight = w.base;
      if (c.endorsement == Endorsement::kDistanced) weight *= w.distanced;
      if (c.modality == Modality::kProbable) weight *= w.probable;
      if (c.modality == Modality::kPossible || c.modality == Modality::kUnknown) {
        weight *= w.possible;
      }
      if (interest == Interest::kSelfServing) weight *= w.self_serving;
      if (interest == Interest::kAgainstInterest) weight *= w.against_interest;
      uint32_t source = builder_.SourceIndex(who.source, who.kind);
      if (deny) {
        builder_.Deny(source, *value, static_cast<float>(weight));
      } else {
        builder_.Support(source, *value, static_cast<float>(weight));
      }
      // An outlet speaking with a relay chain repeats its origin; an outlet
      // listed as republishing another's copy repeats that outlet.
      if (who.kind == ClaimantKind::kOutlet) {
        if (!c.chain.empty() && c.chain.back() != who.source) {
          builder_.DeclareRelay(source,
                                builder_.SourceIndex(c.chain.back(), ClaimantKind::kUnknown));
        }
        auto wire = rules_.policy.republishes.find(who.source);
        if (wire != rules_.policy.republishes.end()) {
          for (const auto& origin : wire->second) {
            builder_.DeclareRelay(source, builder_.SourceIndex(origin, ClaimantKind::kOutlet));
          }
        }
      }
    }
    if (auto it = judged.find(slot); it != judged.end()) {
      for (const Verdict* v : it->second) {
        std::optional<SlotValue> value = v->value;
        if (!value && v->claim) {
          for (const Said& s : said) {
            if (s.claim->id == *v->claim) value = *s.value;
          }
        }
        if (value) builder_.Judge(*value, v->kind == VerdictKind::kConfirmed);
      }
    }
    if (builder_.EndItem()) ++items_;
  }
}

Evidence ClaimEvidence::Finish() { return builder_.Finish(); }

}  // namespace attest
