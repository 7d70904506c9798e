// What the fuzz targets share: the shipped rules, loaded once, a fixed clock,
// and the rule that only attest's own input errors may leave a target. Any other
// exception (a JSON library's, std::out_of_range…) reaching a target is a bug,
// since the command line would turn it into "internal error" (exit 70): the
// target lets it escape, and libFuzzer reports it as a crash.
//
// Each target is a `LLVMFuzzerTestOneInput`. Built with ATTEST_FUZZ (clang),
// libFuzzer drives it; built otherwise, replay_main.cc runs it over the committed
// corpus (tests/fuzz/corpus/<target>/) as a test of the normal suite.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "engine/base/error.h"
#include "engine/read/report_options.h"
#include "engine/rulebook/rulebook.h"

namespace attest::fuzz {

// The rules of the source tree (loaded on first use).
inline const Rulebook& ShippedRules() {
  static const Rulebook rules = LoadRulebook(ATTEST_RULES_DIR);
  return rules;
}

inline ReportOptions FixedOptions() {
  ReportOptions options;
  options.now = *ParseTimestamp("2025-07-16T00:00:00Z");
  return options;
}

inline std::string AsString(const uint8_t* data, size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

}  // namespace attest::fuzz
