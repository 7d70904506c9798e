#include "engine/text/tokens.h"

#include <catch2/catch.hpp>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <string>
#include <tuple>
#include <vector>

#include "engine/base/error.h"
#include "engine/extract/lexicon.h"
#include "engine/rulebook/rulebook.h"
#include "engine/text/utf8.h"
#include "engine/text/word_table.h"
#include "tests/support/diagnostic_messages.h"
#include "tests/support/seeded_numbers.h"

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
  for (const Token& t : tokens) out.emplace_back(t.folded());
  return out;
}

std::vector<std::string> Kinds(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const Token& t : tokens) out.emplace_back(ToString(t.kind));
  return out;
}

using Cut = std::pair<std::string, std::vector<std::string>>;

// Texts made of pieces chosen at random (a fixed seed: the same texts every run)
// among the cases the tokenizer treats apart: ASCII and accented letters, digits,
// apostrophes (straight and curly), hyphens, elided forms, clitics, inversions,
// number separators, quotation marks, spaces (no-break ones too), dashes and
// bytes that are not UTF-8.
std::vector<std::string> MixedTexts() {
  static const std::vector<std::string> pieces = {
      "b", "k", "z", "B", "K", "7", "0", "a", "l", "t", "é", "É", "ï", "œ", "ß", "ñ", "٧",
      "'", "\u2019", "\u02BC", "-", "\u2010", "\u2011", "l'", "L\u2019", "qu'", "jusqu'",
      "aujourd'hui", "n't", "'s", "-t-il", "-elle", "-ils", "t", "il", ".", "...", ",", "/",
      ":", "\"", "«", "»", "\u201c", "\u201d", "(", "[", "\u2014", "\u2026", "!", " ", " ",
      " ", "\n", "\t", "\u00a0", "\u202f", "\u200b", "\xff", "\xc3", "\xe2\x80", "$", "%"};
  std::vector<std::string> texts;
  testing::SeededNumbers next(0x9E3779B97F4A7C15ULL);
  for (int n = 0; n < 3000; ++n) {
    std::string text;
    size_t count = 1 + next() % 24;
    for (size_t k = 0; k < count; ++k) text += pieces[next() % pieces.size()];
    texts.push_back(text);
  }
  return texts;
}

// `text` with every ASCII letter and digit that no rule list mentions (b, k, z,
// B, K, 7) replaced by a letter or digit of more than one byte of the same class
// that folds to no ASCII letter either (ƀ, ĸ, ƶ, Ɓ, Ƙ, ٧), so that no elided form
// or clitic can appear: the tokenizer must cut both texts alike.
std::string WithoutAscii(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case 'b': out += "\u0180"; break;
      case 'k': out += "\u0138"; break;
      case 'z': out += "\u01B6"; break;
      case 'B': out += "\u0181"; break;
      case 'K': out += "\u0198"; break;
      case '7': out += "\u0667"; break;
      default: out += c;
    }
  }
  return out;
}

// `text` with its typographic apostrophes (U+2019) made plain.
std::string PlainApostrophes(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    if (text.substr(i, 3) == "\u2019") {
      out += '\'';
      i += 3;
    } else {
      out += text[i++];
    }
  }
  return out;
}

// Every field of the tokens that end by `end`, one line a token.
std::vector<std::string> FieldLines(const std::vector<Token>& tokens,
                                    size_t end = static_cast<size_t>(-1)) {
  std::vector<std::string> out;
  for (const Token& t : tokens) {
    if (t.end > end) break;
    std::string line;
    auto add = [&line](std::string_view field) {
      line.append(field);
      line += '|';
    };
    add(std::to_string(t.begin));
    add(std::to_string(t.end));
    add(ToString(t.kind));
    add(t.text);
    add(t.folded());
    add(t.lower());
    add(t.same_forms() ? "same" : "apart");
    add(std::to_string(t.folded_id));
    add(std::to_string(t.lower_id));
    add(std::to_string(t.start_table));
    for (uint64_t bits : t.starts) add(std::to_string(bits));
    out.push_back(line);
  }
  return out;
}

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

