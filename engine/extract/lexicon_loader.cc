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
  r.CheckKeys(t, {"elided", "elision_exceptions", "clitics"}, "[tokens]");
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
  return lexicon;
}

}  // namespace attest
