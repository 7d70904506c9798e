// How incident records, versions and changes are shown: tables for people and the
// JSON shapes of shared/spec/cli.md for machines. The engine computes records as
// plain structs; only this file knows how they look.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <ostream>
#include <string>

#include "engine/versions/version.h"

namespace attest {

// What the header of a shown record says about where it comes from.
struct RecordOrigin {
  std::optional<int64_t> version;  // absent for a --known-at reconciliation
  std::optional<Timestamp> recorded_at;
  std::string hash;
  std::optional<Timestamp> known_at;
};

// A slot value for people: counts with their estimates, quoted texts.
std::string ValueForPeople(const SlotRecord& slot);
// A slot value for tables of values (export): the best count, else the range.
std::string ValueForExport(const SlotRecord& slot);
std::string ClaimIds(const std::vector<ClaimId>& ids);

void PrintRecord(const IncidentRecord& record, const RecordOrigin& origin, std::ostream& out);
nlohmann::ordered_json RecordJson(const IncidentRecord& record, const RecordOrigin& origin);

// A slot state: "2.. (claimed, 3, 0.688)".
std::string StateForPeople(const SlotState& state);
// One change line: "~ outcome: 'x' (claimed, 3) → 'x' (contested, 4)".
std::string ChangeForPeople(const SlotChange& change);
std::string CauseForPeople(const VersionCause& cause);

}  // namespace attest
