#include "engine/text/tokens.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <tuple>
#include <vector>

#include "engine/base/error.h"
#include "engine/extract/lexicon.h"
#include "engine/rulebook/rulebook.h"
#include "engine/text/utf8.h"
#include "tests/support/diagnostic_messages.h"

namespace attest {

namespace {

const TokenRules& RulesFor(std::string_view lang) {
  static const Rulebook rulebook = LoadRulebook(ATTEST_RULES_DIR);
  const Lexicon* lexicon = rulebook.LexiconFor(lang);
  REQUIRE(lexicon != nullptr);
  return lexicon->tokens;
}

std::vector<std::string> Texts(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const Token& t : tokens) out.emplace_back(t.text);
  return out;
}

std::vector<std::string> Folded(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const Token& t : tokens) out.push_back(t.folded);
  return out;
}

std::vector<std::string> Kinds(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const Token& t : tokens) out.emplace_back(ToString(t.kind));
  return out;
}

using Cut = std::pair<std::string, std::vector<std::string>>;

}  // namespace

TEST_CASE("French elided forms are cut off the front of a word and listed words stay whole",
          "[text][fr]") {
  auto [text, expected] = GENERATE(values<Cut>({
      {"l'armée", {"l'", "armée"}},
      {"L’Armée", {"L’", "Armée"}},
      {"n'a", {"n'", "a"}},
      {"qu'il", {"qu'", "il"}},
      {"d'après", {"d'", "après"}},
      {"jusqu'à", {"jusqu'", "à"}},
      {"lorsqu'elle", {"lorsqu'", "elle"}},
      {"s'échapper", {"s'", "échapper"}},
      {"aujourd'hui", {"aujourd'hui"}},
      {"jusqu'aujourd'hui", {"jusqu'", "aujourd'hui"}},
      {"presqu'île", {"presqu'île"}},
      {"quelqu'un", {"quelqu'un"}},
      {"l' armée", {"l'", "armée"}},
      {"al-Qaïda", {"al-Qaïda"}},
      {"non-agression", {"non-agression"}},
      {"porte-parole", {"porte-parole"}},
      {"l'état-major", {"l'", "état-major"}},
  }));
  CAPTURE(text);
  CHECK(Texts(Tokenize(text, 0, RulesFor("fr"))) == expected);
}

TEST_CASE("English clitics are cut off the end of a word and names with apostrophes stay whole",
          "[text][en]") {
  auto [text, expected] = GENERATE(values<Cut>({
      {"didn't", {"did", "n't"}},
      {"army's", {"army", "'s"}},
      {"won't", {"wo", "n't"}},
      {"they're", {"they", "'re"}},
      {"Army’s", {"Army", "’s"}},
      {"O'Brien", {"O'Brien"}},
      {"O'Brien's", {"O'Brien", "'s"}},
      {"soldiers' families", {"soldiers", "'", "families"}},
      {"l'armée", {"l'armée"}},
      {"Islamic State-affiliated", {"Islamic", "State-affiliated"}},
  }));
  CAPTURE(text);
  CHECK(Texts(Tokenize(text, 0, RulesFor("en"))) == expected);
}

TEST_CASE("folded forms are lower case without accents and keep a plain apostrophe", "[text][fr]") {
  auto tokens = Tokenize("L’Armée d’Al-Qaïda n’a « rien » dit", 0, RulesFor("fr"));
  CHECK(Folded(tokens) == std::vector<std::string>{"l'", "armee", "d'", "al qaida", "n'", "a", "«",
                                                   "rien", "»", "dit"});
  CHECK(FoldToken("N’T") == "n't");
  CHECK(FoldToken("avant-hier") == "avant hier");
}

TEST_CASE("numbers keep their inner separators and a space between digits makes two numbers",
          "[text][en]") {
  auto [text, expected] = GENERATE(values<Cut>({
      {"1,200 troops", {"1,200", "troops"}},
      {"3.5 percent.", {"3.5", "percent", "."}},
      {"on 2025-07-14,", {"on", "2025-07-14", ","}},
      {"14/07/2025", {"14/07/2025"}},
      {"12 000", {"12", "000"}},
      {"12\u202f000", {"12", "000"}},
      {"July 4th", {"July", "4th"}},
      {"in 2015.", {"in", "2015", "."}},
  }));
  CAPTURE(text);
  auto tokens = Tokenize(text, 0, RulesFor("en"));
  CHECK(Texts(tokens) == expected);
  for (const auto& t : tokens) {
    if (t.text[0] >= '0' && t.text[0] <= '9') CHECK(t.kind == TokenKind::kNumber);
  }
}

