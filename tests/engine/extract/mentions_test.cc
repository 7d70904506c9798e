// Mention finding (engine/extract/mentions.h) answers from what it found once per
// sentence: the answers must be those a finder asked about that sentence alone
// would give, whatever sentence it was asked about before, whether or not the
// tokens carry start bits, and for a sentence whose tokens took the place of
// another's.
#include "engine/extract/mentions.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <memory>
#include <string>
#include <vector>

#include "engine/rulebook/rulebook.h"
#include "engine/text/tokens.h"

namespace attest {

namespace {

const Rulebook& Rules() {
  static const Rulebook rules = LoadRulebook(ATTEST_RULES_DIR);
  return rules;
}

struct Answers {
  std::vector<std::string> actor_at;     // per token: "name begin end", or ""
  std::vector<bool> function_word;       // per token
  std::vector<std::string> actors_in;    // per range [b, e): names, in order
  bool operator==(const Answers& o) const {
    return actor_at == o.actor_at && function_word == o.function_word && actors_in == o.actors_in;
  }
};

Answers Ask(const MentionFinder& finder, const std::vector<Token>& t) {
  Answers a;
  for (size_t i = 0; i <= t.size(); ++i) {  // one past the end too
    auto m = finder.ActorAt(t, i);
    a.actor_at.push_back(m ? m->actor->name + " " + std::to_string(m->begin) + " " +
                                 std::to_string(m->end)
                           : "");
    a.function_word.push_back(finder.IsFunctionWord(t, i));
  }
  for (size_t b = 0; b <= t.size(); ++b) {
    for (size_t e = b; e <= t.size() + 1; ++e) {
      std::string names;
      for (const auto& m : finder.ActorsIn(t, b, e)) names += m.actor->name + ";";
      a.actors_in.push_back(names);
    }
  }
  return a;
}

// A French body of two sentences about Mali, each cut into tokens, with the
// gazetteer phrases and conflict a finder of it needs.
struct TwoSentences {
  const Rulebook& rules = Rules();
  const Lexicon& lexicon;
  GazetteerPhrases phrases;
  const Conflict* conflict;
  std::string body;
  std::vector<Token> first, second;

