// Who a claim is from (rules/common/actors.toml, rules/<lang>/claimants.toml and
// the pronouns of grammar.toml): named actors through the gazetteer, unnamed
// sources with their count, concordance, role and affiliation, and pronouns and
// definite nouns that take up a claimant named before.
#include <catch2/catch.hpp>

#include "tests/engine/extract/extraction_table.h"

namespace attest {

using testing::CheckPassage;
using testing::kNone;
using testing::Passage;

TEST_CASE("a French claimant named by an alias or a designation resolves to its actor",
          "[extract][fr]") {
  auto p = GENERATE(values<Passage>({
      {.text = "Le Front de libération de l'Azawad a annoncé la mort de son chef militaire.",
       .claims = {{.anchor = "a annoncé",
                   .claimant = "FLA",
                   .mention = "Le Front de libération de l'Azawad",
                   .kind = ClaimantKind::kArmedGroup,
                   .anonymous = false}}},
      {.text = "Le GSIM a revendiqué l'enlèvement de trois commerçants près de Douentza.",
       .claims = {{.anchor = "revendiqué", .claimant = "JNIM", .kind = ClaimantKind::kArmedGroup}}},
      {.text = "La Minusma a indiqué que ses casques bleus avaient quitté Tessalit.",
       .claims = {{.anchor = "indiqué",
                   .claimant = "MINUSMA",
                   .kind = ClaimantKind::kInternational}}},
      // "Les jihadistes" names JNIM only inside a conflict: Boni places it in Mali's.
      {.text = "Les jihadistes affirment avoir pris le contrôle de la localité, près de Boni.",
       .claims = {{.anchor = "affirment",
                   .claimant = "JNIM",
                   .mention = "Les jihadistes",
                   .kind = ClaimantKind::kArmedGroup}}},
  }));
  CheckPassage("fr", p);
}

TEST_CASE("a French unnamed source keeps its count, concordance, role and affiliation",
          "[extract][fr]") {
  auto p = GENERATE(values<Passage>({
      {.text = "D'après plusieurs sources locales concordantes, l'attaque a fait au moins douze "
               "morts près de Douentza.",
       .claims = {{.anchor = "l'attaque",
                   .claimant = "local sources",
                   .mention = "plusieurs sources locales concordantes",
                   .kind = ClaimantKind::kAnonymousSources,
                   .role = "local",
                   .anonymous = true,
                   .count = ClaimantCount::kSeveral,
                   .concordant = true,
                   .hedges = {{"plusieurs sources locales concordantes", HedgeKind::kAnonymity}}}}},
      {.text = "Une source sécuritaire a confirmé la mort de deux gendarmes à Ségou.",
       .claims = {{.anchor = "confirmé",
                   .claimant = "security sources",
                   .kind = ClaimantKind::kAnonymousSources,
                   .role = "security",
                   .anonymous = true,
                   .count = ClaimantCount::kOne,
                   .concordant = false}}},
      {.text = "De nombreux habitants de Gao affirment que les tirs ont duré deux heures.",
       .claims = {{.anchor = "affirment",
                   .claimant = "residents",
                   .mention = "De nombreux habitants de Gao",
                   .kind = ClaimantKind::kWitness,
                   .anonymous = true,
                   .count = ClaimantCount::kMany}}},
      {.text = "Plusieurs membres du FLA affirment que la base a été abandonnée.",
       .claims = {{.anchor = "affirment",
                   .claimant = "FLA",
                   .kind = ClaimantKind::kArmedGroup,
                   .role = "members",
                   .anonymous = true,
                   .count = ClaimantCount::kSeveral}}},
      {.text = "Le porte-parole du Jnim a démenti toute implication dans l'enlèvement.",
       .claims = {{.anchor = "démenti",
                   .claimant = "JNIM",
                   .kind = ClaimantKind::kArmedGroup,
                   .role = "spokesperson"}}},
      {.text = "Un combattant du FLA, qui a requis l'anonymat, affirme que trois drones ont "
               "survolé Aguelhok.",
       .claims = {{.anchor = "affirme",
                   .claimant = "FLA",
                   .mention = "Un combattant du FLA",
                   .role = "fighter",
                   .anonymous = true,
                   .count = ClaimantCount::kOne,
                   .hedges = {{"qui a requis l'anonymat", HedgeKind::kAnonymity}}}}},
      {.text = "Le gouverneur de Tombouctou assure que la ville est calme depuis dimanche.",
       .claims = {{.anchor = "assure",
                   .claimant = "Le gouverneur de Tombouctou",
                   .kind = ClaimantKind::kPerson,
                   .role = kNone,
                   .anonymous = false}}},
  }));
  CheckPassage("fr", p);
}

TEST_CASE("a French pronoun or definite noun stands for the last claimant that agrees with it",
          "[extract][fr]") {
  auto p = GENERATE(values<Passage>({
      {.text = "L'armée a reconnu des pertes à Ber. Elle affirme toutefois avoir repoussé "
               "l'assaut.",
       .claim_count = 2,
       .claims = {{.anchor = "Elle affirme",
                   .claimant = "FAMa",
                   .mention = "Elle",
                   .kind = ClaimantKind::kState,
                   .cue = "affirme"}}},
      // "Ils" is plural: the army in between is not its antecedent.
      {.text = "Les rebelles du FLA affirment avoir pris Léré. L'armée dément toute perte. Ils "
               "assurent pourtant détenir deux soldats.",
       .claim_count = 3,
       .claims = {{.anchor = "Ils assurent",
                   .claimant = "FLA",
                   .mention = "Ils",
                   .cue = "assurent"}}},
      // "Elle" is feminine and singular: not the jihadists, but the mission.
      {.text = "La Minusma a indiqué que des casques bleus avaient été visés à Aguelhok. Les "
               "jihadistes affirment avoir détruit un blindé. Elle précise qu'aucun soldat n'a "
               "été tué.",
       .claims = {{.anchor = "Elle précise",
                   .claimant = "MINUSMA",
                   .kind = ClaimantKind::kInternational}}},
      {.text = "Le Jnim a revendiqué l'attaque de Boulkessi. Le groupe affirme avoir tué dix "
               "soldats.",
       .claims = {{.anchor = "Le groupe affirme",
                   .claimant = "JNIM",
                   .mention = "Le groupe",
                   .kind = ClaimantKind::kArmedGroup}}},
  }));
  CheckPassage("fr", p);
}

TEST_CASE("an English claimant named by an alias or a designation resolves to its actor",
          "[extract][en]") {
  auto p = GENERATE(values<Passage>({
      {.text = "The Azawad Liberation Front said its fighters had entered Anefis.",
       .outlet = "Reuters",
       .claims = {{.anchor = "said",
                   .claimant = "FLA",
                   .mention = "The Azawad Liberation Front",
                   .kind = ClaimantKind::kArmedGroup}}},
      {.text = "The Malian Armed Forces said a patrol had been attacked near Hombori.",
       .outlet = "Reuters",
       .claims = {{.anchor = "said", .claimant = "FAMa", .kind = ClaimantKind::kState}}},
      {.text = "The army said it killed at least 12 militants near Boulkessi.",
       .outlet = "Reuters",
       .claims = {{.anchor = "said",
                   .claimant = "FAMa",
                   .mention = "The army",
                   .kind = ClaimantKind::kState}}},
  }));
  CheckPassage("en", p);
}

TEST_CASE("an English unnamed source keeps its count, concordance, role and affiliation",
          "[extract][en]") {
  auto p = GENERATE(values<Passage>({
      {.text = "Several witnesses said dozens of bodies lay in the streets of Bourem.",
       .outlet = "Reuters",
       .claims = {{.anchor = "said",
                   .claimant = "witnesses",
                   .kind = ClaimantKind::kWitness,
                   .anonymous = true,
                   .count = ClaimantCount::kSeveral,
                   .concordant = false}}},
      {.text = "Several corroborating sources said the convoy was ambushed near Anefis.",
       .outlet = "Reuters",
       .claims = {{.anchor = "said",
                   .claimant = "sources",
                   .mention = "Several corroborating sources",
                   .kind = ClaimantKind::kAnonymousSources,
                   .anonymous = true,
                   .count = ClaimantCount::kSeveral,
                   .concordant = true}}},
      {.text = "A security source said three gendarmes were wounded in Ségou.",
       .outlet = "Reuters",
       .claims = {{.anchor = "said",
                   .claimant = "security sources",
                   .role = "security",
                   .anonymous = true,
                   .count = ClaimantCount::kOne}}},
      {.text = "Residents of Kidal said drones struck the town twice on Wednesday.",
       .outlet = "Reuters",
       .claims = {{.anchor = "said",
                   .claimant = "residents",
                   .mention = "Residents of Kidal",
                   .kind = ClaimantKind::kWitness,
                   .anonymous = true}}},
      {.text = "A JNIM spokesman said the group held no prisoners.",
       .outlet = "Reuters",
       .claims = {{.anchor = "said",
                   .claimant = "JNIM",
                   .kind = ClaimantKind::kArmedGroup,
                   .role = "spokesperson",
                   .anonymous = true,
                   .count = ClaimantCount::kOne}}},
      {.text = "A medical source, who asked not to be named, said nine wounded soldiers arrived "
               "in Gao.",
       .outlet = "Reuters",
       .claims = {{.anchor = "said",
                   .claimant = "medical sources",
                   .role = "medical",
                   .anonymous = true,
                   .hedges = {{"who asked not to be named", HedgeKind::kAnonymity}}}}},
  }));
  CheckPassage("en", p);
}

TEST_CASE("an English pronoun or definite noun stands for the last claimant that agrees with it",
          "[extract][en]") {
  auto p = GENERATE(values<Passage>({
      {.text = "The army said it had retaken the camp at Boni. It added that the attackers had "
               "fled toward Burkina Faso.",
       .outlet = "Reuters",
       .claim_count = 2,
       .claims = {{.anchor = "It added",
                   .claimant = "FAMa",
                   .mention = "It",
                   .cue = "added"}}},
      // "They" is plural: the army in between is not its antecedent.
      {.text = "The rebels said they had taken Léré. The army denied any losses. They added "
               "that two soldiers were being held.",
       .outlet = "Reuters",
       .claim_count = 3,
       .claims = {{.anchor = "They added",
                   .claimant = "FLA",
                   .mention = "They",
                   .kind = ClaimantKind::kArmedGroup}}},
      {.text = "JNIM claimed responsibility for the attack on Boulkessi. The group said it had "
               "killed ten soldiers.",
       .outlet = "Reuters",
       .claims = {{.anchor = "The group said",
                   .claimant = "JNIM",
                   .mention = "The group",
                   .cue = "said"}}},
  }));
  CheckPassage("en", p);
}

}  // namespace attest
