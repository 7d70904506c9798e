#include "engine/text/sentences.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "engine/rulebook/rulebook.h"
#include "engine/text/tokens.h"
#include "tests/support/seeded_numbers.h"

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

// Whether the period that ends `word` (which holds no space) ends no sentence by
// rule 4 of the header: the word is listed, or is listed once its capital first
// letter is lowered, or is a single capital initial.
bool EndsNoSentence(const SentenceRules& rules, const std::string& word) {
  if (rules.abbreviations.count(word)) return true;
  if (word[0] >= 'A' && word[0] <= 'Z') {
    std::string lowered = word;
    lowered[0] = static_cast<char>(word[0] - 'A' + 'a');
    if (rules.abbreviations.count(lowered)) return true;
  }
  CodePoint first = DecodeCodePoint(word, 0);
  return first.size + 1 == word.size() && IsUpperCase(first.value);
}

// How many sentences "Voir <word> Deux autres." has for the splitter.
size_t SentencesAround(const SentenceRules& rules, const std::string& word) {
  return SplitSentences("Voir " + word + " Deux autres.", rules).size();
}

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

TEST_CASE(
    "abbreviations added by hand, one at a time, as a list or copied, end no sentence "
    "as soon as they are added",
    "[text]") {
  // Two bytes and more, first bytes in lower and upper case and beyond ASCII: the
  // splitter rules words out by their first and last bytes, which every insertion
  // must bring up to date.
  const std::vector<std::string> entries = {"p.",   "v.",   "av.",   "Mr.",     "éd.",     "tél.",
                                            "U.S.", "a.m.", "J.-C.", "approx.", "Lt.-col."};
  SentenceRules one_by_one;
  for (const std::string& entry : entries) {
    CAPTURE(entry);
    CHECK(SentencesAround(one_by_one, entry) == (EndsNoSentence(one_by_one, entry) ? 1 : 2));
    CHECK(one_by_one.abbreviations.insert(entry));
    CHECK_FALSE(one_by_one.abbreviations.insert(entry));
    CHECK(SentencesAround(one_by_one, entry) == 1);
    if (entry[0] >= 'a' && entry[0] <= 'z') {
      std::string capitalised = entry;
      capitalised[0] = static_cast<char>(entry[0] - 'a' + 'A');
      CHECK(SentencesAround(one_by_one, capitalised) == 1);
    }
  }
  SentenceRules listed;
  listed.abbreviations = {"p.",   "v.",   "av.",   "Mr.",     "éd.",     "tél.",
                          "U.S.", "a.m.", "J.-C.", "approx.", "Lt.-col."};
  const SentenceRules copied = listed;
  for (const SentenceRules* rules :
       std::vector<const SentenceRules*>{&one_by_one, &listed, &copied}) {
    REQUIRE(rules->abbreviations.size() == entries.size());
    for (const std::string& entry : entries) {
      CAPTURE(entry);
      CHECK(SentencesAround(*rules, entry) == 1);
      CHECK(SentencesAround(*rules, "q" + entry) == 2);
      if (static_cast<unsigned char>(entry[1]) < 0x80) {  // (not half of "é")
        CHECK(SentencesAround(*rules, entry.substr(1)) ==
              (EndsNoSentence(*rules, entry.substr(1)) ? 1 : 2));
      }
    }
  }
  SentenceRules none;
  CHECK(SentencesAround(none, "av.") == 2);
  CHECK(SentencesAround(none, "J.") == 1);  // an initial
  CHECK(SentencesAround(none, "É.") == 1);
}

