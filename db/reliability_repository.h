// Source reliability as stored (migration 0002): runs of the estimator, each with
// the estimate of every source and the copy relations it found. Append-only: a
// source's reliability history is every run's row for it. Bound parameters only;
// never begins or commits (the use case owns the transaction).
#pragma once

#include <SQLiteCpp/Database.h>

#include <optional>
#include <string>
#include <vector>

#include "engine/reconcile/reconcile.h"
#include "engine/reliability/estimator.h"
#include "engine/time/timestamp.h"

namespace attest {

struct ReliabilityRun {
  int64_t id = 0;
  Timestamp recorded_at;
  std::string cause;  // what asked for it: "reconcile"
  int64_t sources = 0;
  int64_t claims = 0;
  int64_t items = 0;
  int64_t iterations = 0;
  bool converged = false;
};

// A copy relation with its sources named.
struct NamedCopy {
  std::string source, other;
  CopyRelation relation;  // a, b unused
};

// One run's estimate of one source, for a history.
struct SourceStandingAt {
  int64_t run = 0;
  Timestamp recorded_at;
  double probability = 0.0;
  ReliabilityLetter letter = ReliabilityLetter::kF;
  int64_t claims = 0;
  int64_t checked = 0;
};

// A source whose standing differs between two runs.
struct ReliabilityMove {
  std::string source;
  std::optional<SourceStandingAt> before;  // absent: not estimated then
  SourceStandingAt after;
};

class ReliabilityRepository {
 public:
  explicit ReliabilityRepository(SQLite::Database& db);

  // Inserts a run and sets run.id. `policy` is the policy used, as JSON.
  void InsertRun(ReliabilityRun& run, const std::string& policy);
  // `source_row` is sources.id of the estimate's source.
  void InsertEstimate(int64_t run, int64_t source_row, const SourceEstimate& estimate);
  void InsertCopy(int64_t run, int64_t source_row, int64_t other_row, const CopyRelation& copy);

  // The last run recorded at or before `at` (any time when absent).
  std::optional<ReliabilityRun> LatestRun(std::optional<Timestamp> at = std::nullopt);
  std::optional<ReliabilityRun> Run(int64_t id);

  // A run's estimates, by source name.
  std::vector<SourceEstimate> Estimates(int64_t run);
  std::optional<SourceEstimate> EstimateOf(int64_t run, const std::string& source);
  // A run's copy relations with dependence at least `min_dependence`, strongest
  // first; with `source`, only those involving it.
  std::vector<NamedCopy> Copies(int64_t run, double min_dependence,
                                const std::optional<std::string>& source = std::nullopt);
  // Every run's estimate of `source`, oldest first.
  std::vector<SourceStandingAt> HistoryOf(const std::string& source);
  // Sources whose letter changed, or whose probability moved by at least
  // `min_move`, between the last run recorded by `from` and the last recorded by
  // `to` (one query; docs/schema.md).
  std::vector<ReliabilityMove> MovedBetween(Timestamp from, Timestamp to, double min_move);

  // What reconciliation reads of a run: every source's probability and letter,
  // and the discount (dependence × rate) of every copy relation.
  SourceReliability ForReconciliation(int64_t run);

 private:
  SQLite::Database& db_;
};

}  // namespace attest
