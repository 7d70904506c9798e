// Reading structured claims (`.jsonl`, shared/spec/cli.md "Structured claims"):
// one claim per line, grouped into the reports they name. Every line is checked
// (required fields, known fields only, vocabularies, dates, values of the slot's
// type) and every problem is reported as file:line: field: message.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/base/error.h"
#include "engine/claims/report.h"
#include "engine/read/report_options.h"
#include "engine/rulebook/rulebook.h"

namespace attest {

// Reads `content` from `origin`. Returns the reports in order of first mention,
// each with its claims in line order; the content hash of a report is taken over
// its own lines. On any error the result is empty and `diagnostics` says why.
std::vector<ReportWithClaims> ReadStructuredClaims(const std::string& content,
                                                   const std::string& origin,
                                                   const ReportOptions& options,
                                                   const Rulebook& rules,
                                                   Diagnostics& diagnostics);

}  // namespace attest