TEST_CASE("every token's forms and ids are those folding, lower-casing and the word table give",
          "[text]") {
  // The tokenizer makes the forms of ASCII words, numbers and marks in one pass
  // of its own, with their hashes, and those of other words from a cache: each
  // must be what the general functions make of the token's text.
  for (std::string_view lang : {"fr", "en"}) {
    const TokenRules& rules = RulesFor(lang);
    for (const std::string& text : MixedTexts()) {
      CAPTURE(lang, text);
      for (const Token& t : Tokenize(text, 0, rules)) {
        CAPTURE(t.text);
        std::string folded, lower;
        if (t.kind == TokenKind::kWord) {
          // An inverted pronoun ("-t-il") reads as its last part.
          bool pronoun = t.text.size() > 1 && t.text[0] == '-';
          std::string_view word = pronoun ? t.text.substr(t.text.rfind('-') + 1) : t.text;
          folded = FoldToken(word);
          lower = PlainApostrophes(LowerCase(word));
        } else if (t.kind == TokenKind::kNumber) {
          folded = lower = LowerCase(t.text);
        } else {
          folded = lower = std::string(t.text);
        }
        CHECK(t.folded() == folded);
        CHECK(t.lower() == lower);
        CHECK(t.same_forms() == (t.lower() == t.folded()));
        CHECK(t.folded_id == FindWord(t.folded()));
        CHECK(t.lower_id == FindWord(t.lower()));
        REQUIRE(rules.starts != nullptr);
        CHECK(t.start_table == rules.starts->id());
        CHECK(t.starts == rules.starts->Of(t.folded_id, t.lower_id));
      }
    }
  }
}

TEST_CASE("known words get their ids whatever their case and their hyphens", "[text][fr]") {
  auto tokens = Tokenize("SELON L'ARMÉE, a-t-il dit", 0, RulesFor("fr"));
  REQUIRE(tokens.size() == 7);
  CHECK(tokens[0].folded_id == FindWord("selon"));
  CHECK(tokens[0].folded_id != kUnknownWord);
  CHECK(tokens[1].folded_id == FindWord("l'"));
  CHECK(tokens[1].folded_id != kUnknownWord);
  CHECK(tokens[5].text == "-t-il");
  CHECK(tokens[5].lower() == "il");
  CHECK(tokens[5].folded_id == FindWord("il"));
  CHECK(tokens[5].folded_id != kUnknownWord);
}

TEST_CASE("a text is cut the same where its letters and digits are ASCII and where they are not",
          "[text]") {
  // ASCII letters and digits are read by table, others decoded one code point at
  // a time: both ways must find the same tokens, of the same kinds, at the same
  // code points.
  auto cuts = [](std::string_view text, const TokenRules& rules) {
    std::vector<std::tuple<size_t, size_t, TokenKind>> out;
    for (const Token& t : Tokenize(text, 0, rules)) {
      out.emplace_back(CodePointCount(text.substr(0, t.begin)), CodePointCount(t.text), t.kind);
    }
    return out;
  };
  for (std::string_view lang : {"fr", "en"}) {
    for (const std::string& text : MixedTexts()) {
      std::string twin = WithoutAscii(text);
      CAPTURE(lang, text, twin);
      CHECK(cuts(text, RulesFor(lang)) == cuts(twin, RulesFor(lang)));
    }
  }
}

TEST_CASE("the bytes between tokens are spaces and every other byte is in a token", "[text]") {
  for (std::string_view lang : {"fr", "en"}) {
    for (const std::string& text : MixedTexts()) {
      CAPTURE(lang, text);
      size_t at = 0;
      for (const Token& t : Tokenize(text, 0, RulesFor(lang))) {
        REQUIRE(t.begin >= at);
        CHECK(t.end > t.begin);
        for (size_t i = at; i < t.begin;) {
          CodePoint cp = DecodeCodePoint(text, i);
          CHECK(IsSpace(cp.value));
          i += cp.size;
        }
        at = t.end;
      }
      for (size_t i = at; i < text.size();) {
        CodePoint cp = DecodeCodePoint(text, i);
        CHECK(IsSpace(cp.value));
        i += cp.size;
      }
    }
  }
}

