// The per-language extraction lexicon (rules/<lang>/*.toml), as one value: what
// extraction knows of a language comes from here, never from word lists in code.
//
// Files of a language folder read so far:
//   text.toml   sentence and token rules (abbreviations, elision, clitics)
//   dates.toml  the date vocabulary (months, weekdays, relative words…)
// docs/rules-format.md describes each file.
#pragma once

#include <filesystem>
#include <string>

#include "engine/base/error.h"
#include "engine/text/sentences.h"
#include "engine/text/tokens.h"
#include "engine/time/date_words.h"

namespace attest {

struct Lexicon {
  std::string lang;
  SentenceRules sentences;  // text.toml, [sentences]
  TokenRules tokens;        // text.toml, [tokens]
  DateWords dates;          // dates.toml
};

// Reads the lexicon files of one language folder (rules/fr, rules/en), recording
// every problem in `diagnostics` as file:line: field: message. A missing file is
// an error. The lexicon is returned even when there were errors; the caller
// discards it when diagnostics has errors.
Lexicon LoadLexicon(const std::filesystem::path& dir, const std::string& lang,
                    Diagnostics& diagnostics);

}  // namespace attest
