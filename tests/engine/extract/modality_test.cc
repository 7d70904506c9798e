// Commitment (shared/spec/claims.md, "modality", "endorsement", "polarity"): the
// conditional of hearsay distances the author while a conditional of plans does
// not, epistemic hedges lower the claimant's certainty, distancing adverbs and
// verbs distance the author, and negation makes the content negative.
#include <catch2/catch.hpp>

#include "tests/engine/extract/extraction_table.h"

namespace attest {

using testing::CheckPassage;
using testing::kNone;
using testing::Passage;

TEST_CASE("a conditional of hearsay distances the author but keeps the claimant's certainty",
          "[extract][fr]") {
  auto p = GENERATE(values<Passage>({
      {.text = "Le FLA rapporte une frappe de drone à Tinzaouatène, qui aurait manqué un "
               "pick-up rebelle.",
       .claim_count = 2,
       .claims = {{.anchor = "rapporte",
                   .claimant = "FLA",
                   .stance = Stance::kAsserts,
                   .endorsement = Endorsement::kReported,
                   .no_hedges = {HedgeKind::kConditional}},
                  {.anchor = "qui aurait manqué",
                   .claimant = "FLA",
                   .cue = kNone,
                   .stance = Stance::kAsserts,
                   .modality = Modality::kCertain,
                   .endorsement = Endorsement::kDistanced,
                   .factuality = Factuality::kCTPlus,
                   .hedges = {{"aurait", HedgeKind::kConditional}}}}},
      {.text = "Selon des témoins, une dizaine de civils auraient été tués lors du raid près de "
               "Ouatagouna.",
       .claims = {{.anchor = "une dizaine",
                   .claimant = "witnesses",
                   .modality = Modality::kCertain,
                   .endorsement = Endorsement::kDistanced,
                   .factuality = Factuality::kCTPlus,
                   .hedges = {{"auraient", HedgeKind::kConditional}}}}},
      // The author's own conditional: the outlet does not vouch for it.
      {.text = "Le chef du village aurait été enlevé par des hommes armés près de Douentza.",
       .claim_count = 1,
       .claims = {{.anchor = "Le chef",
                   .claimant = "RFI",
                   .kind = ClaimantKind::kOutlet,
                   .endorsement = Endorsement::kDistanced,
                   .factuality = Factuality::kCTPlus,
                   .hedges = {{"aurait", HedgeKind::kConditional}}}}},
  }));
  CheckPassage("fr", p);
}

TEST_CASE("a conditional of plans is no hearsay and leaves the endorsement alone",
          "[extract][fr]") {
  auto p = GENERATE(values<Passage>({
      {.text = "Les deux groupes ont signé un accord pour mener des patrouilles qui seraient "
               "organisées ensemble.",
       .claim_count = 1,
       .claims = {{.anchor = "Les deux groupes",
                   .claimant = "RFI",
                   .endorsement = Endorsement::kAuthor,
                   .no_hedges = {HedgeKind::kConditional}}}},
      {.text = "L'armée envisage une offensive qui serait lancée depuis Gao.",
       .claim_count = 1,
       .claims = {{.anchor = "envisage",
                   .claimant = "RFI",
                   .endorsement = Endorsement::kAuthor,
                   .no_hedges = {HedgeKind::kConditional}}}},
      {.text = "Les autorités ont prévu des élections qui auraient lieu en mars.",
       .claims = {{.anchor = "Les autorités",
                   .endorsement = Endorsement::kAuthor,
                   .no_hedges = {HedgeKind::kConditional}}}},
  }));
  CheckPassage("fr", p);
}

TEST_CASE("a conditional perfect in a relative clause after a purpose is hearsay, not a plan",
          "[extract][fr]") {
  auto p = GENERATE(values<Passage>({
      {.text = "L'armée a lancé une opération pour retrouver les assaillants qui auraient fui "
               "vers la frontière.",
       .claims = {{.anchor = "qui auraient fui",
                   .claimant = "RFI",
                   .endorsement = Endorsement::kDistanced,
                   .hedges = {{"auraient", HedgeKind::kConditional}}}}},
      {.text = "Des renforts ont été envoyés pour sécuriser le village où des civils auraient "
               "été tués.",
       .claims = {{.anchor = "auraient été tués",
                   .endorsement = Endorsement::kDistanced,
                   .hedges = {{"auraient", HedgeKind::kConditional}}}}},
  }));
  CheckPassage("fr", p);
}

TEST_CASE("a French epistemic hedge lowers the claimant's certainty", "[extract][fr]") {
  auto p = GENERATE(values<Passage>({
      // A thing cannot be a claimant: "L'embuscade … semble confirmer" is the author's.
      {.text = "L'embuscade de Djounhane semble confirmer la progression des jihadistes dans la "
               "région.",
       .claim_count = 1,
       .claims = {{.anchor = "semble",
                   .claimant = "RFI",
                   .cue = kNone,
                   .stance = Stance::kAsserts,
                   .modality = Modality::kProbable,
                   .endorsement = Endorsement::kAuthor,
                   .factuality = Factuality::kPRPlus,
                   .hedges = {{"semble", HedgeKind::kEpistemic}}}}},
      {.text = "Des jihadistes présumés ont incendié le marché de Mondoro.",
       .claims = {{.anchor = "présumés",
                   .claimant = "RFI",
                   .modality = Modality::kProbable,
                   .factuality = Factuality::kPRPlus,
                   .hedges = {{"présumés", HedgeKind::kEpistemic}}}}},
      {.text = "Selon une source sécuritaire, les assaillants étaient probablement venus du "
               "Niger.",
       .claims = {{.anchor = "les assaillants",
                   .claimant = "security sources",
                   .modality = Modality::kProbable,
                   .endorsement = Endorsement::kReported,
                   .factuality = Factuality::kPRPlus,
                   .hedges = {{"probablement", HedgeKind::kEpistemic}}}}},
      {.text = "Selon un élu local, le chef jihadiste a peut-être été blessé près de Ménaka.",
       .claims = {{.anchor = "le chef",
                   .claimant = "local officials",
                   .modality = Modality::kPossible,
                   .factuality = Factuality::kPSPlus,
                   .hedges = {{"peut-être", HedgeKind::kEpistemic}}}}},
  }));
  CheckPassage("fr", p);
}

TEST_CASE("a French negation makes the content negative, and a contrast after it mixed",
          "[extract][fr]") {
  auto p = GENERATE(values<Passage>({
      {.text = "Les FAMa n'ont jamais attaqué de civils à Ségou, affirme le ministre de la "
               "Défense.",
       .claims = {{.anchor = "Les FAMa",
                   .claimant = "le ministre de la Défense",
                   .cue = "affirme",
                   .polarity = Polarity::kNegative,
                   .factuality = Factuality::kCTMinus}}},
      {.text = "Aucun véhicule n'a été détruit lors de l'attaque de Bourem, selon l'armée.",
       .claims = {{.anchor = "Aucun véhicule",
                   .claimant = "FAMa",
                   .stance = Stance::kAsserts,
                   .polarity = Polarity::kNegative,
                   .factuality = Factuality::kCTMinus}}},
      {.text = "Le FLA n'était pas seul lors des combats de Tinzaouatène, selon plusieurs "
               "observateurs.",
       .claims = {{.anchor = "n'était pas seul",
                   .claimant = "observers",
                   .count = ClaimantCount::kSeveral,
                   .polarity = Polarity::kNegative,
                   .factuality = Factuality::kCTMinus}}},
      {.text = "Les rebelles n'ont pas combattu à Ber mais ont mené une embuscade près "
               "d'Anéfis.",
       .claims = {{.anchor = "Les rebelles", .claimant = "RFI", .polarity = Polarity::kMixed}}},
      {.text = "L'armée affirme avoir repris le contrôle de Léré.",
       .claims = {{.anchor = "affirme",
                   .claimant = "FAMa",
                   .polarity = Polarity::kPositive,
                   .factuality = Factuality::kCTPlus}}},
  }));
  CheckPassage("fr", p);
}

TEST_CASE("an English hedge lowers the claimant's certainty and a distancing adverb the author's",
          "[extract][en]") {
  auto p = GENERATE(values<Passage>({
      {.text = "Suspected jihadists reportedly set fire to granaries in Dioura.",
       .outlet = "Reuters",
       .claim_count = 1,
       .claims = {{.anchor = "Suspected",
                   .claimant = "Reuters",
                   .kind = ClaimantKind::kOutlet,
                   .stance = Stance::kAsserts,
                   .modality = Modality::kProbable,
                   .endorsement = Endorsement::kDistanced,
                   .factuality = Factuality::kPRPlus,
                   .hedges = {{"Suspected", HedgeKind::kEpistemic},
                              {"reportedly", HedgeKind::kAttribution}}}}},
      {.text = "The attackers are believed to have crossed from Niger, security sources said.",
       .outlet = "Reuters",
       .claims = {{.anchor = "believed",
                   .claimant = "security sources",
                   .modality = Modality::kProbable,
                   .endorsement = Endorsement::kReported,
                   .factuality = Factuality::kPRPlus,
                   .hedges = {{"believed", HedgeKind::kEpistemic}}}}},
      {.text = "According to a local official, the convoy may have taken another road toward "
               "Gao.",
       .outlet = "Reuters",
       .claims = {{.anchor = "the convoy",
                   .claimant = "local officials",
                   .modality = Modality::kProbable,
                   .factuality = Factuality::kPRPlus,
                   .hedges = {{"may", HedgeKind::kEpistemic}}}}},
      {.text = "Some of the hostages were possibly moved to Burkina Faso, a witness said.",
       .outlet = "Reuters",
       .claims = {{.anchor = "hostages",
                   .claimant = "witnesses",
                   .modality = Modality::kProbable,
                   .hedges = {{"possibly", HedgeKind::kEpistemic}}}}},
      {.text = "The militants allegedly executed two herders near Ansongo.",
       .outlet = "Reuters",
       .claims = {{.anchor = "allegedly",
                   .claimant = "Reuters",
                   .modality = Modality::kCertain,
                   .endorsement = Endorsement::kDistanced,
                   .factuality = Factuality::kCTPlus,
                   .hedges = {{"allegedly", HedgeKind::kAttribution}}}}},
  }));
  CheckPassage("en", p);
}

TEST_CASE("an English negation makes the content negative", "[extract][en]") {
  auto p = GENERATE(values<Passage>({
      {.text = "The army said it had never targeted civilians near Ségou.",
       .outlet = "Reuters",
       .claims = {{.anchor = "never",
                   .claimant = "FAMa",
                   .polarity = Polarity::kNegative,
                   .factuality = Factuality::kCTMinus}}},
      {.text = "Residents said no soldiers returned to the village after the raid near Bourem.",
       .outlet = "Reuters",
       .claims = {{.anchor = "no soldiers",
                   .claimant = "residents",
                   .polarity = Polarity::kNegative,
                   .factuality = Factuality::kCTMinus}}},
      {.text = "The rebels did not take part in the attack on Gao, their spokesman said.",
       .outlet = "Reuters",
       .claim_count = 1,
       .claims = {{.anchor = "did not take part",
                   .role = "spokesperson",
                   .cue = "said",
                   .polarity = Polarity::kNegative,
                   .factuality = Factuality::kCTMinus}}},
      // A denial of positive content: negative for the claimant, through the stance.
      {.text = "The army denied that its drones struck a wedding near Talataye.",
       .outlet = "Reuters",
       .claims = {{.anchor = "denied",
                   .claimant = "FAMa",
                   .stance = Stance::kDenies,
                   .polarity = Polarity::kPositive,
                   .factuality = Factuality::kCTMinus}}},
  }));
  CheckPassage("en", p);
}

}  // namespace attest