TEST_CASE("folding a token in one pass gives what folding each part between apostrophes gives",
          "[text]") {
  // FoldToken folds words of ASCII letters, digits, inner hyphens and
  // apostrophes by itself, and hands every other word to FoldForMatch part by
  // part: both must agree on every word, whichever way it goes.
  auto by_parts = [](std::string_view word) {
    std::string out;
    size_t part = 0;
    for (size_t i = 0; i < word.size();) {
      size_t mark = word[i] == '\'' ? 1 : word.substr(i, 3) == "\u2019" ? 3
                                       : word.substr(i, 2) == "\u02BC"   ? 2
                                                                          : 0;
      if (mark > 0) {
        out += FoldForMatch(word.substr(part, i - part)) + "'";
        part = i + mark;
        i += mark;
      } else {
        ++i;
      }
    }
    return out + FoldForMatch(word.substr(part));
  };
  static const std::vector<std::string> pieces = {"a", "Z", "q", "0", "9", "-", "-", "'", "\u2019",
                                                  "\u02BC", "é", "À", " ", ".", "_", "\u2010"};
  testing::SeededNumbers next(7);
  for (int n = 0; n < 20000; ++n) {
    std::string word;
    for (size_t k = 0, count = next() % 9; k < count; ++k) word += pieces[next() % pieces.size()];
    CAPTURE(word);
    CHECK(FoldToken(word) == by_parts(word));
  }
  CHECK(FoldToken("Aujourd\u2019hui") == "aujourd'hui");
  CHECK(FoldToken("Porte-Parole") == "porte parole");
  CHECK(FoldToken("-a-") == "a");
  CHECK(FoldToken("l'-a") == "l'a");
}

TEST_CASE("a word whose forms are its text keeps no copy of them, and any other keeps its own",
          "[text][fr]") {
  std::string text = "les rebelles ARMÉE Bamako avant-hier";
  auto tokens = Tokenize(text, 0, RulesFor("fr"));
  REQUIRE(tokens.size() == 5);
  // "les", "rebelles": lower case, no hyphen: both forms are the text's own bytes.
  for (size_t k : {0, 1}) {
    CHECK(tokens[k].folded().data() == tokens[k].text.data());
    CHECK(tokens[k].lower().data() == tokens[k].text.data());
  }
  CHECK(tokens[2].folded() == "armee");
  CHECK(tokens[2].lower() == "armée");
  CHECK(tokens[3].folded() == "bamako");
  CHECK(tokens[3].same_forms());
  CHECK(tokens[3].folded().data() != tokens[3].text.data());
  // A hyphenated word: its lower case is its text, its fold is not.
  CHECK(tokens[4].folded() == "avant hier");
  CHECK(tokens[4].lower() == "avant-hier");
  CHECK(tokens[4].lower().data() == tokens[4].text.data());
}

TEST_CASE("a token copied out of its vector still reads its forms after the vector is gone",
          "[text][fr]") {
  std::string text = "L'ARMÉE malienne, selon Jean-Marc Dupont-Moretti, a-t-il dit";
  std::vector<Token> copies;
  std::vector<std::pair<std::string, std::string>> expected;
  {
    auto tokens = Tokenize(text, 0, RulesFor("fr"));
    for (const Token& t : tokens) expected.emplace_back(t.folded(), t.lower());
    copies = tokens;  // copied, then the originals destroyed
  }
  copies.reserve(copies.size() * 4);  // and moved
  REQUIRE(copies.size() == expected.size());
  for (size_t k = 0; k < copies.size(); ++k) {
    CHECK(copies[k].folded() == expected[k].first);
    CHECK(copies[k].lower() == expected[k].second);
  }
  CHECK(expected[1] == std::pair<std::string, std::string>("armee", "armée"));
}

