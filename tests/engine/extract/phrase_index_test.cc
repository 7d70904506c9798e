// Phrase indexes (engine/extract/phrases.h): the longest phrase at a token, found
// through start bits (engine/text/word_ids.h) and by second word, must be the one a
// plain scan of every phrase would find, whatever table the token was cut with.
#include <algorithm>
#include <catch2/catch.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/extract/phrases.h"
#include "engine/text/tokens.h"
#include "engine/text/word_ids.h"

namespace attest {

namespace {

TokenRules FrenchRules(std::shared_ptr<StartTable> table) {
  TokenRules rules;
  rules.elided = {"l'", "d'", "qu'"};
  rules.starts = std::move(table);
  return rules;
}

WordSet PhrasesOf(const std::vector<std::string>& phrases, const TokenRules& rules, bool accents) {
  WordSet set;
  if (accents) set.MatchAccents();
  for (const auto& p : phrases) set.Add(PhraseOf(p, rules, accents), Present{});
  return set;
}

// The length of the longest phrase at each token, 0 for none.
std::vector<size_t> Answers(const WordSet& set, const std::vector<Token>& tokens) {
  std::vector<size_t> out;
  for (size_t i = 0; i < tokens.size(); ++i) {
    auto m = set.At(tokens, i);
    out.push_back(m ? m->length : 0);
  }
  return out;
}

const std::string kText =
    "À la fin du mois, l'armée a affirmé qu'elle était à Gao, alors que les rebelles "
    "ont dit le contraire à la presse.";

}  // namespace

TEST_CASE("an index answers alike from start bits and without them, for tokens of any table",
          "[extract][fr]") {
  auto mine = std::make_shared<StartTable>();
  auto other = std::make_shared<StartTable>();
  TokenRules plain = FrenchRules(nullptr);
  for (bool accents : {false, true}) {
    CAPTURE(accents);
    std::vector<std::string> phrases = {"à la fin", "a affirmé", "alors que", "a", "la presse",
                                        "l'armée"};
    WordSet unregistered = PhrasesOf(phrases, plain, accents);
    WordSet registered = PhrasesOf(phrases, plain, accents);
    registered.Register(*mine);
    WordSet elsewhere = PhrasesOf({"les rebelles"}, plain, accents);
    elsewhere.Register(*other);

    auto of_mine = Tokenize(kText, 0, FrenchRules(mine));
    auto of_other = Tokenize(kText, 0, FrenchRules(other));
    auto of_none = Tokenize(kText, 0, plain);
    std::vector<size_t> expected = Answers(unregistered, of_none);
    // Some phrases are found and some tokens start none: the check can fail both ways.
    CHECK(std::count(expected.begin(), expected.end(), 0) > 0);
    CHECK(std::count_if(expected.begin(), expected.end(), [](size_t n) { return n > 1; }) > 0);
    CHECK(Answers(registered, of_mine) == expected);
    CHECK(Answers(registered, of_other) == expected);
    CHECK(Answers(registered, of_none) == expected);
    CHECK(Answers(unregistered, of_mine) == expected);
  }
}

TEST_CASE("accents tell words apart through start bits as they do without them",
          "[extract][fr]") {
  auto table = std::make_shared<StartTable>();
  TokenRules plain = FrenchRules(nullptr);
  WordSet has = PhrasesOf({"a"}, plain, true);  // "a" (has), not "à" (to)
  has.Register(*table);
  WordSet folded = PhrasesOf({"a"}, plain, false);  // both
  folded.Register(*table);
  auto tokens = Tokenize("à Gao, il a dit", 0, FrenchRules(table));
  REQUIRE(tokens.size() == 6);
  CHECK_FALSE(has.At(tokens, 0));
  CHECK(has.At(tokens, 4));
  CHECK(folded.At(tokens, 0));
  CHECK(folded.At(tokens, 4));
}

TEST_CASE("a phrase added after registration is still found, by tokens cut before or after",
          "[extract][fr]") {
  auto table = std::make_shared<StartTable>();
  TokenRules rules = FrenchRules(table);
  WordSet set = PhrasesOf({"alors que"}, rules, false);
  set.Register(*table);
  auto before = Tokenize(kText, 0, rules);
  set.Add(PhraseOf("les rebelles", rules), Present{});
  auto after = Tokenize(kText, 0, rules);
  for (const auto* tokens : {&before, &after}) {
    auto found = set.Find(*tokens, 0, tokens->size());
    REQUIRE(found);
    CHECK((*tokens)[found->first].folded() == "alors");
    auto rebels = set.Find(*tokens, found->first + 1, tokens->size());
    REQUIRE(rebels);
    CHECK((*tokens)[rebels->first].folded() == "les");
  }
}

TEST_CASE("indexes beyond a table's bits answer without them", "[extract][fr]") {
  auto table = std::make_shared<StartTable>();
  TokenRules rules = FrenchRules(table);
  std::vector<WordSet> sets;
  for (size_t n = 0; n < kStartWords * 64 + 8; ++n) {
    sets.push_back(PhrasesOf({n % 2 ? "alors que" : "la presse"}, rules, false));
  }
  for (auto& s : sets) s.Register(*table);
  auto tokens = Tokenize(kText, 0, rules);
  for (size_t n = 0; n < sets.size(); ++n) {
    CAPTURE(n);
    auto found = sets[n].Find(tokens, 0, tokens.size());
    REQUIRE(found);
    CHECK(tokens[found->first].folded() == (n % 2 ? "alors" : "la"));
    CHECK(found->second.length == 2);
  }
}

}  // namespace attest