TEST_CASE("quotation marks are tokens of their own, opening or closing by position", "[text][en]") {
  auto [text, kinds] = GENERATE(values<Cut>({
      {"« non »", {"quote_open", "word", "quote_close"}},
      {"\u201cyes\u201d", {"quote_open", "word", "quote_close"}},
      {"\"no,\" he said", {"quote_open", "word", "punct", "quote_close", "word", "word"}},
      {"a \"so-called\" truce", {"word", "quote_open", "word", "quote_close", "word"}},
      {"wait...", {"word", "punct"}},
  }));
  CAPTURE(text);
  CHECK(Kinds(Tokenize(text, 0, RulesFor("en"))) == kinds);
}

TEST_CASE("token offsets are absolute and point at exactly the token's bytes", "[text][fr]") {
  const std::string document =
      "Titre\n\nÀ Tinzaouatène, l’armée n'a pas « confirmé » les 1 200 morts d'aujourd'hui…";
  const size_t base = document.find("À");
  std::string_view sentence = std::string_view(document).substr(base);
  auto tokens = Tokenize(sentence, base, RulesFor("fr"));
  REQUIRE(tokens.size() == 18);
  size_t previous_end = base;
  for (const Token& t : tokens) {
    CAPTURE(t.text);
    CHECK(t.begin >= previous_end);
    CHECK(t.end > t.begin);
    CHECK(document.substr(t.begin, t.end - t.begin) == t.text);
    CHECK(sentence.substr(t.begin - base, t.end - t.begin) == t.text);
    previous_end = t.end;
  }
  CHECK(tokens.front().text == "À");
  CHECK(tokens.back().text == "…");
}

TEST_CASE("a French subject pronoun inverted after its verb is cut off and reads as itself",
          "[text][fr]") {
  auto [text, texts, folded] =
      GENERATE(values<std::tuple<std::string, std::vector<std::string>, std::vector<std::string>>>({
          {"a-t-il ajouté", {"a", "-t-il", "ajouté"}, {"a", "il", "ajoute"}},
          {"affirme-t-elle", {"affirme", "-t-elle"}, {"affirme", "elle"}},
          {"estiment-ils", {"estiment", "-ils"}, {"estiment", "ils"}},
          {"a-t-on appris", {"a", "-t-on", "appris"}, {"a", "on", "appris"}},
          // Not an inversion: words that only end like one stay whole.
          {"porte-parole", {"porte-parole"}, {"porte parole"}},
          {"Saint-Louis", {"Saint-Louis"}, {"saint louis"}},
      }));
  auto tokens = Tokenize(text, 0, RulesFor("fr"));
  CAPTURE(text);
  CHECK(Texts(tokens) == texts);
  CHECK(Folded(tokens) == folded);
}

TEST_CASE("accented words fold and lower-case alike by the fast path and by utf8proc",
          "[text]") {
  // Every code point of two bytes, alone and between letters: the fast path reads
  // it by table; appending an em dash (three bytes) sends the same text through
  // utf8proc, and the dash only adds a trailing separator, which folding drops.
  for (char32_t cp = 0x80; cp < 0x800; ++cp) {
    std::string one;
    one += static_cast<char>(0xC0 | (cp >> 6));
    one += static_cast<char>(0x80 | (cp & 0x3F));
    std::string text = "a" + one + "b " + one;
    CAPTURE(static_cast<uint32_t>(cp));
    CHECK(FoldForMatch(text) == FoldForMatch(text + "\u2014"));
    std::string lower = LowerCase(text + "\u2014");
    CHECK(LowerCase(text) == lower.substr(0, lower.size() - 3));
  }
  CHECK(FoldForMatch("L\u2019Armée MALIENNE") == "l armee malienne");
  CHECK(LowerCase("ÉTAT-MAJOR Général") == "état-major général");
}

TEST_CASE("a text rules file with an unknown field or a malformed entry is refused with its line",
          "[text][fr]") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "attest-tokens-test-rules";
  fs::create_directories(dir);
  {
    std::ofstream text(dir / "text.toml");
    text << "[sentences]\nabbreviations = [\"M.\", \"Mme\"]\n\n[tokens]\nelided = [\"l'\"]\n"
            "elisions = [\"d'\"]\ninversions = [\"t-il\"]\n";
    std::ofstream dates(dir / "dates.toml");
    dates << "day_first = true\n";
  }
  Diagnostics diagnostics;
  LoadLexicon(dir, "fr", diagnostics);
  fs::remove_all(dir);
  const testing::DiagnosticMessages messages(diagnostics);
  CAPTURE(messages.all());
  auto has = [&](std::string_view text) { return messages.Has(text); };
  CHECK(has("text.toml:2: abbreviations: 'Mme' must be one word written with its final period"));
  CHECK(has("text.toml:6: elisions: unknown field in [tokens]"));
  CHECK(has("text.toml:7: inversions: 't-il' must be a hyphen and lower-case letters"));
  CHECK(has("dates.toml: month: no words for month 1"));
}

}  // namespace attest
