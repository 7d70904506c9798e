#include "engine/extract/phrases.h"

namespace attest {

Phrase PhraseOf(std::string_view text, const TokenRules& rules, bool accents) {
  Phrase phrase;
  for (const Token& t : Tokenize(text, 0, rules))
    phrase.emplace_back(accents ? t.lower() : t.folded());
  return phrase;
}

}  // namespace attest
