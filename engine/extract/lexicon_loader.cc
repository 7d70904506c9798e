#include <fmt/format.h>

#include <algorithm>
#include <functional>

#include "engine/extract/lexicon.h"
#include "engine/rulebook/toml_reader.h"
#include "engine/text/utf8.h"

namespace attest {

namespace {

// Calls `add` with each string of `table[key]` (a string or a list of strings) and
// the node it comes from, so that a bad entry is reported on its own line.
void ForEachString(const TomlReader& r, const toml::table& table, std::string_view key,
                   const std::function<void(const toml::node&, const std::string&)>& add) {
  const toml::node* node = table.get(key);
  if (!node) return;
  if (auto s = node->value<std::string>()) {
    add(*node, NormalizeNfc(*s));
    return;
  }
  const toml::array* array = node->as_array();
  if (!array) {
    r.Fail(node, std::string(key), "must be a list of strings, like [\"a\", \"b\"]");
    return;
  }
  for (const toml::node& item : *array) {
    if (auto s = item.value<std::string>()) {
      add(item, NormalizeNfc(*s));
    } else {
      r.Fail(&item, std::string(key), "every item must be a string");
    }
  }
}

bool HasApostrophe(std::string_view folded) { return folded.find('\'') != std::string::npos; }

void ReadSentenceRules(const TomlReader& r, const toml::table& t, SentenceRules& rules) {
  r.CheckKeys(t, {"abbreviations", "heading_max_words"}, "[sentences]");
  ForEachString(r, t, "abbreviations", [&](const toml::node& node, const std::string& word) {
    if (word.size() < 2 || word.back() != '.' || word.find_first_of(" \t") != std::string::npos) {
      r.Fail(&node, "abbreviations",
             fmt::format("'{}' must be one word written with its final period, like \"M.\"", word));
      return;
    }
    rules.abbreviations.insert(word);
  });
  if (auto words = r.Integer(t, "heading_max_words", false)) {
    if (*words < 1 || *words > 100) {
      r.Fail(t.get("heading_max_words"), "heading_max_words", "must lie between 1 and 100");
    } else {
      rules.heading_max_words = static_cast<int>(*words);
    }
  }
}

void ReadTokenRules(const TomlReader& r, const toml::table& t, TokenRules& rules) {
  r.CheckKeys(t, {"elided", "elision_exceptions", "clitics", "inversions"}, "[tokens]");
  ForEachString(r, t, "elided", [&](const toml::node& node, const std::string& word) {
    std::string folded = FoldToken(word);
    if (folded.size() < 2 || folded.back() != '\'' || folded.find(' ') != std::string::npos ||
        std::count(folded.begin(), folded.end(), '\'') != 1) {
      r.Fail(&node, "elided",
             fmt::format("'{}' must be letters followed by an apostrophe, like \"l'\"", word));
      return;
    }
    rules.elided.insert(folded);
  });
  ForEachString(r, t, "elision_exceptions", [&](const toml::node& node, const std::string& word) {
    std::string folded = FoldToken(word);
    if (!HasApostrophe(folded) || folded.find(' ') != std::string::npos) {
      r.Fail(&node, "elision_exceptions",
             fmt::format("'{}' must be one word with an apostrophe, like \"aujourd'hui\"", word));
      return;
    }
    rules.elision_exceptions.insert(folded);
  });
  ForEachString(r, t, "clitics", [&](const toml::node& node, const std::string& word) {
    std::string folded = FoldToken(word);
    if (std::count(folded.begin(), folded.end(), '\'') != 1 || folded.size() < 2 ||
        folded.find(' ') != std::string::npos) {
      r.Fail(
          &node, "clitics",
          fmt::format("'{}' must hold one apostrophe and letters, like \"n't\" or \"'s\"", word));
      return;
    }
    rules.clitics.push_back(folded);
  });
  // Longest first, so that "n't" is tried before "'t" if both are listed.
  std::stable_sort(rules.clitics.begin(), rules.clitics.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  ForEachString(r, t, "inversions", [&](const toml::node& node, const std::string& word) {
    bool shape = word.size() >= 2 && word.front() == '-' && word.back() != '-';
    for (char c : word) shape = shape && (c == '-' || (c >= 'a' && c <= 'z'));
    if (!shape) {
      r.Fail(&node, "inversions",
             fmt::format("'{}' must be a hyphen and lower-case letters, like \"-t-il\" or "
                         "\"-elle\"",
                         word));
      return;
    }
    rules.inversions.push_back(word);
  });
  std::stable_sort(rules.inversions.begin(), rules.inversions.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

// Reads the phrases of `table[key]` into `index`, each with `value`; a phrase
// listed twice in one index is an error naming both.
template <typename V>
void ReadPhrases(const TomlReader& r, const toml::table& table, std::string_view key,
                 const TokenRules& rules, PhraseIndex<V>& index, const V& value) {
  ForEachString(r, table, key, [&](const toml::node& node, const std::string& text) {
    Phrase phrase = PhraseOf(text, rules, index.matches_accents());
    if (phrase.empty()) {
      r.Fail(&node, std::string(key), fmt::format("'{}' holds no word", text));
    } else if (!index.Add(std::move(phrase), value)) {
      r.Fail(&node, std::string(key), fmt::format("'{}' is listed twice; keep one", text));
    }
  });
}

void ReadWords(const TomlReader& r, const toml::table& table, std::string_view key,
               const TokenRules& rules, WordSet& set) {
  ReadPhrases(r, table, key, rules, set, Present{});
}

std::optional<CueClass> ReadCueClass(const TomlReader& r, const toml::table& t,
                                     std::string_view key, bool required) {
  auto text = r.String(t, key, required);
  if (!text) return std::nullopt;
  auto cls = ParseCueClass(*text);
  if (!cls) {
    r.Fail(t.get(key), std::string(key),
           fmt::format("unknown cue class '{}'; use one of: {}", *text, CueClassChoices()));
  }
  return cls;
}

std::optional<Agreement> ReadAgreement(const TomlReader& r, const toml::table& t) {
  Agreement a;
  a.plural = r.Boolean(t, "plural").value_or(false);
  if (auto g = r.String(t, "gender", false)) {
    if (*g == "masculine") {
      a.gender = Gender::kMasculine;
    } else if (*g == "feminine") {
      a.gender = Gender::kFeminine;
    } else if (*g != "unknown") {
      r.Fail(t.get("gender"), "gender", "use masculine, feminine or unknown");
      return std::nullopt;
    }
  }
  if (auto f = r.String(t, "refers", false)) {
    if (*f == "person") {
      a.refers = Refers::kPerson;
    } else if (*f == "group") {
      a.refers = Refers::kGroup;
    } else if (*f != "any") {
      r.Fail(t.get("refers"), "refers", "use person, group or any");
      return std::nullopt;
    }
  }
  return a;
}

void ReadCues(const TomlReader& r, const TokenRules& rules, CueLexicon& cues) {
  r.CheckKeys(r.root(),
              {"negated", "conjugation", "verb", "frame", "without", "relays", "agent_markers",
               "not_cues", "addressee_markers", "addressees"},
              "the cues file");
  if (const toml::table* n = r.Table(r.root(), "negated")) {
    for (const auto& [key, node] : *n) {
      auto from = ParseCueClass(key.str());
      auto to = node.value<std::string>();
      auto to_class = to ? ParseCueClass(*to) : std::nullopt;
      if (!from || !to_class) {
        r.Fail(&node, std::string(key.str()),
               fmt::format("write <cue class> = \"<cue class>\"; classes: {}", CueClassChoices()));
        continue;
      }
      cues.negated[*from] = *to_class;
    }
  }
  struct Conjugation {
    std::string strip;
    std::vector<std::string> endings;
  };
  std::map<std::string, Conjugation> conjugations;
  for (const toml::table* t : r.Tables(r.root(), "conjugation")) {
    r.CheckKeys(*t, {"name", "strip", "endings"}, "[[conjugation]]");
    auto name = r.String(*t, "name", true);
    if (!name) continue;
    conjugations[*name] = {r.String(*t, "strip", false).value_or(""), r.Strings(*t, "endings")};
  }
  for (const toml::table* t : r.Tables(r.root(), "verb")) {
    r.CheckKeys(*t,
                {"lemma", "class", "conjugation", "forms", "passive_agent", "known_claimant",
                 "objects"},
                "[[verb]]");
    CueEntry entry;
    entry.lemma = r.String(*t, "lemma", true).value_or("");
    auto cls = ReadCueClass(r, *t, "class", true);
    if (!cls) continue;
    entry.cls = *cls;
    entry.passive_agent = r.Boolean(*t, "passive_agent").value_or(false);
    entry.known_claimant = r.Boolean(*t, "known_claimant").value_or(false);
    if (t->get("objects")) {
      auto objects = std::make_shared<WordSet>();
      ReadWords(r, *t, "objects", rules, *objects);
      entry.objects = std::move(objects);
    }
    std::vector<std::string> forms = r.Strings(*t, "forms");
    if (auto c = r.String(*t, "conjugation", false)) {
      auto it = conjugations.find(*c);
      if (it == conjugations.end()) {
        r.Fail(t->get("conjugation"), "conjugation",
               fmt::format("no [[conjugation]] is named '{}'", *c));
      } else {
        const std::string& strip = it->second.strip;
        const std::string& lemma = entry.lemma;
        if (lemma.size() < strip.size() ||
            lemma.compare(lemma.size() - strip.size(), strip.size(), strip) != 0) {
          r.Fail(t->get("lemma"), "lemma",
                 fmt::format("'{}' does not end in '{}' as conjugation '{}' needs", lemma, strip,
                             *c));
        } else {
          std::string stem = lemma.substr(0, lemma.size() - strip.size());
          for (const auto& ending : it->second.endings) forms.push_back(stem + ending);
        }
      }
    }
    if (forms.empty()) {
      r.Fail(t, "forms", "a verb needs forms, a conjugation, or both");
      continue;
    }
    for (const auto& form : forms) cues.verbs.Add(PhraseOf(form, rules), entry);
  }
  for (const toml::table* t : r.Tables(r.root(), "frame")) {
    r.CheckKeys(*t, {"words", "class"}, "[[frame]]");
    CueEntry entry;
    entry.cls = ReadCueClass(r, *t, "class", false).value_or(CueClass::kHearsayFrame);
    ForEachString(r, *t, "words", [&](const toml::node& node, const std::string& text) {
      entry.lemma = text;
      if (!cues.frames.Add(PhraseOf(text, rules), entry)) {
        r.Fail(&node, "words", fmt::format("'{}' is listed twice; keep one", text));
      }
    });
  }
  ReadWords(r, r.root(), "without", rules, cues.without);
  ReadWords(r, r.root(), "relays", rules, cues.relays);
  ReadWords(r, r.root(), "agent_markers", rules, cues.agent_markers);
  ReadWords(r, r.root(), "not_cues", rules, cues.not_cues);
  ReadWords(r, r.root(), "addressee_markers", rules, cues.addressee_markers);
  ReadWords(r, r.root(), "addressees", rules, cues.addressees);
}

void ReadGrammar(const TomlReader& r, const TokenRules& rules, GrammarLexicon& g) {
  r.CheckKeys(r.root(),
              {"negators", "negative_words", "not_negations", "restrictives", "negation_ends",
               "restrictive_ends", "contrast", "coordinators", "relatives", "auxiliaries",
               "passive_auxiliaries", "adverb_suffixes", "control_verbs", "participle_endings",
               "claim_nouns", "occurrence_verbs", "function_words", "conditional",
               "conditional_suffixes", "conditional_exceptions", "plan_markers",
               "infinitive_markers", "detect", "pronoun", "determiner",
               "present_participle_endings", "gerund_markers", "subordinators",
               "infinitive_particles", "perfect_auxiliaries", "perfect_participle_endings",
               "perfect_participle_exceptions"},
              "the grammar file");
  ReadWords(r, r.root(), "negators", rules, g.negators);
  ReadWords(r, r.root(), "negative_words", rules, g.negative_words);
  ReadWords(r, r.root(), "not_negations", rules, g.not_negations);
  ReadWords(r, r.root(), "restrictives", rules, g.restrictives);
  ReadWords(r, r.root(), "negation_ends", rules, g.negation_ends);
  ReadWords(r, r.root(), "restrictive_ends", rules, g.restrictive_ends);
  ReadWords(r, r.root(), "contrast", rules, g.contrast);
  ReadWords(r, r.root(), "coordinators", rules, g.coordinators);
  g.relatives.MatchAccents();  // "où" (where) is not "ou" (or)
  ReadWords(r, r.root(), "relatives", rules, g.relatives);
  ReadWords(r, r.root(), "subordinators", rules, g.subordinators);
  g.auxiliaries.MatchAccents();  // "a" (has) is not "à" (to)
  ReadWords(r, r.root(), "auxiliaries", rules, g.auxiliaries);
  ReadWords(r, r.root(), "passive_auxiliaries", rules, g.passive_auxiliaries);
  ReadWords(r, r.root(), "control_verbs", rules, g.control_verbs);
  ReadWords(r, r.root(), "claim_nouns", rules, g.claim_nouns);
  ReadWords(r, r.root(), "occurrence_verbs", rules, g.occurrence_verbs);
  for (const auto& ending : r.Strings(r.root(), "participle_endings")) {
    g.participle_endings.push_back(LowerCase(ending));  // accents matter: -é is not -e
  }
  for (const auto& suffix : r.Strings(r.root(), "adverb_suffixes")) {
    g.adverb_suffixes.push_back(FoldToken(suffix));
  }
  ReadWords(r, r.root(), "function_words", rules, g.function_words);
  ReadWords(r, r.root(), "conditional", rules, g.conditional);
  for (const auto& suffix : r.Strings(r.root(), "conditional_suffixes")) {
    // Accents matter: "déclarerait" ends in -erait, "opérait" (imperfect) in -érait.
    g.conditional_suffixes.push_back(LowerCase(suffix));
  }
  for (const auto& ending : r.Strings(r.root(), "present_participle_endings")) {
    g.present_participle_endings.push_back(LowerCase(ending));
  }
  ReadWords(r, r.root(), "gerund_markers", rules, g.gerund_markers);
  ReadWords(r, r.root(), "infinitive_particles", rules, g.infinitive_particles);
  ReadWords(r, r.root(), "conditional_exceptions", rules, g.conditional_exceptions);
  ReadWords(r, r.root(), "plan_markers", rules, g.plan_markers);
  ReadWords(r, r.root(), "perfect_auxiliaries", rules, g.perfect_auxiliaries);
  for (const auto& ending : r.Strings(r.root(), "perfect_participle_endings")) {
    g.perfect_participle_endings.push_back(LowerCase(ending));  // -é is not -e
  }
  ReadWords(r, r.root(), "perfect_participle_exceptions", rules,
            g.perfect_participle_exceptions);
  ReadWords(r, r.root(), "infinitive_markers", rules, g.infinitive_markers);
  ReadWords(r, r.root(), "detect", rules, g.detect);
  for (const char* section : {"pronoun", "determiner"}) {
    for (const toml::table* t : r.Tables(r.root(), section)) {
      r.CheckKeys(*t, {"words", "plural", "gender", "refers"}, fmt::format("[[{}]]", section));
      if (auto a = ReadAgreement(r, *t)) {
        ReadPhrases(r, *t, "words", rules,
                    std::string_view(section) == "pronoun" ? g.pronouns : g.determiners, *a);
      }
    }
  }
}

void ReadClaimants(const TomlReader& r, const TokenRules& rules, ClaimantLexicon& c) {
  r.CheckKeys(r.root(),
              {"source_noun", "qualifier", "role", "count", "concordant", "person", "affiliation",
               "anaphor", "anonymity", "same_source"},
              "the claimants file");
  for (const toml::table* t : r.Tables(r.root(), "source_noun")) {
    r.CheckKeys(*t, {"words", "name", "kind"}, "[[source_noun]]");
    SourceNoun noun;
    noun.name = r.String(*t, "name", true).value_or("");
    if (auto k = r.String(*t, "kind", true)) {
      auto kind = ParseClaimantKind(*k);
      if (!kind) {
        r.Fail(t->get("kind"), "kind",
               fmt::format("unknown kind '{}'; use one of: {}", *k, ClaimantKindChoices()));
        continue;
      }
      noun.kind = *kind;
    }
    ReadPhrases(r, *t, "words", rules, c.source_nouns, noun);
  }
  for (const toml::table* t : r.Tables(r.root(), "qualifier")) {
    r.CheckKeys(*t, {"words", "label", "role"}, "[[qualifier]]");
    Qualifier q{r.String(*t, "label", true).value_or(""), r.String(*t, "role", false)};
    ReadPhrases(r, *t, "words", rules, c.qualifiers, q);
  }
  for (const toml::table* t : r.Tables(r.root(), "role")) {
    r.CheckKeys(*t, {"words", "role"}, "[[role]]");
    ReadPhrases(r, *t, "words", rules, c.roles, r.String(*t, "role", true).value_or(""));
  }
  for (const toml::table* t : r.Tables(r.root(), "count")) {
    r.CheckKeys(*t, {"words", "count"}, "[[count]]");
    auto text = r.String(*t, "count", true);
    auto count = text ? ParseClaimantCount(*text) : std::nullopt;
    if (!count) {
      if (text) {
        r.Fail(t->get("count"), "count",
               fmt::format("use one of: {}", ClaimantCountChoices()));
      }
      continue;
    }
    ReadPhrases(r, *t, "words", rules, c.counts, *count);
  }
  ReadWords(r, r.root(), "concordant", rules, c.concordant);
  for (const toml::table* t : r.Tables(r.root(), "person")) {
    r.CheckKeys(*t, {"words", "title"}, "[[person]]");
    ReadPhrases(r, *t, "words", rules, c.persons, r.String(*t, "title", true).value_or(""));
  }
  ReadWords(r, r.root(), "affiliation", rules, c.affiliation);
  ReadWords(r, r.root(), "anonymity", rules, c.anonymity);
  ReadWords(r, r.root(), "same_source", rules, c.same_source);
  for (const toml::table* t : r.Tables(r.root(), "anaphor")) {
    r.CheckKeys(*t, {"words", "kind"}, "[[anaphor]]");
    auto text = r.String(*t, "kind", true);
    auto kind = text ? ParseClaimantKind(*text) : std::nullopt;
    if (!kind) {
      if (text) r.Fail(t->get("kind"), "kind", fmt::format("use one of: {}", ClaimantKindChoices()));
      continue;
    }
    ReadPhrases(r, *t, "words", rules, c.anaphors, *kind);
  }
}

void ReadHedges(const TomlReader& r, const TokenRules& rules, HedgeLexicon& h) {
  r.CheckKeys(r.root(), {"epistemic", "distancing"}, "the hedges file");
  // Accents tell hedges apart: "suspecté" (suspected) is one, "suspecte" (de
  // manière suspecte, suspiciously) is not.
  h.epistemic.MatchAccents();
  for (const toml::table* t : r.Tables(r.root(), "epistemic")) {
    r.CheckKeys(*t, {"words", "modality"}, "[[epistemic]]");
    auto text = r.String(*t, "modality", true);
    auto m = text ? ParseModality(*text) : std::nullopt;
    if (!m || *m == Modality::kCertain) {
      if (text) r.Fail(t->get("modality"), "modality", "use probable or possible");
      continue;
    }
    ReadPhrases(r, *t, "words", rules, h.epistemic, *m);
  }
  ReadWords(r, r.root(), "distancing", rules, h.distancing);
}

void ReadQuantities(const TomlReader& r, const TokenRules& rules, QuantityLexicon& q) {
  r.CheckKeys(r.root(), {"number", "vague", "approximation", "all", "any", "range", "durations",
               "open_ends"},
              "the quantities file");
  for (const toml::table* t : r.Tables(r.root(), "number")) {
    r.CheckKeys(*t, {"words", "value"}, "[[number]]");
    auto v = r.Integer(*t, "value", true);
    if (v) ReadPhrases(r, *t, "words", rules, q.numbers, *v);
  }
  for (const toml::table* t : r.Tables(r.root(), "vague")) {
    r.CheckKeys(*t, {"words", "low", "high"}, "[[vague]]");
    auto low = r.Integer(*t, "low", true);
    auto high = r.Integer(*t, "high", false);
    if (!low) continue;
    if (high && *high < *low) {
      r.Fail(t->get("high"), "high", "must not be below low");
      continue;
    }
    CountRange range = high ? CountRange::Between(*low, *high) : CountRange::AtLeast(*low);
    ReadPhrases(r, *t, "words", rules, q.vague, range);
  }
  for (const toml::table* t : r.Tables(r.root(), "approximation")) {
    r.CheckKeys(*t, {"words", "kind"}, "[[approximation]]");
    auto kind = r.String(*t, "kind", true);
    std::optional<Approximation> a;
    if (kind == "at_least") a = Approximation::kAtLeast;
    if (kind == "about") a = Approximation::kAbout;
    if (kind == "more_than") a = Approximation::kMoreThan;
    if (kind == "up_to") a = Approximation::kUpTo;
    if (kind == "less_than") a = Approximation::kLessThan;
    if (!a) {
      if (kind) {
        r.Fail(t->get("kind"), "kind", "use at_least, about, more_than, up_to or less_than");
      }
      continue;
    }
    ReadPhrases(r, *t, "words", rules, q.approximations, *a);
  }
  ReadWords(r, r.root(), "all", rules, q.all);
  ReadWords(r, r.root(), "any", rules, q.any);
  ReadWords(r, r.root(), "durations", rules, q.durations);
  ReadWords(r, r.root(), "open_ends", rules, q.open_ends);
  for (const toml::table* t : r.Tables(r.root(), "range")) {
    r.CheckKeys(*t, {"open", "join"}, "[[range]]");
    RangeForm& form = q.ranges.emplace_back();
    ReadWords(r, *t, "open", rules, form.open);
    ReadWords(r, *t, "join", rules, form.join);
    if (!t->get("join")) r.Fail(t, "join", "is required: the words between the two numbers");
  }
}

void ReadSlots(const TomlReader& r, const TokenRules& rules, SlotLexicon& s) {
  r.CheckKeys(r.root(),
              {"event", "count_noun", "materiel", "outcome", "participation", "cooperation",
               "silence_topic", "side_noun", "locatives", "described_by", "enemy_nouns",
               "own_ranks", "own_of", "ranks_of", "loss_verbs", "people", "count_of"},
              "the slot rules file");
  auto keyed = [&](const char* section, const char* key, PhraseIndex<std::string>& index,
                   std::initializer_list<std::string_view> extra) {
    for (const toml::table* t : r.Tables(r.root(), section)) {
      std::vector<std::string_view> allowed = {"words", key};
      allowed.insert(allowed.end(), extra.begin(), extra.end());
      for (const auto& [k, node] : *t) {
        if (std::find(allowed.begin(), allowed.end(), k.str()) == allowed.end()) {
          r.Fail(&node, std::string(k.str()),
                 fmt::format("unknown field in [[{}]]; expected words, {}", section, key));
        }
      }
      auto value = r.String(*t, key, true);
      if (!value) continue;
      ReadPhrases(r, *t, "words", rules, index, *value);
      if (std::string_view(section) == "count_noun" && t->get("context")) {
        ReadWords(r, *t, "context", rules, s.count_context[*value]);
      }
    }
  };
  keyed("event", "event_type", s.events, {});
  keyed("count_noun", "slot", s.count_nouns, {"context"});
  keyed("materiel", "slot", s.materiel, {});
  keyed("outcome", "value", s.outcomes, {});
  keyed("cooperation", "slot", s.cooperation, {});
  keyed("silence_topic", "slot", s.silence_topics, {});
  keyed("side_noun", "side", s.side_nouns, {});
  ReadWords(r, r.root(), "participation", rules, s.participation);
  ReadWords(r, r.root(), "locatives", rules, s.locatives);
  ReadWords(r, r.root(), "described_by", rules, s.described_by);
  ReadWords(r, r.root(), "enemy_nouns", rules, s.enemy_nouns);
  ReadWords(r, r.root(), "own_ranks", rules, s.own_ranks);
  ReadWords(r, r.root(), "own_of", rules, s.own_of);
  ReadWords(r, r.root(), "ranks_of", rules, s.ranks_of);
  ReadPhrases(r, r.root(), "loss_verbs", rules, s.loss_verbs, std::string("fatalities"));
  ReadWords(r, r.root(), "people", rules, s.people);
  ReadWords(r, r.root(), "count_of", rules, s.count_of);
}

}  // namespace

Lexicon LoadLexicon(const std::filesystem::path& dir, const std::string& lang,
                    Diagnostics& diagnostics) {
  Lexicon lexicon;
  lexicon.lang = lang;

  TomlReader text(dir / "text.toml", diagnostics);
  if (text.ok()) {
    text.CheckKeys(text.root(), {"sentences", "tokens"}, "the text rules file");
    if (const toml::table* t = text.Table(text.root(), "sentences")) {
      ReadSentenceRules(text, *t, lexicon.sentences);
    }
    if (const toml::table* t = text.Table(text.root(), "tokens")) {
      ReadTokenRules(text, *t, lexicon.tokens);
    }
  }

  // Date phrases are cut into tokens with this language's token rules, read above.
  TomlReader dates(dir / "dates.toml", diagnostics);
  if (dates.ok()) lexicon.dates = ReadDateWords(dates, lexicon.tokens, diagnostics);

  auto read = [&](const char* file, auto reader, auto& into) {
    TomlReader r(dir / file, diagnostics);
    if (r.ok()) reader(r, lexicon.tokens, into);
  };
  read("cues.toml", ReadCues, lexicon.cues);
  read("grammar.toml", ReadGrammar, lexicon.grammar);
  read("claimants.toml", ReadClaimants, lexicon.claimants);
  read("hedges.toml", ReadHedges, lexicon.hedges);
  read("quantities.toml", ReadQuantities, lexicon.quantities);
  read("slots.toml", ReadSlots, lexicon.slots);
  RegisterStartBits(lexicon);
  return lexicon;
}

void RegisterStartBits(Lexicon& lexicon) {
  auto table = std::make_shared<StartTable>();
  auto each = [&](auto&... index) { (index.Register(*table), ...); };
  CueLexicon& c = lexicon.cues;
  each(c.verbs, c.frames, c.without, c.relays, c.agent_markers, c.not_cues, c.addressee_markers,
       c.addressees);
  GrammarLexicon& g = lexicon.grammar;
  each(g.negators, g.negative_words, g.not_negations, g.restrictives, g.negation_ends,
       g.restrictive_ends, g.contrast, g.coordinators, g.relatives, g.subordinators, g.auxiliaries,
       g.passive_auxiliaries, g.control_verbs, g.claim_nouns, g.occurrence_verbs, g.function_words,
       g.conditional, g.conditional_exceptions, g.plan_markers, g.perfect_auxiliaries,
       g.perfect_participle_exceptions, g.infinitive_markers, g.gerund_markers,
       g.infinitive_particles, g.pronouns, g.determiners, g.detect);
  ClaimantLexicon& w = lexicon.claimants;
  each(w.source_nouns, w.qualifiers, w.roles, w.counts, w.concordant, w.persons, w.affiliation,
       w.anaphors, w.same_source, w.anonymity);
  each(lexicon.hedges.epistemic, lexicon.hedges.distancing);
  QuantityLexicon& q = lexicon.quantities;
  each(q.numbers, q.vague, q.approximations, q.all, q.any, q.durations, q.open_ends);
  for (RangeForm& form : q.ranges) each(form.open, form.join);
  q.starts = StartFilter(q.numbers, q.vague, q.approximations, q.all);
  for (const RangeForm& form : q.ranges) {
    if (!form.open.empty()) q.starts.Add(form.open);
  }
  SlotLexicon& s = lexicon.slots;
  each(s.events, s.count_nouns, s.loss_verbs, s.people, s.count_of, s.materiel, s.outcomes,
       s.participation, s.described_by, s.cooperation, s.silence_topics, s.side_nouns,
       s.enemy_nouns, s.own_ranks, s.own_of, s.ranks_of, s.locatives);
  for (auto& [slot, words] : s.count_context) words.Register(*table);
  lexicon.tokens.starts = std::move(table);
}

}  // namespace attest
