#include "engine/claims/claim.h"

namespace attest {

std::string Claimant::SourceName() const {
  if (name && !name->empty()) return *name;
  if (!mention.empty()) return mention;
  return "unknown";
}

}  // namespace attest
