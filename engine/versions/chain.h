// Checking the hash chain of incident histories (shared/spec/incidents.md,
// "Versions"), as `attest verify` reads the stored versions back. Pure: the
// caller streams the versions in; the check says what is wrong, naming the
// incident and the version.
//
// A chain shows a version altered (its content no longer gives its hash),
// removed (a number missing), replaced (the next version's link no longer
// matches), or moved (its content gives its hash under another number). What a
// chain cannot show alone is a history rewritten whole with fresh hashes, or
// cut after its last version: a checkpoint kept outside the store covers those
// (CheckpointDigest).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/base/sha256.h"
#include "engine/versions/version.h"

namespace attest {

struct ChainProblem {
  int64_t incident = 0;
  int64_t version = 0;  // the version the problem is found at (0: the incident as a whole)
  std::string what;     // "incident #3 version 2: …"
};

class ChainCheck {
 public:
  // Takes the next stored version, in (incident, version) order, with its stored
  // hash. Returns the problem it shows, if any; after a problem in an incident,
  // the rest of that incident is not checked.
  std::optional<ChainProblem> Next(const SerializedVersion& version, const std::string& hash);

  int64_t versions() const { return versions_; }
  int64_t incidents() const { return incidents_; }

 private:
  int64_t versions_ = 0, incidents_ = 0;
  int64_t incident_ = 0;
  int64_t expected_ = 0;  // the version number due next
  std::string previous_hash_;
  bool broken_ = false;  // the current incident already has a problem
};

// A checkpoint: how many versions had been recorded, and a digest over their
// (incident, version, hash) in the order they were recorded. Printed by
// `attest verify --checkpoint`, kept by the user, checked by `--against`: any
// of those versions altered, removed, reordered or rewritten changes it.
struct Checkpoint {
  int64_t versions = 0;
  std::string digest;  // SHA-256, hex

  std::string ToString() const;  // "N:HEX"
  static std::optional<Checkpoint> Parse(std::string_view text);
};

class CheckpointDigest {
 public:
  CheckpointDigest();
  // The next version in recorded order.
  void Add(int64_t incident, int64_t version, const std::string& hash);
  int64_t count() const { return count_; }
  Checkpoint Finish();  // over the versions added; ends the digest

 private:
  Sha256 sha_;
  int64_t count_ = 0;
};

}  // namespace attest
