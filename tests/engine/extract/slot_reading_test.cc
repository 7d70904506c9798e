// Slot reading (engine/extract/slot_reading.h) skips the tokens whose start bits
// begin no phrase of the slot indexes and asks a quantity only of tokens whose
// bits may start one: tokens cut without start bits are asked about one by one,
// and must be read as the same slots, values, events and hedges, whatever the
// part of the segment the content takes and whether it is negated.
#include "engine/extract/slot_reading.h"

#include <catch2/catch.hpp>
#include <optional>
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

// A reading as one line, field by field, for a message that shows what differs.
std::string Describe(const SlotReading& r) {
  std::string out = r.slot + " = " + (r.value ? FormatSlotValue(*r.value) : "-");
  for (const ImpliedSlot& i : r.implied) out += "; " + i.slot + " = " + FormatSlotValue(i.value);
  out += "; event " + r.event_type.value_or("-");
  for (const std::string& h : r.hedges) out += "; hedge " + h;
  return out;
}

struct Sentences {
  const char* lang;
  std::vector<std::string> texts;
};

}  // namespace

TEST_CASE("a content is read as the same slot whether or not its tokens carry start bits",
          "[extract][fr][en][slots]") {
  const Rulebook& rules = Rules();
  const Conflict* conflict = rules.actors.ConflictFor("Mali", std::nullopt);
  REQUIRE(conflict);
  const std::vector<Sentences> table = {
      {"fr",
       {"Selon l'armée, deux soldats ont été tués près de Ber.",
        "Au moins douze civils ont été tués à Ogossagou, selon des habitants.",
        "Les rebelles affirment avoir fait plusieurs victimes dans les rangs de l'armée.",
        "Entre 7 et 11 morts, si ce n'est quinze, parmi les assaillants, selon le FLA.",
        "Le Jnim, lié à al-Qaïda, a revendiqué l'attaque qui a détruit trois véhicules.",
        "L'attaque n'a pas été revendiquée, aucune victime n'est à déplorer.",
        "Les rebelles assurent qu'ils ont perdu deux hommes lors de l'embuscade de Kidal.",
        "Le 3 janvier 2020, l'armée a tué douze assaillants et saisi des armes à Gao.",
        "Le FLA et l'armée ont coopéré lors de la patrouille, le convoi a été totalement "
        "détruit."}},
      {"en",
       {"According to the army, the attackers killed at least 12 soldiers near Gao.",
        "No civilians were killed, the militia said, denying any attack.",
        "JNIM, the al-Qaeda affiliate, claimed the ambush that destroyed two vehicles.",
        "Twelve soldiers, if not fifteen, were killed on 3 January 2020 in Kidal.",
        "The FLA said it lost three of its fighters in clashes with the army.",
        "The attack did not take place, and no casualties were reported."}},
  };
  const std::optional<std::string> none;
  size_t read = 0;     // readings compared
  size_t slotted = 0;  // of them, readings of a slot other than a statement
  for (const Sentences& s : table) {
    CAPTURE(s.lang);
    const Lexicon* lexicon = rules.LexiconFor(s.lang);
    REQUIRE(lexicon);
    TokenRules plain = lexicon->tokens;
    plain.starts = nullptr;  // tokens without start bits
    for (const std::string& text : s.texts) {
      CAPTURE(text);
      const std::vector<Token> with = Tokenize(text, 0, lexicon->tokens);
      const std::vector<Token> without = Tokenize(text, 0, plain);
      REQUIRE(with.size() == without.size());
      // The bits must be those of the slot indexes' table, or the test compares
      // the general path with itself.
      REQUIRE(with.front().start_table == lexicon->slots.count_nouns.start_table());
      REQUIRE(without.front().start_table != lexicon->slots.count_nouns.start_table());
      const MentionFinder finder_with(rules, *lexicon, *rules.derived.phrases.at(s.lang), conflict,
                                      text);
      const MentionFinder finder_without(rules, *lexicon, *rules.derived.phrases.at(s.lang),
                                         conflict, text);
      const size_t n = with.size();
      // Segments: the sentence, its first half and its second half; the content
      // from each token of the segment to its end, with a claimant or none,
      // negated or not.
      const std::vector<std::pair<size_t, size_t>> segments = {{0, n}, {0, n / 2}, {n / 2, n}};
      for (auto [begin, end] : segments) {
        for (size_t from = begin; from < end; ++from) {
          std::vector<uint8_t> content(n, 0);
          for (size_t k = from; k < end; ++k) content[k] = 1;
          for (bool negative : {false, true}) {
            for (const std::optional<std::string>& actor :
                 {none, std::optional<std::string>("FLA")}) {
              CAPTURE(begin, end, from, negative, actor.value_or("-"));
              ContentView a{with, content, begin, end, {}, negative};
              ContentView b{without, content, begin, end, {}, negative};
              SlotReading x = ReadSlot(a, *lexicon, finder_with, actor, actor.has_value(),
                                       CueClass::kClaimResponsibility, none);
              SlotReading y = ReadSlot(b, *lexicon, finder_without, actor, actor.has_value(),
                                       CueClass::kClaimResponsibility, none);
              REQUIRE(Describe(x) == Describe(y));
              CHECK(x.value == y.value);
              CHECK(x.implied == y.implied);
              ++read;
              if (x.slot != "statement") ++slotted;
            }
          }
        }
      }
    }
  }
  // The sentences must give slots, or the comparison says little.
  CHECK(read > 1000);
  CHECK(slotted > read / 4);
}

}  // namespace attest
