#include "engine/extract/phrases.h"

namespace attest {

Phrase PhraseOf(std::string_view text, const TokenRules& rules) {
  Phrase phrase;
  for (const Token& t : Tokenize(text, 0, rules)) phrase.push_back(t.folded);
  return phrase;
}

}  // namespace attest
