#include "db/reliability_repository.h"

namespace attest {

std::vector<ReliabilityChange> ReliabilityRepository::ChangesBetween(const ReportPeriod& period) {
  // No table of estimates in this schema (see the header): nothing moved.
  (void)db_;
  (void)period;
  return {};
}

}  // namespace attest
