// The messages of a Diagnostics, for tests that check a loader named each
// problem ("cues.toml:7: object: unknown field in [[verb]]").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/base/error.h"

namespace attest::testing {

class DiagnosticMessages {
 public:
  explicit DiagnosticMessages(const Diagnostics& diagnostics) {
    for (const auto& d : diagnostics.items()) messages_.push_back(d.ToString());
  }
  // Whether some message contains `text`.
  bool Has(std::string_view text) const {
    for (const auto& m : messages_) {
      if (m.find(text) != std::string::npos) return true;
    }
    return false;
  }
  const std::vector<std::string>& all() const { return messages_; }

 private:
  std::vector<std::string> messages_;
};

}  // namespace attest::testing
