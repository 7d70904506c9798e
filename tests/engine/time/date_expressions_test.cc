#include "engine/time/date_expressions.h"

#include <algorithm>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <catch2/catch.hpp>
#include <filesystem>
#include <forward_list>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "engine/extract/lexicon.h"
#include "engine/rulebook/rulebook.h"
#include "engine/rulebook/toml_reader.h"
#include "engine/text/tokens.h"
#include "engine/text/word_ids.h"
#include "engine/time/date_words.h"
#include "tests/support/diagnostic_messages.h"
#include "tests/support/seeded_numbers.h"

namespace attest {

namespace {

const Lexicon& LexiconOf(std::string_view lang) {
  static const Rulebook rulebook = LoadRulebook(ATTEST_RULES_DIR);
  const Lexicon* lexicon = rulebook.LexiconFor(lang);
  REQUIRE(lexicon != nullptr);
  return *lexicon;
}

std::vector<DateMention> Dates(std::string_view lang, std::string_view text,
                               std::string_view published) {
  const Lexicon& lexicon = LexiconOf(lang);
  auto tokens = Tokenize(text, 0, lexicon.tokens);
  return FindDateExpressions(
      tokens, text, 0, boost::gregorian::from_simple_string(std::string(published)), lexicon.dates);
}

// One sentence, the mention expected in it and the date it resolves to.
struct Expected {
  std::string sentence;
  std::string mention;
  std::string date;  // DateInterval::ToString
  DatePrecision precision;
};

void CheckOneMention(std::string_view lang, const Expected& e, std::string_view published) {
  CAPTURE(e.sentence, published);
  auto mentions = Dates(lang, e.sentence, published);
  REQUIRE(mentions.size() == 1);
  CHECK(mentions[0].text == e.mention);
  CHECK(mentions[0].date.ToString() == e.date);
  CHECK(ToString(mentions[0].date.precision) == ToString(e.precision));
  CHECK(e.sentence.substr(mentions[0].begin, mentions[0].end - mentions[0].begin) == e.mention);
}

constexpr auto kDay = DatePrecision::kDay;
constexpr auto kWeek = DatePrecision::kWeek;
constexpr auto kMonth = DatePrecision::kMonth;
constexpr auto kYear = DatePrecision::kYear;

// The seed report's publication date, a Monday.
constexpr const char* kMonday = "2025-07-14";

}  // namespace

TEST_CASE("French absolute dates resolve to their day, the year inferred near publication",
          "[time][fr]") {
  auto e = GENERATE(values<Expected>({
      {"Le convoi a été attaqué le 14 juillet 2025 près de Gao.", "le 14 juillet 2025",
       "2025-07-14", kDay},
      {"Il est tombé dans une embuscade lundi 14 juillet à l'aube.", "lundi 14 juillet",
       "2025-07-14", kDay},
      {"Les renforts attaqués ce lundi 14 juillet venaient de Gao.", "ce lundi 14 juillet",
       "2025-07-14", kDay},
      {"Des tirs ont été entendus le 12 juillet dans la ville.", "le 12 juillet", "2025-07-12",
       kDay},
      {"Le scrutin aura lieu le 20 juillet selon la commission.", "le 20 juillet", "2025-07-20",
       kDay},
      {"Les faits remontent au 2 mars, selon l'enquête.", "au 2 mars", "2025-03-02", kDay},
      {"La base est tombée le 1er juillet sans combat.", "le 1er juillet", "2025-07-01", kDay},
      {"La trêve signée le 3 juin dernier a tenu.", "le 3 juin dernier", "2025-06-03", kDay},
      {"Le rapport est daté du 14/07/2025 et signé.", "du 14/07/2025", "2025-07-14", kDay},
      {"Le 03/04/2025, des drones ont frappé.", "Le 03/04/2025", "2025-04-03", kDay},
      {"Publié le 2025-07-14 à Bamako.", "le 2025-07-14", "2025-07-14", kDay},
      {"Le pont a cédé le 5 déc. 2024 sous le poids.", "le 5 déc. 2024", "2024-12-05", kDay},
      {"Les célébrations prévues ce 14 juillet sont annulées.", "ce 14 juillet", "2025-07-14",
       kDay},
  }));
  CheckOneMention("fr", e, kMonday);
}

TEST_CASE("English absolute dates resolve to their day, month first unless the day says otherwise",
          "[time][en]") {
  auto e = GENERATE(values<Expected>({
      {"The convoy was ambushed on July 14, 2025, near Gao.", "on July 14, 2025", "2025-07-14",
       kDay},
      {"The town fell on 14 July after a siege.", "on 14 July", "2025-07-14", kDay},
      {"Fighting resumed on Monday, July 14 at dawn.", "on Monday, July 14", "2025-07-14", kDay},
      {"The base was shelled on Jan. 3, 2024 by rebels.", "on Jan. 3, 2024", "2024-01-03", kDay},
      {"Celebrations on the 4th of July were cancelled.", "on the 4th of July", "2025-07-04", kDay},
      {"The report dated 07/14/2025 was leaked.", "07/14/2025", "2025-07-14", kDay},
      {"The report dated 03/04/2025 was leaked.", "03/04/2025", "2025-03-04", kDay},
      {"The report dated 14/07/2025 was leaked.", "14/07/2025", "2025-07-14", kDay},
      {"Published 2025-07-14 in Bamako.", "2025-07-14", "2025-07-14", kDay},
  }));
  CheckOneMention("en", e, kMonday);
}

TEST_CASE("French months, years and named months with dernier resolve at their precision",
          "[time][fr]") {
  auto e = GENERATE(values<Expected>({
      {"L'accord a été rompu en janvier 2024 par Bamako.", "en janvier 2024", "2024-01", kMonth},
      {"Les pluies ont commencé en mars dans le nord.", "en mars", "2025-03", kMonth},
      {"Des négociations ont été initiées en décembre dernier à Alger.", "en décembre dernier",
       "2024-12", kMonth},
      {"La ville était tombée en juillet dernier aux mains des rebelles.", "en juillet dernier",
       "2024-07", kMonth},
      {"Le chef a été tué en mai dernier lors d'une frappe.", "en mai dernier", "2025-05", kMonth},
      {"Le retrait est prévu en octobre prochain selon le plan.", "en octobre prochain", "2025-10",
       kMonth},
      {"Les combats durent depuis janvier sans interruption.", "janvier", "2025-01", kMonth},
      {"Le groupe a été fondé en 2015 au Mali.", "en 2015", "2015", kYear},
      {"Ils sont signataires de l'accord de paix de 2015 à Alger.", "de 2015", "2015", kYear},
      {"La région est instable depuis 2012 selon l'ONU.", "2012", "2012", kYear},
  }));
  CheckOneMention("fr", e, kMonday);
}

TEST_CASE("English months, years and named months with last resolve at their precision",
          "[time][en]") {
  auto e = GENERATE(values<Expected>({
      {"The deal collapsed in March 2023 after talks.", "in March 2023", "2023-03", kMonth},
      {"Rains began in March in the north.", "in March", "2025-03", kMonth},
      {"Talks started last December in Algiers.", "last December", "2024-12", kMonth},
      {"The town fell last July to the rebels.", "last July", "2024-07", kMonth},
      {"The withdrawal is due next October under the plan.", "next October", "2025-10", kMonth},
      {"The group was founded in 2015 in Mali.", "in 2015", "2015", kYear},
      {"The region has been unstable since 2012 according to the UN.", "2012", "2012", kYear},
  }));
  CheckOneMention("en", e, kMonday);
}

TEST_CASE("French relative days resolve against a Monday publication date", "[time][fr]") {
  auto e = GENERATE(values<Expected>({
      {"Le camp a été visé hier par des drones.", "hier", "2025-07-13", kDay},
      {"Le camp a été visé avant-hier par des drones.", "avant-hier", "2025-07-12", kDay},
      {"Le convoi est reparti aujourd'hui vers le nord.", "aujourd'hui", "2025-07-14", kDay},
      {"Le convoi attaqué ce lundi venait de Kidal.", "ce lundi", "2025-07-14", kDay},
      {"Le convoi a été attaqué lundi à l'aube.", "lundi", "2025-07-14", kDay},
      {"Le convoi est parti de Gao jeudi dernier avec des vivres.", "jeudi dernier", "2025-07-10",
       kDay},
      {"Il est arrivé à Anefis vendredi matin sans encombre.", "vendredi matin", "2025-07-11",
       kDay},
      {"Des tirs ont retenti dimanche soir près du camp.", "dimanche soir", "2025-07-13", kDay},
      {"Des tirs ont retenti hier soir près du camp.", "hier soir", "2025-07-13", kDay},
      {"La réunion prévue mardi prochain est reportée.", "mardi prochain", "2025-07-15", kDay},
      {"Le marché a été attaqué lundi dernier par des inconnus.", "lundi dernier", "2025-07-07",
       kDay},
      {"Des renforts sont arrivés ce matin à Kidal.", "ce matin", "2025-07-14", kDay},
      {"Le camp a été visé la nuit dernière par des obus.", "la nuit dernière", "2025-07-13", kDay},
  }));
  CheckOneMention("fr", e, kMonday);
}

TEST_CASE("English relative days resolve against a Monday publication date", "[time][en]") {
  auto e = GENERATE(values<Expected>({
      {"The camp was hit yesterday by drones.", "yesterday", "2025-07-13", kDay},
      {"The camp was hit the day before yesterday by drones.", "the day before yesterday",
       "2025-07-12", kDay},
      {"The convoy left today for the north.", "today", "2025-07-14", kDay},
      {"The convoy was attacked on Sunday near Kidal.", "on Sunday", "2025-07-13", kDay},
      {"The convoy left Gao last Thursday with supplies.", "last Thursday", "2025-07-10", kDay},
      {"Shots were heard Tuesday night near the camp.", "Tuesday night", "2025-07-08", kDay},
      {"It reached Anefis on Friday morning unharmed.", "on Friday morning", "2025-07-11", kDay},
      {"Shots were heard last night near the camp.", "last night", "2025-07-13", kDay},
      {"The meeting set for next Friday was postponed.", "next Friday", "2025-07-18", kDay},
      {"Reinforcements arrived this morning in Kidal.", "this morning", "2025-07-14", kDay},
      {"The army's statement on Monday denied it.", "on Monday", "2025-07-14", kDay},
  }));
  CheckOneMention("en", e, kMonday);
}

TEST_CASE("French weeks, months and years relative to publication resolve to whole periods",
          "[time][fr]") {
  auto e = GENERATE(values<Expected>({
      {"Les combats de la semaine dernière ont fait dix morts.", "de la semaine dernière",
       "2025-07-07/2025-07-13", kWeek},
      {"Des pourparlers ont eu lieu cette semaine à Alger.", "cette semaine",
       "2025-07-14/2025-07-20", kWeek},
      {"Le mois dernier, trois attaques ont visé la ville.", "Le mois dernier", "2025-06", kMonth},
      {"Les élections auront lieu le mois prochain selon le gouvernement.", "le mois prochain",
       "2025-08", kMonth},
      {"Les pertes ont doublé ce mois-ci selon l'ONU.", "ce mois-ci", "2025-07", kMonth},
      {"L'an dernier, la ville a été assiégée.", "L'an dernier", "2024", kYear},
      {"L'année dernière, la ville a été assiégée.", "L'année dernière", "2024", kYear},
      {"L'année passée a été la plus meurtrière.", "L'année passée", "2024", kYear},
      {"Cette année, les attaques se multiplient.", "Cette année", "2025", kYear},
  }));
  CheckOneMention("fr", e, kMonday);
}

TEST_CASE("English weeks, months and years relative to publication resolve to whole periods",
          "[time][en]") {
  auto e = GENERATE(values<Expected>({
      {"Fighting last week killed ten people.", "last week", "2025-07-07/2025-07-13", kWeek},
      {"Talks were held this week in Algiers.", "this week", "2025-07-14/2025-07-20", kWeek},
      {"Talks will resume next week in Algiers.", "next week", "2025-07-21/2025-07-27", kWeek},
      {"Three attacks hit the town last month.", "last month", "2025-06", kMonth},
      {"The town was besieged last year by rebels.", "last year", "2024", kYear},
      {"Attacks have multiplied this year across the north.", "this year", "2025", kYear},
  }));
  CheckOneMention("en", e, kMonday);
}

TEST_CASE("seasons resolve to their months and early, mid and late narrow a month or a year",
          "[time][fr]") {
  auto e = GENERATE(values<Expected>({
      {"Sur le terrain, la rupture remonte à l'été 2023 au moins.", "l'été 2023",
       "2023-06-01/2023-08-31", kMonth},
      {"Les combats de l'été dernier ont vidé la ville.", "de l'été dernier",
       "2024-06-01/2024-08-31", kMonth},
      {"La route a été coupée pendant l'hiver 2024 par les pluies.", "l'hiver 2024",
       "2023-12-01/2024-02-29", kMonth},
      {"Les récoltes ont brûlé au printemps dans la région.", "au printemps",
       "2025-03-01/2025-05-31", kMonth},
      {"Le convoi est parti début juillet de Gao.", "début juillet", "2025-07-01/2025-07-10",
       kMonth},
      {"Le convoi est parti mi-juillet de Gao.", "mi-juillet", "2025-07-11/2025-07-20", kMonth},
      {"Le convoi est parti fin juillet de Gao.", "fin juillet", "2025-07-21/2025-07-31", kMonth},
      {"Les combats ont repris fin 2023 dans le nord.", "fin 2023", "2023-09-01/2023-12-31", kYear},
      {"Un accord est attendu début 2026 à Alger.", "début 2026", "2026-01-01/2026-04-30", kYear},
      {"Les combats ont repris à la fin de l'année dernière dans le nord.",
       "la fin de l'année dernière", "2024-09-01/2024-12-31", kYear},
  }));
  CheckOneMention("fr", e, kMonday);
}

TEST_CASE(
    "English seasons resolve to their months and early, mid and late narrow a month or a "
    "year",
    "[time][en]") {
  auto e = GENERATE(values<Expected>({
      {"The split dates from summer 2023 at least.", "summer 2023", "2023-06-01/2023-08-31",
       kMonth},
      {"The split dates from the summer of 2023 at least.", "the summer of 2023",
       "2023-06-01/2023-08-31", kMonth},
      {"Fighting last summer emptied the town.", "last summer", "2024-06-01/2024-08-31", kMonth},
      {"Roads were cut last winter by floods.", "last winter", "2024-12-01/2025-02-28", kMonth},
      {"The convoy left in early July from Gao.", "in early July", "2025-07-01/2025-07-10", kMonth},
      {"The convoy left mid-July from Gao.", "mid-July", "2025-07-11/2025-07-20", kMonth},
      {"Fighting resumed in late 2023 in the north.", "in late 2023", "2023-09-01/2023-12-31",
       kYear},
      {"Fighting resumed at the end of 2023 in the north.", "the end of 2023",
       "2023-09-01/2023-12-31", kYear},
      {"Fighting resumed late last year in the north.", "late last year", "2024-09-01/2024-12-31",
       kYear},
  }));
  CheckOneMention("en", e, kMonday);
}

TEST_CASE("every date phrase of the seed incident resolves as the incident file says",
          "[time][fr]") {
  // The "dates" section of shared/fixtures/seed/rfi-2025-07-14-alkit.incident.json.
  auto e = GENERATE(values<Expected>({
      {"jeudi dernier", "jeudi dernier", "2025-07-10", kDay},
      {"vendredi matin", "vendredi matin", "2025-07-11", kDay},
      {"en décembre dernier", "en décembre dernier", "2024-12", kMonth},
      {"en juillet dernier", "en juillet dernier", "2024-07", kMonth},
  }));
  CheckOneMention("fr", e, kMonday);
}

TEST_CASE("on a Sunday publication date, Sunday is that day and last Sunday the week before",
          "[time][fr][en]") {
  auto [lang, e] = GENERATE(values<std::pair<std::string, Expected>>({
      {"fr", {"Le camp a été attaqué dimanche à l'aube.", "dimanche", "2025-07-13", kDay}},
      {"fr", {"Le camp a été attaqué ce dimanche à l'aube.", "ce dimanche", "2025-07-13", kDay}},
      {"fr", {"Le camp a été attaqué dimanche dernier.", "dimanche dernier", "2025-07-06", kDay}},
      {"fr", {"Le camp a été attaqué samedi soir.", "samedi soir", "2025-07-12", kDay}},
      {"en", {"The camp was attacked on Sunday at dawn.", "on Sunday", "2025-07-13", kDay}},
      {"en", {"The camp was attacked last Sunday.", "last Sunday", "2025-07-06", kDay}},
  }));
  CheckOneMention(lang, e, "2025-07-13");
}

TEST_CASE("early in January, last December and last week reach back into the previous year",
          "[time][fr][en]") {
  auto [lang, e] = GENERATE(values<std::pair<std::string, Expected>>({
      {"fr",
       {"Des négociations ont commencé en décembre dernier.", "en décembre dernier", "2024-12",
        kMonth}},
      {"en", {"Talks began last December in Algiers.", "last December", "2024-12", kMonth}},
      {"fr",
       {"La ville a été bombardée la semaine dernière.", "la semaine dernière",
        "2024-12-23/2024-12-29", kWeek}},
      {"fr", {"Le mois dernier a été calme.", "Le mois dernier", "2024-12", kMonth}},
      {"fr", {"L'an dernier a été meurtrier.", "L'an dernier", "2024", kYear}},
      {"fr",
       {"Le pont a sauté le 28 décembre sans faire de victime.", "le 28 décembre", "2024-12-28",
        kDay}},
      {"en",
       {"The bridge was blown up on December 28 overnight.", "on December 28", "2024-12-28", kDay}},
      {"en", {"The bridge was blown up in December by rebels.", "in December", "2024-12", kMonth}},
  }));
  CheckOneMention(lang, e, "2025-01-05");
}

TEST_CASE("a weekday written with a date without year picks the year where it falls on that day",
          "[time][fr]") {
  auto [sentence, date] = GENERATE(values<std::pair<std::string, std::string>>({
      {"Le scrutin du lundi 14 juillet est maintenu.", "2025-07-14"},
      {"L'attaque du dimanche 14 juillet a été revendiquée.", "2024-07-14"},
  }));
  CAPTURE(sentence);
  auto mentions = Dates("fr", sentence, "2025-03-01");
  REQUIRE(mentions.size() == 1);
  CHECK(mentions[0].date.ToString() == date);
}

TEST_CASE("words that only look like dates are not dates", "[time][fr][en]") {
  auto [lang, sentence] = GENERATE(values<std::pair<std::string, std::string>>({
      {"en", "They may attack again, officials warned."},
      {"en", "The march on Kidal was stopped."},
      {"en", "More than 2000 soldiers were deployed."},
      {"en", "A force of 2000 soldiers was deployed."},
      {"en", "Jan Egeland visited the camp."},
      {"en", "The fall of Kidal shocked Bamako."},
      {"en", "At the end of the talks nothing was signed."},
      {"fr", "Plus de 2000 soldats ont été déployés."},
      {"fr", "Le dernier convoi est parti sans escorte."},
      {"fr", "Mars est visible à l'œil nu selon les astronomes."},
      {"fr", "Ils étaient sept à bord du véhicule."},
      {"fr", "Le camp compte 1 200 personnes et 14 véhicules."},
      {"fr", "À la fin des combats, le bilan restait inconnu."},
  }));
  CAPTURE(lang, sentence);
  auto mentions = Dates(lang, sentence, kMonday);
  std::vector<std::string> found;
  for (const auto& m : mentions) found.push_back(m.text);
  CAPTURE(found);
  CHECK(mentions.empty());
}

TEST_CASE("mentions come in order with absolute offsets into the document", "[time][fr]") {
  const Lexicon& fr = LexiconOf("fr");
  const std::string document =
      "Titre\n\nParti de Gao jeudi dernier, le convoi est arrivé à Anefis vendredi matin.";
  const size_t base = document.find("Parti");
  std::string_view sentence = std::string_view(document).substr(base);
  auto tokens = Tokenize(sentence, base, fr.tokens);
  auto mentions =
      FindDateExpressions(tokens, sentence, base, boost::gregorian::date(2025, 7, 14), fr.dates);
  REQUIRE(mentions.size() == 2);
  CHECK(mentions[0].text == "jeudi dernier");
  CHECK(mentions[1].text == "vendredi matin");
  for (const auto& m : mentions) {
    CHECK(document.substr(m.begin, m.end - m.begin) == m.text);
  }
  CHECK(mentions[0].date.ToString() == "2025-07-10");
  CHECK(mentions[1].date.ToString() == "2025-07-11");
}

TEST_CASE(
    "a dates file with an unknown field or a bad entry is refused naming file, line and "
    "field",
    "[time][fr]") {
  namespace fs = std::filesystem;
  fs::path path = fs::temp_directory_path() / "attest-date-words-test.toml";
  {
    std::ofstream out(path);
    out << "day_first = true\n"
           "[[month]]\nnumber = 13\nwords = [\"brumaire\"]\n"
           "[[weekday]]\nnumber = 1\nwords = [\"lundi\"]\nspelling = \"x\"\n"
           "[[weekday]]\nnumber = 2\nwords = [\"lundi\"]\n"
           "[[modifier]]\nmeaning = \"previous\"\nposition = \"after\"\nwords = [\"dernier\"]\n";
  }
  Diagnostics diagnostics;
  TomlReader reader(path, diagnostics);
  REQUIRE(reader.ok());
  ReadDateWords(reader, LexiconOf("fr").tokens, diagnostics);
  fs::remove(path);
  const testing::DiagnosticMessages messages(diagnostics);
  CAPTURE(messages.all());
  auto has = [&](std::string_view text) { return messages.Has(text); };
  CHECK(has("attest-date-words-test.toml:3: number: a month number runs from 1 to 12"));
  CHECK(has("attest-date-words-test.toml:8: spelling: unknown field in [[weekday]]"));
  CHECK(has("attest-date-words-test.toml:11: words: 'lundi' is already a weekday word (line 7)"));
  CHECK(has("attest-date-words-test.toml:13: meaning: unknown value 'previous'"));
  CHECK(has("month: no words for month 1"));
  CHECK(diagnostics.HasErrors());
}

TEST_CASE("a date of several pieces is found as the whole text, at its very end and after many words",
          "[time][fr][en]") {
  // The parser tries a place only when a core may begin within two lead words of
  // it, and builds the keys of phrases of several pieces as it asks for them.
  CheckOneMention("fr", {"Avant-hier", "Avant-hier", "2025-07-12", kDay}, kMonday);
  CheckOneMention("fr",
                  {"Les combats ont repris de la semaine dernière", "de la semaine dernière",
                   "2025-07-07/2025-07-13", kWeek},
                  kMonday);
  CheckOneMention("en", {"Fighting resumed last week", "last week", "2025-07-07/2025-07-13", kWeek},
                  kMonday);
  CheckOneMention("fr",
                  {"Selon les habitants de la ville et des villages voisins qui ont parlé à "
                   "la presse, le camp a été visé l'an dernier",
                   "l'an dernier", "2024", kYear},
                  kMonday);
  // Lead words with no core after them, at the end: no date.
  CHECK(Dates("fr", "Le camp a été visé en", kMonday).empty());
  CHECK(Dates("en", "The camp was hit on the", kMonday).empty());
}

TEST_CASE("hyphenated words are cut into date pieces at their hyphens, and other words are one",
          "[time][fr]") {
  // Pieces of "Mi-Juillet" (ASCII hyphen), "mi‑juillet" (non-breaking hyphen),
  // "avant-hier", "a-t-il" (an inverted pronoun: "a", then "t" and "il") and
  // plain words, accented or capitalised.
  std::string text = "Mi-Juillet mi\u2011juillet avant-hier a-t-il Armée lundi";
  auto tokens = Tokenize(text, 0, LexiconOf("fr").tokens);
  std::forward_list<std::string> parts;
  auto pieces = CutDatePieces(tokens, parts);
  std::vector<std::string> folded;
  for (const auto& p : pieces) folded.emplace_back(p.folded);
  CHECK(folded == std::vector<std::string>{"mi", "juillet", "mi", "juillet", "avant", "hier", "a",
                                           "t", "il", "armee", "lundi"});
  REQUIRE(pieces.size() == 11);
  CHECK(pieces[0].capitalized);
  CHECK(pieces[1].capitalized);
  CHECK_FALSE(pieces[2].capitalized);
  CHECK(pieces[0].token_start);
  CHECK_FALSE(pieces[0].token_end);
  CHECK(pieces[1].token_end);
  CHECK(pieces[7].token_start);  // "t", the first piece of "-t-il"
  CHECK(pieces[8].token_end);
  for (const auto& p : pieces) CHECK(p.id == FindWord(p.folded));
}

TEST_CASE("a phrase of several pieces counts only whole, its first piece alone being none",
          "[time][fr]") {
  // "fin" starts "fin de matinée" (a part of the day) and "au" starts "au moins"
  // (a quantity): neither is a phrase of its class alone, "au" only a lead word.
  CheckOneMention(
      "fr", {"Le camp a été visé hier fin de matinée", "hier fin de matinée", "2025-07-13", kDay},
      kMonday);
  CheckOneMention("fr", {"Le plan remonte au 2015", "au 2015", "2015", kYear}, kMonday);
}

TEST_CASE("a sentence is passed over only when it holds no date, whatever its words",
          "[time][fr][en]") {
  // Sentences of words chosen at random (a fixed seed): date words alone, with
  // accents, capitals or hyphens, numbers, lead words and others. Each is read as
  // it is, whose words FindDateExpressions may pass over at a glance, and followed
  // by "; hier" / "; yesterday", which it must parse: the dates of the first are
  // those of the second but its last.
  struct Language {
    const char* lang;
    const char* tail;
    std::vector<std::string> words;
  };
  const std::vector<Language> languages = {
      {"fr", "; hier", {"avant-hier", "Avant-Hier", "mi-juillet",  "Mi-Juillet", "après-midi",
                        "mois-ci",    "semaine",    "dernière",    "dernier",    "l'an",
                        "l'été",      "été",        "début",       "fin",        "de",
                        "le",         "la",         "en",          "Élysée",     "armée",
                        "Armée",      "a-t-il",     "peut-être",   "États-Unis", "lundi",
                        "Lundi",      "juillet",    "décembre",    "Déc.",       "2023",
                        "1999",       "14",         "1er",         "14/07/2025", "2025-07-14",
                        "3000",       "plus",       "depuis",      "ce",         "matin",
                        "soir",       "hier",       "aujourd'hui", "village",    "camp",
                        ",",          ".",          "«",           "»"}},
      {"en",
       "; yesterday",
       {"last",     "next",  "this",       "week",   "month",   "year",  "summer",     "mid-July",
        "Mid-July", "early", "late",       "of",     "the",     "on",    "in",         "July",
        "May",      "may",   "Monday",     "monday", "Tuesday", "night", "morning",    "2023",
        "14",       "4th",   "07/14/2025", "more",   "than",    "since", "well-known", "U.S.",
        "Café",     "city",  "troops",     ",",      "."}},
  };
  testing::SeededNumbers next(0x9E3779B97F4A7C15ULL);
  size_t dated = 0;
  for (const Language& language : languages) {
    for (int n = 0; n < 3000; ++n) {
      std::string sentence;
      for (size_t k = 0, count = 1 + next() % 12; k < count; ++k) {
        if (k > 0) sentence += ' ';
        // Mostly words that are no date word, as in a text.
        sentence += next() % 3 == 0 ? language.words[next() % language.words.size()]
                                    : std::string(k % 2 ? "village" : "city");
      }
      std::string longer = sentence + " " + language.tail;
      CAPTURE(sentence);
      auto alone = Dates(language.lang, sentence, kMonday);
      auto followed = Dates(language.lang, longer, kMonday);
      REQUIRE(!followed.empty());
      CHECK(followed.back().begin == sentence.size() + 3);
      REQUIRE(alone.size() == followed.size() - 1);
      for (size_t m = 0; m < alone.size(); ++m) {
        CHECK(alone[m].text == followed[m].text);
        CHECK(alone[m].date.ToString() == followed[m].date.ToString());
      }
      dated += !alone.empty();
    }
  }
  CHECK(dated > 1000);  // the sentences hold dates often enough to tell
}

namespace {

// Checks that `table` answers by word id as by key: every phrase of one piece is
// found alone at its word's id with its value, the first word of every longer phrase
// is marked as starting one, and no other word is marked either way.
template <typename Value>
void CheckFirstPieces(const PhraseTable<Value>& table, std::string_view name) {
  CAPTURE(name);
  size_t alone = 0;
  std::set<WordId> starting_longer;
  for (const auto& [key, value] : table.entries) {
    CAPTURE(key);
    size_t space = key.find(' ');
    WordId first = FindWord(std::string_view(key).substr(0, space));
    REQUIRE(first != kUnknownWord);
    REQUIRE(first < table.first_pieces.size());
    const FirstPiece<Value>& piece = table.first_pieces[first];
    if (space == std::string::npos) {
      ++alone;
      CHECK(piece.alone);
      CHECK(piece.value == value);
    } else {
      starting_longer.insert(first);
      CHECK(piece.starts_longer);
    }
  }
  const auto& pieces = table.first_pieces;
  CHECK(std::count_if(pieces.begin(), pieces.end(), [](const auto& p) { return p.alone; }) ==
        static_cast<std::ptrdiff_t>(alone));
  CHECK(std::count_if(pieces.begin(), pieces.end(), [](const auto& p) {
          return p.starts_longer;
        }) == static_cast<std::ptrdiff_t>(starting_longer.size()));
}

// A phrase key ("dec .", "avant hier") as a text that is cut into the same pieces,
// capitalised when the language's names must be.
std::string PhraseText(const std::string& key, bool capitalized) {
  std::string text = key;
  if (capitalized && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 32);
  return text;
}

}  // namespace

TEST_CASE("every date phrase of one piece is answered by its word id as by its key",
          "[time][fr][en]") {
  for (const char* lang : {"fr", "en"}) {
    CAPTURE(lang);
    const DateWords& w = LexiconOf(lang).dates;
    CheckFirstPieces(w.months, "months");
    CheckFirstPieces(w.weekdays, "weekdays");
    CheckFirstPieces(w.relative_days, "relative_days");
    CheckFirstPieces(w.parts_of_day, "parts_of_day");
    CheckFirstPieces(w.units, "units");
    CheckFirstPieces(w.seasons, "seasons");
    CheckFirstPieces(w.period_parts, "period_parts");
    CheckFirstPieces(w.modifiers_before, "modifiers_before");
    CheckFirstPieces(w.modifiers_after, "modifiers_after");
    CheckFirstPieces(w.lead_words, "lead_words");
    CheckFirstPieces(w.introducers, "introducers");
    CheckFirstPieces(w.joiners, "joiners");
    CheckFirstPieces(w.quantity_words, "quantity_words");
  }
}

TEST_CASE("every month, weekday and relative day phrase is read as the day it stands for",
          "[time][fr][en]") {
  // Phrases of one piece are answered by their word id, longer ones by their key;
  // a word that is a phrase alone and starts a longer one ("dec" and "dec .") is
  // read as the longer when it is there.
  const boost::gregorian::date monday(2025, 7, 14);
  size_t phrases = 0;
  for (const char* lang : {"fr", "en"}) {
    CAPTURE(lang);
    const DateWords& w = LexiconOf(lang).dates;
    for (const auto& [key, month] : w.months.entries) {
      std::string sentence = "14 " + PhraseText(key, w.capitalized_names) + " 2024";
      CAPTURE(sentence);
      auto mentions = Dates(lang, sentence, kMonday);
      REQUIRE(mentions.size() == 1);
      CHECK(mentions[0].text == sentence);
      CHECK(mentions[0].date.ToString() ==
            std::string(month < 10 ? "2024-0" : "2024-") + std::to_string(month) + "-14");
      ++phrases;
    }
    for (const auto& [key, weekday] : w.weekdays.entries) {
      std::string sentence = PhraseText(key, w.capitalized_names);
      CAPTURE(sentence);
      auto mentions = Dates(lang, sentence, kMonday);
      REQUIRE(mentions.size() == 1);
      CHECK(mentions[0].text == sentence);
      CHECK(mentions[0].date.precision == DatePrecision::kDay);
      int back = (1 - weekday + 7) % 7;  // from Monday
      CHECK(mentions[0].date.first == monday - boost::gregorian::days(back));
      ++phrases;
    }
    for (const auto& [key, offset] : w.relative_days.entries) {
      std::string sentence = PhraseText(key, false);
      CAPTURE(sentence);
      auto mentions = Dates(lang, sentence, kMonday);
      REQUIRE(mentions.size() == 1);
      CHECK(mentions[0].text == sentence);
      CHECK(mentions[0].date.first == monday + boost::gregorian::days(offset));
      ++phrases;
    }
  }
  CHECK(phrases > 80);
}

}  // namespace attest