TEST_CASE(
    "a word before a period ends no sentence exactly when listed or an initial, for "
    "generated words",
    "[text]") {
  // Words near the listed ones (an entry with a byte changed, cut or added, or
  // capitalised) and words of their bytes at random, with both languages' rules
  // and hand-made ones: the splitter, which rules most words out by their first
  // and last bytes, must answer as the rule does.
  testing::SeededNumbers next(2024);
  SentenceRules hand_made;
  hand_made.abbreviations = {"p.",   "v.",   "av.",   "Mr.",     "éd.",     "tél.",
                             "U.S.", "a.m.", "J.-C.", "approx.", "Lt.-col."};
  const std::vector<std::string> pieces = {"a", "p", "v", "r", "s", "M", "A", "P", "V", "U",
                                           "S", ".", "-", "é", "É", "q", "l", "t", "c", "o"};
  int checked = 0;
  for (const SentenceRules* rules :
       {&RulesFor("fr"), &RulesFor("en"), static_cast<const SentenceRules*>(&hand_made)}) {
    std::vector<std::string> entries(rules->abbreviations.begin(), rules->abbreviations.end());
    for (int n = 0; n < 3000; ++n) {
      std::string stem;  // the word without its final period
      if (n % 2 == 0) {
        stem = entries[next() % entries.size()];
        stem.pop_back();
        if (stem.empty()) stem = "x";
        switch (next() % 5) {
          case 0:
            stem[next() % stem.size()] = pieces[next() % pieces.size()][0];
            break;
          case 1:
            stem.erase(0, 1 + next() % stem.size());
            break;
          case 2:
            stem.insert(next() % (stem.size() + 1), pieces[next() % pieces.size()]);
            break;
          case 3:
            if (stem[0] >= 'a' && stem[0] <= 'z') stem[0] = static_cast<char>(stem[0] - 'a' + 'A');
            break;
          default:
            break;
        }
      } else {
        for (unsigned k = 1 + next() % 8; k > 0; --k) stem += pieces[next() % pieces.size()];
      }
      // A word of letters (no period of its own at its end: that would be a run
      // of periods) and no other bytes ("é" cut in two is not a word).
      if (stem.empty() || stem.back() == '.' ||
          (static_cast<unsigned char>(stem[0]) & 0xC0) == 0x80 ||
          (static_cast<unsigned char>(stem.back()) == 0xC3)) {
        continue;
      }
      std::string word = stem + ".";
      CAPTURE(word);
      REQUIRE(SentencesAround(*rules, word) == (EndsNoSentence(*rules, word) ? 1 : 2));
      ++checked;
    }
  }
  CHECK(checked > 5000);
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

TEST_CASE("no sentence starts or ends with a space, in generated texts of every kind of byte",
          "[text]") {
  // Spaces of one byte and more, letters, quotes and final punctuation: the
  // splitter reads the last byte of a sentence as it is when it is ASCII, and
  // steps back over a code point otherwise; either way, a sentence's last code
  // point and its first are no space, and all that lies between sentences is.
  testing::SeededNumbers next(77);
  const std::vector<std::string> pieces = {" ",  "\t", "\n", "\n\n",   "\u00a0", "\u202f", "\u2003",
                                           "a",  "B",  "é",  "É",      "«",      ".",      ". ",
                                           "! ", "? ", "Le", "\u2026", "\"",     "x"};
  for (int n = 0; n < 3000; ++n) {
    std::string body;
    for (unsigned k = next() % 30; k > 0; --k) body += pieces[next() % pieces.size()];
    size_t gap = 0;  // where the text between two sentences starts
    auto all_spaces = [&](size_t from, size_t to) {
      for (size_t i = from; i < to; i += DecodeCodePoint(body, i).size) {
        if (!IsSpace(DecodeCodePoint(body, i).value)) return false;
      }
      return true;
    };
    for (const Sentence& s : SplitSentences(body, RulesFor("fr"))) {
      CAPTURE(body, s.begin, s.end);
      REQUIRE(s.begin < s.end);
      REQUIRE(gap <= s.begin);
      REQUIRE(all_spaces(gap, s.begin));
      gap = s.end;
      REQUIRE_FALSE(IsSpace(DecodeCodePoint(body, s.begin).value));
      size_t last = s.end - 1;
      while (last > 0 && (static_cast<unsigned char>(body[last]) & 0xC0) == 0x80 &&
             s.end - last < 4) {
        --last;
      }
      REQUIRE_FALSE(IsSpace(DecodeCodePoint(body, last).value));
    }
    CAPTURE(body);
    REQUIRE(all_spaces(gap, body.size()));
  }
}

TEST_CASE("sentences of a text with invalid bytes lie in order within it and none is empty",
          "[text]") {
  // Bytes that are no UTF-8 are kept inside sentences: a continuation byte with
  // no lead byte is a code point of its own, and a step back over it never
  // reaches into the paragraph before (it once gave a sentence ending before it
  // began: "\xC3é…\n\n\xA9" gave begin 8, end 7).
  {
    const std::string body = "\xC3\xC3\xA9\xE2\x80\xA6\n\n\xA9";
    auto sentences = SplitSentences(body, RulesFor("fr"));
    REQUIRE(sentences.size() == 2);
    CHECK(sentences[1].begin == 8);
    CHECK(sentences[1].end == 9);
  }
  testing::SeededNumbers next(91);
  const std::vector<std::string> pieces = {" ",    "\n",     "\n\n", "a",    "B",    "é",
                                           ".",    ". ",     "\xA9", "\x80", "\xC3", "\xE2\x80",
                                           "\xFF", "\u00a0", "« ",   "»",    "M.",   "\u2026"};
  for (std::string_view lang : {"fr", "en"}) {
    for (int n = 0; n < 3000; ++n) {
      std::string body;
      for (unsigned k = next() % 30; k > 0; --k) body += pieces[next() % pieces.size()];
      size_t previous_end = 0;
      for (const Sentence& s : SplitSentences(body, RulesFor(lang))) {
        CAPTURE(lang, body, s.begin, s.end);
        REQUIRE(previous_end <= s.begin);
        REQUIRE(s.begin < s.end);
        REQUIRE(s.end <= body.size());
        previous_end = s.end;
      }
    }
  }
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
