#include "engine/rulebook/slots.h"

namespace attest {

std::string_view ToString(Interest interest) {
  switch (interest) {
    case Interest::kSelfServing: return "self_serving";
    case Interest::kAgainstInterest: return "against_interest";
    case Interest::kNeutral: return "neutral";
  }
  return "neutral";
}

std::optional<Interest> ParseInterest(std::string_view text) {
  if (text == "self_serving") return Interest::kSelfServing;
  if (text == "against_interest") return Interest::kAgainstInterest;
  if (text == "neutral") return Interest::kNeutral;
  return std::nullopt;
}

SlotCatalog::SlotCatalog(std::vector<SlotDefinition> definitions, SlotType default_type)
    : definitions_(std::move(definitions)), default_type_(default_type) {}

const SlotDefinition* SlotCatalog::Find(std::string_view slot) const {
  const SlotDefinition* best = nullptr;
  size_t best_len = 0;
  for (const auto& d : definitions_) {
    const std::string& p = d.pattern;
    if (p == slot) return &d;
    if (p.size() >= 2 && p.back() == '*') {
      std::string_view prefix(p.data(), p.size() - 1);  // "fatalities:" or "materiel."
      if (slot.size() > prefix.size() && slot.substr(0, prefix.size()) == prefix &&
          prefix.size() > best_len) {
        best = &d;
        best_len = prefix.size();
      }
    }
  }
  return best;
}

SlotType SlotCatalog::TypeOf(std::string_view slot) const {
  const SlotDefinition* d = Find(slot);
  return d ? d->type : default_type_;
}

std::optional<std::string> SlotCatalog::Suffix(std::string_view slot) {
  auto colon = slot.find(':');
  if (colon == std::string_view::npos || colon + 1 >= slot.size()) return std::nullopt;
  return std::string(slot.substr(colon + 1));
}

}  // namespace attest