  explicit TwoSentences(std::string text)
      : lexicon(*rules.LexiconFor("fr")),
        phrases(GazetteerPhrases::Build(rules, lexicon)),
        conflict(rules.actors.ConflictFor("Mali", std::nullopt)),
        body(std::move(text)) {
    size_t cut = body.find(". ") + 2;
    std::string_view view(body);
    first = Tokenize(view.substr(0, cut - 1), 0, lexicon.tokens);
    second = Tokenize(view.substr(cut), cut, lexicon.tokens);
  }
  MentionFinder Finder(bool designations = true) const {
    return MentionFinder(rules, lexicon, phrases, conflict, body, designations);
  }
};

// Every name, alias and designation of the gazetteer's actors.
std::vector<std::string> ActorTexts(const Rulebook& rules) {
  std::vector<std::string> texts;
  for (const Actor& a : rules.actors.actors()) {
    texts.push_back(a.name);
    texts.insert(texts.end(), a.aliases.begin(), a.aliases.end());
    texts.insert(texts.end(), a.designations.begin(), a.designations.end());
  }
  return texts;
}

// Asks `a` about every token of `ta` and `b` about the same token of `tb` (the
// same text, cut with other rules): the same actor must start at each, ending at
// the same token. Calls `each(i, mention)` where one starts; returns how many did.
template <typename Each>
size_t CheckSameActorsAt(const MentionFinder& a, const std::vector<Token>& ta,
                         const MentionFinder& b, const std::vector<Token>& tb, Each each) {
  REQUIRE(ta.size() == tb.size());
  size_t found = 0;
  for (size_t i = 0; i < ta.size(); ++i) {
    auto x = a.ActorAt(ta, i);
    auto y = b.ActorAt(tb, i);
    CAPTURE(i, ta[i].text);
    REQUIRE(x.has_value() == y.has_value());
    if (!x) continue;
    ++found;
    CHECK(x->actor == y->actor);
    CHECK(x->end == y->end);
    each(i, *x);
  }
  return found;
}

}  // namespace

TEST_CASE("a finder answers about a sentence as a fresh finder would, whatever it was asked before",
          "[extract][fr]") {
  const Rulebook& rules = Rules();
  const Lexicon* lexicon = rules.LexiconFor("fr");
  REQUIRE(lexicon);
  GazetteerPhrases phrases = GazetteerPhrases::Build(rules, *lexicon);
  const Conflict* conflict = rules.actors.ConflictFor("Mali", std::nullopt);
  REQUIRE(conflict);
  // Two sentences of as many tokens, naming other actors at other places, and
  // one naming actors by designation ("les rebelles", "l'armée").
  const std::string body =
      "Le FLA a attaqué Gao hier. Le Jnim a visé Kidal hier. Les rebelles et l'armée "
      "se sont affrontés, selon la MINUSMA.";
  TokenRules plain = lexicon->tokens;
  plain.starts = nullptr;  // tokens without start bits
  const std::vector<const TokenRules*> cuts = {&lexicon->tokens, &plain};
  for (const TokenRules* token_rules : cuts) {
    CAPTURE(token_rules == &plain);
    size_t one = body.find(". ") + 2;
    size_t two = body.find(". ", one) + 2;
    std::string_view text(body);
    auto first = Tokenize(text.substr(0, one - 1), 0, *token_rules);
    auto second = Tokenize(text.substr(one, two - 1 - one), one, *token_rules);
    auto third = Tokenize(text.substr(two), two, *token_rules);
    REQUIRE(first.size() == second.size());
    auto alone = [&](const std::vector<Token>& t) {
      MentionFinder fresh(rules, *lexicon, phrases, conflict, body);
      return Ask(fresh, t);
    };
    Answers first_alone = alone(first);
    Answers second_alone = alone(second);
    Answers third_alone = alone(third);
    REQUIRE(first_alone.actor_at[1] == "FLA 1 2");
    REQUIRE(second_alone.actor_at[1] == "JNIM 1 2");
    REQUIRE_FALSE(third_alone.actors_in.empty());

    MentionFinder finder(rules, *lexicon, phrases, conflict, body);
    CHECK(Ask(finder, first) == first_alone);
    CHECK(Ask(finder, second) == second_alone);
    CHECK(Ask(finder, third) == third_alone);
    CHECK(Ask(finder, first) == first_alone);
    // The second sentence copied into the first's vector: the same place and size,
    // other tokens.
    std::vector<Token> reused = first;
    CHECK(Ask(finder, reused) == first_alone);
    const Token* where = reused.data();
    reused = second;
    REQUIRE(reused.data() == where);
    CHECK(Ask(finder, reused) == second_alone);
  }
}

TEST_CASE("a designation names its actor in every sentence that uses it, not only the first",
          "[extract][fr]") {
  TwoSentences text("Les rebelles ont attaqué. Puis les rebelles se sont retirés.");
  const auto& one = text.first;
  const auto& two = text.second;
  MentionFinder finder = text.Finder();
  auto a = finder.ActorAt(one, 0);
  auto b = finder.ActorAt(two, 1);
  REQUIRE(a);
  REQUIRE(b);
  CHECK(a->actor == b->actor);
  CHECK(b->begin == 1);
  CHECK(b->end == 3);
  // Without designations, none.
  MentionFinder plain = text.Finder(false);
  CHECK_FALSE(plain.ActorAt(one, 0));
  CHECK_FALSE(plain.ActorAt(two, 1));
}

TEST_CASE("the place a whole sentence names is its own, whichever sentence was asked about before",
          "[extract][fr]") {
  // As many tokens each: the second can be copied where the first was.
  TwoSentences text("Une embuscade a eu lieu à Gao. Une attaque a eu lieu à Kidal.");
  const auto& first = text.first;
  const auto& second = text.second;
  REQUIRE(first.size() == second.size());
  MentionFinder finder = text.Finder();
  auto name = [](const Place* p) { return p ? p->name : std::string("none"); };
  CHECK(name(finder.PlaceIn(first, 0, first.size())) == "Gao");
  CHECK(name(finder.PlaceIn(second, 0, second.size())) == "Kidal");
  CHECK(name(finder.PlaceIn(first, 0, first.size())) == "Gao");
  // A part of it is read anew: none before the locative.
  CHECK(name(finder.PlaceIn(first, 0, 3)) == "none");
  CHECK(name(finder.PlaceIn(first, 0, first.size())) == "Gao");
  std::vector<Token> reused = first;
  CHECK(name(finder.PlaceIn(reused, 0, reused.size())) == "Gao");
  const Token* where = reused.data();
  reused = second;
  REQUIRE(reused.data() == where);
  CHECK(name(finder.PlaceIn(reused, 0, reused.size())) == "Kidal");
}

TEST_CASE("the filter of first words loses no name or designation of the gazetteer",
          "[extract][fr][en]") {
  // FindActors asks about a token only when its word and the next may begin a
  // name or a designation (ActorStarts): every phrase of the gazetteer, after a
  // common word and before others, must be found as a finder that asks about
  // every token finds it, with the rules' own phrases (start bits registered)
  // and with phrases built afresh (none).
  const Rulebook& rules = Rules();
  const Conflict* conflict = rules.actors.ConflictFor("Mali", std::nullopt);
  for (const char* lang : {"fr", "en"}) {
    CAPTURE(lang);
    const Lexicon* lexicon = rules.LexiconFor(lang);
    REQUIRE(lexicon);
    std::string body;
    for (const auto& text : ActorTexts(rules)) {
      body += "selon " + text + " et la " + text + " the " + text + ". ";
    }
    auto t = Tokenize(body, 0, lexicon->tokens);
    const std::vector<GazetteerPhrases> built = {*rules.derived.phrases.at(lang),
                                                 GazetteerPhrases::Build(rules, *lexicon)};
    for (const GazetteerPhrases& filtered : built) {
      REQUIRE(filtered.actor_starts.usable);
      GazetteerPhrases unfiltered = filtered;
      unfiltered.actor_starts.usable = false;  // "may" for every token
      MentionFinder with(rules, *lexicon, filtered, conflict, body);
      MentionFinder without(rules, *lexicon, unfiltered, conflict, body);
      size_t found = CheckSameActorsAt(with, t, without, t, [](size_t, const ActorMention&) {});
      CHECK(found > rules.actors.actors().size());
    }
  }
}

TEST_CASE("the actors found by start bits are those found by asking about every token",
          "[extract][fr][en]") {
  // FindActors skips the tokens whose start bits begin no name (reading only the
  // words of the bits its indexes have), and FindActorAt takes a one-word name
  // for a common word only after the start bits of the function words say it
  // may be one: tokens cut without start bits are asked about one by one, and
  // must name the same actors, written as the gazetteer has them, in lower case
  // ("un", "us") and in capitals.
  const Rulebook& rules = Rules();
  const Conflict* conflict = rules.actors.ConflictFor("Mali", std::nullopt);
  auto lower = [](std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  auto upper = [](std::string s) {
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
  };
  size_t common = 0;  // actors written as a common word is ("UN" / "un")
  for (const char* lang : {"fr", "en"}) {
    CAPTURE(lang);
    const Lexicon* lexicon = rules.LexiconFor(lang);
    REQUIRE(lexicon);
    std::string body;
    for (const auto& text : ActorTexts(rules)) {
      body += "selon " + text + ", " + lower(text) + " et " + upper(text) + " ont dit que " + text +
              ". ";
    }
    TokenRules plain = lexicon->tokens;
    plain.starts = nullptr;
    auto with_bits = Tokenize(body, 0, lexicon->tokens);
    auto without_bits = Tokenize(body, 0, plain);
    const GazetteerPhrases& phrases = *rules.derived.phrases.at(lang);
    MentionFinder finder(rules, *lexicon, phrases, conflict, body);
    MentionFinder other(rules, *lexicon, phrases, conflict, body);
    size_t found = CheckSameActorsAt(finder, with_bits, other, without_bits,
                                     [&](size_t i, const ActorMention& a) {
                                       // A common word names a one-word actor only written as the
                                       // gazetteer writes it.
                                       if (a.end == i + 1 && finder.IsFunctionWord(with_bits, i)) {
                                         bool written = with_bits[i].text == a.actor->name;
                                         for (const auto& alias : a.actor->aliases)
                                           written = written || with_bits[i].text == alias;
                                         CHECK(written);
                                         ++common;
                                       }
                                     });
    CHECK(found > rules.actors.actors().size());
    auto names = [](const ActorList& in) {
      std::string s;
      for (const auto& m : in) s += m.actor->name + ";";
      return s;
    };
    // ActorsIn, of more actors than it holds in place too, against a walk over
    // every token.
    auto walked = [&](size_t b, size_t e) {
      std::vector<ActorMention> out;
      for (size_t i = b; i < e;) {
        auto a = other.ActorAt(without_bits, i);
        if (!a || a->end > e) {
          ++i;
          continue;
        }
        bool seen = false;
        for (const auto& o : out) seen = seen || o.actor == a->actor;
        if (!seen) out.push_back(*a);
        i = a->end;
      }
      std::string s;
      for (const auto& m : out) s += m.actor->name + ";";
      return std::make_pair(s, out.size());
    };
    size_t most = 0;
    for (size_t b = 0; b < with_bits.size(); b += 37) {
      for (size_t e : {b + 1, b + 12, b + 60, b + 200, with_bits.size()}) {
        CAPTURE(b, e);
        ActorList in = finder.ActorsIn(with_bits, b, e);
        auto [expected, count] = walked(b, std::min(e, with_bits.size()));
        CHECK(names(in) == expected);
        CHECK(in.size() == count);
        most = std::max(most, in.size());
      }
    }
    CHECK(most > kActorsInPlace);
  }
  CHECK(common > 0);
}

TEST_CASE("a place after a locative is found written with a capital, and not without",
          "[extract][fr]") {
  // FindPlaceIn tells the ASCII capitals of a word's first byte itself, and
  // asks IsCapitalized about any other first byte: every place of the
  // gazetteer is found after "à", whatever its first letter, and none written
  // in lower case.
  TwoSentences text("Rien. Rien.");
  MentionFinder finder = text.Finder();
  size_t capitals = 0;
  size_t lower_case = 0;
  for (const Place& place : text.rules.places.places()) {
    auto first = static_cast<unsigned char>(place.name[0]);
    CAPTURE(place.name);
    std::string body = "Une attaque a eu lieu à " + place.name + ".";
    auto t = Tokenize(body, 0, text.lexicon.tokens);
    MentionFinder in_body(text.rules, text.lexicon, text.phrases, text.conflict, body);
    CHECK(in_body.PlaceIn(t, 0, t.size()) != nullptr);
    ++capitals;
    if (first < 0x80) {
      std::string lower = place.name;
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      std::string lower_body = "Une attaque a eu lieu à " + lower + ".";
      auto u = Tokenize(lower_body, 0, text.lexicon.tokens);
      MentionFinder in_lower(text.rules, text.lexicon, text.phrases, text.conflict, lower_body);
      CHECK(in_lower.PlaceIn(u, 0, u.size()) == nullptr);
      ++lower_case;
    }
  }
  CHECK(capitals > 0);
  CHECK(lower_case > 0);
}

}  // namespace attest