TEST_CASE("a word hashes the same piece by piece as whole, at every length and offset", "[text]") {
  // The tokenizer hashes a word eight bytes at a time, reading past its end
  // where the text goes on: the ids it finds are those of the word table.
  std::string word = "abcdefghijklmnopqrstuvwxyz0123456789";
  for (size_t size = 1; size <= word.size(); ++size) {
    std::string form = word.substr(0, size);
    WordId id = InternWord(form);
    for (std::string tail : {"", " et", ".", " ABCDEFGHIJ"}) {
      std::string text = form + tail;
      auto tokens = Tokenize(text, 0, RulesFor("fr"));
      REQUIRE_FALSE(tokens.empty());
      CHECK(tokens[0].folded_id == id);
      std::string upper = form;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      auto capitals = Tokenize(upper + tail, 0, RulesFor("fr"));
      CHECK(capitals[0].folded() == form);
      CHECK(capitals[0].folded_id == id);
    }
  }
}

TEST_CASE("a word of ASCII letters and digits is cut and read alike whatever its length and its end",
          "[text]") {
  // Such a word is scanned eight bytes at a time when a space, the end of the
  // text or a mark that ends it follows, and by Word otherwise, as is its twin
  // with a letter beyond ASCII: both must cut alike, at every length, offset and
  // end, and the forms and ids of every token must be those of the general
  // functions.
  static const std::string letters = "abkzqxyBKZQXY0179";
  static const std::vector<std::string> befores = {"", "x ", "(", "\u00ab", "1234567 ", "é "};
  static const std::vector<std::string> afters = {
      "", " ", " x", ".", ". x", "...", ",", ", 5", ".5", ",5", ":30", "/07", ":", "/", "'",
      "' x", "'s", "\u2019", "\u2019s", "n't", "-", "-x", "-5", "- x", "--", "\u2010x", "é",
      "\u00a0", "\xff", "\"", ")", "\n", "!", "$", "_", "@", "[", "`", "{", "\x7f", "\x01"};
  auto cuts = [](std::string_view text, const TokenRules& rules) {
    std::vector<std::tuple<size_t, size_t, TokenKind>> out;
    for (const Token& t : Tokenize(text, 0, rules)) {
      out.emplace_back(CodePointCount(text.substr(0, t.begin)), CodePointCount(t.text), t.kind);
    }
    return out;
  };
  testing::SeededNumbers next(11);
  const TokenRules& rules = RulesFor("en");
  for (size_t size = 1; size <= 40; ++size) {
    for (int n = 0; n < 6; ++n) {
      std::string word;
      for (size_t k = 0; k < size; ++k) word += letters[next() % letters.size()];
      for (char& c : word) {
        if (n == 2) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (n == 3) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      }
      // A letter WithoutAscii replaces, so that the twin's word goes to Word.
      word[size > 1 ? 1 + next() % (size - 1) : 0] = "bkzBK7"[next() % 6];
      if (n == 0) word[0] = '5';  // a number
      if (n == 1) word[0] = 'b';  // a word
      // Some are in the word table (a hit), the others are not.
      if (n % 2 == 0) InternWord(LowerCase(word));
      for (const std::string& before : befores) {
        for (const std::string& after : afters) {
          std::string text = before + word + after;
          CAPTURE(text);
          CHECK(cuts(text, rules) == cuts(WithoutAscii(text), rules));
          for (const Token& t : Tokenize(text, 0, rules)) {
            CAPTURE(t.text);
            std::string folded = std::string(t.text), lower = folded;
            if (t.kind == TokenKind::kWord) {
              folded = FoldToken(t.text);
              lower = PlainApostrophes(LowerCase(t.text));
            } else if (t.kind == TokenKind::kNumber) {
              folded = lower = LowerCase(t.text);
            }
            CHECK(t.folded() == folded);
            CHECK(t.lower() == lower);
            CHECK(t.same_forms() == (folded == lower));
            CHECK(t.folded_id == FindWord(folded));
            CHECK(t.lower_id == FindWord(lower));
            CHECK(t.start_table == rules.starts->id());
            CHECK(t.starts == rules.starts->Of(t.folded_id, t.lower_id));
          }
        }
      }
    }
  }
}

