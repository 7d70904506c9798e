// How wire and radio reporting attributes what it says: inverted subjects, who
// was spoken to, participles hanging on a clause, relative clauses around the
// subject, verbs that report only with their object, pronouns for people and
// for organisations, "the same source", and anaphors qualified by a word of their
// own. Each row is a construction of the language, not a sentence of a set.
#include <catch2/catch.hpp>

#include "tests/engine/extract/extraction_table.h"

namespace attest {

using testing::CheckPassage;
using testing::kNone;
using testing::Passage;

TEST_CASE("a French inverted subject pronoun after its verb is the cue's subject",
          "[extract][fr][reporting]") {
  auto p = GENERATE(values<Passage>({
      {.text = "Le porte-parole du FLA a démenti tout repli. « Nos positions sont intactes », "
               "a-t-il ajouté.",
       .claims = {{.anchor = "a-t-il ajouté",
                   .claimant = "FLA",
                   .cue = "ajouté",
                   .stance = Stance::kAsserts,
                   .endorsement = Endorsement::kReported}}},
      {.text = "L'armée malienne a reconnu des pertes. « La situation est sous contrôle », "
               "affirme-t-elle.",
       .claims = {{.anchor = "affirme-t-elle",
                   .claimant = "FAMa",
                   .stance = Stance::kAsserts,
                   .endorsement = Endorsement::kReported}}},
  }));
  CheckPassage("fr", p);
}

TEST_CASE("the one spoken to is skipped and the subject found after it",
          "[extract][fr][en][reporting]") {
  CheckPassage("fr", {.text = "Cent personnes ont été tuées, a indiqué à l'AFP le comité de "
                              "résistance de Wad Madani.",
                      .published = "2024-06-06",
                      .outlet = "AFP",
                      .claims = {{.anchor = "a indiqué",
                                  .claimant = "le comité de résistance de Wad Madani",
                                  .stance = Stance::kAsserts,
                                  .endorsement = Endorsement::kReported}}});
  CheckPassage("fr", {.text = "« Des dizaines de personnes ont été tuées », a déclaré à la presse "
                              "le porte-parole du ministère de la Défense.",
                      .claims = {{.anchor = "a déclaré",
                                  .role = "spokesperson",
                                  .endorsement = Endorsement::kReported}}});
  CheckPassage("en", {.text = "A woman who fled the camp told Reuters that fighters had burned "
                              "the market.",
                      .outlet = "AP",
                      .claims = {{.anchor = "told Reuters",
                                  .mention = "A woman",
                                  .chain = std::vector<std::string>{"AP", "Reuters", "A woman"},
                                  .stance = Stance::kAsserts,
                                  .endorsement = Endorsement::kReported}}});
}

TEST_CASE("a relative clause after the subject qualifies it",
          "[extract][fr][en][reporting]") {
  CheckPassage("en", {.text = "Bodies lay in the streets of Goma, a UN official who spoke on "
                              "condition of anonymity told AFP.",
                      .published = "2025-01-30",
                      .outlet = "AFP",
                      .claims = {{.anchor = "Bodies lay",
                                  .claimant = "UN",
                                  .anonymous = true,
                                  .endorsement = Endorsement::kReported}}});
  // After a comma, a subject relative speaks for the claimant just before it.
  CheckPassage("fr", {.text = "Deux soldats ont été tués près de Ber, selon l'armée, qui assure "
                              "avoir tué douze assaillants.",
                      .claims = {{.anchor = "qui assure",
                                  .claimant = "FAMa",
                                  .cue = "assure",
                                  // The army's adversary, no attacker being named.
                                  .slot = "fatalities:insurgents",
                                  .value = "12"}}});
  // "ce que X conteste" starts at "ce".
  CheckPassage("fr", {.text = "Plusieurs civils auraient été abattus à Gao, d'après un médecin, "
                              "ce que l'armée conteste.",
                      .claims = {{.anchor = "ce que l'armée conteste",
                                  .claimant = "FAMa",
                                  .stance = Stance::kDenies,
                                  .factuality = Factuality::kCTMinus}}});
}

TEST_CASE("a present participle hanging on a clause speaks for that clause's subject",
          "[extract][fr][en][reporting]") {
  CheckPassage("en", {.text = "Rwanda has repeatedly denied backing the rebels, saying its forces "
                              "protect its border.",
                      .outlet = "AFP",
                      .claims = {{.anchor = "denied",
                                  .stance = Stance::kDenies,
                                  .factuality = Factuality::kCTMinus},
                                 {.anchor = "saying its forces",
                                  .claimant = "Government of Rwanda",
                                  .cue = "saying",
                                  .stance = Stance::kAsserts}}});
  CheckPassage("fr", {.text = "Le Jnim a revendiqué l'attaque de Boulkessi, affirmant avoir tué "
                              "des dizaines de soldats.",
                      .claims = {{.anchor = "affirmant",
                                  .claimant = "JNIM",
                                  .cue = "affirmant",
                                  .stance = Stance::kAsserts}}});
  CheckPassage("fr", {.text = "Un responsable de l'armée a admis une erreur, tout en maintenant "
                              "que les victimes étaient armées.",
                      .claims = {{.anchor = "a admis", .stance = Stance::kAcknowledges},
                                 {.anchor = "tout en maintenant",
                                  .cue = "en maintenant",
                                  .stance = Stance::kAsserts}}});
}

TEST_CASE("a verb that needs an object reports only with it, and no before it is a silence",
          "[extract][fr][en][reporting]") {
  CheckPassage("en", {.text = "The Houthis said they had fired missiles, without providing "
                              "evidence.",
                      .published = "2025-04-18",
                      .outlet = "Reuters",
                      .claims = {{.anchor = "without providing evidence",
                                  .claimant = "Houthis",
                                  .cue_class = CueClass::kDecline,
                                  .stance = Stance::kDeclines}}});
  CheckPassage("fr", {.text = "Le porte-parole de l'armée a parlé d'une victoire à Léré. Il n'a "
                              "fourni aucune preuve.",
                      .claims = {{.anchor = "n'a fourni aucune preuve",
                                  .claimant = "FAMa",
                                  .stance = Stance::kDeclines,
                                  .factuality = Factuality::kUu}}});
  // "gave chase" is no speech: the claim stays the outlet's.
  CheckPassage("en", {.text = "Soldiers gave chase to the attackers near Ber.",
                      .outlet = "Reuters",
                      .claims = {{.anchor = "gave chase",
                                  .claimant = "Reuters",
                                  .cue = kNone,
                                  .endorsement = Endorsement::kAuthor}}});
}

TEST_CASE("he and she stand for people, it for an organisation",
          "[extract][en][reporting]") {
  CheckPassage("en", {.text = "The army did not respond to a request for comment. A resident told "
                              "AFP that the market burned. \"We ran,\" she said.",
                      .outlet = "AFP",
                      .claims = {{.anchor = "she said",
                                  .claimant = "residents",
                                  .mention = "she",
                                  .kind = ClaimantKind::kWitness}}});
  CheckPassage("en", {.text = "The U.S. military's Central Command said the strikes hit a fuel "
                              "depot. It did not comment on casualties.",
                      .published = "2025-04-18",
                      .outlet = "Reuters",
                      .claims = {{.anchor = "It did not comment",
                                  .claimant = "CENTCOM",
                                  .stance = Stance::kDeclines}}});
}

TEST_CASE("the same source, a doubling pronoun and an anaphor with a word of its own",
          "[extract][fr][reporting]") {
  CheckPassage("fr", {.text = "Au moins 44 civils ont été tués à Fambita, selon le ministère de "
                              "l'Intérieur. Treize personnes ont été blessées, selon la même source.",
                      .published = "2025-03-23",
                      .claims = {{.anchor = "Treize personnes",
                                  .mention = "la même source",
                                  .slot = "injured",
                                  .value = "13"}}});
  CheckPassage("fr", {.text = "Des tirs ont été entendus à Kidal. Le gouvernement, lui, assure que la "
                              "situation est sous contrôle.",
                      .claims = {{.anchor = "assure",
                                  .claimant = "Government of Mali",
                                  .stance = Stance::kAsserts}}});
  // "le groupe pétrolier" is not the last armed group named.
  CheckPassage("fr", {.text = "Le Jnim a revendiqué l'attaque. Le groupe pétrolier n'a pas souhaité "
                              "commenter.",
                      .claims = {{.anchor = "Le groupe pétrolier",
                                  .claimant = "Le groupe pétrolier",
                                  .stance = Stance::kDeclines}}});
}

TEST_CASE("no cue where a verb is the complement of another or follows a subordinator",
          "[extract][en][reporting]") {
  // "called on Western allies to respond": the allies say nothing.
  CheckPassage("en", {.text = "The president said the attack was deliberate and called on Western "
                              "allies to respond firmly.",
                      .outlet = "AP",
                      .claim_count = 2,
                      .claims = {{.anchor = "called on", .cue = "called on"}}});
  // "as gunfire still echoed" does not make the opening subject speak.
  CheckPassage("en", {.text = "M23 fighters tightened their grip on Goma as sporadic gunfire still "
                              "echoed in several districts.",
                      .published = "2025-01-30",
                      .outlet = "AFP",
                      .claim_count = 1,
                      .claims = {{.anchor = "tightened",
                                  .claimant = "AFP",
                                  .cue = kNone,
                                  .endorsement = Endorsement::kAuthor}}});
}

TEST_CASE("the imperfect of a verb in -rer is no conditional, and pourrait is a possibility",
          "[extract][fr][reporting]") {
  CheckPassage("fr", {.text = "Le FLA assurait que ses hommes figuraient parmi les blessés.",
                      .claims = {{.anchor = "assurait",
                                  .endorsement = Endorsement::kReported,
                                  .no_hedges = {HedgeKind::kConditional}}}});
  CheckPassage("fr", {.text = "Selon un élu local, le bilan pourrait s'alourdir.",
                      .claims = {{.anchor = "pourrait",
                                  .modality = Modality::kPossible,
                                  .endorsement = Endorsement::kReported,
                                  .factuality = Factuality::kPSPlus}}});
  // "de manière suspecte" is a manner, not the hedge "suspecté".
  CheckPassage("fr", {.text = "L'armée a affirmé que des véhicules avançaient de manière suspecte.",
                      .claims = {{.anchor = "a affirmé", .modality = Modality::kCertain}}});
}

TEST_CASE("a month name in a date is no hedge, and a statement's date is not the event's",
          "[extract][fr][en][reporting]") {
  CheckPassage("en", {.text = "The RSF has besieged El Fasher since May last year.",
                      .published = "2025-04-14",
                      .outlet = "Reuters",
                      .claims = {{.anchor = "besieged", .modality = Modality::kCertain}}});
  // Published on Tuesday 15 July: the communiqué is of Tuesday, the attack of Monday.
  CheckPassage("fr", {.text = "Dans un communiqué publié mardi, l'armée malienne affirme avoir "
                              "repoussé l'attaque de lundi à Alkit.",
                      .published = "2025-07-15",
                      .claims = {{.anchor = "affirme",
                                  .claimant = "FAMa",
                                  .place = "Alkit",
                                  .date = "2025-07-14"}}});
}

TEST_CASE("generic words name the parties of the report's own country",
          "[extract][fr][en][reporting]") {
  // In a report about Sudan, "the army" is Sudan's.
  CheckPassage("en", {.text = "Fighting broke out in Khartoum. The army did not respond to a "
                              "request for comment.",
                      .published = "2025-04-14",
                      .outlet = "Reuters",
                      .claims = {{.anchor = "The army", .claimant = "SAF"}}});
  // In a report about a country the gazetteer has no conflict for, nobody's.
  CheckPassage("fr", {.text = "Au Togo, des soldats ont été attaqués. L'armée n'a pas communiqué.",
                      .claims = {{.anchor = "L'armée n'a pas",
                                  .claimant = "L'armée",
                                  .stance = Stance::kDeclines}}});
  // A country holds its places: the incident is at the place named.
  CheckPassage("fr", {.text = "Au Mali, un convoi est tombé dans une embuscade lundi à Alkit.",
                      .claims = {{.anchor = "embuscade", .place = "Alkit", .date = "2025-07-14"}}});
}

}  // namespace attest

