// The claimant's speech act (shared/spec/claims.md, "stance"): admissions,
// confirmations, denials, claims of responsibility, silences and what a party
// has not confirmed, with the factuality each gives.
#include <catch2/catch.hpp>

#include "tests/engine/extract/extraction_table.h"

namespace attest {

using testing::CheckPassage;
using testing::kNone;
using testing::Passage;

TEST_CASE("a French admission, confirmation or denial gives its stance and factuality",
          "[extract][fr]") {
  auto p = GENERATE(values<Passage>({
      {.text = "L'armée admet que deux postes ont été abandonnés près de Boni.",
       .claims = {{.anchor = "admet",
                   .claimant = "FAMa",
                   .cue = "admet",
                   .cue_class = CueClass::kAdmit,
                   .stance = Stance::kAcknowledges,
                   .factuality = Factuality::kCTPlus}}},
      {.text = "La gendarmerie a confirmé l'enlèvement de cinq enseignants près de Koro.",
       .claims = {{.anchor = "a confirmé",
                   .claimant = "Malian gendarmerie",
                   .kind = ClaimantKind::kState,
                   .cue = "confirmé",
                   .cue_class = CueClass::kConfirm,
                   .stance = Stance::kConfirms,
                   .factuality = Factuality::kCTPlus}}},
      {.text = "Le gouvernement malien nie toute présence de mercenaires russes à Ménaka.",
       .claims = {{.anchor = "nie",
                   .claimant = "Government of Mali",
                   .cue = "nie",
                   .cue_class = CueClass::kDeny,
                   .stance = Stance::kDenies,
                   .polarity = Polarity::kPositive,
                   .factuality = Factuality::kCTMinus,
                   .slot = "participant:Africa Corps",
                   .value = "true"}}},
      {.text = "Les rebelles démentent toutefois qu'il s'agisse d'une « opération conjointe » "
               "avec les jihadistes près de Ber.",
       .claims = {{.anchor = "démentent",
                   .claimant = "FLA",
                   .stance = Stance::kDenies,
                   .endorsement = Endorsement::kReported,
                   .factuality = Factuality::kCTMinus,
                   .slot = "cooperation:joint_operation",
                   .value = "true"}}},
  }));
  CheckPassage("fr", p);
}

TEST_CASE("a French claim of responsibility names the claimant as the perpetrator",
          "[extract][fr]") {
  auto p = GENERATE(values<Passage>({
      {.text = "Le Jnim revendique l'embuscade qui a visé un convoi de ravitaillement près de "
               "Gossi.",
       .claims = {{.anchor = "revendique",
                   .claimant = "JNIM",
                   .cue = "revendique",
                   .cue_class = CueClass::kClaimResponsibility,
                   .stance = Stance::kAsserts,
                   .endorsement = Endorsement::kReported,
                   .factuality = Factuality::kCTPlus,
                   .slot = "perpetrator",
                   .value = "JNIM",
                   .implied = {"occurred=true"},
                   .place = "Gossi",
                   .event_type = "battles"}}},
      {.text = "Le GSIM a revendiqué l'enlèvement de trois commerçants près de Douentza.",
       .claims = {{.anchor = "a revendiqué",
                   .claimant = "JNIM",
                   .cue_class = CueClass::kClaimResponsibility,
                   .slot = "perpetrator",
                   .value = "JNIM",
                   .event_type = "violence against civilians"}}},
  }));
  CheckPassage("fr", p);
}

TEST_CASE("a French silence is a claim that declines, committing to no value", "[extract][fr]") {
  auto p = GENERATE(values<Passage>({
      {.text = "Des combats ont éclaté lundi près de Ber. Sollicitée par RFI, l'armée n'a pas "
               "donné suite.",
       .claim_count = 2,
       .claims = {{.anchor = "Sollicitée",
                   .claimant = "FAMa",
                   .cue = "donné suite",
                   .cue_class = CueClass::kDecline,
                   .stance = Stance::kDeclines,
                   .modality = Modality::kUnknown,
                   .factuality = Factuality::kUu,
                   .value = kNone}}},
      {.text = "L'armée a reconnu des combats près de Ber sans communiquer sur leur issue.",
       .claim_count = 2,
       .claims = {{.anchor = "a reconnu",
                   .claimant = "FAMa",
                   .stance = Stance::kAcknowledges,
                   .factuality = Factuality::kCTPlus,
                   .slot = "occurred",
                   .value = "true"},
                  {.anchor = "sans communiquer",
                   .claimant = "FAMa",
                   .cue = "sans communiquer",
                   .cue_class = CueClass::kDecline,
                   .stance = Stance::kDeclines,
                   .factuality = Factuality::kUu,
                   .slot = "outcome",
                   .value = kNone}}},
      {.text = "L'armée a reconnu des combats près de Ber sans donner de détails.",
       .claims = {{.anchor = "sans donner",
                   .claimant = "FAMa",
                   .cue_class = CueClass::kDecline,
                   .stance = Stance::kDeclines}}},
      {.text = "Interrogé sur l'attaque de Kidal, le ministre de la Défense s'est refusé à tout "
               "commentaire.",
       .claims = {{.anchor = "refusé",
                   .claimant = "le ministre de la Défense",
                   .cue = "s'est refusé à tout commentaire",
                   .stance = Stance::kDeclines,
                   .factuality = Factuality::kUu}}},
  }));
  CheckPassage("fr", p);
}

TEST_CASE("a French negated confirmation is one not_confirmed claim per claimant",
          "[extract][fr]") {
  auto p = GENERATE(values<Passage>({
      {.text = "Ni le FLA ni le Jnim n'ont officiellement confirmé leur présence à Ber.",
       .claim_count = 2,
       .claims = {{.anchor = "confirmé",
                   .claimant = "FLA",
                   .cue_class = CueClass::kNotConfirm,
                   .stance = Stance::kNotConfirmed,
                   .modality = Modality::kUnknown,
                   .factuality = Factuality::kUu},
                  {.anchor = "confirmé",
                   .claimant = "JNIM",
                   .cue_class = CueClass::kNotConfirm,
                   .stance = Stance::kNotConfirmed,
                   .factuality = Factuality::kUu}}},
      {.text = "Les FAMa n'ont pas officiellement confirmé ces pertes à Tinzaouatène.",
       .claim_count = 1,
       .claims = {{.anchor = "confirmé",
                   .claimant = "FAMa",
                   .cue = "confirmé",
                   .cue_class = CueClass::kNotConfirm,
                   .stance = Stance::kNotConfirmed,
                   .slot = "fatalities"}}},
  }));
  CheckPassage("fr", p);
}

TEST_CASE("an English admission, confirmation or denial gives its stance and factuality",
          "[extract][en]") {
  auto p = GENERATE(values<Passage>({
      {.text = "The army admitted that a helicopter was lost near Tessit.",
       .outlet = "Reuters",
       .claims = {{.anchor = "admitted",
                   .claimant = "FAMa",
                   .cue_class = CueClass::kAdmit,
                   .stance = Stance::kAcknowledges,
                   .factuality = Factuality::kCTPlus}}},
      {.text = "A local official confirmed that the mayor of Ansongo had been abducted.",
       .outlet = "Reuters",
       .claims = {{.anchor = "confirmed",
                   .claimant = "local officials",
                   .kind = ClaimantKind::kPerson,
                   .count = ClaimantCount::kOne,
                   .cue = "confirmed",
                   .cue_class = CueClass::kConfirm,
                   .stance = Stance::kConfirms,
                   .factuality = Factuality::kCTPlus}}},
      // "reports" after the verb is its object, not a second cue.
      {.text = "The junta rejected reports that civilians were executed in Diafarabé.",
       .outlet = "Reuters",
       .claim_count = 1,
       .claims = {{.anchor = "rejected",
                   .claimant = "Government of Mali",
                   .cue = "rejected",
                   .cue_class = CueClass::kDeny,
                   .stance = Stance::kDenies,
                   .factuality = Factuality::kCTMinus,
                   .place = "Diafarabe"}}},
      {.text = "Government officials dismissed the account of the attack on Intahaka as "
               "propaganda.",
       .outlet = "Reuters",
       .claims = {{.anchor = "dismissed",
                   .role = "official",
                   .cue = "dismissed",
                   .cue_class = CueClass::kDeny,
                   .stance = Stance::kDenies,
                   .factuality = Factuality::kCTMinus}}},
  }));
  CheckPassage("en", p);
}

TEST_CASE("an English claim of responsibility names the claimant as the perpetrator",
          "[extract][en]") {
  auto p = GENERATE(values<Passage>({
      {.text = "JNIM claimed responsibility for the attack on the army post in Boulkessi.",
       .outlet = "Reuters",
       .claims = {{.anchor = "claimed responsibility",
                   .claimant = "JNIM",
                   .cue = "claimed responsibility",
                   .cue_class = CueClass::kClaimResponsibility,
                   .stance = Stance::kAsserts,
                   .endorsement = Endorsement::kReported,
                   .factuality = Factuality::kCTPlus,
                   .slot = "perpetrator",
                   .value = "JNIM",
                   .implied = {"occurred=true"},
                   .place = "Boulikessi"}}},
      {.text = "The Islamic State in the Sahel claimed the attack on the Ménaka camp in a "
               "statement.",
       .outlet = "Reuters",
       .claims = {{.anchor = "claimed the attack",
                   .claimant = "ISGS",
                   .cue_class = CueClass::kClaimResponsibility,
                   .slot = "perpetrator",
                   .value = "ISGS"}}},
  }));
  CheckPassage("en", p);
}

TEST_CASE("an English silence is a claim that declines, committing to no value",
          "[extract][en]") {
  auto p = GENERATE(values<Passage>({
      {.text = "Fighting broke out near Léré on Sunday. The army declined to comment on the toll.",
       .outlet = "Reuters",
       .claim_count = 2,
       .claims = {{.anchor = "declined",
                   .claimant = "FAMa",
                   .cue = "declined to comment",
                   .cue_class = CueClass::kDecline,
                   .stance = Stance::kDeclines,
                   .modality = Modality::kUnknown,
                   .factuality = Factuality::kUu,
                   .slot = "fatalities",
                   .value = kNone}}},
      {.text = "Fighting erupted near Ber on Monday. The army did not respond to requests for "
               "comment.",
       .outlet = "Reuters",
       .claims = {{.anchor = "respond",
                   .claimant = "FAMa",
                   .cue = "respond",
                   .cue_class = CueClass::kDecline,
                   .stance = Stance::kDeclines,
                   .factuality = Factuality::kUu}}},
      {.text = "The army confirmed the clashes near Ber without giving a toll.",
       .outlet = "Reuters",
       .claim_count = 2,
       .claims = {{.anchor = "confirmed",
                   .claimant = "FAMa",
                   .stance = Stance::kConfirms,
                   .slot = "occurred"},
                  {.anchor = "without giving",
                   .claimant = "FAMa",
                   .cue = "without giving",
                   .cue_class = CueClass::kDecline,
                   .stance = Stance::kDeclines,
                   .slot = "fatalities"}}},
      {.text = "Clashes were reported near Gao. A spokesman for the junta could not be reached.",
       .outlet = "Reuters",
       .claims = {{.anchor = "could not be reached",
                   .claimant = "Government of Mali",
                   .role = "spokesperson",
                   .cue_class = CueClass::kDecline,
                   .stance = Stance::kDeclines}}},
  }));
  CheckPassage("en", p);
}

TEST_CASE("an English negated confirmation is one not_confirmed claim per claimant",
          "[extract][en]") {
  auto p = GENERATE(values<Passage>({
      {.text = "Clashes erupted near Ber. The FLA has not confirmed the death of its commander.",
       .outlet = "Reuters",
       .claims = {{.anchor = "not confirmed",
                   .claimant = "FLA",
                   .cue = "confirmed",
                   .cue_class = CueClass::kNotConfirm,
                   .stance = Stance::kNotConfirmed,
                   .modality = Modality::kUnknown,
                   .factuality = Factuality::kUu}}},
      // The negation is in the subject: "neither … nor".
      {.text = "Neither JNIM nor the army has confirmed the clashes near Niono.",
       .outlet = "Reuters",
       .claim_count = 2,
       .claims = {{.anchor = "confirmed",
                   .claimant = "JNIM",
                   .cue_class = CueClass::kNotConfirm,
                   .stance = Stance::kNotConfirmed,
                   .factuality = Factuality::kUu},
                  {.anchor = "confirmed",
                   .claimant = "FAMa",
                   .cue_class = CueClass::kNotConfirm,
                   .stance = Stance::kNotConfirmed,
                   .factuality = Factuality::kUu}}},
  }));
  CheckPassage("en", p);
}

}  // namespace attest
