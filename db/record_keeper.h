// Keeping incident records: reconcile an incident from everything known about it
// and append a version when, and only when, the record changed. Used by every use
// case that can change a record (ingest; later verdicts, merges, re-estimation).
// Never begins or commits: the calling use case owns the transaction.
#pragma once

#include <SQLiteCpp/Database.h>

#include <optional>
#include <vector>

#include "db/claim_repository.h"
#include "db/version_repository.h"
#include "engine/reconcile/reconcile.h"
#include "engine/versions/version.h"

namespace attest {

class RecordKeeper {
 public:
  // `reliability` (may be null): the latest source reliability estimate.
  RecordKeeper(SQLite::Database& db, const Rulebook& rules,
               const SourceReliability* reliability = nullptr);

  // Reconciles `incident` from `claims` and `verdicts`, compares the record with
  // the latest version, and appends version N+1 with its changes, `cause`, the
  // recorded time `now` and the chained hash if they differ. Returns the new
  // version number, or nullopt when the record is unchanged. `created`: the
  // incident was created in this transaction, so it has no version yet.
  std::optional<int64_t> Update(const Incident& incident, const IncidentClaims& claims,
                                const std::vector<Verdict>& verdicts, const VersionCause& cause,
                                Timestamp now, bool created = false);

 private:
  const Rulebook& rules_;
  const SourceReliability* reliability_;
  VersionRepository versions_;
};

}  // namespace attest
