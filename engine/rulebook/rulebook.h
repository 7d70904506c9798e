// Everything in the rules folder, parsed and checked: the actor and place
// gazetteers, the slot catalogue, the reconciliation policy, and the per-language
// lexicons that extraction reads. Rules are data that analysts edit; the engine
// holds no word lists of its own.
//
// Layout of a rules folder (docs/rules-format.md):
//   common/actors.toml  common/places.toml  common/slots.toml  common/policy.toml
//   common/reliability.toml, common/place_tree.tsv  (optional)
//   fr/*.toml  en/*.toml   (extraction lexicons, one folder per language)
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "engine/extract/lexicon.h"
#include "engine/rulebook/actors.h"
#include "engine/rulebook/place_tree.h"
#include "engine/rulebook/places.h"
#include "engine/rulebook/policy.h"
#include "engine/rulebook/reliability_policy.h"
#include "engine/rulebook/slots.h"

namespace attest {

struct GazetteerPhrases;  // engine/extract/mentions.h

// What extraction derives from the rules on first use and keeps with them: the
// gazetteers cut into token phrases of each language (engine/extract/mentions.h),
// which would otherwise be rebuilt for every report. It points into the rules'
// gazetteers, so a copied Rulebook starts with an empty cache; a moved one keeps
// it (the gazetteers' elements do not move). Not safe for a first use from two
// threads at once.
class DerivedRules {
 public:
  DerivedRules() = default;
  DerivedRules(const DerivedRules&) {}
  DerivedRules& operator=(const DerivedRules&) {
    phrases.clear();
    return *this;
  }
  DerivedRules(DerivedRules&&) noexcept = default;
  DerivedRules& operator=(DerivedRules&&) noexcept = default;
  ~DerivedRules() = default;

  std::map<std::string, std::shared_ptr<const GazetteerPhrases>> phrases;  // per language
};

struct Rulebook {
  std::filesystem::path dir;
  ActorGazetteer actors;
  PlaceGazetteer places;
  SlotCatalog slots;
  Policy policy;
  ReliabilityPolicy reliability;
  // The gazetteer's places in their areas, and the rows of common/place_tree.tsv.
  PlaceTree place_tree;
  std::map<std::string, Lexicon> lexicons;  // "fr", "en"
  mutable DerivedRules derived;

  // The lexicon for a language; nullptr when the rules have none.
  const Lexicon* LexiconFor(std::string_view lang) const;
};

// Reads and checks every rules file under `dir`. Throws InvalidInput listing every
// problem as file:line: field: message; nothing is half-loaded.
Rulebook LoadRulebook(const std::filesystem::path& dir);

}  // namespace attest
