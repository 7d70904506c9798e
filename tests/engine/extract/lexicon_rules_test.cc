// The language rules files refuse what they do not know, naming file and line:
// a misspelt field of a verb, a pronoun's `refers`, a verb's `objects` that is not
// a list of words, a top-level field written after a table.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "engine/base/error.h"
#include "engine/extract/lexicon.h"
#include "tests/support/diagnostic_messages.h"

namespace attest {

TEST_CASE("a cues or grammar file with a misspelt or malformed field is refused with its line",
          "[extract][rules]") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "attest-lexicon-rules-test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  auto write = [&](const char* name, const std::string& text) {
    std::ofstream(dir / name) << text;
  };
  write("cues.toml",
        "without = [\"sans\"]\n"
        "addressees = [\"la presse\"]\n"
        "[[verb]]\n"
        "lemma = \"donner\"\n"
        "class = \"report\"\n"
        "forms = [\"donne\"]\n"
        "object = [\"bilan\"]\n"
        "[[verb]]\n"
        "lemma = \"fournir\"\n"
        "class = \"report\"\n"
        "forms = [\"fournit\"]\n"
        "objects = [3]\n");
  write("grammar.toml",
        "negators = [\"ne\"]\n"
        "[[pronoun]]\n"
        "words = [\"il\"]\n"
        "refers = \"people\"\n"
        "subordinators = [\"lorsque\"]\n");
  Diagnostics diagnostics;
  LoadLexicon(dir, "fr", diagnostics);
  fs::remove_all(dir);
  const testing::DiagnosticMessages messages(diagnostics);
  CAPTURE(messages.all());
  auto has = [&](std::string_view text) { return messages.Has(text); };
  CHECK(has("cues.toml:7: object: unknown field in [[verb]]"));
  CHECK(has("cues.toml:12: objects"));
  CHECK(has("grammar.toml:4: refers: use person, group or any"));
  // A top-level field after a table belongs to the table, and is refused there.
  CHECK(has("grammar.toml:5: subordinators: unknown field in [[pronoun]]"));
  CHECK(diagnostics.HasErrors());
}

TEST_CASE("a quantities file with an interval that has no joining word, or a misspelt field, is "
          "refused with its line",
          "[extract][rules]") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "attest-lexicon-quantities-test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "quantities.toml") << "[[range]]\n"
                                            "open = [\"entre\"]\n"
                                            "[[range]]\n"
                                            "join = [\"à\"]\n"
                                            "opens = [\"de\"]\n"
                                            "[[vague]]\n"
                                            "words = [\"une dizaine\"]\n"
                                            "low = 12\n"
                                            "high = 8\n";
  Diagnostics diagnostics;
  LoadLexicon(dir, "fr", diagnostics);
  fs::remove_all(dir);
  const testing::DiagnosticMessages messages(diagnostics);
  CAPTURE(messages.all());
  CHECK(messages.Has("quantities.toml:1: join: is required"));
  CHECK(messages.Has("quantities.toml:5: opens: unknown field in [[range]]"));
  CHECK(messages.Has("quantities.toml:9: high: must not be below low"));
  CHECK(diagnostics.HasErrors());
}

}  // namespace attest
