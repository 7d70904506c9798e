// Writing the periodic reconciliation report (engine/views/period_report.h) as
// Markdown, as one self-contained HTML page (inline CSS, an inline SVG timeline
// per incident, no script, nothing fetched), or as JSON. Each writer only reads
// the struct, in its order, and never the clock: equal reports give equal bytes.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "engine/views/period_report.h"

namespace attest {

void WriteReportMarkdown(const PeriodReport& report, std::ostream& out);
void WriteReportHtml(const PeriodReport& report, std::ostream& out);
nlohmann::ordered_json ReportJson(const PeriodReport& report);

// Shared by the writers.
// "2025-07-14 to 2025-07-15" (whole days), else the two times; open bounds read
// "the start" and "the latest".
std::string PeriodTitle(const ReportPeriod& period);
// "c25 FAMa asserts attack repelled".
std::string ClaimBriefText(const ClaimBrief& claim);
// The claims of `ids` the report names, as ClaimBriefText, at most `limit`, then
// "and N more".
std::string ClaimsText(const ReportedIncident& incident, const std::vector<ClaimId>& ids,
                       size_t limit = 8);
// "convoy totally neutralised (claimed, 3, 0.688) → attack repelled (contested, 4, 0.500)";
// "new: 4 (claimed, 3, 0.750)"; "gone (was …)".
std::string ReportedChangeText(const SlotChange& change);

}  // namespace attest
