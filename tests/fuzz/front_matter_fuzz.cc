// Fuzz target: reading a text report (front matter, line ends, NFC body).
// Checks beyond not crashing: a report is returned exactly when no error was
// recorded, and its body is what follows the front-matter block.
#include <cstdlib>

#include "engine/read/text_report.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace attest;
  std::string content = fuzz::AsString(data, size);
  Diagnostics diagnostics;
  auto report = ReadTextReport(content, "fuzz.md", fuzz::FixedOptions(), diagnostics);
  if (report.has_value() == diagnostics.HasErrors()) std::abort();
  if (BodyOffset(content) > content.size()) std::abort();
  if (report && report->id.empty()) std::abort();
  for (const auto& d : diagnostics.items()) {
    if (d.ToString().size() > 2000) std::abort();  // no input echoed back whole
  }
  return 0;
}
