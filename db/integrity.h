// Checking that the store still holds what attest wrote: the use case behind
// `attest verify`. Reads only. What it checks, in order:
//   1. the hash chain of every incident's history (engine/versions/chain.h);
//   2. that every claim a version records is stored with its incident, and that
//      every stored claim is recorded by a version of its incident (a claim no
//      version records means the version that did was deleted, or the claim
//      added behind attest's back);
//   3. that every incident has a version;
//   4. that every claim refers to a stored report, incident and source;
//   5. that the append-only triggers of the schema are in place;
//   6. given a checkpoint, that the history still begins with the versions it
//      covers.
// The first problem found is reported, naming the incident and the version.
#pragma once

#include <SQLiteCpp/Database.h>

#include <optional>
#include <string>

#include "engine/rulebook/slots.h"
#include "engine/versions/chain.h"

namespace attest {

struct IntegrityReport {
  int64_t versions = 0;
  int64_t incidents = 0;
  std::optional<std::string> failure;  // the first problem; none: the store is intact
  Checkpoint checkpoint;               // over every stored version
};

// Throws Storage when the store cannot be read.
IntegrityReport CheckIntegrity(SQLite::Database& db, const SlotCatalog& slots,
                               const std::optional<Checkpoint>& against);

}  // namespace attest
