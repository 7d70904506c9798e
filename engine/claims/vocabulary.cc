#include "engine/claims/vocabulary.h"

#include <array>
#include <utility>

namespace attest {

namespace {

template <typename E, size_t N>
using Table = std::array<std::pair<E, std::string_view>, N>;

template <typename E, size_t N>
std::string_view Name(const Table<E, N>& table, E value) {
  for (const auto& [e, name] : table) {
    if (e == value) return name;
  }
  return "unknown";
}

template <typename E, size_t N>
std::optional<E> Find(const Table<E, N>& table, std::string_view text) {
  for (const auto& [e, name] : table) {
    if (name == text) return e;
  }
  return std::nullopt;
}

constexpr Table<Stance, 6> kStances{{{Stance::kAsserts, "asserts"},
                                     {Stance::kAcknowledges, "acknowledges"},
                                     {Stance::kConfirms, "confirms"},
                                     {Stance::kDenies, "denies"},
                                     {Stance::kDeclines, "declines"},
                                     {Stance::kNotConfirmed, "not_confirmed"}}};
constexpr Table<Modality, 4> kModalities{{{Modality::kCertain, "certain"},
                                          {Modality::kProbable, "probable"},
                                          {Modality::kPossible, "possible"},
                                          {Modality::kUnknown, "unknown"}}};
constexpr Table<Endorsement, 3> kEndorsements{{{Endorsement::kAuthor, "author"},
                                               {Endorsement::kReported, "reported"},
                                               {Endorsement::kDistanced, "distanced"}}};
constexpr Table<Polarity, 3> kPolarities{{{Polarity::kPositive, "positive"},
                                          {Polarity::kNegative, "negative"},
                                          {Polarity::kMixed, "mixed"}}};
constexpr Table<CueClass, 11> kCueClasses{{{CueClass::kReport, "report"},
                                           {CueClass::kAssert, "assert"},
                                           {CueClass::kDistance, "distance"},
                                           {CueClass::kAdmit, "admit"},
                                           {CueClass::kConfirm, "confirm"},
                                           {CueClass::kDeny, "deny"},
                                           {CueClass::kClaimResponsibility, "claim_responsibility"},
                                           {CueClass::kHearsayFrame, "hearsay_frame"},
                                           {CueClass::kDecline, "decline"},
                                           {CueClass::kNotConfirm, "not_confirm"},
                                           {CueClass::kNone, "none"}}};
constexpr Table<ClaimantKind, 9> kKinds{{{ClaimantKind::kOutlet, "outlet"},
                                         {ClaimantKind::kArmedGroup, "armed_group"},
                                         {ClaimantKind::kState, "state"},
                                         {ClaimantKind::kInternational, "international"},
                                         {ClaimantKind::kCivilSociety, "civil_society"},
                                         {ClaimantKind::kWitness, "witness"},
                                         {ClaimantKind::kAnonymousSources, "anonymous_sources"},
                                         {ClaimantKind::kPerson, "person"},
                                         {ClaimantKind::kUnknown, "unknown"}}};
constexpr Table<ClaimantCount, 4> kCounts{{{ClaimantCount::kOne, "one"},
                                           {ClaimantCount::kSeveral, "several"},
                                           {ClaimantCount::kMany, "many"},
                                           {ClaimantCount::kUnknown, "unknown"}}};
constexpr Table<HedgeKind, 6> kHedgeKinds{{{HedgeKind::kAttribution, "attribution"},
                                           {HedgeKind::kConditional, "conditional"},
                                           {HedgeKind::kEpistemic, "epistemic"},
                                           {HedgeKind::kApproximation, "approximation"},
                                           {HedgeKind::kAnonymity, "anonymity"},
                                           {HedgeKind::kScareQuotes, "scare_quotes"}}};
constexpr Table<Factuality, 7> kFactualities{{{Factuality::kCTPlus, "CT+"},
                                              {Factuality::kPRPlus, "PR+"},
                                              {Factuality::kPSPlus, "PS+"},
                                              {Factuality::kCTMinus, "CT-"},
                                              {Factuality::kPRMinus, "PR-"},
                                              {Factuality::kPSMinus, "PS-"},
                                              {Factuality::kUu, "Uu"}}};

}  // namespace

std::string_view ToString(Stance v) { return Name(kStances, v); }
std::string_view ToString(Modality v) { return Name(kModalities, v); }
std::string_view ToString(Endorsement v) { return Name(kEndorsements, v); }
std::string_view ToString(Polarity v) { return Name(kPolarities, v); }
std::string_view ToString(CueClass v) { return Name(kCueClasses, v); }
std::string_view ToString(ClaimantKind v) { return Name(kKinds, v); }
std::string_view ToString(ClaimantCount v) { return Name(kCounts, v); }
std::string_view ToString(HedgeKind v) { return Name(kHedgeKinds, v); }
std::string_view ToString(Factuality v) { return Name(kFactualities, v); }

std::optional<Stance> ParseStance(std::string_view t) { return Find(kStances, t); }
std::optional<Modality> ParseModality(std::string_view t) { return Find(kModalities, t); }
std::optional<Endorsement> ParseEndorsement(std::string_view t) { return Find(kEndorsements, t); }
std::optional<Polarity> ParsePolarity(std::string_view t) { return Find(kPolarities, t); }
std::optional<CueClass> ParseCueClass(std::string_view t) { return Find(kCueClasses, t); }
std::optional<ClaimantKind> ParseClaimantKind(std::string_view t) { return Find(kKinds, t); }
std::optional<ClaimantCount> ParseClaimantCount(std::string_view t) { return Find(kCounts, t); }
std::optional<HedgeKind> ParseHedgeKind(std::string_view t) { return Find(kHedgeKinds, t); }

std::string_view StanceChoices() {
  return "asserts, acknowledges, confirms, denies, declines, not_confirmed";
}
std::string_view ModalityChoices() { return "certain, probable, possible, unknown"; }
std::string_view EndorsementChoices() { return "author, reported, distanced"; }
std::string_view PolarityChoices() { return "positive, negative, null"; }
std::string_view CueClassChoices() {
  return "report, assert, distance, admit, confirm, deny, claim_responsibility, hearsay_frame, "
         "decline, not_confirm, none";
}
std::string_view ClaimantKindChoices() {
  return "outlet, armed_group, state, international, civil_society, witness, anonymous_sources, "
         "person, unknown";
}
std::string_view ClaimantCountChoices() { return "one, several, many, unknown"; }
std::string_view HedgeKindChoices() {
  return "attribution, conditional, epistemic, approximation, anonymity, scare_quotes";
}

bool IsSilence(Stance stance) {
  return stance == Stance::kDeclines || stance == Stance::kNotConfirmed;
}

Factuality FactualityOf(Stance stance, Modality modality, Polarity polarity) {
  if (IsSilence(stance) || modality == Modality::kUnknown) return Factuality::kUu;
  bool positive = polarity != Polarity::kNegative;
  if (stance == Stance::kDenies) positive = !positive;
  switch (modality) {
    case Modality::kCertain: return positive ? Factuality::kCTPlus : Factuality::kCTMinus;
    case Modality::kProbable: return positive ? Factuality::kPRPlus : Factuality::kPRMinus;
    case Modality::kPossible: return positive ? Factuality::kPSPlus : Factuality::kPSMinus;
    case Modality::kUnknown: break;
  }
  return Factuality::kUu;
}

}  // namespace attest
