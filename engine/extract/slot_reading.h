// Reading what a claim's content says about an incident: its main slot and value
// (a count, an outcome, a cooperation, a participation, an event), the slot facts
// it implies besides (the event occurred, the actors it names took part), and the
// event type. Rules: rules/<lang>/slots.toml and quantities.toml.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/claims/claim.h"
#include "engine/extract/lexicon.h"
#include "engine/extract/mentions.h"

namespace attest {

struct ContentView {
  const std::vector<Token>& tokens;
  // Bytes, not bits: the rules read them token by token, and a byte is one load.
  std::vector<uint8_t> content;  // per token: part of the claim's content (0 or 1)
  size_t begin = 0;           // the segment holding the content
  size_t end = 0;
  // Per token: part of a date expression ("3 janvier 2020", "in 2019"); empty when
  // the sentence has none. A number a date takes is never a count.
  std::vector<uint8_t> dated = {};
  // The claim's content is negated as a whole (polarity negative): a value is read
  // only where the negation reaches it (NegationReach in slot_reading.cc).
  bool negative = false;
};

struct SlotReading {
  std::string slot = "statement";
  std::optional<SlotValue> value;
  std::vector<ImpliedSlot> implied;
  std::optional<std::string> event_type;
  std::vector<std::string> hedges;  // approximate quantities read ("plusieurs", "au moins 12")
};

// `claimant_actor`: the claimant's canonical actor name, when it is one;
// `agentive`: the content is the claimant's own act ("affirment avoir détruit");
// `enemy`: who the claimant's words for its adversary ("assaillants",
// "attackers") stand for, an actor or a side of the report's conflict, when the
// claimant is a party to it; `claimant_agreement`: the number and gender of the
// words that name the claimant, which a pronoun of the content must share to
// stand for it ("Les rebelles assurent qu'ils ont perdu…").
SlotReading ReadSlot(const ContentView& view, const Lexicon& lexicon, const MentionFinder& finder,
                     const std::optional<std::string>& claimant_actor, bool agentive, CueClass cue,
                     const std::optional<std::string>& enemy = std::nullopt,
                     const std::optional<Agreement>& claimant_agreement = std::nullopt);

// The count a quantity phrase at token i gives ("12", "plusieurs", "au moins
// douze", "entre 7 et 11"), and the tokens it covers.
std::optional<std::pair<CountRange, size_t>> QuantityAt(const std::vector<Token>& t, size_t i,
                                                        const QuantityLexicon& q);

}  // namespace attest
