// The closed vocabularies of the claim model (shared/spec/claims.md, "Fields"):
// stance, modality, endorsement, polarity, cue class, claimant kind and count,
// hedge kind, and FactBank factuality. Each has a stable lower-case spelling used
// in every machine output and in the store.
#pragma once

#include <optional>
#include <string_view>

namespace attest {

enum class Stance { kAsserts, kAcknowledges, kConfirms, kDenies, kDeclines, kNotConfirmed };
enum class Modality { kCertain, kProbable, kPossible, kUnknown };
enum class Endorsement { kAuthor, kReported, kDistanced };
// kMixed: the clause mixes both (claims.md: `polarity: null`).
enum class Polarity { kPositive, kNegative, kMixed };
enum class CueClass {
  kReport,
  kAssert,
  kDistance,
  kAdmit,
  kConfirm,
  kDeny,
  kClaimResponsibility,
  kHearsayFrame,
  kDecline,
  kNotConfirm,
  kNone
};
enum class ClaimantKind {
  kOutlet,
  kArmedGroup,
  kState,
  kInternational,
  kCivilSociety,
  kWitness,
  kAnonymousSources,
  kPerson,
  kUnknown
};
enum class ClaimantCount { kOne, kSeveral, kMany, kUnknown };
enum class HedgeKind {
  kAttribution,
  kConditional,
  kEpistemic,
  kApproximation,
  kAnonymity,
  kScareQuotes
};
// FactBank values: certainty (CT certain, PR probable, PS possible) and sign, or
// Uu (uncommitted).
enum class Factuality { kCTPlus, kPRPlus, kPSPlus, kCTMinus, kPRMinus, kPSMinus, kUu };

std::string_view ToString(Stance v);
std::string_view ToString(Modality v);
std::string_view ToString(Endorsement v);
std::string_view ToString(Polarity v);  // kMixed prints as "mixed"; JSON writes null
std::string_view ToString(CueClass v);
std::string_view ToString(ClaimantKind v);
std::string_view ToString(ClaimantCount v);
std::string_view ToString(HedgeKind v);
std::string_view ToString(Factuality v);

std::optional<Stance> ParseStance(std::string_view text);
std::optional<Modality> ParseModality(std::string_view text);
std::optional<Endorsement> ParseEndorsement(std::string_view text);
std::optional<Polarity> ParsePolarity(std::string_view text);
std::optional<CueClass> ParseCueClass(std::string_view text);
std::optional<ClaimantKind> ParseClaimantKind(std::string_view text);
std::optional<ClaimantCount> ParseClaimantCount(std::string_view text);
std::optional<HedgeKind> ParseHedgeKind(std::string_view text);

// The accepted spellings, for error messages ("one of asserts, acknowledges, …").
std::string_view StanceChoices();
std::string_view ModalityChoices();
std::string_view EndorsementChoices();
std::string_view PolarityChoices();
std::string_view CueClassChoices();
std::string_view ClaimantKindChoices();
std::string_view ClaimantCountChoices();
std::string_view HedgeKindChoices();

// True for the stances that commit to no value: declines and not_confirmed.
bool IsSilence(Stance stance);

// FactBank factuality for the claimant (claims.md): certainty from the modality,
// sign from the polarity, flipped by a denial; silences give Uu.
Factuality FactualityOf(Stance stance, Modality modality, Polarity polarity);

}  // namespace attest
