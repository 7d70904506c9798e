// Fuzz target: a text report through extraction with the shipped rules, as
// `attest extract` runs it. Checks: every claim's span lies within the body and
// starts on a UTF-8 boundary.
#include <cstdlib>

#include "engine/extract/extractor.h"
#include "engine/read/text_report.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace attest;
  const Rulebook& rules = fuzz::ShippedRules();
  Diagnostics diagnostics;
  ReportOptions options = fuzz::FixedOptions();
  // Without front matter, the language is detected; the first byte may choose one.
  if (size > 0 && (data[0] == 'F' || data[0] == 'E')) options.lang = data[0] == 'F' ? "fr" : "en";
  auto report = ReadTextReport(fuzz::AsString(data, size), "fuzz.txt", options, diagnostics);
  if (!report) return 0;
  std::vector<Claim> claims;
  try {
    claims = ExtractClaims(*report, rules);
  } catch (const InvalidInput&) {
    return 0;  // no lexicon for the text's language: a diagnostic, not a crash
  }
  if (!report->body) std::abort();
  const std::string& body = *report->body;
  auto body_size = static_cast<int64_t>(body.size());
  for (const Claim& c : claims) {
    if (!c.span) continue;
    if (c.span->start < 0 || c.span->end < c.span->start || c.span->end > body_size) std::abort();
    if (c.span->start < body_size &&
        (static_cast<unsigned char>(body[static_cast<size_t>(c.span->start)]) & 0xC0) ==
            0x80) {
      std::abort();
    }
  }
  return 0;
}
