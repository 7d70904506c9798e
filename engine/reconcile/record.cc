#include "engine/reconcile/record.h"

namespace attest {

std::string_view ToString(SlotStatus status) {
  switch (status) {
    case SlotStatus::kConfirmed: return "confirmed";
    case SlotStatus::kCorroborated: return "corroborated";
    case SlotStatus::kClaimed: return "claimed";
    case SlotStatus::kContested: return "contested";
    case SlotStatus::kDenied: return "denied";
    case SlotStatus::kRefuted: return "refuted";
    case SlotStatus::kUnknown: return "unknown";
  }
  return "unknown";
}

std::optional<SlotStatus> ParseSlotStatus(std::string_view text) {
  for (auto s : {SlotStatus::kConfirmed, SlotStatus::kCorroborated, SlotStatus::kClaimed,
                 SlotStatus::kContested, SlotStatus::kDenied, SlotStatus::kRefuted,
                 SlotStatus::kUnknown}) {
    if (ToString(s) == text) return s;
  }
  return std::nullopt;
}

const SlotRecord* IncidentRecord::Find(std::string_view slot) const {
  for (const auto& s : slots) {
    if (s.slot == slot) return &s;
  }
  return nullptr;
}

}  // namespace attest
