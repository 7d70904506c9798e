// The per-language extraction lexicon (rules/<lang>/*.toml), as one value: what
// extraction knows of a language comes from here, never from word lists in code.
#pragma once

#include <filesystem>
#include <string>

#include "engine/base/error.h"

namespace attest {

struct Lexicon {
  std::string lang;
};

// Reads the lexicon files of one language folder (rules/fr, rules/en), recording
// every problem in `diagnostics` as file:line: field: message.
Lexicon LoadLexicon(const std::filesystem::path& dir, const std::string& lang,
                    Diagnostics& diagnostics);

}  // namespace attest
