#include "engine/text/sentences.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "engine/rulebook/rulebook.h"

namespace attest {

namespace {

const SentenceRules& RulesFor(std::string_view lang) {
  static const Rulebook rulebook = LoadRulebook(ATTEST_RULES_DIR);
  const Lexicon* lexicon = rulebook.LexiconFor(lang);
  REQUIRE(lexicon != nullptr);
  return lexicon->sentences;
}

std::vector<std::string> Texts(std::string_view body, const std::vector<Sentence>& sentences) {
  std::vector<std::string> out;
  for (const Sentence& s : sentences) out.emplace_back(body.substr(s.begin, s.end - s.begin));
  return out;
}

using Passage = std::pair<std::string, std::vector<std::string>>;

}  // namespace

TEST_CASE(
    "French passages split after final punctuation but not after abbreviations, "
    "initials, numbers or inside quotations",
    "[text][fr]") {
  auto [body, expected] = GENERATE(values<Passage>({
      {"M. Dupont est arrivé à Gao. Il a rencontré Mme Traoré.",
       {"M. Dupont est arrivé à Gao.", "Il a rencontré Mme Traoré."}},
      {"Il a rencontré le Gén. Diarra hier. Rien n'a filtré.",
       {"Il a rencontré le Gén. Diarra hier.", "Rien n'a filtré."}},
      {"Le colonel J. Koné commande la zone. Il est arrivé lundi.",
       {"Le colonel J. Koné commande la zone.", "Il est arrivé lundi."}},
      {"Voir le rapport, p. 12 et cf. Annexe 3. La suite est publique.",
       {"Voir le rapport, p. 12 et cf. Annexe 3.", "La suite est publique."}},
      {"Le taux atteint 3.5 ou 3,7 selon les sources. Le ministre conteste.",
       {"Le taux atteint 3.5 ou 3,7 selon les sources.", "Le ministre conteste."}},
      {"Le bilan date de 2015. 12 soldats avaient alors péri.",
       {"Le bilan date de 2015.", "12 soldats avaient alors péri."}},
      {"« Nous avons repoussé l'assaut. L'ennemi a fui », affirme un officier. La ville est "
       "calme.",
       {"« Nous avons repoussé l'assaut. L'ennemi a fui », affirme un officier.",
        "La ville est calme."}},
      {"« Le calme est revenu », indique un élu local. « Pour combien de temps ? » s'interroge "
       "un habitant.",
       {"« Le calme est revenu », indique un élu local.",
        "« Pour combien de temps ? » s'interroge un habitant."}},
      {"Les rebelles parlent plutôt de « repli. » Ils n'en disent pas plus.",
       {"Les rebelles parlent plutôt de « repli. »", "Ils n'en disent pas plus."}},
      {"Qui a tiré ? Personne ne le sait ! L'enquête continue…",
       {"Qui a tiré ?", "Personne ne le sait !", "L'enquête continue…"}},
      {"Les combats ont repris… puis cessé. Le calme est revenu.",
       {"Les combats ont repris… puis cessé.", "Le calme est revenu."}},
      {"Le bilan est lourd.\u00a0Trente morts sont recensés. Pourquoi\u202f? Nul ne sait.",
       {"Le bilan est lourd.", "Trente morts sont recensés.", "Pourquoi\u202f?", "Nul ne sait."}},
  }));
  CAPTURE(body);
  CHECK(Texts(body, SplitSentences(body, RulesFor("fr"))) == expected);
}

TEST_CASE(
    "English passages split after final punctuation but not after abbreviations, "
    "initials, numbers or inside quotations",
    "[text][en]") {
  auto [body, expected] = GENERATE(values<Passage>({
      {"Mr. Smith met Gen. Miller in the U.S. capital. They spoke for an hour.",
       {"Mr. Smith met Gen. Miller in the U.S. capital.", "They spoke for an hour."}},
      {"Lt. Col. J. R. Smith said the unit withdrew. No. 3 Company stayed behind.",
       {"Lt. Col. J. R. Smith said the unit withdrew.", "No. 3 Company stayed behind."}},
      {"Several towns, e.g. Gao and Timbuktu, were hit. The army responded.",
       {"Several towns, e.g. Gao and Timbuktu, were hit.", "The army responded."}},
      {"Prices rose 3.5 percent in 2024. 12 markets closed.",
       {"Prices rose 3.5 percent in 2024.", "12 markets closed."}},
      {"\u201cWe repelled the attack. The enemy fled,\u201d the army said. The town is quiet.",
       {"\u201cWe repelled the attack. The enemy fled,\u201d the army said.",
        "The town is quiet."}},
      {"\"We won. They lost,\" a commander said. Nobody confirmed it.",
       {"\"We won. They lost,\" a commander said.", "Nobody confirmed it."}},
      {"He said \"we will stay.\" Then he left.", {"He said \"we will stay.\"", "Then he left."}},
      {"The attack began at 9 p.m. on Sunday. Officials gave no toll.",
       {"The attack began at 9 p.m. on Sunday.", "Officials gave no toll."}},
      {"Who fired first? Nobody knows! The inquiry goes on.",
       {"Who fired first?", "Nobody knows!", "The inquiry goes on."}},
      {"\u201cWhere are they?\u201d asked a resident.",
       {"\u201cWhere are they?\u201d asked a resident."}},
  }));
  CAPTURE(body);
  CHECK(Texts(body, SplitSentences(body, RulesFor("en"))) == expected);
}

TEST_CASE("a listed abbreviation of any length ends no sentence, and a longer word does",
          "[text]") {
  SentenceRules rules;
  rules.abbreviations = {"approx.", "env.", "Lt.-col."};
  auto [body, expected] = GENERATE(values<Passage>({
      {"Il y avait approx. 30 soldats. Le reste a fui.",
       {"Il y avait approx. 30 soldats.", "Le reste a fui."}},
      {"Approx. 30 soldats. Le reste a fui.", {"Approx. 30 soldats.", "Le reste a fui."}},
      {"Le Lt.-col. Diarra commande. Il est arrivé.",
       {"Le Lt.-col. Diarra commande.", "Il est arrivé."}},
      {"Ils ont fui approximativement. Le calme est revenu.",
       {"Ils ont fui approximativement.", "Le calme est revenu."}},
      {"Il reste env. 30 soldats, dit-on. Rien de plus.",
       {"Il reste env. 30 soldats, dit-on.", "Rien de plus."}},
  }));
  CAPTURE(body);
  CHECK(Texts(body, SplitSentences(body, rules)) == expected);
}

TEST_CASE("every listed abbreviation ends no sentence, as listed and with a capital first letter",
          "[text]") {
  // Only an entry that starts with a word's first byte (or its lower case) is
  // looked for in the list: every entry must still be found, and a word that
  // differs from one only by its first letter must not.
  for (std::string_view lang : {"fr", "en"}) {
    const SentenceRules& rules = RulesFor(lang);
    REQUIRE(rules.abbreviations.size() > 5);
    for (const std::string& entry : rules.abbreviations) {
      std::vector<std::string> forms = {entry};
      if (entry[0] >= 'a' && entry[0] <= 'z') {
        forms.push_back(entry);
        forms.back()[0] = static_cast<char>(entry[0] - 'a' + 'A');
      }
      for (const std::string& form : forms) {
        std::string body = "Voir " + form + " Deux autres.";
        CAPTURE(lang, body);
        CHECK(SplitSentences(body, rules).size() == 1);
      }
      std::string other = "Voir q" + entry + " Deux autres.";  // not listed
      if (!rules.abbreviations.count("q" + entry)) {
        CAPTURE(lang, other);
        CHECK(SplitSentences(other, rules).size() == 2);
      }
    }
  }
}

TEST_CASE("a short one-line paragraph without final punctuation is a heading, even with quotes",
          "[text][fr]") {
  std::string body =
      "Une attaque « inédite »\n\nLe convoi a été attaqué. Deux véhicules ont brûlé.\n"
      "Un troisième a fui.\n\n\n  Le bilan reste inconnu.  \n";
  auto sentences = SplitSentences(body, RulesFor("fr"));
  REQUIRE(sentences.size() == 5);
  CHECK(Texts(body, sentences) ==
        std::vector<std::string>{"Une attaque « inédite »", "Le convoi a été attaqué.",
                                 "Deux véhicules ont brûlé.", "Un troisième a fui.",
                                 "Le bilan reste inconnu."});
  std::vector<int> paragraphs;
  std::vector<bool> headings;
  for (const auto& s : sentences) {
    paragraphs.push_back(s.paragraph);
    headings.push_back(s.heading);
  }
  CHECK(paragraphs == std::vector<int>{0, 1, 1, 1, 2});
  CHECK(headings == std::vector<bool>{true, false, false, false, false});
}

TEST_CASE("a one-line paragraph is not a heading when it ends a sentence or runs long",
          "[text][en]") {
  auto body = GENERATE(
      std::string("The convoy arrived."), std::string("Is the road open?"),
      std::string("The spokesman said: \u201cWe stay.\u201d"),
      std::string("Witnesses said the convoy of trucks and armoured vehicles left the town "
                  "before dawn and headed north towards the border"));
  CAPTURE(body);
  auto sentences = SplitSentences(body, RulesFor("en"));
  REQUIRE_FALSE(sentences.empty());
  CHECK_FALSE(sentences.front().heading);
}

TEST_CASE("a Markdown line starting with # is a heading of its own paragraph", "[text][en]") {
  std::string body =
      "# Fighting near Kidal, a long title that goes on and on and on, ending.\n"
      "The army said it held the town. Rebels disagreed.";
  auto sentences = SplitSentences(body, RulesFor("en"));
  REQUIRE(sentences.size() == 3);
  CHECK(sentences[0].heading);
  CHECK(sentences[0].paragraph == 0);
  CHECK_FALSE(sentences[1].heading);
  CHECK(sentences[1].paragraph == 1);
  CHECK(sentences[2].paragraph == 1);
}

TEST_CASE("sentence offsets exclude surrounding spaces, no-break spaces included", "[text][fr]") {
  std::string body = "\u00a0 Le convoi est parti.\u202f\n Il est arrivé. \u00a0";
  auto sentences = SplitSentences(body, RulesFor("fr"));
  REQUIRE(sentences.size() == 2);
  CHECK(body.substr(sentences[0].begin, sentences[0].end - sentences[0].begin) ==
        "Le convoi est parti.");
  CHECK(body.substr(sentences[1].begin, sentences[1].end - sentences[1].begin) == "Il est arrivé.");
  CHECK(SplitSentences(" \n\n \u00a0", RulesFor("fr")).empty());
}

TEST_CASE("the seed report's headings are marked and every gold anchor lies in one sentence",
          "[text][fr][shared]") {
  const std::string dir = ATTEST_SHARED_DIR "/fixtures/seed/";
  std::ifstream report(dir + "rfi-2025-07-14-alkit.txt", std::ios::binary);
  REQUIRE(report);
  std::stringstream buffer;
  buffer << report.rdbuf();
  std::string text = buffer.str();
  // The body follows the front matter's closing "---" line.
  size_t first = text.find("---\n");
  REQUIRE(first == 0);
  size_t second = text.find("\n---\n", first + 3);
  REQUIRE(second != std::string::npos);
  std::string body = text.substr(second + 5);

  auto sentences = SplitSentences(body, RulesFor("fr"));
  std::vector<std::string> headings;
  for (const auto& s : sentences) {
    if (s.heading) headings.emplace_back(body.substr(s.begin, s.end - s.begin));
  }
  CHECK(headings ==
        std::vector<std::string>{"Attaque « coordonnée »",
                                 "Deux groupes qualifiés de « terroristes » par Bamako"});

  std::ifstream gold(dir + "rfi-2025-07-14-alkit.gold.jsonl", std::ios::binary);
  REQUIRE(gold);
  std::string line;
  int anchors = 0;
  while (std::getline(gold, line)) {
    if (line.empty()) continue;
    auto claim = nlohmann::json::parse(line);
    std::string anchor = claim.at("anchor").get<std::string>();
    int occurrence = claim.value("anchor_occurrence", 1);
    CAPTURE(anchor, occurrence);
    size_t at = std::string::npos;
    for (int n = 0; n < occurrence; ++n) {
      at = body.find(anchor, at == std::string::npos ? 0 : at + 1);
      REQUIRE(at != std::string::npos);
    }
    int holding = 0;
    for (const auto& s : sentences) {
      holding += s.begin <= at && at + anchor.size() <= s.end;
    }
    CHECK(holding == 1);
    ++anchors;
  }
  CHECK(anchors > 40);
}

}  // namespace attest
