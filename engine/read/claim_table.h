// Reading claim tables (`.csv`, `.tsv`, or `--format tsv|csv` on stdin): the
// data-fusion convention of one claim per row, with a header naming at least
// `source`, `object`, `attribute`, `value` (aliases `claimant`, `incident`,
// `slot`), and optionally `stance`, `modality`, `endorsement`, `polarity`.
//
// A table is one report. It can hold millions of rows (a truth-discovery
// benchmark), so rows are kept column-wise with names interned, and claims are
// made one incident at a time by the ingest use case.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/error.h"
#include "engine/claims/claim.h"
#include "engine/claims/report.h"
#include "engine/read/report_options.h"
#include "engine/rulebook/rulebook.h"

namespace attest {

enum class TableDialect { kTsv, kCsv };

struct ClaimTable {
  struct Row {
    uint32_t source = 0;  // index into sources
    uint32_t object = 0;  // index into objects
    uint32_t slot = 0;    // index into slots
    uint64_t value_begin = 0;  // into values
    uint32_t value_size = 0;
    Stance stance = Stance::kAsserts;
    Modality modality = Modality::kCertain;
    Endorsement endorsement = Endorsement::kReported;
    Polarity polarity = Polarity::kPositive;
    int64_t line = 0;
  };

  Report report;
  std::vector<std::string> sources;
  std::vector<ClaimantKind> source_kinds;  // from the actor gazetteer, else unknown
  std::vector<std::string> objects;
  std::vector<std::string> slots;
  std::vector<SlotType> slot_types;
  std::vector<Row> rows;
  std::string values;  // every value, end to end

  std::string_view ValueOf(const Row& row) const {
    return std::string_view(values).substr(row.value_begin, row.value_size);
  }
  // Writes the claim a row makes into `out` (incident and ids not yet assigned).
  // Only the fields a table row can set are written: `out` must be a claim made
  // by this function or a default one, so that bulk ingest reuses its strings.
  // (Claims loaded from the store for an existing incident are never recycled.)
  void FillClaim(const Row& row, Claim& out) const;
};

// Reads `content` from `origin`. Returns the table only when every row is valid;
// otherwise `diagnostics` lists the problems (file:line: column: message).
std::optional<ClaimTable> ReadClaimTable(const std::string& content, const std::string& origin,
                                         TableDialect dialect, const ReportOptions& options,
                                         const Rulebook& rules, Diagnostics& diagnostics);

// The same, reading `in` block by block as it arrives (a pipe from zcat), so that
// parsing overlaps with producing the input. Throws InvalidInput past the size
// limit of engine/read/input.h. `block_bytes` is how much is read at a time.
std::optional<ClaimTable> ReadClaimTable(std::istream& in, const std::string& origin,
                                         TableDialect dialect, const ReportOptions& options,
                                         const Rulebook& rules, Diagnostics& diagnostics,
                                         size_t block_bytes = size_t{4} << 20);

}  // namespace attest
