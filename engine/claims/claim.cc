#include "engine/claims/claim.h"

namespace attest {

const std::string& Claimant::SourceName() const {
  static const std::string kUnknown = "unknown";
  if (name && !name->empty()) return *name;
  if (!mention.empty()) return mention;
  return kUnknown;
}

}  // namespace attest
