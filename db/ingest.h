// The ingest use case: store a report and its claims, match the claims to
// incidents, reconcile every incident they touch, and record a version wherever a
// record changed — all in one transaction, so a report is stored whole or not at
// all. Ingesting the same report again changes nothing.
#pragma once

#include <SQLiteCpp/Database.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/claims/report.h"
#include "engine/read/claim_table.h"
#include "engine/rulebook/rulebook.h"

namespace attest {

struct IngestedIncident {
  IncidentId id;
  std::string label;  // key, or #id
  std::string title;
  bool created = false;
  std::optional<int64_t> version;  // the version this ingest recorded, if any
  int64_t claims = 0;              // claims of this report joined to it
};

struct IngestResult {
  std::string report;
  bool unchanged = false;  // the report was already stored with the same content
  int64_t claims = 0;
  std::vector<IngestedIncident> incidents;  // in order of first claim
};

// Throws InvalidInput when a report with the same id was stored with different
// content (a corrected report needs its own id), Storage when the store fails.
IngestResult IngestReport(SQLite::Database& db, const Rulebook& rules, ReportWithClaims report,
                          Timestamp now);

// Called after each report of a batch: reports stored so far, and in all.
using IngestProgress = std::function<void(size_t done, size_t total)>;

// Stores several reports in one transaction: all of them or, when any fails,
// none. For inputs that are one whole, such as the rows of an ACLED export (one
// report per row). Same errors as IngestReport.
std::vector<IngestResult> IngestReports(SQLite::Database& db, const Rulebook& rules,
                                        std::vector<ReportWithClaims> reports, Timestamp now,
                                        const IngestProgress& progress = {});

// The same for a claim table: each object is an incident key.
IngestResult IngestTable(SQLite::Database& db, const Rulebook& rules, const ClaimTable& table,
                         Timestamp now);

}  // namespace attest