namespace attest {

TEST_CASE("a report without lang is read in the language its words say, or refused",
          "[extract][fr][en]") {
  auto read = [](const std::string& body) {
    Diagnostics diagnostics;
    ReportOptions options;
    auto report = ReadTextReport("---\nid: x\noutlet: RFI\npublished: 2025-07-14\n---\n" + body,
                                 "x.txt", options, diagnostics);
    REQUIRE(report.has_value());
    return *report;
  };
  auto fr = ExtractClaims(read("L'armée malienne a reconnu des combats près de Ber."),
                          testing::ProjectRules());
  REQUIRE(fr.size() == 1);
  CHECK(fr[0].stance == Stance::kAcknowledges);
  auto en = ExtractClaims(read("The army acknowledged clashes near Ber on Monday."),
                          testing::ProjectRules());
  REQUIRE(en.size() == 1);
  CHECK(en[0].stance == Stance::kAcknowledges);
  CHECK_THROWS_AS(ExtractClaims(read("12345 67890."), testing::ProjectRules()), InvalidInput);
}

}  // namespace attest

namespace attest {

using testing::CheckPassage;

TEST_CASE("coordinated sources are one claimant each, and a country names a state",
          "[extract][en][reporting]") {
  CheckPassage("en", {.text = "Militants attacked Djibo on Sunday, two security sources and a "
                              "local resident told Reuters.",
                      .published = "2025-05-13",
                      .outlet = "Reuters",
                      .claim_count = 2,
                      .claims = {{.anchor = "Militants", .claimant = "security sources"},
                                 {.anchor = "Militants", .claimant = "local residents"}}});
  CheckPassage("en", {.text = "An air strike hit a village in Sagaing, where witnesses and rights "
                              "groups said more than 100 people were killed.",
                      .published = "2023-04-12",
                      .outlet = "AP",
                      .claims = {{.anchor = "witnesses and", .claimant = "witnesses"},
                                 {.anchor = "witnesses and", .claimant = "activists and aid groups"}}});
  CheckPassage("en", {.text = "Somalia's government condemned the attack on the beach.",
                      .published = "2024-08-03",
                      .outlet = "AFP",
                      .claims = {{.anchor = "condemned",
                                  .mention = "Somalia's government",
                                  .kind = ClaimantKind::kState}}});
  // In a report about a country without a conflict in the gazetteer, "police" is
  // that country's, not Mali's.
  CheckPassage("en", {.text = "At least 32 people were killed in Togo, police said.",
                      .published = "2024-08-03",
                      .outlet = "AFP",
                      .claims = {{.anchor = "police said", .claimant = "police"}}});
}

TEST_CASE("a name in brackets, an adverbial inside the verb group, and a passive of speech",
          "[extract][fr][reporting]") {
  CheckPassage("fr", {.text = "Le Groupe de soutien à l'islam et aux musulmans (GSIM, ou JNIM), lié "
                              "à al-Qaïda, a revendiqué l'attaque de Barsalogho.",
                      .published = "2024-08-27",
                      .claims = {{.anchor = "a revendiqué", .claimant = "JNIM"}}});
  CheckPassage("fr", {.text = "L'armée a de son côté évoqué dix morts à Kidal.",
                      .claims = {{.anchor = "évoqué", .claimant = "FAMa", .cue = "évoqué"}}});
  CheckPassage("fr", {.text = "Aucun bilan civil n'a été communiqué par les autorités, qui n'ont pas "
                              "répondu aux sollicitations de RFI à Kayes.",
                      .published = "2025-07-02",
                      .claims = {{.anchor = "Aucun bilan",
                                  .claimant = "Government of Mali",
                                  .stance = Stance::kDeclines},
                                 {.anchor = "qui n'ont pas répondu",
                                  .claimant = "Government of Mali",
                                  .stance = Stance::kDeclines}}});
  // "où" is a relative pronoun, "ou" a coordinator.
  CheckPassage("fr", {.text = "Les rebelles du FLA affirment avoir détruit ou emporté les véhicules "
                              "et assurent avoir fait plusieurs victimes.",
                      .claim_count = 2});
}

TEST_CASE("an English verb that reports only with its object: issued a statement, answered calls",
          "[extract][en][reporting]") {
  CheckPassage("en", {.text = "Militants attacked Djibo. Burkina Faso's military government has not "
                              "issued a statement. A government spokesman did not answer calls "
                              "seeking comment.",
                      .published = "2025-05-13",
                      .outlet = "Reuters",
                      .claims = {{.anchor = "has not issued",
                                  .claimant = "Government of Burkina Faso",
                                  .stance = Stance::kDeclines},
                                 {.anchor = "did not answer",
                                  .role = "spokesperson",
                                  .stance = Stance::kDeclines}}});
}

}  // namespace attest
