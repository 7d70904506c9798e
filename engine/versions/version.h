// Versions of an incident record (shared/spec/incidents.md, "Versions"): append
// only, each holding the whole record, what changed (slot, before, after), the
// cause and the recorded time, and a SHA-256 hash chained to the previous
// version's, so that a history changed behind the program's back is detected.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "engine/base/ids.h"
#include "engine/reconcile/record.h"
#include "engine/time/timestamp.h"

namespace attest {

// Why a version was made: an ingest (report and claims), an analyst action
// (verdict, merge, split, with who), or a re-estimation of reliability.
struct VersionCause {
  std::string action;  // "ingest", "verdict", "merge", "split", "reconcile"
  std::optional<std::string> report;
  std::vector<ClaimId> claims;
  std::optional<std::string> by;
  std::optional<std::string> note;
  bool operator==(const VersionCause&) const = default;
};

// A slot's state before and after, as the change list shows it.
struct SlotState {
  std::optional<std::string> value;  // canonical text
  SlotStatus status = SlotStatus::kUnknown;
  int credibility = 6;
  double confidence = 0.0;
  int64_t claims = 0;  // support + oppose + silent
  bool operator==(const SlotState&) const = default;
};

struct SlotChange {
  std::string slot;  // a slot name, or "incident.<field>" for place, date, event type, actors
  std::optional<SlotState> before;  // absent: the slot is new
  std::optional<SlotState> after;   // absent: the slot is gone
  std::optional<std::string> before_text;  // for incident fields
  std::optional<std::string> after_text;
  bool operator==(const SlotChange&) const = default;
};

struct IncidentVersion {
  IncidentId incident;
  int64_t version = 0;  // from 1
  Timestamp recorded_at;
  VersionCause cause;
  std::vector<SlotChange> changes;
  IncidentRecord record;
  std::string prev_hash;  // empty for version 1
  std::string hash;
};

// The changes from `before` (null for the first version) to `after`: one entry
// per slot whose value, status, credibility, confidence or claims differ, and one
// per incident field (place, date, event type, actors) that differs; the title is
// derived from those and is not listed.
std::vector<SlotChange> DiffRecords(const IncidentRecord* before, const IncidentRecord& after);

SlotState StateOf(const SlotRecord& slot);

// A version as stored: its JSON parts serialised once, so that the hash is taken
// over the very bytes the store keeps and any byte changed later is detected.
struct SerializedVersion {
  int64_t incident = 0;
  int64_t version = 0;
  std::string recorded_at;
  std::string cause;
  std::string changes;
  std::string record;
  std::string prev_hash;
};

// `record_text`, when given, must be RecordText(version.record): a caller that
// already wrote it (to compare with the stored record) passes it on.
SerializedVersion Serialize(const IncidentVersion& version,
                            std::optional<std::string> record_text = std::nullopt);

// A version as stored, with its hash.
struct StoredVersion {
  SerializedVersion version;
  std::string hash;
};

// The version that records `record` after `latest` (nullopt: the incident has no
// version yet): number, changes, cause, recorded time and chained hash. Returns
// nullopt when the record is the one `latest` holds. Pure: no store involved.
std::optional<StoredVersion> NextVersion(IncidentRecord record,
                                         const std::optional<StoredVersion>& latest,
                                         VersionCause cause, Timestamp now);

// SHA-256 (hex) over every stored part of a version except its own hash
// (prev_hash included): the link of the chain.
std::string HashVersion(const SerializedVersion& version);

// JSON forms. The *Text functions write the stored form (fixed key order, numbers
// written the same way every time, so equal records give equal bytes); the
// *ToJson functions give the same content as a tree, for `--format json`.
std::string RecordText(const IncidentRecord& record);
std::string CauseText(const VersionCause& cause);
std::string ChangesText(const std::vector<SlotChange>& changes);
nlohmann::ordered_json RecordToJson(const IncidentRecord& record);
IncidentRecord RecordFromJson(const nlohmann::json& json);  // throws Storage
// The record of a stored record text, as RecordFromJson(parse(text)) gives it,
// without a JSON tree in between for the text RecordText writes. Throws Storage
// when the text is not a record.
IncidentRecord RecordFromText(std::string_view text);
nlohmann::ordered_json CauseToJson(const VersionCause& cause);
VersionCause CauseFromJson(const nlohmann::json& json);
nlohmann::ordered_json ChangesToJson(const std::vector<SlotChange>& changes);
std::vector<SlotChange> ChangesFromJson(const nlohmann::json& json);
nlohmann::ordered_json SlotValueToJson(const SlotValue& value);
nlohmann::ordered_json SlotStateToJson(const SlotState& state);

}  // namespace attest