TEST_CASE("a listed word that starts with an elided form stays whole in any case and apostrophe",
          "[text][fr]") {
  // The exceptions are looked up only when one starts with the word's elided
  // form: here some do ("l'on", "d'accord"), some do not. (Entries are folded,
  // as the rules' reader folds them.)
  TokenRules rules;
  rules.elided = {"l'", "d'", "qu'"};
  rules.elision_exceptions = {"aujourd'hui", "d'accord", "l'on", "qu'en dira t on"};
  auto [text, expected] = GENERATE(values<Cut>({
      {"l'on", {"l'on"}},
      {"L’On", {"L’On"}},
      {"l\u02BCon", {"l\u02BCon"}},
      {"l'one", {"l'", "one"}},
      {"l'o", {"l'", "o"}},
      {"d'accord", {"d'accord"}},
      {"D’ACCORD", {"D’ACCORD"}},
      {"d'accordé", {"d'", "accordé"}},
      {"d'Accôrd", {"d'Accôrd"}},
      {"d'après", {"d'", "après"}},
      {"qu'en-dira-t-on", {"qu'en-dira-t-on"}},
      {"qu'en", {"qu'", "en"}},
      {"l'armée", {"l'", "armée"}},
      {"aujourd'hui", {"aujourd'hui"}},
  }));
  CAPTURE(text);
  CHECK(Texts(Tokenize(text, 0, rules)) == expected);
}

TEST_CASE("a word is cut and read alike by the fast paths and by Word, whatever its letters",
          "[text][tokens]") {
  // A word of ASCII letters and digits (PlainWord) or of ASCII and two-byte
  // letters (LatinWord) followed by a space or a mark is cut by a fast path;
  // followed by an ellipsis (three bytes), by Word. Words made of every kind of
  // piece, at random, must give the same tokens, field by field, both ways.
  static const std::vector<std::string> pieces = {
      "a", "e", "l", "t", "z", "A", "E", "L", "Z", "0", "7", "é", "è", "à", "ç", "ô", "ï", "ü",
      "ÿ", "É", "À", "Ç", "Ô", "Ï", "Ÿ", "œ", "Œ", "æ", "Æ", "ß", "ñ", "ø", "Ø", "ł", "Ł", "ŀ",
      "ĳ", "ǅ", "\ufb01", "e\u0301", "\u0327", "ά", "Ω", "ж", "Ж", "\u0667", "\u02B9", "'",
      "\u2019", "\u02BC", "-", "\u2010", ".", ",", "l'", "qu'", "n't", "'s", "-t-il", "\u00b7",
      "\u00d7", "\u00b0"};
  static const std::vector<std::string> befores = {"", "x ", "(", "\u00ab", "é "};
  static const std::vector<std::string> fast_afters = {"",        " x", ", x", "\u00bb",
                                                       "\u00a0x", "\n", ")"};
  testing::SeededNumbers next(0x2545F4914F6CDD1DULL);
  for (std::string_view lang : {"fr", "en"}) {
    const TokenRules& rules = RulesFor(lang);
    for (int n = 0; n < 1500; ++n) {
      std::string word;
      for (size_t k = 1 + next() % 6; k > 0; --k) word += pieces[next() % pieces.size()];
      // Some of its forms are in the word table (a hit), the others are not.
      if (n % 3 == 0) {
        InternWord(FoldToken(word));
        InternWord(LowerCase(word));
      }
      for (const std::string& before : befores) {
        const size_t end = before.size() + word.size();
        const std::string slow = before + word + "\u2026 x";
        for (const std::string& after : fast_afters) {
          const std::string fast = before + word + after;
          CAPTURE(lang, fast, slow);
          CHECK(FieldLines(Tokenize(fast, 3, rules), end + 3) ==
                FieldLines(Tokenize(slow, 3, rules), end + 3));
        }
      }
    }
  }
}

