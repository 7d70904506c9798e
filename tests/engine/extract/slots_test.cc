// Slot rules (rules/<lang>/slots.toml, quantities.toml): what a claim's content
// says about the incident — counts by side with vague quantities as ranges,
// materiel, outcomes, cooperation, participation, responsibility, the event —
// and a claim that maps to nothing stays a statement.
#include <catch2/catch.hpp>

#include "tests/engine/extract/extraction_table.h"

namespace attest {

using testing::CheckPassage;
using testing::kNone;
using testing::Passage;

TEST_CASE("a French count reads its quantity as a range and its side from the noun or actor",
          "[extract][fr][slots]") {
  auto p = GENERATE(values<Passage>({
      // A figure given exactly is no approximation; "au moins douze" is.
      {.text = "Selon l'armée, deux soldats ont été tués près de Ber.",
       .claims = {{.anchor = "deux soldats",
                   .no_hedges = {HedgeKind::kApproximation},
                   .slot = "fatalities:FAMa",
                   .value = "2"}}},
      {.text = "Au moins douze civils ont été tués à Ogossagou, selon des habitants.",
       .claims = {{.anchor = "Au moins douze",
                   .hedges = {{"Au moins douze", HedgeKind::kApproximation}},
                   .slot = "fatalities:civilians",
                   .value = "12.."}}},
      {.text = "Une dizaine de personnes ont été blessées à Gao, indique un élu local.",
       .claims = {{.anchor = "Une dizaine", .slot = "injured", .value = "8..12"}}},
      {.text = "Plus de 160 assaillants ont été tués, affirme l'armée.",
       .claims = {{.anchor = "Plus de 160", .slot = "fatalities", .value = "161.."}}},
      {.text =
           "Des dizaines de civils ont été enlevés près de Diafarabé, selon des sources locales.",
       .claims = {{.anchor = "Des dizaines", .slot = "abducted:civilians", .value = "20..99"}}},
      {.text = "Environ 50 personnes ont été tuées à Bamako, selon une source sécuritaire.",
       // Bamako names the government too, but after "à" it is where they died.
       .claims = {{.anchor = "Environ 50", .slot = "fatalities", .value = "40..60"}}},
      {.text = "Les rebelles affirment avoir fait plusieurs victimes.",
       .claims = {{.anchor = "plusieurs victimes", .slot = "fatalities", .value = "2.."}}},
      // A count the claimant does not know is one or more, not the "un" it begins with.
      {.text = "Selon l'armée, un nombre indéterminé de soldats ont été tués près de Ber.",
       .claims = {{.anchor = "un nombre indéterminé", .slot = "fatalities:FAMa", .value = "1.."}}},
      // Intervals: "entre … et", "… à …", "… ou …"; a bare "et" joins nothing.
      {.text = "Selon le gouverneur, entre 7 et 11 personnes ont été tuées à Gao.",
       .claims = {{.anchor = "entre 7 et 11", .slot = "fatalities", .value = "7..11"}}},
      {.text = "Deux ou trois soldats ont été blessés près de Ber, selon l'armée.",
       .claims = {{.anchor = "Deux ou trois", .slot = "injured:FAMa", .value = "2..3"}}},
      {.text = "De 10 à 15 civils ont été enlevés près de Diafarabé, selon des habitants.",
       .claims = {{.anchor = "10 à 15", .slot = "abducted:civilians", .value = "10..15"}}},
      // "voire", "sinon": the second number is the most the source allows.
      {.text = "Selon l'armée, sept voire onze soldats ont été tués près de Ber.",
       .claims = {{.anchor = "sept voire onze", .slot = "fatalities:FAMa", .value = "7..11"}}},
      {.text = "Dix sinon quinze civils ont été enlevés, selon des habitants.",
       .claims = {{.anchor = "Dix sinon", .slot = "abducted:civilians", .value = "10..15"}}},
      // "si ce n'est" (if not) joins the two numbers and negates nothing.
      {.text = "Selon l'armée, douze, si ce n'est quinze, soldats ont été tués près de Ber.",
       .claims = {{.anchor = "douze, si",
                   .polarity = Polarity::kPositive,
                   .factuality = Factuality::kCTPlus,
                   .slot = "fatalities:FAMa",
                   .value = "12..15"}}},
      // The first number set before the people it counts: the same interval,
      // hedged by its second half.
      {.text = "Selon l'armée, douze soldats, si ce n'est quinze, ont été tués près de Ber.",
       .claims = {{.anchor = "douze soldats",
                   .polarity = Polarity::kPositive,
                   .hedges = {{"si ce n'est quinze", HedgeKind::kApproximation}},
                   .slot = "fatalities:FAMa",
                   .value = "12..15"}}},
      {.text = "Selon des habitants, sept civils voire dix ont été tués près de Ber.",
       .claims = {{.anchor = "sept civils",
                   .hedges = {{"voire dix", HedgeKind::kApproximation}},
                   .slot = "fatalities:civilians",
                   .value = "7..10"}}},
      // A second number lower than the first makes no interval.
      {.text = "Selon des habitants, douze civils, voire dix, ont été tués près de Ber.",
       .claims = {{.anchor = "douze civils", .slot = "fatalities", .value = "10"}}},
      {.text = "L'attaque a fait douze morts, si ce n'est plus, selon des habitants.",
       .claims = {{.anchor = "L'attaque",
                   .polarity = Polarity::kPositive,
                   .factuality = Factuality::kCTPlus,
                   .slot = "fatalities",
                   .value = "12.."}}},
      // "… voire plus", "si ce n'est plus": at least the figure (open_ends).
      {.text = "Selon l'armée, sept soldats voire plus ont été tués près de Ber.",
       .claims = {{.anchor = "sept soldats", .slot = "fatalities:FAMa", .value = "7.."}}},
      {.text = "Selon l'armée, cinq soldats ont été tués et sept blessés près de Ber.",
       .claims = {{.anchor = "cinq soldats", .slot = "fatalities:FAMa", .value = "5"}}},
  }));
  CheckPassage("fr", p);
}

TEST_CASE("an English count reads its quantity as a range and its side from the noun or actor",
          "[extract][en][slots]") {
  auto p = GENERATE(values<Passage>({
      {.text = "At least 17 Malian soldiers were killed near Boni, the army said.",
       .outlet = "Reuters",
       .claims = {{.anchor = "At least 17",
                   .hedges = {{"At least 17", HedgeKind::kApproximation}},
                   .slot = "fatalities:FAMa",
                   .value = "17.."}}},
      // A figure given exactly, "a" or "12", hedges nothing.
      {.text = "A civilian was killed near Boni, the Malian army said.",
       .outlet = "Reuters",
       .claims = {{.anchor = "A civilian",
                   .no_hedges = {HedgeKind::kApproximation},
                   .slot = "fatalities:civilians",
                   .value = "1"}}},
      {.text = "Twelve Malian soldiers were killed near Boni, the army said.",
       .outlet = "Reuters",
       .claims = {{.anchor = "Twelve",
                   .no_hedges = {HedgeKind::kApproximation},
                   .slot = "fatalities:FAMa",
                   .value = "12"}}},
      {.text = "Gunmen killed more than 100 civilians in the village of Solhan, officials said.",
       .published = "2021-06-06",
       .outlet = "Reuters",
       .claims = {{.anchor = "more than 100", .slot = "fatalities:civilians", .value = "101.."}}},
      {.text = "Dozens of people were wounded in the attack on Gao, a doctor said.",
       .outlet = "Reuters",
       // ("people" and "villagers" are civilians in the shipped rules.)
       .claims = {{.anchor = "Dozens", .slot = "injured:civilians", .value = "20..99"}}},
      {.text = "Up to 30 villagers were abducted near Djibo, residents said.",
       .outlet = "Reuters",
       .claims = {{.anchor = "Up to 30", .slot = "abducted:civilians", .value = "1..30"}}},
      // A count the claimant does not know is one or more, not the "an" it begins with.
      {.text = "An unknown number of Malian soldiers were killed near Boni, the army said.",
       .outlet = "Reuters",
       .claims = {{.anchor = "An unknown number", .slot = "fatalities:FAMa", .value = "1.."}}},
      {.text = "Several tens of civilians were killed near Boni, residents said.",
       .outlet = "Reuters",
       .claims = {{.anchor = "Several tens", .slot = "fatalities:civilians", .value = "20..99"}}},
      // Intervals: "between … and", "… to …", "… or …"; a bare "and" joins nothing.
      {.text = "Between 12 and 15 civilians were killed in Gao, the governor said.",
       .outlet = "Reuters",
       .claims = {{.anchor = "Between 12 and 15", .slot = "fatalities:civilians", .value = "12..15"}}},
      {.text = "Two or three Malian soldiers were wounded near Boni, the army said.",
       .outlet = "Reuters",
       .claims = {{.anchor = "Two or three", .slot = "injured:FAMa", .value = "2..3"}}},
      {.text = "Gunmen abducted 10 to 15 villagers near Djibo, residents said.",
       .outlet = "Reuters",
       .claims = {{.anchor = "10 to 15", .slot = "abducted:civilians", .value = "10..15"}}},
      {.text = "Five Malian soldiers were killed and seven wounded near Boni, the army said.",
       .outlet = "Reuters",
       .claims = {{.anchor = "Five Malian", .slot = "fatalities:FAMa", .value = "5"}}},
  }));
  CheckPassage("en", p);
}

TEST_CASE("no victims before a French count word is a count of one or more that the negation "
          "turns to none",
          "[extract][fr][slots]") {
  auto fr = GENERATE(values<Passage>({
      {.text = "Aucun civil n'a été tué à Ber, selon l'armée.",
       .claims = {{.anchor = "Aucun civil",
                   .claimant = "FAMa",
                   .polarity = Polarity::kNegative,
                   .slot = "fatalities:civilians",
                   .value = "1.."}}},
      {.text = "Selon l'armée, aucun des soldats maliens n'a été blessé à Ber.",
       .claims = {{.anchor = "aucun des",
                   .polarity = Polarity::kNegative,
                   .slot = "injured:FAMa",
                   .value = "1.."}}},
  }));
  CheckPassage("fr", fr);
}

TEST_CASE("no victims before an English count word is a count of one or more that the negation "
          "turns to none, and a word of no victims is no count",
          "[extract][en][slots]") {
  auto en = GENERATE(values<Passage>({
      {.text = "No civilians were killed in the strike near Ber, the army said.",
       .outlet = "Reuters",
       .claims = {{.anchor = "No civilians",
                   .claimant = "FAMa",
                   .polarity = Polarity::kNegative,
                   .slot = "fatalities:civilians",
                   .value = "1.."}}},
      {.text = "The army said none of the Malian soldiers was wounded near Ber.",
       .outlet = "Reuters",
       .claims = {{.anchor = "none of",
                   .polarity = Polarity::kNegative,
                   .slot = "injured:FAMa",
                   .value = "1.."}}},
      // "No immediate toll" names no victims: the claim gives no count.
      {.text = "No immediate toll was given, the army said.",
       .outlet = "Reuters",
       .claims = {{.anchor = "No immediate", .slot = "statement", .value = kNone}}},
  }));
  CheckPassage("en", en);
}

TEST_CASE("a party's word for its adversary counts the dead of the side it fights, and losses in "
          "someone's ranks are that one's", "[extract][fr][slots]") {
  auto p = GENERATE(values<Passage>({
      {.text =
           "Le FLA a attaqué un convoi près de Ber. L'armée assure avoir tué douze assaillants.",
       .claims =
           {{.anchor = "assure", .claimant = "FAMa", .slot = "fatalities:FLA", .value = "12"}}},
      {.text =
           "Un porte-parole du FLA dément toute perte dans les rangs des rebelles près de Kidal.",
       .claims = {{.anchor = "dément",
                   .claimant = "FLA",
                   .stance = Stance::kDenies,
                   .factuality = Factuality::kCTMinus,
                   .slot = "fatalities:FLA",
                   .value = "1.."}}},
      {.text = "L'armée affirme n'avoir subi aucune perte dans ses rangs à Ber.",
       .claims = {{.anchor = "affirme",
                   .claimant = "FAMa",
                   .polarity = Polarity::kNegative,
                   .slot = "fatalities:FAMa",
                   .value = "1.."}}},
      // "parmi les" + the adversary's word, or + a side noun, past an open end too.
      {.text = "Le FLA a attaqué Ber. Selon l'armée, l'attaque a fait 30 morts parmi les "
               "assaillants.",
       .claims = {{.anchor = "30", .claimant = "FAMa", .slot = "fatalities:FLA", .value = "30"}}},
      {.text = "Le FLA a attaqué Ber. Selon l'armée, l'attaque a fait 30 morts, voire plus, "
               "parmi les assaillants.",
       .claims = {{.anchor = "30",
                   .claimant = "FAMa",
                   .hedges = {{"voire plus", HedgeKind::kApproximation}},
                   .slot = "fatalities:FLA",
                   .value = "30.."}}},
      {.text = "Selon des habitants, l'attaque de Ber a fait douze morts, au moins, parmi les "
               "civils.",
       .claims = {{.anchor = "douze", .slot = "fatalities:civilians", .value = "12.."}}},
  }));
  CheckPassage("fr", p);
}

TEST_CASE(
    "a party's adversary is the first opposing actor the report names, before the claim, in "
    "its sentence or after it",
    "[extract][fr][slots]") {
  auto p = GENERATE(values<Passage>({
      // Named only in a later sentence.
      {.text = "L'armée assure avoir tué douze assaillants près de Ber. Le FLA a revendiqué "
               "l'attaque.",
       .claims =
           {{.anchor = "assure", .claimant = "FAMa", .slot = "fatalities:FLA", .value = "12"}}},
      // Two later sentences name two adversaries: the first named counts.
      {.text = "L'armée assure avoir tué douze assaillants près de Ber. Le JNIM a revendiqué "
               "l'attaque. Le FLA aussi.",
       .claims =
           {{.anchor = "assure", .claimant = "FAMa", .slot = "fatalities:JNIM", .value = "12"}}},
      // One named before wins over one named after.
      {.text = "Le JNIM a attaqué Ber. L'armée assure avoir tué douze assaillants. Le FLA a "
               "revendiqué l'attaque.",
       .claims =
           {{.anchor = "assure", .claimant = "FAMa", .slot = "fatalities:JNIM", .value = "12"}}},
      // Each party its own: the army's adversary is named after it, the rebels'
      // before them.
      {.text = "L'armée assure avoir tué douze assaillants près de Ber. Le FLA affirme avoir "
               "tué vingt assaillants près de Ber.",
       .claims =
           {{.anchor = "assure", .claimant = "FAMa", .slot = "fatalities:FLA", .value = "12"},
            {.anchor = "affirme", .claimant = "FLA", .slot = "fatalities:FAMa", .value = "20"}}},
  }));
  CheckPassage("fr", p);
}

TEST_CASE("a French toll after the verb is the victims' count, not a determiner of the killers",
          "[extract][fr][slots]") {
  auto p = GENERATE(values<Passage>({
      {.text = "Des hommes armés ont tué 12 civils à Ogossagou, selon des habitants.",
       .claims = {{.anchor = "Des hommes", .slot = "fatalities:civilians", .value = "12"}}},
      {.text = "Des hommes armés ont tué au moins 12 civils, a indiqué le maire.",
       .claims = {{.anchor = "Des hommes", .slot = "fatalities:civilians", .value = "12.."}}},
      // A count before the noun, right next to it, stays the count.
      {.text = "Plusieurs soldats ont été tués à Boni, selon une source sécuritaire.",
       .claims = {{.anchor = "Plusieurs", .slot = "fatalities:FAMa", .value = "2.."}}},
  }));
  CheckPassage("fr", p);
}

TEST_CASE("an English toll after the verb is the victims' count, not a number of the weapons",
          "[extract][en][slots]") {
  auto p = GENERATE(values<Passage>({
      {.text = "The ministry said it had struck the base with two missiles, killing more than 60 "
               "servicemen.",
       .outlet = "Reuters",
       .claims = {{.anchor = "The ministry said", .slot = "fatalities", .value = "61.."}}},
      {.text = "Militants detonated an IED against a vehicle near Boulkessi, killing three soldiers.",
       .outlet = "Reuters",
       .claims = {{.anchor = "Militants", .slot = "fatalities:FAMa", .value = "3"}}},
  }));
  CheckPassage("en", p);
}

TEST_CASE("a number that a French date or a length of time takes is never a count",
          "[extract][fr][slots]") {
  auto p = GENERATE(values<Passage>({
      {.text = "Le 3 janvier 2020, l'armée a tué un militant près de Boni.",
       .published = "2020-01-10",
       .claims = {{.anchor = "Le 3 janvier", .slot = "fatalities", .value = "1"}}},
      {.text = "En décembre 2019, l'armée a tué plusieurs militants près de Boni, selon une "
               "source sécuritaire.",
       .published = "2020-01-10",
       .claims = {{.anchor = "En décembre", .slot = "fatalities", .value = "2.."}}},
      {.text = "En 2019, l'armée a tué une dizaine de militants près de Boni.",
       .published = "2020-01-10",
       .claims = {{.anchor = "En 2019", .slot = "fatalities", .value = "8..12"}}},
      // A count right after the date is still one.
      {.text = "En 2019, 30 civils ont été tués à Ogossagou, selon des habitants.",
       .published = "2020-01-10",
       .claims = {{.anchor = "30 civils", .slot = "fatalities:civilians", .value = "30"}}},
      // A number before a length of time counts nobody.
      {.text = "Le chef du village, tué trois jours plus tôt, a été enterré à Hombori.",
       .claims = {{.anchor = "Le chef", .slot = "statement", .value = kNone}}},
  }));
  CheckPassage("fr", p);
}

TEST_CASE("an English party's word for its adversary counts the dead of the side it fights, and "
          "losses in someone's ranks are that one's", "[extract][en][slots]") {
  auto p = GENERATE(values<Passage>({
      {.text = "FLA fighters attacked a convoy near Ber. The army said it had killed twelve "
               "attackers.",
       .outlet = "Reuters",
       .claims = {{.anchor = "The army said", .claimant = "FAMa", .slot = "fatalities:FLA",
                   .value = "12"}}},
      {.text = "An FLA spokesman denied any casualties among its fighters near Kidal.",
       .outlet = "Reuters",
       .claims = {{.anchor = "denied",
                   .claimant = "FLA",
                   .stance = Stance::kDenies,
                   .factuality = Factuality::kCTMinus,
                   .slot = "fatalities:FLA",
                   .value = "1.."}}},
      {.text = "The army said it had suffered no losses in its ranks near Ber.",
       .outlet = "Reuters",
       .claims = {{.anchor = "The army said",
                   .claimant = "FAMa",
                   .polarity = Polarity::kNegative,
                   .slot = "fatalities:FAMa",
                   .value = "1.."}}},
  }));
  CheckPassage("en", p);
}

TEST_CASE("a number that an English date or a length of time takes is never a count",
          "[extract][en][slots]") {
  auto p = GENERATE(values<Passage>({
      {.text = "On 3 January 2020, the Malian army killed a militant near Boni.",
       .published = "2020-01-10",
       .outlet = "ACLED",
       .claims = {{.anchor = "On 3 January", .slot = "fatalities", .value = "1"}}},
      {.text = "In December 2019, gunmen killed dozens of villagers near Ogossagou, residents "
               "said.",
       .published = "2020-01-10",
       .outlet = "Reuters",
       .claims = {{.anchor = "In December",
                   .slot = "fatalities:civilians",
                   .value = "20..99"}}},
      {.text = "In 2019, the army killed a dozen militants near Boni.",
       .published = "2020-01-10",
       .outlet = "Reuters",
       .claims = {{.anchor = "In 2019", .slot = "fatalities", .value = "12"}}},
      {.text = "In 2019, 30 civilians were killed in Ogossagou, residents said.",
       .published = "2020-01-10",
       .outlet = "Reuters",
       .claims = {{.anchor = "30 civilians", .slot = "fatalities:civilians", .value = "30"}}},
      // A number before a length of time counts nobody.
      {.text = "Residents protested over the villagers killed two weeks earlier in Ogossagou.",
       .outlet = "Reuters",
       .claims = {{.anchor = "Residents", .slot = "statement", .value = kNone}}},
      {.text = "Gunmen attacked the village of Sobane, killing 35 people, three days after the "
               "army left.",
       .outlet = "Reuters",
       .claims = {{.anchor = "Gunmen", .slot = "fatalities:civilians", .value = "35"}}},
  }));
  CheckPassage("en", p);
}

TEST_CASE("a French claim of materiel, outcome or cooperation gives that slot", "[extract][fr][slots]") {
  auto p = GENERATE(values<Passage>({
      {.text = "Le FLA affirme avoir détruit trois véhicules de l'armée près de Tessalit.",
       .claims = {{.anchor = "affirme", .slot = "materiel.destroyed", .value = "3"}}},
      {.text = "Le FLA affirme avoir « totalement neutralisé » le convoi de l'armée à Alkit.",
       .claims = {{.anchor = "affirme", .slot = "outcome", .value = "attackers prevailed"}}},
      {.text = "L'armée assure avoir repoussé l'attaque contre son camp de Boulkessi.",
       .claims = {{.anchor = "assure", .slot = "outcome", .value = "attack repelled"}}},
      // A destruction of the whole says how it ended, not what was counted.
      {.text = "Le FLA affirme avoir entièrement détruit le convoi à Alkit.",
       .claims = {{.anchor = "affirme", .slot = "outcome", .value = "attackers prevailed"}}},
      {.text = "Les deux groupes démentent toute opération conjointe à Alkit.",
       .claims = {{.anchor = "démentent", .slot = "cooperation:joint_operation", .value = "true"}}},
      {.text = "Le convoi était constitué de quatre véhicules, selon le FLA.",
       .claims = {{.anchor = "quatre véhicules", .slot = "convoy.vehicles", .value = "4"}}},
  }));
  CheckPassage("fr", p);
}

TEST_CASE("an English claim of materiel, outcome or cooperation gives that slot",
          "[extract][en][slots]") {
  auto p = GENERATE(values<Passage>({
      {.text = "The FLA said it had completely destroyed the convoy at Alkit.",
       .outlet = "Reuters",
       .claims = {{.anchor = "said", .slot = "outcome", .value = "attackers prevailed"}}},
      {.text = "The army said it repelled the attack on its base in Boulkessi.",
       .outlet = "Reuters",
       .claims = {{.anchor = "said", .slot = "outcome", .value = "attack repelled"}}},
      {.text = "JNIM denied any joint operation with the FLA near Alkit.",
       .outlet = "Reuters",
       .claims = {{.anchor = "denied", .slot = "cooperation:joint_operation", .value = "true"}}},
  }));
  CheckPassage("en", p);
}

TEST_CASE("actors named as present take part, unless they are named to describe another",
          "[extract][fr][en][slots]") {
  SECTION("French") {
    auto p = GENERATE(values<Passage>({
        {.text = "Selon des sources locales, les jihadistes du Jnim, liés à al-Qaïda, étaient "
                 "présents à Alkit.",
         .claims = {{.anchor = "étaient présents",
                     .slot = "participant:JNIM",
                     .value = "true",
                     .implied = {}}}},
    }));
    Report report = testing::PassageReport("fr", p);
    auto claims = ExtractClaims(report, testing::ProjectRules());
    REQUIRE(claims.size() == 1);
    CHECK(claims[0].slot == "participant:JNIM");
    for (const auto& i : claims[0].implied) CHECK(i.slot != "participant:Al Qaeda");
  }
  SECTION("English") {
    // An apposition after an actor describes it: no participant of its own.
    Passage p{.text = "Several local sources said fighters of JNIM, the al-Qaeda affiliate, also "
                      "took part in the ambush at Alkit.",
              .outlet = "Reuters"};
    Report report = testing::PassageReport("en", p);
    auto claims = ExtractClaims(report, testing::ProjectRules());
    REQUIRE(claims.size() == 1);
    CHECK(claims[0].slot == "participant:JNIM");
    CHECK(claims[0].value.has_value());
    for (const auto& i : claims[0].implied) CHECK(i.slot != "participant:Al Qaeda");
    // A list of actors after a comma is no apposition: each takes part.
    Passage list{.text = "Residents said JNIM, the FLA and the army took part in the fighting at "
                         "Alkit.",
                 .outlet = "Reuters"};
    Report second = testing::PassageReport("en", list);
    auto listed = ExtractClaims(second, testing::ProjectRules());
    REQUIRE(listed.size() == 1);
    std::vector<std::string> slots = {listed[0].slot};
    for (const auto& i : listed[0].implied) slots.push_back(i.slot);
    CAPTURE(slots);
    CHECK(std::count(slots.begin(), slots.end(), "participant:FLA") == 1);
  }
}

TEST_CASE("a claim of responsibility names the perpetrator and an event word that it occurred",
          "[extract][fr][en][slots]") {
  CheckPassage("fr", {.text = "Le Jnim a revendiqué l'attaque du camp de Boulkessi.",
                      .claims = {{.anchor = "revendiqué",
                                  .slot = "perpetrator",
                                  .value = "JNIM",
                                  .implied = {"occurred=true"}}}});
  CheckPassage("en", {.text = "A convoy was ambushed near Anefis on Monday.",
                      .outlet = "Reuters",
                      .claims = {{.anchor = "ambushed",
                                  .slot = "occurred",
                                  .value = "true",
                                  .place = "Anefis",
                                  .event_type = "battles"}}});
}

TEST_CASE("a French negation denies only what it reaches: not the event a negated claim of "
          "it takes as given, nor what a relative clause says",
          "[extract][fr][slots]") {
  auto p = GENERATE(values<Passage>({
      // Nobody claimed the attack: it happened.
      {.text = "L'attaque n'a pas été revendiquée.",
       .claims = {{.anchor = "L'attaque",
                   .factuality = Factuality::kCTMinus,
                   .slot = "statement",
                   .not_read = {"occurred"}}}},
      {.text = "Aucun groupe n'a revendiqué l'attaque qui a tué douze soldats, selon l'armée.",
       .claims = {{.anchor = "Aucun groupe",
                   .factuality = Factuality::kCTMinus,
                   .slot = "statement",
                   .not_read = {"occurred", "fatalities:FAMa"}}}},
      {.text = "Les assaillants, qui n'ont pas été identifiés, ont tué douze soldats, selon "
               "l'armée.",
       .claims = {{.anchor = "Les assaillants", .not_read = {"fatalities:FAMa", "fatalities"}}}},
      // The negation reaches the event: it is denied.
      {.text = "L'attaque n'a pas eu lieu, selon l'armée.",
       .claims = {{.anchor = "L'attaque", .factuality = Factuality::kCTMinus,
                   .slot = "occurred", .value = "true"}}},
      {.text = "Aucune attaque n'a eu lieu à Gao, selon l'armée.",
       .claims = {{.anchor = "Aucune attaque", .slot = "occurred", .value = "true"}}},
      {.text = "Le camp n'a pas été attaqué, selon l'armée.",
       .claims = {{.anchor = "Le camp", .slot = "occurred", .value = "true"}}},
      {.text = "Les rebelles affirment ne pas avoir attaqué le camp.",
       .claims = {{.anchor = "affirment", .slot = "occurred", .value = "true"}}},
      // No victims: the count is denied, the attack is not.
      {.text = "Aucun civil n'a été tué dans l'attaque, selon l'armée.",
       .claims = {{.anchor = "Aucun civil", .slot = "fatalities:civilians", .value = "1..",
                   .not_read = {"occurred"}}}},
      {.text = "Les rebelles affirment n'avoir subi aucune perte lors de l'attaque.",
       .claims = {{.anchor = "affirment", .slot = "fatalities", .value = "1..",
                   .not_read = {"occurred"}}}},
  }));
  CheckPassage("fr", p);
}

TEST_CASE("a French \"ne … que\" restricts what it names: the count or act is affirmed, not "
          "denied, and \"ne … pas que\" stays a negation",
          "[extract][fr][slots]") {
  auto p = GENERATE(values<Passage>({
      {.text = "Selon l'armée malienne, l'attaque de Boni n'a fait que deux morts parmi les "
               "soldats.",
       .claims = {{.anchor = "Selon",
                   .claimant = "FAMa",
                   .polarity = Polarity::kPositive,
                   .factuality = Factuality::kCTPlus,
                   .slot = "fatalities:FAMa",
                   .value = "2",
                   .implied = {"occurred=true"}}}},
      {.text = "Le FLA n'a revendiqué que l'attaque de Kidal.",
       .claims = {{.anchor = "Le FLA",
                   .cue_class = CueClass::kClaimResponsibility,
                   .polarity = Polarity::kPositive,
                   .factuality = Factuality::kCTPlus,
                   .slot = "perpetrator",
                   .value = "FLA"}}},
      // The cue is not negated: a confirmation, of less than one might think.
      {.text = "L'armée malienne n'a confirmé que la mort de deux soldats à Boni.",
       .claims = {{.anchor = "L'armée",
                   .cue_class = CueClass::kConfirm,
                   .stance = Stance::kConfirms,
                   .polarity = Polarity::kPositive}}},
      {.text = "Les rebelles du FLA affirment n'avoir perdu que trois combattants à Kidal.",
       .claims = {{.anchor = "affirment",
                   .polarity = Polarity::kPositive,
                   .factuality = Factuality::kCTPlus}}},
      // The second part of a negation before the "que": a negation.
      {.text = "Selon l'armée malienne, l'attaque de Boni n'a pas fait que deux morts parmi les "
               "soldats.",
       .claims = {{.anchor = "Selon",
                   .polarity = Polarity::kNegative,
                   .factuality = Factuality::kCTMinus}}},
      // "ne … plus que", "ne … guère que": only, now or hardly more.
      {.text = "Selon l'armée malienne, l'attaque de Boni n'a plus fait que deux morts parmi les "
               "soldats.",
       .claims = {{.anchor = "Selon",
                   .polarity = Polarity::kPositive,
                   .factuality = Factuality::kCTPlus,
                   .slot = "fatalities:FAMa",
                   .value = "2"}}},
      {.text = "Selon des habitants, il ne reste plus que deux véhicules du convoi à Boni.",
       .claims = {{.anchor = "Selon", .polarity = Polarity::kPositive}}},
      // Not before the "que" of another clause: "ne … plus" negates.
      {.text = "Selon des habitants, les soldats ne sont plus revenus à Boni depuis que "
               "l'attaque a eu lieu.",
       .claims = {{.anchor = "Selon", .polarity = Polarity::kNegative}}},
      {.text = "Selon des habitants, les soldats ne reviennent plus parce que la route est "
               "minée.",
       .claims = {{.anchor = "Selon", .polarity = Polarity::kNegative}}},
      // (A negated "dire" is a silence.)
      {.text = "Le ministre n'a jamais dit que des civils avaient été tués à Boni.",
       .claims = {{.anchor = "Le ministre", .stance = Stance::kDeclines}}},
      {.text = "L'attaque de Boni n'a fait aucun mort que l'on sache, selon l'armée.",
       .claims = {{.anchor = "L'attaque",
                   .polarity = Polarity::kNegative,
                   .slot = "fatalities",
                   .value = "1.."}}},
  }));
  CheckPassage("fr", p);
}

TEST_CASE("an English negation denies only what it reaches: not the event a negated claim of "
          "it takes as given, nor what a relative clause says",
          "[extract][en][slots]") {
  auto p = GENERATE(values<Passage>({
      {.text = "The attack has not been claimed.",
       .claims = {{.anchor = "The attack",
                   .factuality = Factuality::kCTMinus,
                   .slot = "statement",
                   .not_read = {"occurred"}}}},
      {.text = "No group has claimed the attack, which killed 12 soldiers near Menaka, the army "
               "said.",
       .claims = {{.anchor = "No group",
                   .factuality = Factuality::kCTMinus,
                   .slot = "statement",
                   .not_read = {"occurred", "fatalities:FAMa"}}}},
      {.text = "The army said no group had claimed the attack that killed 12 soldiers.",
       .claims = {{.anchor = "no group", .not_read = {"fatalities:FAMa", "occurred"}}}},
      {.text = "The attack, which no group has claimed, killed 12 soldiers.",
       .claims = {{.anchor = "The attack", .not_read = {"fatalities:FAMa", "occurred"}}}},
      {.text = "The attack did not take place, the army said.",
       .claims = {{.anchor = "The attack", .factuality = Factuality::kCTMinus,
                   .slot = "occurred", .value = "true"}}},
      {.text = "There was no attack on the camp, the army said.",
       .claims = {{.anchor = "There was", .slot = "occurred", .value = "true"}}},
      {.text = "The rebels did not attack the camp, the army said.",
       .claims = {{.anchor = "The rebels", .slot = "occurred", .value = "true"}}},
      {.text = "No civilians were killed in the attack, the army said.",
       .claims = {{.anchor = "No civilians", .slot = "fatalities:civilians", .value = "1..",
                   .not_read = {"occurred"}}}},
      {.text = "None of the soldiers who fought were wounded, the Malian army said.",
       .claims = {{.anchor = "None of", .factuality = Factuality::kCTMinus,
                   .slot = "injured:FAMa", .value = "1.."}}},
  }));
  CheckPassage("en", p);
}

TEST_CASE("a phrase that begins like a negation but negates nothing leaves the claim positive",
          "[extract][en][slots]") {
  auto p = GENERATE(values<Passage>({
      {.text = "Gunmen attacked two camps not far from Inekar, killing 27 civilians.",
       .claims = {{.anchor = "Gunmen",
                   .polarity = Polarity::kPositive,
                   .factuality = Factuality::kCTPlus,
                   .slot = "fatalities:civilians",
                   .value = "27",
                   .implied = {"occurred=true"}}}},
      // "if not" holds a negation word and negates nothing: twelve or even fifteen.
      {.text = "Twelve, if not fifteen, Malian soldiers were killed near Boni, the army said.",
       .claims = {{.anchor = "Twelve",
                   .polarity = Polarity::kPositive,
                   .factuality = Factuality::kCTPlus,
                   .slot = "fatalities:FAMa",
                   .value = "12..15"}}},
      {.text = "Twelve Malian soldiers, if not fifteen, were killed near Boni, the army said.",
       .claims = {{.anchor = "Twelve",
                   .polarity = Polarity::kPositive,
                   .hedges = {{"if not fifteen", HedgeKind::kApproximation}},
                   .slot = "fatalities:FAMa",
                   .value = "12..15"}}},
      {.text = "The attack killed 12 civilians, if not more, according to residents.",
       .claims = {{.anchor = "The attack",
                   .polarity = Polarity::kPositive,
                   .factuality = Factuality::kCTPlus,
                   .slot = "fatalities:civilians",
                   .value = "12.."}}},
      // The longest approximation before the number: "no fewer than", not "fewer than".
      {.text = "No fewer than 12 Malian soldiers were killed, the army said.",
       .claims = {{.anchor = "No fewer",
                   .factuality = Factuality::kCTPlus,
                   .slot = "fatalities:FAMa",
                   .value = "12.."}}},
  }));
  CheckPassage("en", p);
}

TEST_CASE("an open end after a figure or the people it counts makes it a least count, unless "
          "another figure follows",
          "[extract][fr][en][slots]") {
  CheckPassage("fr", {.text = "Selon des habitants, douze soldats au moins ont été tués à Boni.",
                      .claims = {{.anchor = "Selon",
                                  .hedges = {{"au moins", HedgeKind::kApproximation}},
                                  .not_hedges = {"douze"},
                                  .slot = "fatalities:FAMa",
                                  .value = "12.."}}});
  CheckPassage("fr", {.text = "Selon des habitants, l'attaque de Boni a fait 30 morts, voire plus.",
                      .claims = {{.anchor = "Selon",
                                  .hedges = {{"voire plus", HedgeKind::kApproximation}},
                                  .not_hedges = {"30"},
                                  .slot = "fatalities",
                                  .value = "30.."}}});
  CheckPassage("fr", {.text = "Selon des habitants, l'attaque de Boni a fait 12 tués, au moins 5 "
                              "blessés.",
                      .claims = {{.anchor = "Selon",
                                  .no_hedges = {HedgeKind::kApproximation},
                                  .slot = "fatalities",
                                  .value = "12"}}});
  CheckPassage("en", {.text = "The army said 12 or more soldiers were killed near Boulkessi.",
                      .claims = {{.anchor = "The army",
                                  .hedges = {{"or more", HedgeKind::kApproximation}},
                                  .not_hedges = {"12"},
                                  .slot = "fatalities:FAMa",
                                  .value = "12.."}}});
  CheckPassage("en", {.text = "The army said the attack near Boni killed 12 soldiers, at least 5 "
                              "of them officers.",
                      .claims = {{.anchor = "The army", .slot = "fatalities:FAMa", .value = "12"}}});
  CheckPassage("en", {.text = "Residents said the attack on Ber killed 12, if not more, among the "
                              "villagers.",
                      .claims = {{.anchor = "Residents",
                                  .hedges = {{"if not more", HedgeKind::kApproximation}},
                                  .slot = "fatalities:civilians",
                                  .value = "12.."}}});
}

TEST_CASE(
    "one member of a party named with its nationality gives the side of a count, and "
    "stays a source when it speaks",
    "[extract][fr][en][slots]") {
  CheckPassage("fr", {.text = "Selon des habitants, un soldat malien a été tué lundi près de Boni.",
                      .claims = {{.anchor = "Selon", .slot = "fatalities:FAMa", .value = "1"}}});
  CheckPassage("fr", {.text = "Selon des habitants, un militaire français a été blessé à Ménaka.",
                      .claims = {{.anchor = "Selon", .slot = "injured:Barkhane", .value = "1"}}});
  CheckPassage("fr", {.text = "Un soldat malien a affirmé que l'attaque avait fait douze morts.",
                      .claims = {{.anchor = "attaque",
                                  .claimant = "Un soldat malien",
                                  .anonymous = true,
                                  .slot = "fatalities",
                                  .value = "12"}}});
  CheckPassage("en",
               {.text = "Residents said a Malian soldier was killed near Boulkessi.",
                .claims = {{.anchor = "Residents", .slot = "fatalities:FAMa", .value = "1"}}});
  CheckPassage("en",
               {.text = "Residents said one French soldier was killed near Menaka.",
                .claims = {{.anchor = "Residents", .slot = "fatalities:Barkhane", .value = "1"}}});
  // Without a nationality a soldier is nobody's: the report may be about any army.
  CheckPassage("en", {.text = "Residents said a soldier was killed near Boulkessi.",
                      .claims = {{.anchor = "Residents", .slot = "fatalities", .value = "1"}}});
}

TEST_CASE("a count noun takes the number after \"de\" or \"of\" when people follow it",
          "[extract][fr][en][slots]") {
  CheckPassage("fr", {.text = "L'armée malienne a confirmé la mort de douze soldats à Boni.",
                      .claims = {{.anchor = "L'armée",
                                  .stance = Stance::kConfirms,
                                  .slot = "fatalities:FAMa",
                                  .value = "12"}}});
  CheckPassage("fr", {.text = "Les habitants déplorent la perte de cinq civils à Boni.",
                      .claims = {{.anchor = "Les habitants",
                                  .slot = "fatalities:civilians",
                                  .value = "5"}}});
  // Two attacks are no victims.
  CheckPassage("fr", {.text = "Les villageois de Boni ont été victimes de deux attaques en juillet.",
                      .claims = {{.anchor = "Les villageois", .not_read = {"fatalities"}}}});
  CheckPassage("en", {.text = "The Malian army confirmed the deaths of 12 soldiers near Boni.",
                      .claims = {{.anchor = "The Malian army",
                                  .stance = Stance::kConfirms,
                                  .slot = "fatalities:FAMa",
                                  .value = "12"}}});
  CheckPassage("en", {.text = "The operation resulted in the killing of several suspected "
                              "militants near Boni, the army said.",
                      .claims = {{.anchor = "The operation", .slot = "fatalities",
                                  .value = "2.."}}});
}

TEST_CASE("a French loss counts the dead of the side that lost them, and only people",
          "[extract][fr][slots]") {
  auto p = GENERATE(values<Passage>({
      // The people lost name their side.
      {.text = "L'armée malienne reconnaît avoir perdu douze soldats dans l'attaque de Boni.",
       .claims = {{.anchor = "reconnaît", .slot = "fatalities:FAMa", .value = "12"}}},
      // The claimant's own losses.
      {.text = "Les rebelles du FLA affirment avoir perdu trois combattants à Kidal.",
       .claims = {{.anchor = "affirment", .slot = "fatalities:FLA", .value = "3"}}},
      {.text = "Les rebelles du FLA affirment n'avoir perdu que trois combattants à Kidal.",
       .claims = {{.anchor = "affirment",
                   .polarity = Polarity::kPositive,
                   .slot = "fatalities:FLA",
                   .value = "3"}}},
      // The subject's, when another speaks.
      {.text = "Les rebelles du FLA ont perdu trois hommes près de Kidal, selon des sources "
               "locales.",
       .claims = {{.anchor = "Les rebelles", .slot = "fatalities:FLA", .value = "3"}}},
      {.text = "Douze soldats maliens ont perdu la vie dans l'attaque de Boni, selon l'armée.",
       .claims = {{.anchor = "Douze", .slot = "fatalities:FAMa", .value = "12"}}},
      // Vehicles lost are no dead.
      {.text = "Les rebelles du FLA affirment avoir perdu deux véhicules à Kidal.",
       .claims = {{.anchor = "affirment", .not_read = {"fatalities", "fatalities:FLA"}}}},
      {.text = "Selon l'armée malienne, l'attaque de Boni n'a tué que deux soldats.",
       .claims = {{.anchor = "Selon",
                   .polarity = Polarity::kPositive,
                   .slot = "fatalities:FAMa",
                   .value = "2"}}},
      // "de ses" between the number and the people: the claimant's own.
      {.text = "Le FLA a confirmé la mort de trois de ses combattants près de Ber.",
       .claims = {{.anchor = "confirmé", .slot = "fatalities:FLA", .value = "3"}}},
      // A speaker who is no party has no own: the count keeps no side.
      {.text = "Des habitants ont confirmé la mort de trois de ses combattants près de Ber.",
       .claims = {{.anchor = "confirmé", .slot = "fatalities", .value = "3"}}},
      // A pronoun subject that agrees with the claimant's words stands for it.
      {.text = "Les rebelles du FLA assurent qu'ils n'ont perdu que deux hommes près de Ber.",
       .claims = {{.anchor = "assurent", .slot = "fatalities:FLA", .value = "2"}}},
      {.text = "Le FLA affirme qu'il a perdu trois combattants près de Ber.",
       .claims = {{.anchor = "affirme", .slot = "fatalities:FLA", .value = "3"}}},
      // One that does not speaks of others: no side.
      {.text = "L'armée affirme qu'ils ont perdu trois combattants près de Ber.",
       .claims = {{.anchor = "affirme", .slot = "fatalities", .value = "3"}}},
  }));
  CheckPassage("fr", p);
}

TEST_CASE("an English loss counts the dead of the side that lost them, and only people",
          "[extract][en][slots]") {
  auto p = GENERATE(values<Passage>({
      {.text = "The Malian army said it lost 12 soldiers in the attack near Boni.",
       .claims = {{.anchor = "The Malian army", .slot = "fatalities:FAMa", .value = "12"}}},
      {.text = "Twelve Malian soldiers lost their lives in the attack near Boni, the army said.",
       .claims = {{.anchor = "Twelve", .slot = "fatalities:FAMa", .value = "12"}}},
      {.text = "The army lost two vehicles in the ambush near Boni, a security source said.",
       .claims = {{.anchor = "The army", .not_read = {"fatalities", "fatalities:FAMa"}}}},
      // "of its" between the number and the people: the claimant's own, whatever
      // the subject ("it") or the verb.
      {.text = "The army said it had lost two of its soldiers near Boni.",
       .claims = {{.anchor = "The army", .slot = "fatalities:FAMa", .value = "2"}}},
      {.text = "The FLA said three of its fighters were killed near Ber.",
       .claims = {{.anchor = "The FLA", .slot = "fatalities:FLA", .value = "3"}}},
      // Not before a word that counts no people.
      {.text = "The FLA said it had lost two of its vehicles near Ber.",
       .claims = {{.anchor = "The FLA", .not_read = {"fatalities:FLA"}}}},
      // A pronoun subject that agrees with the claimant's words stands for it;
      // one that does not speaks of others.
      {.text = "The rebels said they had lost three fighters near Kidal.",
       .claims = {{.anchor = "The rebels", .slot = "fatalities:FLA", .value = "3"}}},
      {.text = "The army said they had lost three fighters near Ber.",
       .claims = {{.anchor = "The army", .slot = "fatalities", .value = "3"}}},
  }));
  CheckPassage("en", p);
}

TEST_CASE("a claim that maps to no slot stays a statement with no value", "[extract][fr][en][slots]") {
  CheckPassage("fr", {.text = "Le Jnim entend imposer la charia dans toute la région.",
                      .claims = {{.anchor = "entend", .slot = "statement", .value = kNone}}});
  CheckPassage("en", {.text = "The junta has made retaking the territory its priority.",
                      .outlet = "Reuters",
                      .claims = {{.anchor = "junta", .slot = "statement", .value = kNone}}});
}

TEST_CASE("a silence takes its slot from what it is silent about", "[extract][fr][en][slots]") {
  CheckPassage("fr", {.text = "L'armée a reconnu des combats à Ber sans communiquer sur leur issue.",
                      .claims = {{.anchor = "sans communiquer",
                                  .stance = Stance::kDeclines,
                                  .slot = "outcome",
                                  .value = kNone}}});
  CheckPassage("en", {.text = "The army acknowledged clashes near Ber but gave no outcome.",
                      .outlet = "Reuters",
                      .claims = {{.anchor = "acknowledged",
                                  .stance = Stance::kAcknowledges,
                                  .polarity = Polarity::kPositive,
                                  .slot = "occurred",
                                  .value = "true"},
                                 {.anchor = "gave no outcome",
                                  .cue_class = CueClass::kDecline,
                                  .stance = Stance::kDeclines,
                                  .slot = "outcome",
                                  .value = kNone}}});
  // Right after a vague count by the same claimant, a silence on the toll only
  // says the count is vague: one claim.
  CheckPassage("en", {.text = "The rebels claimed to have killed several soldiers near Ber, without "
                              "giving a figure.",
                      .outlet = "Reuters",
                      .claim_count = 1,
                      .claims = {{.anchor = "without giving",
                                  .stance = Stance::kAsserts,
                                  .slot = "fatalities:FAMa",
                                  .value = "2.."}}});
}

}  // namespace attest
