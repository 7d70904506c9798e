// A report: one article, communiqué, or table of claims, as it was ingested. The
// report is the unit of ingest: it is stored whole, with all its claims, or not at
// all, and ingesting the same report twice changes nothing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/base/ids.h"
#include "engine/claims/claim.h"
#include "engine/time/timestamp.h"

namespace attest {

enum class ReportFormat { kText, kJsonl, kTable };

std::string_view ToString(ReportFormat format);

struct Report {
  ReportId id;
  std::optional<std::string> outlet;
  Timestamp published;  // when the report appeared (the "published time" clock)
  std::optional<std::string> lang;
  std::optional<std::string> title;
  std::optional<std::string> url;
  ReportFormat format = ReportFormat::kText;
  std::string origin;          // the file it was read from, "-" for stdin
  std::string content_sha256;  // of the bytes read, to tell a re-ingest from a change
  std::optional<std::string> body;  // text reports: the body after the front matter
};

// A report with the claims read from it, ready to be matched and stored.
struct ReportWithClaims {
  Report report;
  std::vector<Claim> claims;
};

}  // namespace attest