namespace attest {

TEST_CASE("the longest phrase wins among many that share a first word, whatever their order",
          "[extract][en]") {
  TokenRules rules;
  PhraseIndex<int> index;
  // Many names starting with "the", one-word "the" among them, added long and short
  // in both orders.
  for (int n = 0; n < 50; ++n) index.Add(PhraseOf("the group " + std::to_string(n), rules), n);
  index.Add(PhraseOf("the", rules), 100);
  index.Add(PhraseOf("the army of mali", rules), 101);
  index.Add(PhraseOf("the army", rules), 102);
  index.Add(PhraseOf("the army of", rules), 103);
  std::string text = "the army of mali and the army said the group 7 and the others";
  auto tokens = Tokenize(text, 0, rules);
  auto at = [&](size_t i) -> std::pair<size_t, int> {
    auto m = index.At(tokens, i);
    return m ? std::pair<size_t, int>{m->length, *m->value} : std::pair<size_t, int>{0, -1};
  };
  CHECK(at(0) == std::pair<size_t, int>{4, 101});   // the army of mali
  CHECK(at(5) == std::pair<size_t, int>{2, 102});   // the army (said)
  CHECK(at(8) == std::pair<size_t, int>{3, 7});     // the group 7
  CHECK(at(12) == std::pair<size_t, int>{1, 100});  // the (others)
  CHECK(at(1) == std::pair<size_t, int>{0, -1});    // army starts nothing
  // At the end of the text only what fits is found.
  auto tail = Tokenize("the army", 0, rules);
  auto m = index.At(tail, 0);
  REQUIRE(m);
  CHECK(m->length == 2);
  CHECK(*m->value == 102);
}

TEST_CASE("a start filter says none only where none of its indexes starts a phrase",
          "[extract][fr]") {
  auto mine = std::make_shared<StartTable>();
  TokenRules plain = FrenchRules(nullptr);
  WordSet first = PhrasesOf({"alors que", "a affirmé"}, plain, false);
  WordSet second = PhrasesOf({"la presse", "à"}, plain, true);
  WordSet third = PhrasesOf({"rebelles"}, plain, false);
  first.Register(*mine);
  second.Register(*mine);
  third.Register(*mine);
  auto tokens = Tokenize(kText, 0, FrenchRules(mine));
  StartFilter filter(first, second);
  size_t skipped = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    CAPTURE(i, tokens[i].text);
    bool any = first.At(tokens, i).has_value() || second.At(tokens, i).has_value();
    if (filter.None(tokens[i])) {
      CHECK_FALSE(any);
      ++skipped;
    }
    // Where a phrase starts, the filter must let the token through.
    if (any) CHECK_FALSE(filter.None(tokens[i]));
  }
  CHECK(skipped > 0);
  // A phrase of an index left out of the filter does not stop it saying none.
  size_t rebels = 0;
  while (rebels < tokens.size() && tokens[rebels].text != "rebelles") ++rebels;
  REQUIRE(rebels < tokens.size());
  CHECK(third.At(tokens, rebels).has_value());
  CHECK(filter.None(tokens[rebels]));
}

TEST_CASE("a start filter never says none for tokens of another table or an unregistered index",
          "[extract][fr]") {
  auto mine = std::make_shared<StartTable>();
  auto other = std::make_shared<StartTable>();
  TokenRules plain = FrenchRules(nullptr);
  WordSet registered = PhrasesOf({"alors que"}, plain, false);
  registered.Register(*mine);
  WordSet unregistered = PhrasesOf({"la presse"}, plain, false);
  StartFilter filter(registered);
  StartFilter with_unregistered(registered, unregistered);
  StartFilter unregistered_first(unregistered, registered);
  for (const auto& tokens : {Tokenize(kText, 0, FrenchRules(other)), Tokenize(kText, 0, plain)}) {
    for (const Token& t : tokens) CHECK_FALSE(filter.None(t));
  }
  for (const Token& t : Tokenize(kText, 0, FrenchRules(mine))) {
    CHECK_FALSE(with_unregistered.None(t));
    CHECK_FALSE(unregistered_first.None(t));
  }
}

TEST_CASE("a longer phrase is found by its second word among more second words than one word holds bits",
          "[extract][en]") {
  TokenRules rules;
  PhraseIndex<int> index;
  // Second words far more numerous than the 64 bits that say which may follow:
  // words that share a bit must still tell their phrases apart.
  for (int n = 0; n < 300; n += 2) {
    index.Add(PhraseOf("the w" + std::to_string(n) + " end", rules), n);
  }
  index.Add(PhraseOf("the", rules), -1);
  // The odd words are words of the rules too (of another index): their ids
  // share bits with the even ones.
  PhraseIndex<int> other;
  for (int n = 1; n < 300; n += 2) other.Add(PhraseOf("w" + std::to_string(n), rules), n);
  std::string text;
  for (int n = 0; n < 300; ++n) text += "the w" + std::to_string(n) + " end ";
  auto tokens = Tokenize(text, 0, rules);
  REQUIRE(tokens.size() == 900);
  for (int n = 0; n < 300; ++n) {
    CAPTURE(n);
    auto m = index.At(tokens, static_cast<size_t>(3 * n));
    REQUIRE(m);
    if (n % 2 == 0) {
      CHECK(m->length == 3);
      CHECK(*m->value == n);
    } else {
      // "the w<odd> end" is no phrase of this index: only "the" is.
      CHECK(m->length == 1);
      CHECK(*m->value == -1);
    }
  }
}

}  // namespace attest
