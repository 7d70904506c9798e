#include "engine/rulebook/actors.h"

#include "engine/text/utf8.h"

namespace attest {

bool Conflict::Opposed(std::string_view side_a, std::string_view side_b) const {
  for (const auto& [a, b] : opposing) {
    if ((a == side_a && b == side_b) || (a == side_b && b == side_a)) return true;
  }
  return false;
}

ActorGazetteer::ActorGazetteer(std::vector<Conflict> conflicts, std::vector<Actor> actors)
    : conflicts_(std::move(conflicts)), actors_(std::move(actors)) {
  for (size_t i = 0; i < actors_.size(); ++i) {
    const Actor& a = actors_[i];
    by_name_.emplace(a.name, i);
    uint64_t bit = WordHash(a.name) % (64 * name_bits_.size());
    name_bits_[bit / 64] |= uint64_t{1} << (bit % 64);
    folded_names_.push_back(FoldForMatch(a.name));
    by_folded_.emplace(folded_names_.back(), i);
    for (const auto& alias : a.aliases) by_folded_.emplace(FoldForMatch(alias), i);
    for (const auto& d : a.designations) by_designation_[FoldForMatch(d)].push_back(i);
  }
}

const Actor* ActorGazetteer::Find(std::string_view text) const {
  auto it = by_folded_.find(FoldForMatch(text));
  return it == by_folded_.end() ? nullptr : &actors_[it->second];
}

const Actor* ActorGazetteer::FindDesignation(std::string_view text,
                                             const Conflict* conflict) const {
  auto it = by_designation_.find(FoldForMatch(text));
  if (it == by_designation_.end()) return nullptr;
  const Actor* found = nullptr;
  for (size_t i : it->second) {
    const Actor& a = actors_[i];
    bool in_conflict = conflict ? a.sides.count(conflict->name) > 0 : it->second.size() == 1;
    if (!in_conflict) continue;
    if (found) return nullptr;  // ambiguous in this conflict
    found = &a;
  }
  return found;
}

const Actor* ActorGazetteer::ByName(std::string_view canonical) const {
  uint64_t bit = WordHash(canonical) % (64 * name_bits_.size());
  if (((name_bits_[bit / 64] >> (bit % 64)) & 1) == 0) return nullptr;
  auto it = by_name_.find(canonical);
  return it == by_name_.end() ? nullptr : &actors_[it->second];
}

const Conflict* ActorGazetteer::ConflictFor(std::string_view country,
                                            const std::optional<DateInterval>& date) const {
  for (const auto& c : conflicts_) {
    bool country_fits = false;
    for (const auto& k : c.countries) country_fits = country_fits || k == country;
    if (!country_fits) continue;
    if (c.period && date && !c.period->Overlaps(*date)) continue;
    return &c;
  }
  return nullptr;
}

const Conflict* ActorGazetteer::ConflictOf(std::string_view actor_a, std::string_view actor_b,
                                           const std::optional<DateInterval>& date) const {
  for (const auto& c : conflicts_) {
    if (c.period && date && !c.period->Overlaps(*date)) continue;
    if (SideOf(actor_a, &c) && SideOf(actor_b, &c)) return &c;
  }
  return nullptr;
}

std::optional<std::string> ActorGazetteer::SideOf(std::string_view actor,
                                                  const Conflict* conflict) const {
  const std::string* side = FindSide(actor, conflict);
  if (!side) return std::nullopt;
  return *side;
}

const std::string* ActorGazetteer::FindSide(std::string_view actor,
                                            const Conflict* conflict) const {
  if (!conflict) return nullptr;
  const Actor* a = ByName(actor);
  for (int depth = 0; a && depth < 4; ++depth) {
    auto it = a->sides.find(conflict->name);
    if (it != a->sides.end()) return &it->second;
    a = a->parent ? ByName(*a->parent) : nullptr;
  }
  return nullptr;
}

ActorRelation ActorGazetteer::Relation(std::string_view actor_a, std::string_view actor_b,
                                       const Conflict* conflict) const {
  if (actor_a == actor_b) return ActorRelation::kSame;
  auto sa = SideOf(actor_a, conflict);
  auto sb = SideOf(actor_b, conflict);
  if (!sa || !sb) return ActorRelation::kUnrelated;
  if (*sa == *sb) return ActorRelation::kSameSide;
  if (conflict->Opposed(*sa, *sb)) return ActorRelation::kOpposing;
  return ActorRelation::kUnrelated;
}

}  // namespace attest