TEST_CASE("a run of periods is one mark with the id of its own bytes, wherever it ends", "[text]") {
  // Runs of periods are cut and hashed apart from other marks, eight bytes at a
  // time from the text: the id found must be the word table's for every length,
  // at the end of the text or before more of it.
  for (size_t size = 1; size <= 20; ++size) {
    const std::string run(size, '.');
    const WordId id = InternWord(run);
    for (std::string before : {"", "fin", "a ", "été"}) {
      for (std::string after : {"", " Puis", "\n", "x", ",", "à"}) {
        const std::string text = before + run + after;
        CAPTURE(text);
        bool seen = false;
        for (const Token& t : Tokenize(text, 0, RulesFor("fr"))) {
          if (t.text.empty() || t.text[0] != '.') continue;
          seen = true;
          CHECK(t.text == run);
          CHECK(t.kind == TokenKind::kPunct);
          CHECK(t.folded() == run);
          CHECK(t.same_forms());
          CHECK(t.folded_id == id);
          CHECK(t.lower_id == id);
          CHECK(t.starts == RulesFor("fr").starts->Of(id, id));
        }
        CHECK(seen);
      }
    }
  }
}

TEST_CASE("the tokenizer's inline probe finds every form's id as the word table does", "[text]") {
  // The tokenizer looks forms up with its own copy of the table's probe
  // (detail::WordProbe): for forms interned or not, of every length, with and
  // without their first byte changed, sharing a home slot or not, it must answer
  // as FindWord does.
  RulesFor("fr");  // the rules' words first, so that the table holds thousands
  testing::SeededNumbers next(0x2545F4914F6CDD1DULL);
  std::vector<std::string> forms;
  for (int n = 0; n < 4000; ++n) {
    std::string form;
    const size_t size = next() % 41;
    for (size_t k = 0; k < size; ++k) form += static_cast<char>('a' + next() % 26);
    if (n % 2 == 0) InternWord(form);
    forms.push_back(form);
    if (!form.empty()) {
      form[0] = static_cast<char>(form[0] ^ 0x20);  // its capital: never interned
      forms.push_back(form);
    }
  }
  std::vector<WordId> ids;
  for (const std::string& form : forms) ids.push_back(FindWord(form));
  // (The probe is used under the table's shared lock, which FindWord takes too.)
  WordLookup lock;
  const detail::WordProbe probe(detail::Words());
  size_t found = 0;
  for (size_t k = 0; k < forms.size(); ++k) {
    CAPTURE(forms[k]);
    CHECK(probe.Find(forms[k], WordHash(forms[k])) == ids[k]);
    found += ids[k] != kUnknownWord;
  }
  CHECK(found >= 2000);
}

TEST_CASE("the sentences of a text are cut together as each is cut alone", "[text][tokens]") {
  // TokenizeEach holds the word table once for a report's sentences: each must
  // come out as Tokenize gives it on its own, field by field, offsets included,
  // whatever the spans before it were.
  for (std::string_view lang : {"fr", "en"}) {
    const TokenRules& rules = RulesFor(lang);
    std::string text;
    std::vector<std::pair<size_t, size_t>> spans;
    for (const std::string& piece : MixedTexts()) {
      spans.emplace_back(text.size(), text.size() + piece.size());
      text += piece;
      text += spans.size() % 2 ? " " : "";
    }
    spans.emplace_back(text.size(), text.size());  // an empty one
    std::vector<std::vector<Token>> together = TokenizeEach(text, spans, rules);
    REQUIRE(together.size() == spans.size());
    for (size_t k = 0; k < spans.size(); ++k) {
      auto [begin, end] = spans[k];
      CAPTURE(lang, k, text.substr(begin, end - begin));
      CHECK(FieldLines(together[k]) ==
            FieldLines(Tokenize(std::string_view(text).substr(begin, end - begin), begin, rules)));
    }
  }
}

}  // namespace attest
