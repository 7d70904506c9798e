// Source reliability estimates as the store keeps them, read for the periodic
// report's "sources whose reliability moved" section.
//
// This store has no reliability estimates yet: they come with the estimation of
// source reliability (its own migration and table of per-run estimates, with a
// probability and an Admiralty letter per source). Until that table exists,
// ChangesBetween has nothing to compare and returns no change, and the report
// says that no estimate was recorded in the period. When it lands, this is the
// one place to read it: the last estimate of each source at or before the
// period's start against its last estimate by the period's end.
#pragma once

#include <SQLiteCpp/Database.h>

#include <vector>

#include "engine/views/period_report.h"

namespace attest {

class ReliabilityRepository {
 public:
  explicit ReliabilityRepository(SQLite::Database& db) : db_(db) {}

  // The sources whose estimate changed between the start and the end of
  // `period`, by source name. Throws Storage.
  std::vector<ReliabilityChange> ChangesBetween(const ReportPeriod& period);

 private:
  SQLite::Database& db_;
};

}  // namespace attest
