#include "engine/rulebook/rulebook.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "engine/extract/mentions.h"
#include "engine/rulebook/reliability_rules.h"
#include "engine/rulebook/toml_reader.h"
#include "engine/text/utf8.h"

namespace attest {

namespace fs = std::filesystem;

const Lexicon* Rulebook::LexiconFor(std::string_view lang) const {
  auto it = lexicons.find(std::string(lang));
  return it == lexicons.end() ? nullptr : &it->second;
}

namespace {

std::vector<Conflict> ReadConflicts(const TomlReader& r) {
  std::vector<Conflict> out;
  for (const toml::table* t : r.Tables(r.root(), "conflict")) {
    r.CheckKeys(*t, {"name", "description", "countries", "since", "until", "sides", "opposing"},
                "[[conflict]]");
    Conflict c;
    c.line = r.LineOf(*t);
    c.name = r.String(*t, "name", true).value_or("");
    c.description = r.String(*t, "description", false).value_or("");
    c.countries = r.Strings(*t, "countries");
    auto since = r.String(*t, "since", false);
    auto until = r.String(*t, "until", false);
    if (since || until) {
      auto from = since ? ParseDateInterval(*since) : ParseDateInterval("1400");
      auto to = until ? ParseDateInterval(*until) : ParseDateInterval("9999");
      if (!from || !to) {
        r.Fail(t, since && !from ? "since" : "until", "must be a date like 2023-08 or 2023-08-25");
      } else {
        c.period = DateInterval{from->first, to->last, DatePrecision::kYear};
      }
    }
    c.sides = r.Strings(*t, "sides");
    if (const toml::node* node = t->get("opposing")) {
      const toml::array* pairs = node->as_array();
      if (!pairs) r.Fail(node, "opposing", "must be a list of pairs, like [[\"a\", \"b\"]]");
      for (size_t i = 0; pairs && i < pairs->size(); ++i) {
        const toml::array* pair = (*pairs)[i].as_array();
        if (!pair || pair->size() != 2 || !(*pair)[0].is_string() || !(*pair)[1].is_string()) {
          r.Fail(&(*pairs)[i], "opposing", "each item must be a pair of side names");
          continue;
        }
        std::string a = *(*pair)[0].value<std::string>();
        std::string b = *(*pair)[1].value<std::string>();
        for (const auto& s : {a, b}) {
          bool known = false;
          for (const auto& side : c.sides) known = known || side == s;
          if (!known) r.Fail(pair, "opposing", fmt::format("'{}' is not one of this conflict's sides", s));
        }
        c.opposing.emplace_back(a, b);
      }
    }
    out.push_back(std::move(c));
  }
  return out;
}

ActorGazetteer ReadActors(const fs::path& path, Diagnostics& diagnostics) {
  TomlReader r(path, diagnostics);
  if (!r.ok()) return {};
  r.CheckKeys(r.root(), {"conflict", "actor"}, "the actors file");
  std::vector<Conflict> conflicts = ReadConflicts(r);
  std::vector<Actor> actors;
  std::set<std::string> names;
  for (const toml::table* t : r.Tables(r.root(), "actor")) {
    r.CheckKeys(*t, {"name", "kind", "description", "aliases", "designations", "parent", "sides"},
                "[[actor]]");
    Actor a;
    a.line = r.LineOf(*t);
    a.name = r.String(*t, "name", true).value_or("");
    if (!a.name.empty() && !names.insert(a.name).second) {
      r.Fail(t, "name", fmt::format("actor '{}' is defined twice", a.name));
    }
    if (auto kind = r.String(*t, "kind", true)) {
      if (auto k = ParseClaimantKind(*kind)) {
        a.kind = *k;
      } else {
        r.Fail(t->get("kind"), "kind", fmt::format("unknown kind '{}'; use one of: {}", *kind,
                                                   ClaimantKindChoices()));
      }
    }
    a.description = r.String(*t, "description", false).value_or("");
    a.aliases = r.Strings(*t, "aliases");
    a.designations = r.Strings(*t, "designations");
    a.parent = r.String(*t, "parent", false);
    if (const toml::table* sides = r.Table(*t, "sides")) {
      for (const auto& [conflict, side] : *sides) {
        auto s = side.value<std::string>();
        const Conflict* found = nullptr;
        for (const auto& c : conflicts) found = c.name == conflict.str() ? &c : found;
        if (!found) {
          r.Fail(&side, "sides", fmt::format("unknown conflict '{}'", conflict.str()));
        } else if (!s) {
          r.Fail(&side, "sides", "each side must be a string");
        } else if (std::find(found->sides.begin(), found->sides.end(), *s) == found->sides.end()) {
          r.Fail(&side, "sides", fmt::format("'{}' is not a side of conflict '{}'", *s, found->name));
        } else {
          a.sides.emplace(std::string(conflict.str()), *s);
        }
      }
    }
    actors.push_back(std::move(a));
  }
  std::map<std::string, const Actor*> folded;
  for (const auto& a : actors) {
    std::vector<std::string> all = a.aliases;
    all.push_back(a.name);
    for (const auto& alias : all) {
      auto [it, fresh] = folded.emplace(FoldForMatch(alias), &a);
      if (!fresh && it->second != &a) {
        diagnostics.Error(path.string(), a.line, "aliases",
                          fmt::format("'{}' already names actor '{}' (line {}); an alias must "
                                      "name one actor",
                                      alias, it->second->name, it->second->line));
      }
    }
  }
  for (const auto& a : actors) {
    if (a.parent && !names.count(*a.parent)) {
      diagnostics.Error(path.string(), a.line, "parent",
                        fmt::format("unknown actor '{}'; define it or fix the name", *a.parent));
    }
  }
  return ActorGazetteer(std::move(conflicts), std::move(actors));
}

PlaceGazetteer ReadPlaces(const fs::path& path, Diagnostics& diagnostics) {
  TomlReader r(path, diagnostics);
  if (!r.ok()) return {};
  r.CheckKeys(r.root(), {"place"}, "the places file");
  std::vector<Place> places;
  std::set<std::string> names;
  for (const toml::table* t : r.Tables(r.root(), "place")) {
    r.CheckKeys(*t, {"name", "variants", "country", "admin1", "admin2", "lat", "lon"}, "[[place]]");
    Place p;
    p.line = r.LineOf(*t);
    p.name = r.String(*t, "name", true).value_or("");
    if (!p.name.empty() && !names.insert(p.name).second) {
      r.Fail(t, "name", fmt::format("place '{}' is defined twice; merge the entries", p.name));
    }
    p.variants = r.Strings(*t, "variants");
    p.country = r.String(*t, "country", true).value_or("");
    p.admin1 = r.String(*t, "admin1", false);
    p.admin2 = r.String(*t, "admin2", false);
    p.latitude = r.Number(*t, "lat", false);
    p.longitude = r.Number(*t, "lon", false);
    places.push_back(std::move(p));
  }
  std::map<std::string, const Place*> folded;
  for (const auto& p : places) {
    std::vector<std::string> all = p.variants;
    all.push_back(p.name);
    for (const auto& v : all) {
      auto [it, fresh] = folded.emplace(FoldForMatch(v), &p);
      if (!fresh && it->second != &p) {
        diagnostics.Error(path.string(), p.line, "variants",
                          fmt::format("'{}' already names place '{}' (line {}); a name must "
                                      "point to one place",
                                      v, it->second->name, it->second->line));
      }
    }
  }
  return PlaceGazetteer(std::move(places));
}

SlotCatalog ReadSlots(const fs::path& path, Diagnostics& diagnostics) {
  TomlReader r(path, diagnostics);
  if (!r.ok()) return {};
  r.CheckKeys(r.root(), {"default_type", "slot"}, "the slots file");
  SlotType default_type = SlotType::kText;
  if (auto d = r.String(r.root(), "default_type", false)) {
    if (auto t = ParseSlotType(*d)) {
      default_type = *t;
    } else {
      r.Fail(r.root().get("default_type"), "default_type", fmt::format("unknown type '{}'", *d));
    }
  }
  auto interest = [&](const toml::table& t, std::string_view key) -> std::optional<Interest> {
    auto text = r.String(t, key, false);
    if (!text) return std::nullopt;
    auto i = ParseInterest(*text);
    if (!i) {
      r.Fail(t.get(key), std::string(key),
             fmt::format("unknown interest '{}'; use self_serving, against_interest or neutral",
                         *text));
    }
    return i;
  };
  std::vector<SlotDefinition> defs;
  for (const toml::table* t : r.Tables(r.root(), "slot")) {
    r.CheckKeys(*t, {"name", "type", "about", "party", "self", "own", "enemy"}, "[[slot]]");
    SlotDefinition d;
    d.line = r.LineOf(*t);
    d.pattern = r.String(*t, "name", true).value_or("");
    if (auto type = r.String(*t, "type", true)) {
      if (auto st = ParseSlotType(*type)) {
        d.type = *st;
      } else {
        r.Fail(t->get("type"), "type",
               fmt::format("unknown type '{}'; use bool, count, category, text, actor, date, "
                           "place or statement",
                           *type));
      }
    }
    d.about = r.String(*t, "about", false).value_or("");
    d.party = interest(*t, "party").value_or(Interest::kNeutral);
    d.self = interest(*t, "self");
    d.own = interest(*t, "own");
    d.enemy = interest(*t, "enemy");
    defs.push_back(std::move(d));
  }
  return SlotCatalog(std::move(defs), default_type);
}

Policy ReadPolicy(const fs::path& path, Diagnostics& diagnostics) {
  Policy policy;
  TomlReader r(path, diagnostics);
  if (!r.ok()) return policy;
  r.CheckKeys(r.root(), {"credibility", "confidence", "wire"}, "the policy file");
  if (const toml::table* c = r.Table(r.root(), "credibility")) {
    r.CheckKeys(*c, {"confirmed", "corroborated", "claimed", "claimed_distanced", "contested",
                     "denied", "refuted", "unknown"},
                "[credibility]");
    auto read = [&](std::string_view key, int& into) {
      if (auto v = r.Integer(*c, key, false)) {
        if (*v < 1 || *v > 6) {
          r.Fail(c->get(key), std::string(key), "credibility runs from 1 (best) to 6");
        } else {
          into = static_cast<int>(*v);
        }
      }
    };
    auto& s = policy.credibility;
    read("confirmed", s.confirmed);
    read("corroborated", s.corroborated);
    read("claimed", s.claimed);
    read("claimed_distanced", s.claimed_distanced);
    read("contested", s.contested);
    read("denied", s.denied);
    read("refuted", s.refuted);
    read("unknown", s.unknown);
  }
  if (const toml::table* c = r.Table(r.root(), "confidence")) {
    r.CheckKeys(*c, {"base", "distanced", "probable", "possible", "self_serving",
                     "against_interest", "prior"},
                "[confidence]");
    auto read = [&](std::string_view key, double& into) {
      if (auto v = r.Number(*c, key, false)) {
        if (*v < 0 || *v > 10) {
          r.Fail(c->get(key), std::string(key), "a weight must lie between 0 and 10");
        } else {
          into = *v;
        }
      }
    };
    auto& w = policy.weights;
    read("base", w.base);
    read("distanced", w.distanced);
    read("probable", w.probable);
    read("possible", w.possible);
    read("self_serving", w.self_serving);
    read("against_interest", w.against_interest);
    read("prior", w.prior);
  }
  for (const toml::table* t : r.Tables(r.root(), "wire")) {
    r.CheckKeys(*t, {"outlet", "republishes"}, "[[wire]]");
    auto outlet = r.String(*t, "outlet", true);
    if (outlet) policy.republishes[*outlet] = r.Strings(*t, "republishes");
  }
  return policy;
}

}  // namespace

Rulebook LoadRulebook(const fs::path& dir) {
  Diagnostics diagnostics;
  if (!fs::is_directory(dir)) {
    diagnostics.Error(dir.string(), 0, "",
                      "not a rules folder; give --rules DIR or set $ATTEST_RULES");
    throw InvalidInput(std::move(diagnostics));
  }
  Rulebook book;
  book.dir = dir;
  book.actors = ReadActors(dir / "common" / "actors.toml", diagnostics);
  book.places = ReadPlaces(dir / "common" / "places.toml", diagnostics);
  book.slots = ReadSlots(dir / "common" / "slots.toml", diagnostics);
  book.policy = ReadPolicy(dir / "common" / "policy.toml", diagnostics);
  if (fs::exists(dir / "common" / "reliability.toml")) {
    book.reliability = ReadReliabilityPolicy(dir / "common" / "reliability.toml", diagnostics);
  }
  book.place_tree = PlaceTreeOf(book.places);
  if (fs::exists(dir / "common" / "place_tree.tsv")) {
    ReadPlaceTable(dir / "common" / "place_tree.tsv", book.place_tree, diagnostics);
  }
  for (const char* lang : {"fr", "en"}) {
    if (fs::is_directory(dir / lang)) {
      book.lexicons.emplace(lang, LoadLexicon(dir / lang, lang, diagnostics));
    }
  }
  if (diagnostics.HasErrors()) throw InvalidInput(std::move(diagnostics));
  // The gazetteer's phrases per language, built now so that their indexes take
  // start bits in their lexicon's table before any text is cut with it.
  for (auto& [lang, lexicon] : book.lexicons) {
    auto phrases = std::make_shared<GazetteerPhrases>(GazetteerPhrases::Build(book, lexicon));
    if (lexicon.tokens.starts) {
      phrases->actors.Register(*lexicon.tokens.starts);
      phrases->designations.Register(*lexicon.tokens.starts);
      phrases->places.Register(*lexicon.tokens.starts);
    }
    book.derived.phrases[lang] = std::move(phrases);
  }
  return book;
}

}  // namespace attest
