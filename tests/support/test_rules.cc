#include "tests/support/test_rules.h"

#include "engine/rulebook/reliability_rules.h"

namespace attest::testing {

Rulebook SmallRulebook() {
  Conflict c;
  c.name = "testland";
  c.countries = {"Testland"};
  c.sides = {"government", "rebels"};
  c.opposing = {{"government", "rebels"}};
  auto actor = [](std::string name, ClaimantKind kind, std::string side) {
    Actor a;
    a.name = std::move(name);
    a.kind = kind;
    if (!side.empty()) a.sides["testland"] = std::move(side);
    return a;
  };
  std::vector<Actor> actors = {
      actor("Army", ClaimantKind::kState, "government"),
      actor("Ministry", ClaimantKind::kState, "government"),
      actor("Front", ClaimantKind::kArmedGroup, "rebels"),
      actor("Allies", ClaimantKind::kArmedGroup, "rebels"),
      actor("Wire", ClaimantKind::kOutlet, ""),
      actor("Daily", ClaimantKind::kOutlet, ""),
  };
  actors[0].aliases = {"the army"};

  Rulebook book;
  book.actors = ActorGazetteer({c}, actors);
  Place p;
  p.name = "Townsville";
  p.variants = {"Townsvile"};
  p.country = "Testland";
  Place q;
  q.name = "Rivertown";
  q.country = "Testland";
  book.places = PlaceGazetteer({p, q});
  auto slot = [](std::string pattern, SlotType type, Interest party = Interest::kNeutral) {
    SlotDefinition d;
    d.pattern = std::move(pattern);
    d.type = type;
    d.party = party;
    return d;
  };
  std::vector<SlotDefinition> slots = {
      slot("occurred", SlotType::kBool),
      slot("participant:*", SlotType::kBool),
      slot("fatalities", SlotType::kCount, Interest::kSelfServing),
      slot("fatalities:*", SlotType::kCount),
      slot("outcome", SlotType::kText, Interest::kSelfServing),
      slot("convoy.vehicles", SlotType::kCount),
      slot("place", SlotType::kPlace),
      slot("statement", SlotType::kStatement),
  };
  slots[1].self = Interest::kNeutral;
  slots[1].own = Interest::kAgainstInterest;
  slots[3].own = Interest::kAgainstInterest;
  slots[3].enemy = Interest::kSelfServing;
  book.slots = SlotCatalog(slots, SlotType::kText);
  book.policy.republishes["Daily"] = {"Wire"};
  book.place_tree = PlaceTreeOf(book.places);
  return book;
}

}  // namespace attest::testing
