// Fuzz target: the rules loader. A small rules folder is written once to a
// temporary folder; each input replaces one of its files (the first byte
// chooses which) and the whole folder is loaded, as `--rules DIR` does. Only
// InvalidInput (file:line: field: message) may come out.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

#include "tests/fuzz/fuzz_support.h"

namespace {

namespace fs = std::filesystem;

struct RulesFile {
  const char* path;
  const char* minimal;  // a small valid content; nullptr: the shipped file
};

// The common files small, so that loading takes little time (the seed corpus
// holds richer examples); the English lexicon as shipped, since it must be whole
// to load. Each is restored after an input replaced it.
const RulesFile kFiles[] = {
    {"common/actors.toml",
     "[[conflict]]\nname = \"c\"\nsides = [\"a\", \"b\"]\nopposing = [[\"a\", \"b\"]]\n"
     "[[actor]]\nname = \"Army\"\nkind = \"state\"\nsides = { c = \"a\" }\n"},
    {"common/places.toml", "[[place]]\nname = \"Kidal\"\ncountry = \"Mali\"\n"},
    {"common/slots.toml", "[[slot]]\nname = \"occurred\"\ntype = \"bool\"\n"},
    {"common/policy.toml", "[confidence]\nbase = 1.0\n"},
    {"en/cues.toml", nullptr},
    {"en/hedges.toml", nullptr},
    {"en/quantities.toml", nullptr},
    {"en/dates.toml", nullptr},
    {"en/claimants.toml", nullptr},
    {"en/grammar.toml", nullptr},
    {"en/slots.toml", nullptr},
    {"en/text.toml", nullptr},
};
constexpr size_t kFileCount = sizeof(kFiles) / sizeof(kFiles[0]);

void Write(const fs::path& path, std::string_view content) {
  std::ofstream(path, std::ios::binary | std::ios::trunc).write(content.data(),
                                                                 static_cast<std::streamsize>(content.size()));
}

bool IsLexicon(size_t index) { return std::string_view(kFiles[index].path).substr(0, 3) == "en/"; }

std::string Read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The initial content of each file of kFiles.
const std::vector<std::string>& Initial() {
  static const std::vector<std::string> initial = [] {
    std::vector<std::string> out;
    for (const auto& f : kFiles) {
      out.push_back(f.minimal ? f.minimal : Read(fs::path(ATTEST_RULES_DIR) / f.path));
    }
    return out;
  }();
  return initial;
}

// A rules folder the inputs are written into, removed at exit. Without the
// English lexicon, a folder loads in well under a millisecond; with it, in
// several: inputs for the common files go to a folder without it.
class RulesFolder {
 public:
  explicit RulesFolder(bool with_lexicon)
      : dir_(fs::temp_directory_path() / ("attest-rules-fuzz-" + std::to_string(getpid()) +
                                          (with_lexicon ? "-en" : ""))) {
    fs::create_directories(dir_ / "common");
    if (with_lexicon) fs::create_directories(dir_ / "en");
    for (size_t i = 0; i < kFileCount; ++i) {
      if (with_lexicon || !IsLexicon(i)) Write(dir_ / kFiles[i].path, Initial()[i]);
    }
    attest::LoadRulebook(dir_);  // the folder as written must load
  }
  ~RulesFolder() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  const fs::path& path() const { return dir_; }

 private:
  fs::path dir_;
};

const fs::path& Folder(bool with_lexicon) {
  static const RulesFolder common(false), full(true);
  return with_lexicon ? full.path() : common.path();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace attest;
  if (size == 0) return 0;
  size_t index = data[0] % kFileCount;
  const fs::path& dir = Folder(IsLexicon(index));
  Write(dir / kFiles[index].path,
        std::string_view(reinterpret_cast<const char*>(data + 1), size - 1));
  try {
    LoadRulebook(dir);
  } catch (const InvalidInput& e) {
    if (std::string(e.what()).empty()) std::abort();  // an error must say what is wrong
  }
  Write(dir / kFiles[index].path, Initial()[index]);
  return 0;
}
