#include "engine/reconcile/stakes.h"

namespace attest {

const Conflict* ConflictOfIncident(const Incident& incident, const Rulebook& rules) {
  if (incident.country) {
    if (const Conflict* c = rules.actors.ConflictFor(*incident.country, incident.date)) return c;
  }
  for (const auto& c : rules.actors.conflicts()) {
    if (c.period && incident.date && !c.period->Overlaps(*incident.date)) continue;
    for (const auto& actor : incident.actors) {
      if (rules.actors.FindSide(actor, &c)) return &c;
    }
  }
  return nullptr;
}

Stakeholder StakeholderOf(const Claim& claim, const Rulebook& rules, const Conflict* conflict) {
  Stakeholder who;
  who.source = claim.claimant.SourceName();
  who.kind = claim.claimant.kind;
  if (claim.claimant.name) {
    if (const Actor* actor = rules.actors.ByName(*claim.claimant.name)) {
      if (who.kind == ClaimantKind::kUnknown) who.kind = actor->kind;
      who.side = rules.actors.FindSide(actor->name, conflict);
    }
  }
  return who;
}

namespace {

// The side that a slot suffix or an actor-valued slot value names: an actor
// (its side) or a side of the conflict by name.
const std::string* SideNamed(std::string_view name, const Rulebook& rules,
                             const Conflict* conflict) {
  if (!conflict) return nullptr;
  const Actor* actor = rules.actors.ByName(name);
  if (!actor) actor = rules.actors.Find(name);
  if (actor) return rules.actors.FindSide(actor->name, conflict);
  for (const auto& side : conflict->sides) {
    if (side == name) return &side;
  }
  return nullptr;
}

bool NamesClaimant(std::string_view name, const Stakeholder& who, const Rulebook& rules) {
  if (name == who.source) return true;
  const Actor* actor = rules.actors.Find(name);
  return actor && actor->name == who.source;
}

}  // namespace

namespace {

// The interest of asserting the claim's content, before a denial turns it over.
Interest InterestOfAsserting(const Claim& claim, const Stakeholder& who, const SlotDefinition* def,
                             const Rulebook& rules, const Conflict* conflict) {
  if (!def) return Interest::kNeutral;

  std::optional<std::string> named = SlotCatalog::Suffix(claim.slot);
  if (!named && def->type == SlotType::kActor && claim.value) {
    if (const auto* s = std::get_if<std::string>(&*claim.value)) named = *s;
  }
  if (named) {
    if (NamesClaimant(*named, who, rules)) {
      if (def->self) return *def->self;
      if (def->own) return *def->own;
    }
    if (const std::string* side = SideNamed(*named, rules, conflict)) {
      if (*side == *who.side && def->own) return *def->own;
      if (conflict->Opposed(*side, *who.side) && def->enemy) return *def->enemy;
    }
  }
  return def->party;
}

}  // namespace

Interest InterestOf(const Claim& claim, const Stakeholder& who, const SlotDefinition* def,
                    const Rulebook& rules, const Conflict* conflict) {
  if (!who.party()) return Interest::kNeutral;
  if (claim.stance == Stance::kAcknowledges) return Interest::kAgainstInterest;
  Interest asserting = InterestOfAsserting(claim, who, def, rules, conflict);
  // Denying what would cost you (your own losses) serves you, and the reverse.
  bool denies = claim.stance == Stance::kDenies;
  if (claim.polarity == Polarity::kNegative && claim.value &&
      !std::holds_alternative<bool>(*claim.value)) {
    denies = !denies;
  }
  if (!denies) return asserting;
  if (asserting == Interest::kAgainstInterest) return Interest::kSelfServing;
  if (asserting == Interest::kSelfServing) return Interest::kAgainstInterest;
  return Interest::kNeutral;
}

IndependenceGroup IndependenceGroupOf(const Claim& claim, const Stakeholder& who,
                                      std::string_view report_outlet, const Rulebook& rules) {
  using Kind = IndependenceGroup::Kind;
  if (who.side) return {Kind::kSide, *who.side, {}};
  if (who.kind == ClaimantKind::kOutlet) {
    auto it = rules.policy.republishes.find(who.source);
    if (it != rules.policy.republishes.end() && !it->second.empty()) {
      return {Kind::kSource, it->second.front(), {}};
    }
  }
  std::string_view origin = who.source;
  if (!claim.chain.empty() && claim.claimant.kind == ClaimantKind::kOutlet) {
    origin = claim.chain.back();
  }
  bool anonymous = claim.claimant.anonymous || who.kind == ClaimantKind::kAnonymousSources ||
                   who.kind == ClaimantKind::kWitness;
  if (anonymous) return {Kind::kAnonymous, origin, report_outlet};
  return {Kind::kSource, origin, {}};
}

}  // namespace attest
