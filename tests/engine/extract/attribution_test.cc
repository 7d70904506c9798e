// Attribution cues (rules/<lang>/cues.toml): reporting verbs in their forms,
// frames (selon, according to), cues placed after what they attribute, and the
// outlets that relay a claimant's words.
#include <catch2/catch.hpp>

#include "tests/engine/extract/extraction_table.h"

namespace attest {

using testing::CheckPassage;
using testing::kNone;
using testing::Passage;

TEST_CASE("a French reporting verb attributes its clause to its subject, in every tense",
          "[extract][fr]") {
  auto p = GENERATE(values<Passage>({
      {.text = "Les rebelles du FLA ont affirmé avoir repoussé une attaque de l'armée près "
               "d'Anéfis.",
       .claim_count = 1,
       .claims = {{.anchor = "ont affirmé",
                   .claimant = "FLA",
                   .mention = "Les rebelles du FLA",
                   .kind = ClaimantKind::kArmedGroup,
                   .chain = std::vector<std::string>{"RFI", "FLA"},
                   .cue = "affirmé",
                   .cue_class = CueClass::kAssert,
                   .stance = Stance::kAsserts,
                   .endorsement = Endorsement::kReported,
                   .factuality = Factuality::kCTPlus}}},
      {.text = "Les combattants du Jnim affirment contrôler la route entre Gao et Ansongo.",
       .claims = {{.anchor = "affirment",
                   .claimant = "JNIM",
                   .kind = ClaimantKind::kArmedGroup,
                   .cue = "affirment",
                   .cue_class = CueClass::kAssert,
                   .stance = Stance::kAsserts,
                   .endorsement = Endorsement::kReported}}},
      {.text = "Le gouverneur de Tombouctou assure que la ville est calme depuis dimanche.",
       .claims = {{.anchor = "assure",
                   .claimant = "Le gouverneur de Tombouctou",
                   .kind = ClaimantKind::kPerson,
                   .cue = "assure",
                   .cue_class = CueClass::kAssert,
                   .stance = Stance::kAsserts,
                   .endorsement = Endorsement::kReported}}},
      {.text = "L'armée malienne a reconnu la perte de deux véhicules lors de l'embuscade de "
               "Tinzaouatène.",
       .claims = {{.anchor = "a reconnu",
                   .claimant = "FAMa",
                   .kind = ClaimantKind::kState,
                   .cue = "reconnu",
                   .cue_class = CueClass::kAdmit,
                   .stance = Stance::kAcknowledges,
                   .factuality = Factuality::kCTPlus}}},
      {.text = "Les autorités maliennes reconnaissent que plusieurs civils ont été tués à "
               "Diafarabé.",
       .claims = {{.anchor = "reconnaissent",
                   .claimant = "Government of Mali",
                   .kind = ClaimantKind::kState,
                   .cue = "reconnaissent",
                   .cue_class = CueClass::kAdmit,
                   .stance = Stance::kAcknowledges}}},
      {.text = "Les rebelles démentent avoir attaqué le camp de Léré.",
       .claims = {{.anchor = "démentent",
                   .claimant = "FLA",
                   .cue = "démentent",
                   .cue_class = CueClass::kDeny,
                   .stance = Stance::kDenies,
                   .factuality = Factuality::kCTMinus}}},
      {.text = "Un élu local indique que les assaillants sont repartis vers Nampala.",
       .claims = {{.anchor = "indique",
                   .claimant = "local officials",
                   .cue = "indique",
                   .cue_class = CueClass::kReport,
                   .stance = Stance::kAsserts,
                   .endorsement = Endorsement::kReported}}},
      {.text = "Un membre du Jnim rapporte que deux motos ont été saisies près de Gossi.",
       .claims = {{.anchor = "rapporte",
                   .claimant = "JNIM",
                   .cue = "rapporte",
                   .cue_class = CueClass::kReport,
                   .stance = Stance::kAsserts}}},
      {.text = "Des témoins ont raconté que les assaillants étaient arrivés à moto à Dioura.",
       .claims = {{.anchor = "ont raconté",
                   .claimant = "witnesses",
                   .cue = "raconté",
                   .cue_class = CueClass::kReport,
                   .stance = Stance::kAsserts}}},
  }));
  CheckPassage("fr", p);
}

TEST_CASE("a French clause with no cue is the outlet's own claim", "[extract][fr]") {
  auto p = GENERATE(values<Passage>({
      {.text = "Des tirs ont été entendus dans la nuit à Ansongo.",
       .claim_count = 1,
       .claims = {{.anchor = "Des tirs",
                   .claimant = "RFI",
                   .kind = ClaimantKind::kOutlet,
                   .chain = std::vector<std::string>{"RFI"},
                   .cue = kNone,
                   .cue_class = CueClass::kNone,
                   .stance = Stance::kAsserts,
                   .endorsement = Endorsement::kAuthor,
                   .factuality = Factuality::kCTPlus}}},
      {.text = "Le marché de Gossi a rouvert samedi après deux semaines de fermeture.",
       .outlet = "Jeune Afrique",
       .claims = {{.anchor = "a rouvert",
                   .claimant = "Jeune Afrique",
                   .kind = ClaimantKind::kOutlet,
                   .chain = std::vector<std::string>{"Jeune Afrique"},
                   .endorsement = Endorsement::kAuthor}}},
  }));
  CheckPassage("fr", p);
}

TEST_CASE("a source named as the outlet is, in any case or spelling, the outlet itself",
          "[extract][fr]") {
  auto p = GENERATE(values<Passage>({
      {.text = "Selon JEUNE-AFRIQUE, le marché de Gossi a rouvert samedi.",
       .outlet = "Jeune Afrique",
       .claims = {{.anchor = "a rouvert",
                   .kind = ClaimantKind::kOutlet,
                   .chain = std::vector<std::string>{"Jeune Afrique"},
                   .endorsement = Endorsement::kAuthor}}},
      {.text = "Selon rfi, le marché de Gossi a rouvert samedi.",
       .claims = {{.anchor = "a rouvert",
                   .kind = ClaimantKind::kOutlet,
                   .endorsement = Endorsement::kAuthor}}},
      // Another outlet, of the same first letter or not, is a source.
      {.text = "Selon Reuters, le marché de Gossi a rouvert samedi.",
       .claims = {{.anchor = "a rouvert", .claimant = "Reuters", .endorsement = Endorsement::kReported}}},
      {.text = "Selon l'AFP, le marché de Gossi a rouvert samedi.",
       .outlet = "Jeune Afrique",
       .claims = {{.anchor = "a rouvert", .claimant = "AFP", .endorsement = Endorsement::kReported}}},
  }));
  CheckPassage("fr", p);
}

TEST_CASE("a French clause holding two cues is split into one claim per cue", "[extract][fr]") {
  auto p = GENERATE(values<Passage>({
      {.text = "Les combattants du FLA affirment avoir incendié deux camions et assurent avoir "
               "capturé un officier.",
       .claim_count = 2,
       .claims = {{.anchor = "affirment",
                   .claimant = "FLA",
                   .cue = "affirment",
                   .stance = Stance::kAsserts},
                  {.anchor = "assurent",
                   .claimant = "FLA",
                   .cue = "assurent",
                   .stance = Stance::kAsserts}}},
  }));
  CheckPassage("fr", p);
}

TEST_CASE("a French frame attributes the clause to the claimant it names", "[extract][fr]") {
  auto p = GENERATE(values<Passage>({
      {.text = "Selon le FLA, le convoi comptait une quarantaine de véhicules.",
       .claims = {{.anchor = "le convoi",
                   .claimant = "FLA",
                   .kind = ClaimantKind::kArmedGroup,
                   .cue = "Selon le FLA",
                   .cue_class = CueClass::kHearsayFrame,
                   .stance = Stance::kAsserts,
                   .endorsement = Endorsement::kReported,
                   .factuality = Factuality::kCTPlus,
                   .hedges = {{"Selon le FLA", HedgeKind::kAttribution}}}}},
      {.text = "D'après l'armée, les assaillants ont abandonné leurs motos près de Boni.",
       .claims = {{.anchor = "les assaillants",
                   .claimant = "FAMa",
                   .cue = "D'après l'armée",
                   .cue_class = CueClass::kHearsayFrame,
                   .stance = Stance::kAsserts,
                   .endorsement = Endorsement::kReported}}},
      {.text = "Aux yeux de Bamako, les rebelles du FLA ne sont que des terroristes.",
       .claims = {{.anchor = "les rebelles",
                   .claimant = "Government of Mali",
                   .kind = ClaimantKind::kState,
                   .cue_class = CueClass::kHearsayFrame,
                   .stance = Stance::kAsserts,
                   .hedges = {{"Aux yeux de Bamako", HedgeKind::kAttribution}}}}},
      {.text = "Trois soldats ont été tués près de Bourem, selon une source sécuritaire.",
       .claims = {{.anchor = "Trois soldats",
                   .claimant = "security sources",
                   .cue = "selon une source sécuritaire",
                   .cue_class = CueClass::kHearsayFrame,
                   .stance = Stance::kAsserts,
                   .endorsement = Endorsement::kReported}}},
  }));
  CheckPassage("fr", p);
}

TEST_CASE("a French cue after the words it attributes takes its subject from after the verb",
          "[extract][fr]") {
  auto p = GENERATE(values<Passage>({
      {.text = "« Nous avons pris le contrôle de la base », indique un cadre du FLA.",
       .claim_count = 1,
       .claims = {{.anchor = "Nous avons pris",
                   .claimant = "FLA",
                   .mention = "un cadre du FLA",
                   .role = "cadre",
                   .anonymous = true,
                   .count = ClaimantCount::kOne,
                   .cue = "indique",
                   .stance = Stance::kAsserts,
                   .endorsement = Endorsement::kReported,
                   .quote = "Nous avons pris le contrôle de la base"}}},
      {.text = "Les assaillants ont fui vers le nord, a précisé le gouverneur de Gao.",
       .claim_count = 1,
       .claims = {{.anchor = "Les assaillants",
                   .claimant = "le gouverneur de Gao",
                   .kind = ClaimantKind::kPerson,
                   .cue = "précisé",
                   .cue_class = CueClass::kReport,
                   .stance = Stance::kAsserts}}},
  }));
  CheckPassage("fr", p);
}

TEST_CASE("a French relay puts the outlet that relays between the author and the claimant",
          "[extract][fr]") {
  auto p = GENERATE(values<Passage>({
      {.text = "Les rebelles joints par RFI affirment avoir abattu un drone près de Kidal.",
       .outlet = "Le Monde",
       .claims = {{.anchor = "affirment",
                   .claimant = "FLA",
                   .chain = std::vector<std::string>{"Le Monde", "RFI", "FLA"},
                   .cue = "affirment"}}},
      {.text = "Des habitants de Ménaka, cités par l'AFP, assurent avoir entendu des tirs toute "
               "la nuit.",
       .claims = {{.anchor = "assurent",
                   .claimant = "residents",
                   .mention = "Des habitants de Ménaka",
                   .kind = ClaimantKind::kWitness,
                   .chain = std::vector<std::string>{"RFI", "AFP", "residents"},
                   .cue = "assurent"}}},
      // The outlet relaying its own interview adds nothing to the chain.
      {.text = "Les rebelles joints par RFI affirment avoir abattu un drone près de Kidal.",
       .claims = {{.anchor = "affirment",
                   .chain = std::vector<std::string>{"RFI", "FLA"}}}},
  }));
  CheckPassage("fr", p);
}

TEST_CASE("an English reporting verb attributes its clause to its subject", "[extract][en]") {
  auto p = GENERATE(values<Passage>({
      {.text = "JNIM said its fighters attacked a convoy near Gao.",
       .outlet = "Reuters",
       .claim_count = 1,
       .claims = {{.anchor = "said",
                   .claimant = "JNIM",
                   .kind = ClaimantKind::kArmedGroup,
                   .chain = std::vector<std::string>{"Reuters", "JNIM"},
                   .cue = "said",
                   .cue_class = CueClass::kReport,
                   .stance = Stance::kAsserts,
                   .endorsement = Endorsement::kReported,
                   .factuality = Factuality::kCTPlus}}},
      {.text = "The rebels claimed that they had destroyed six army trucks near Anefis.",
       .outlet = "Reuters",
       .claims = {{.anchor = "claimed",
                   .claimant = "FLA",
                   .cue = "claimed",
                   .cue_class = CueClass::kDistance,
                   .stance = Stance::kAsserts,
                   .endorsement = Endorsement::kDistanced,
                   .factuality = Factuality::kCTPlus}}},
      {.text = "The Malian army denied the allegations after clashes near Niono.",
       .outlet = "Reuters",
       .claims = {{.anchor = "denied",
                   .claimant = "FAMa",
                   .kind = ClaimantKind::kState,
                   .cue = "denied",
                   .cue_class = CueClass::kDeny,
                   .stance = Stance::kDenies,
                   .factuality = Factuality::kCTMinus}}},
      {.text = "The army acknowledged that two soldiers were killed in the ambush near Tessit.",
       .outlet = "Reuters",
       .claims = {{.anchor = "acknowledged",
                   .claimant = "FAMa",
                   .cue = "acknowledged",
                   .cue_class = CueClass::kAdmit,
                   .stance = Stance::kAcknowledges,
                   .factuality = Factuality::kCTPlus}}},
      {.text = "FLA fighters said they had seized two armoured vehicles near Anefis and added "
               "that the soldiers fled.",
       .outlet = "Reuters",
       .claim_count = 2,
       .claims = {{.anchor = "said", .claimant = "FLA", .cue = "said"},
                  {.anchor = "added", .claimant = "FLA", .cue = "added"}}},
  }));
  CheckPassage("en", p);
}

TEST_CASE("an English frame attributes the clause to the claimant it names", "[extract][en]") {
  auto p = GENERATE(values<Passage>({
      {.text = "According to local sources, militants torched the market in Mondoro on "
               "Saturday.",
       .outlet = "Reuters",
       .claims = {{.anchor = "militants",
                   .claimant = "local sources",
                   .cue = "According to local sources",
                   .cue_class = CueClass::kHearsayFrame,
                   .stance = Stance::kAsserts,
                   .endorsement = Endorsement::kReported,
                   .hedges = {{"According to local sources", HedgeKind::kAttribution}}}}},
      {.text = "As reported by Al Jazeera, the convoy left Gao on Friday.",
       .outlet = "Reuters",
       .claims = {{.anchor = "the convoy",
                   .claimant = "Al Jazeera",
                   .kind = ClaimantKind::kOutlet,
                   .chain = std::vector<std::string>{"Reuters", "Al Jazeera"},
                   .cue_class = CueClass::kHearsayFrame}}},
  }));
  CheckPassage("en", p);
}

TEST_CASE("an English cue closing the sentence attributes what comes before it",
          "[extract][en]") {
  auto p = GENERATE(values<Passage>({
      {.text = "Two soldiers were killed near Boni, the army said.",
       .outlet = "Reuters",
       .claim_count = 1,
       .claims = {{.anchor = "Two soldiers",
                   .claimant = "FAMa",
                   .cue = "said",
                   .stance = Stance::kAsserts,
                   .endorsement = Endorsement::kReported}}},
      {.text = "\"We pushed them back,\" a Malian officer told Reuters.",
       .outlet = "Reuters",
       .claim_count = 1,
       .claims = {{.anchor = "We pushed",
                   .role = "official",
                   .anonymous = true,
                   .cue = "told",
                   .cue_class = CueClass::kReport}}},
  }));
  CheckPassage("en", p);
}

TEST_CASE("an English relay puts the outlet that relays between the author and the claimant",
          "[extract][en]") {
  auto p = GENERATE(values<Passage>({
      {.text = "A spokesman for the FLA told Reuters the rebels had shot down a drone near "
               "Kidal.",
       .outlet = "AP",
       .claims = {{.anchor = "told",
                   .claimant = "FLA",
                   .role = "spokesperson",
                   .chain = std::vector<std::string>{"AP", "Reuters", "FLA"},
                   .cue = "told"}}},
      {.text = "JNIM fighters, cited by AFP, said they had captured the town of Léré.",
       .outlet = "Reuters",
       .claims = {{.anchor = "said",
                   .claimant = "JNIM",
                   .role = "fighter",
                   .chain = std::vector<std::string>{"Reuters", "AFP", "JNIM"}}}},
  }));
  CheckPassage("en", p);
}

}  // namespace attest
