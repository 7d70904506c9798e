// The verdict use case (`attest verdict`): an analyst confirms or refutes a slot
// of an incident, or one claim's value for it. The verdict is recorded and the
// incident reconciled with it, a new version appended, in one transaction. It
// counts in the sources' track records from the next `attest reconcile`.
#pragma once

#include <SQLiteCpp/Database.h>

#include <optional>
#include <string>
#include <vector>

#include "engine/reconcile/verdict.h"
#include "engine/rulebook/rulebook.h"
#include "engine/versions/version.h"

namespace attest {

struct VerdictRequest {
  std::optional<std::string> incident;  // key or #id; may be left out with `claim`
  std::optional<std::string> slot;      // may be left out with `claim`
  std::optional<ClaimId> claim;
  std::optional<std::string> value;  // canonical text, read by the slot's type
  VerdictKind kind = VerdictKind::kConfirmed;
  std::string analyst;
  std::string note;
};

struct VerdictResult {
  Verdict verdict;
  std::string incident;            // key, or #id
  std::optional<int64_t> version;  // the version recorded, if the record changed
  std::vector<SlotChange> changes;
};

// Throws NotFound for an unknown incident, claim or slot (nothing is stored),
// InvalidInput for a request that does not hold together (a claim of another
// incident or slot, a value that is not one of the slot's type, a refutation that
// names no value), Storage when the store fails.
VerdictResult RecordVerdict(SQLite::Database& db, const Rulebook& rules,
                            const VerdictRequest& request, Timestamp now);

}  // namespace attest
