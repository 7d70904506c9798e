// The project's own gazetteers (rules/common/actors.toml and places.toml), loaded as
// the engine loads them: the names of the seed report and of the ACLED Mali table
// must resolve, designations must hold only inside their conflict, and sides must
// say who fights whom.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/base/error.h"
#include "engine/rulebook/rulebook.h"
#include "engine/time/date_interval.h"

namespace attest {
namespace {

// Loaded once: every case below reads the same rules.
const Rulebook& ProjectRules() {
  static const Rulebook rules = LoadRulebook(ATTEST_RULES_DIR);
  return rules;
}

std::optional<DateInterval> Date(const std::string& text) {
  auto d = ParseDateInterval(text);
  REQUIRE(d);
  return d;
}

std::string NameOf(const Actor* actor) { return actor ? actor->name : std::string("(none)"); }

std::string NameOf(const Conflict* conflict) {
  return conflict ? conflict->name : std::string("(none)");
}

std::string RelationName(ActorRelation relation) {
  switch (relation) {
    case ActorRelation::kSame:
      return "same";
    case ActorRelation::kSameSide:
      return "same side";
    case ActorRelation::kOpposing:
      return "opposing";
    case ActorRelation::kUnrelated:
      return "unrelated";
  }
  return "?";
}

// RFC 4180 fields of one record; `in` is positioned at the record's start.
std::optional<std::vector<std::string>> ReadCsvRecord(std::istream& in) {
  std::vector<std::string> fields(1);
  bool quoted = false, any = false;
  char c;
  while (in.get(c)) {
    any = true;
    if (quoted) {
      if (c == '"') {
        if (in.peek() == '"') {
          fields.back() += static_cast<char>(in.get());
        } else {
          quoted = false;
        }
      } else {
        fields.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c == '\n') {
      break;
    } else if (c != '\r') {
      fields.back() += c;
    }
  }
  if (!any) return std::nullopt;
  return fields;
}

}  // namespace

TEST_CASE("the project's rules load without error", "[rulebook]") {
  try {
    const Rulebook& rules = ProjectRules();
    CHECK(rules.actors.conflicts().size() >= 2);
    CHECK(rules.actors.actors().size() >= 60);
    CHECK(rules.places.places().size() >= 900);
  } catch (const InvalidInput& e) {
    FAIL("the rules folder " ATTEST_RULES_DIR " does not load:\n" << e.what());
  }
}

TEST_CASE("an alias finds its actor whatever the case, accents and apostrophes", "[rulebook]") {
  auto [text, name, kind] = GENERATE(table<std::string, std::string, ClaimantKind>({
      {"Front de libération de l'Azawad", "FLA", ClaimantKind::kArmedGroup},
      {"FRONT DE LIBERATION DE L’AZAWAD", "FLA", ClaimantKind::kArmedGroup},
      {"Azawad Liberation Front", "FLA", ClaimantKind::kArmedGroup},
      {"Jnim", "JNIM", ClaimantKind::kArmedGroup},
      {"GSIM", "JNIM", ClaimantKind::kArmedGroup},
      {"Groupe de soutien à l'islam et aux musulmans", "JNIM", ClaimantKind::kArmedGroup},
      {"Jama'at Nusrat al-Islam wal-Muslimin", "JNIM", ClaimantKind::kArmedGroup},
      {"JNIM: Group for Support of Islam and Muslims", "JNIM", ClaimantKind::kArmedGroup},
      {"Forces armées maliennes", "FAMa", ClaimantKind::kState},
      {"Fama", "FAMa", ClaimantKind::kState},
      {"L'armée malienne", "FAMa", ClaimantKind::kState},
      {"Malian Armed Forces", "FAMa", ClaimantKind::kState},
      {"Military Forces of Mali (2013-2020)", "FAMa", ClaimantKind::kState},
      {"Military Forces of Mali (2020-2021)", "FAMa", ClaimantKind::kState},
      {"Military Forces of Mali (2021-)", "FAMa", ClaimantKind::kState},
      {"Bamako", "Government of Mali", ClaimantKind::kState},
      {"autorités maliennes de transition", "Government of Mali", ClaimantKind::kState},
      {"Government of Mali (2013-2020)", "Government of Mali", ClaimantKind::kState},
      {"Africa Corps", "Africa Corps", ClaimantKind::kState},
      {"groupe Wagner", "Africa Corps", ClaimantKind::kState},
      {"EIGS", "ISGS", ClaimantKind::kArmedGroup},
      {"État islamique au Grand Sahara", "ISGS", ClaimantKind::kArmedGroup},
      {"Islamic State Sahel Province", "ISGS", ClaimantKind::kArmedGroup},
      {"Islamic State (West Africa) - Greater Sahara Faction", "ISGS", ClaimantKind::kArmedGroup},
      {"AQMI", "AQIM", ClaimantKind::kArmedGroup},
      {"Opération Barkhane", "Barkhane", ClaimantKind::kState},
      {"Military Forces of France (2017-)", "Barkhane", ClaimantKind::kState},
      {"MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali "
       "(2013-2020)",
       "MINUSMA", ClaimantKind::kInternational},
      {"Coordination des mouvements de l'Azawad", "CMA", ClaimantKind::kArmedGroup},
      {"Dana Ambassagou", "Dan Na Ambassagou", ClaimantKind::kArmedGroup},
      {"Radio France Internationale", "RFI", ClaimantKind::kOutlet},
      {"Agence France-Presse", "AFP", ClaimantKind::kOutlet},
      {"France24", "France 24", ClaimantKind::kOutlet},
      {"CICR", "ICRC", ClaimantKind::kInternational},
      {"Human Rights Watch", "HRW", ClaimantKind::kCivilSociety},
  }));
  CAPTURE(text);
  const Actor* actor = ProjectRules().actors.Find(text);
  REQUIRE(actor);
  CHECK(actor->name == name);
  CHECK(actor->kind == kind);
}

TEST_CASE("a component names its group as parent and fights on the group's side", "[rulebook]") {
  auto [component, group] = GENERATE(table<std::string, std::string>({
      {"Katiba Macina", "JNIM"},
      {"Katiba Serma", "JNIM"},
      {"Ansar Dine", "JNIM"},
      {"AQIM", "JNIM"},
      {"Al Mourabitoun", "JNIM"},
      {"Katiba Salaheddine", "ISGS"},
      {"MNLA", "CMA"},
      {"GATIA", "Platform"},
  }));
  CAPTURE(component);
  const auto& actors = ProjectRules().actors;
  const Actor* actor = actors.ByName(component);
  REQUIRE(actor);
  CHECK(actor->parent == group);
  const Conflict* mali = actors.ConflictFor("Mali", Date("2018-06-01"));
  REQUIRE(mali);
  CHECK(actors.SideOf(component, mali) == actors.SideOf(group, mali));
  CHECK(actors.SideOf(component, mali).has_value());
}

TEST_CASE("a generic designation is not an alias", "[rulebook]") {
  auto text = GENERATE("l'armée", "armée", "the army", "soldats", "les rebelles", "rebels",
                       "jihadistes", "casques bleus");
  CAPTURE(text);
  CHECK(ProjectRules().actors.Find(text) == nullptr);
}

TEST_CASE("the country and date of an incident choose one conflict", "[rulebook]") {
  auto [country, date, expected] = GENERATE(table<std::string, std::string, std::string>({
      {"Mali", "2025-07-14", "mali-north"},
      {"Mali", "2024-07", "mali-north"},
      {"Mali", "2023-08-11", "mali-north"},
      {"Mali", "2023-07-31", "mali-2012"},
      {"Mali", "2018-06-01", "mali-2012"},
      {"Mali", "2012-03", "mali-2012"},
      {"Mali", "2011", "(none)"},
      {"Burkina Faso", "2020-01-20", "burkina-faso"},
      {"Niger", "2019-12-10", "niger-west"},
      {"Chad", "2020", "(none)"},
  }));
  CAPTURE(country, date);
  CHECK(NameOf(ProjectRules().actors.ConflictFor(country, Date(date))) == expected);
}

TEST_CASE("no two conflicts of one country hold at the same time", "[rulebook]") {
  const auto& conflicts = ProjectRules().actors.conflicts();
  for (size_t i = 0; i < conflicts.size(); ++i) {
    for (size_t j = i + 1; j < conflicts.size(); ++j) {
      const Conflict& a = conflicts[i];
      const Conflict& b = conflicts[j];
      for (const auto& country : a.countries) {
        bool shared =
            std::find(b.countries.begin(), b.countries.end(), country) != b.countries.end();
        if (!shared) continue;
        CAPTURE(a.name, b.name, country);
        REQUIRE(a.period);
        REQUIRE(b.period);
        CHECK_FALSE(a.period->Overlaps(*b.period));
      }
    }
  }
}

TEST_CASE("a designation names an actor only in a report about its conflict", "[rulebook]") {
  auto [country, date, text, expected] =
      GENERATE(table<std::string, std::string, std::string, std::string>({
          {"Mali", "2025-07-14", "l'armée", "FAMa"},
          {"Mali", "2025-07-14", "L’Armée", "FAMa"},
          {"Mali", "2025-07-14", "les militaires", "FAMa"},
          {"Mali", "2025-07-14", "les rebelles", "FLA"},
          {"Mali", "2025-07-14", "séparatistes", "FLA"},
          {"Mali", "2025-07-14", "les jihadistes", "JNIM"},
          {"Mali", "2025-07-14", "djihadistes", "JNIM"},
          {"Mali", "2025-07-14", "l'État islamique", "ISGS"},
          {"Mali", "2025-07-14", "les Russes", "Africa Corps"},
          {"Mali", "2025-07-14", "la junte", "Government of Mali"},
          {"Mali", "2025-07-14", "casques bleus", "(none)"},  // MINUSMA left in 2023
          {"Mali", "2018-06-01", "l'armée", "FAMa"},
          {"Mali", "2018-06-01", "les rebelles", "(none)"},  // FLA did not exist
          {"Mali", "2018-06-01", "les ex-rebelles", "CMA"},
          {"Mali", "2018-06-01", "jihadistes", "JNIM"},
          {"Mali", "2018-06-01", "casques bleus", "MINUSMA"},
          {"Burkina Faso", "2020-01-20", "l'armée", "Burkinabe army"},
          {"Burkina Faso", "2020-01-20", "les rebelles", "(none)"},
          {"Niger", "2019-12-10", "the army", "Nigerien army"},
      }));
  CAPTURE(country, date, text);
  const auto& actors = ProjectRules().actors;
  const Conflict* conflict = actors.ConflictFor(country, Date(date));
  REQUIRE(conflict);
  CHECK(NameOf(actors.FindDesignation(text, conflict)) == expected);
}

TEST_CASE("a designation that several conflicts share names nobody outside a conflict",
          "[rulebook]") {
  auto text = GENERATE("l'armée", "the army", "soldiers");
  CAPTURE(text);
  CHECK(ProjectRules().actors.FindDesignation(text, nullptr) == nullptr);
}

TEST_CASE("sides say who fights whom in each conflict", "[rulebook]") {
  auto [date, a, b, expected] = GENERATE(table<std::string, std::string, std::string, std::string>({
      {"2025-07-14", "FLA", "FAMa", "opposing"},
      {"2025-07-14", "FLA", "Africa Corps", "opposing"},
      {"2025-07-14", "JNIM", "FAMa", "opposing"},
      {"2025-07-14", "FLA", "JNIM", "same side"},
      {"2025-07-14", "FAMa", "Africa Corps", "same side"},
      {"2025-07-14", "FAMa", "Government of Mali", "same side"},
      {"2025-07-14", "ISGS", "JNIM", "opposing"},
      {"2025-07-14", "ISGS", "FLA", "opposing"},
      {"2025-07-14", "ISGS", "FAMa", "opposing"},
      {"2025-07-14", "Katiba Macina", "FAMa", "opposing"},
      {"2025-07-14", "RFI", "FLA", "unrelated"},
      {"2025-07-14", "FLA", "FLA", "same"},
      {"2018-06-01", "CMA", "FAMa", "unrelated"},
      {"2018-06-01", "CMA", "GATIA", "opposing"},
      {"2018-06-01", "FAMa", "Barkhane", "same side"},
      {"2018-06-01", "MINUSMA", "JNIM", "opposing"},
      {"2018-06-01", "FAMa", "ISGS", "opposing"},
      {"2018-06-01", "Dan Na Ambassagou", "Katiba Macina", "opposing"},
      {"2018-06-01", "Dozo", "Fulani Ethnic Militia (Mali)", "opposing"},
      {"2018-06-01", "FLA", "FAMa", "unrelated"},
  }));
  CAPTURE(date, a, b);
  const auto& actors = ProjectRules().actors;
  REQUIRE(actors.ByName(a));
  REQUIRE(actors.ByName(b));
  const Conflict* mali = actors.ConflictFor("Mali", Date(date));
  REQUIRE(mali);
  CHECK(RelationName(actors.Relation(a, b, mali)) == expected);
}

TEST_CASE("a place is found under its name and its listed variants", "[rulebook]") {
  auto [text, name] = GENERATE(table<std::string, std::string>({
      {"Alkit", "Alkit"},
      {"Alklit", "Alkit"},
      {"Anefis", "Anefis"},
      {"Anéfis", "Anefis"},
      {"Kidal", "Kidal"},
      {"Gao", "Gao"},
      {"Djounhane", "Djounhane"},
      {"Bamako", "Bamako"},
      {"Tinzaouatène", "Tinzaouatène"},
      {"Tin Zaouaten", "Tinzaouatène"},
      {"Tin-Zaouatene", "Tinzaouatène"},
      {"Tinzawaten", "Tinzaouatène"},
      {"Tombouctou", "Timbuktu"},
      {"Ménaka", "Menaka"},
      {"Ségou", "Segou"},
      {"Aguel'hoc", "Aguelhok"},
      {"Léré", "Lere"},
      {"Sobane Da", "Sobane-Da"},
      {"Boulkessi", "Boulikessi"},
  }));
  CAPTURE(text);
  auto match = ProjectRules().places.Find(text);
  REQUIRE(match);
  CHECK(match->place->name == name);
  CHECK_FALSE(match->by_spelling);
  CHECK(match->place->country == "Mali");
}

TEST_CASE("a long place name one letter off is found by spelling", "[rulebook]") {
  auto [text, name] = GENERATE(table<std::string, std::string>({
      {"Ogosagou", "Ogossagou"},          // a letter dropped
      {"Tinzaouatenne", "Tinzaouatène"},  // a letter added
      {"Douentsa", "Douentza"},           // a letter changed
      {"Bandiagra", "Bandiagara"},
      {"Anefsi", "Anefis"},  // two letters swapped
  }));
  CAPTURE(text);
  auto match = ProjectRules().places.Find(text);
  REQUIRE(match);
  CHECK(match->place->name == name);
  CHECK(match->by_spelling);
}

TEST_CASE("a short place name is never guessed", "[rulebook]") {
  CHECK_FALSE(ProjectRules().places.Find("Gaoo").has_value());
}

TEST_CASE("places carry ACLED's region and coordinates, and none are invented", "[rulebook]") {
  const auto& places = ProjectRules().places;
  const Place* kidal = places.ByName("Kidal");
  REQUIRE(kidal);
  CHECK(kidal->admin1 == "Kidal");
  REQUIRE(kidal->latitude);
  REQUIRE(kidal->longitude);
  CHECK(*kidal->latitude == Approx(18.44));
  CHECK(*kidal->longitude == Approx(1.41));
  const Place* alkit = places.ByName("Alkit");
  REQUIRE(alkit);
  CHECK(alkit->admin1 == "Kidal");
  CHECK_FALSE(alkit->latitude.has_value());
  CHECK_FALSE(alkit->longitude.has_value());
}

// Reads ../shared: every actor ACLED names in ten events or more, and every ACLED
// location, must be in the gazetteers.
TEST_CASE("the ACLED Mali table's actors and locations are in the gazetteers",
          "[rulebook][shared]") {
  std::filesystem::path csv =
      std::filesystem::path(ATTEST_SHARED_DIR) / "data/events/acled_mali_2017_2020.csv";
  std::ifstream in(csv);
  REQUIRE(in);
  auto header = ReadCsvRecord(in);
  REQUIRE(header);
  std::map<std::string, size_t> column;
  for (size_t i = 0; i < header->size(); ++i) column[(*header)[i]] = i;
  for (const char* c :
       {"actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "location", "admin1"}) {
    REQUIRE(column.count(c));
  }
  std::map<std::string, int> events_of;
  std::map<std::string, std::set<std::string>> admin1s_of;  // a name may sit in two regions
  size_t rows = 0;
  while (auto row = ReadCsvRecord(in)) {
    if (row->size() != header->size()) continue;  // a trailing empty line
    ++rows;
    std::set<std::string> named;
    for (const char* c : {"actor1", "assoc_actor_1", "actor2", "assoc_actor_2"}) {
      const std::string& field = (*row)[column[c]];
      size_t start = 0;
      while (start <= field.size()) {
        size_t end = field.find(';', start);
        if (end == std::string::npos) end = field.size();
        std::string name = field.substr(start, end - start);
        while (!name.empty() && name.front() == ' ') name.erase(0, 1);
        while (!name.empty() && name.back() == ' ') name.pop_back();
        if (!name.empty()) named.insert(name);
        start = end + 1;
      }
    }
    for (const auto& name : named) ++events_of[name];
    admin1s_of[(*row)[column["location"]]].insert((*row)[column["admin1"]]);
  }
  REQUIRE(rows > 3000);
  const Rulebook& rules = ProjectRules();
  for (const auto& [name, events] : events_of) {
    if (events < 10) continue;
    CAPTURE(name, events);
    CHECK(rules.actors.Find(name) != nullptr);
  }
  for (const auto& [location, admin1s] : admin1s_of) {
    CAPTURE(location);
    auto match = rules.places.Find(location);
    REQUIRE(match);
    CHECK_FALSE(match->by_spelling);
    REQUIRE(match->place->admin1);
    CHECK(admin1s.count(*match->place->admin1) == 1);
  }
}

}  // namespace attest
