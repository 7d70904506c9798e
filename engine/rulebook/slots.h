// The slot catalogue (rules/common/slots.toml): which slots exist, the type of
// their values, and how a party's claim about them bears on its interest. Slots
// not listed (the attributes of a data-fusion table: `act_dep`, `Population2000`)
// take the default type, text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/claims/slot_value.h"

namespace attest {

enum class Interest { kSelfServing, kAgainstInterest, kNeutral };

std::string_view ToString(Interest interest);
std::optional<Interest> ParseInterest(std::string_view text);

struct SlotDefinition {
  // An exact name ("occurred") or a family ending in ":*" ("fatalities:*": the
  // part after the colon names an actor or a side) or ".*" ("materiel.*").
  std::string pattern;
  SlotType type = SlotType::kText;
  std::string about;
  // Interest of a claim by a party to the conflict, whatever the suffix.
  Interest party = Interest::kNeutral;
  // For ":*" families (and actor-valued slots): interest when the suffix (or the
  // value) names the claimant itself, another actor of its side, or an actor of a
  // side opposed to it. `self` falls back to `own` when absent.
  std::optional<Interest> self;
  std::optional<Interest> own;
  std::optional<Interest> enemy;
  int64_t line = 0;
};

class SlotCatalog {
 public:
  SlotCatalog() = default;
  SlotCatalog(std::vector<SlotDefinition> definitions, SlotType default_type);

  // The definition that covers `slot`: exact first, then the longest family.
  const SlotDefinition* Find(std::string_view slot) const;
  SlotType TypeOf(std::string_view slot) const;
  // The part after "family:" ("FAMa" in "fatalities:FAMa"), if any.
  static std::optional<std::string> Suffix(std::string_view slot);
  const std::vector<SlotDefinition>& definitions() const { return definitions_; }

 private:
  std::vector<SlotDefinition> definitions_;
  SlotType default_type_ = SlotType::kText;
};

}  // namespace attest
