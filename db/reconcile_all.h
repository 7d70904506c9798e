// The reconcile use case (`attest reconcile`): estimate source reliability from
// every stored claim and verdict, record the estimate as a new reliability run,
// reconcile every incident with it, and append a version wherever a record
// changed — all in one transaction, so that the store holds either the whole
// run and its versions or none of it.
#pragma once

#include <SQLiteCpp/Database.h>

#include <optional>
#include <string>
#include <vector>

#include "db/reliability_repository.h"
#include "engine/rulebook/rulebook.h"
#include "engine/versions/version.h"

namespace attest {

// A source whose letter changed, or whose probability moved, since the last run.
struct SourceChange {
  std::string source;
  std::optional<SourceEstimate> before;  // absent: new since the last run
  SourceEstimate after;
};

struct ReconciledIncident {
  std::string label;  // key, or #id
  std::string title;
  int64_t version = 0;
  std::vector<SlotChange> changes;  // filled for the first kDetailedIncidents only
};

struct ReconcileResult {
  ReliabilityRun run;
  std::optional<ReliabilityRun> previous;
  std::vector<SourceChange> sources_changed;  // by name
  int64_t copies = 0;                         // copy relations of dependence ≥ reported
  int64_t incidents = 0;                      // reconciled
  int64_t versions = 0;                       // recorded
  std::vector<ReconciledIncident> changed;    // incidents given a version, by id
  static constexpr size_t kDetailedIncidents = 200;
};

// The probability move that counts as a change in `sources_changed` (besides a
// change of letter).
inline constexpr double kReportedMove = 0.05;

// Throws Storage when the store fails; nothing is written then. With no claim
// stored, records no run (result.run.id is 0).
ReconcileResult ReconcileAll(SQLite::Database& db, const Rulebook& rules, Timestamp now);

// The source reliability of the latest run, as reconciliation reads it, or
// nullopt when no run was recorded. For every use case that reconciles.
std::optional<SourceReliability> LatestSourceReliability(SQLite::Database& db);

}  // namespace attest
