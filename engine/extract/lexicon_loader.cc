#include "engine/extract/lexicon.h"

namespace attest {

Lexicon LoadLexicon(const std::filesystem::path& dir, const std::string& lang,
                    Diagnostics& diagnostics) {
  (void)dir;
  (void)diagnostics;
  Lexicon lexicon;
  lexicon.lang = lang;
  return lexicon;
}

}  // namespace attest
