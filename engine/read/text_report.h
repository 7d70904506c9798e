// Reading a text report (`.txt`, `.md`): an optional front-matter block
//   ---
//   id: rfi-2025-07-14-alkit
//   outlet: RFI
//   published: 2025-07-14
//   lang: fr
//   title: "…"
//   url: https://…
//   ---
// then the body. Claims are not read here: extraction (engine/extract/) turns the
// body into claims, so that `extract` and `ingest` run the same code.
#pragma once

#include <optional>
#include <string>

#include "engine/base/error.h"
#include "engine/claims/report.h"
#include "engine/read/report_options.h"

namespace attest {

// Reads `content` (the whole file) as a text report from `origin`. The body is
// kept in NFC with LF line ends; claim spans are byte offsets into it. Problems are
// recorded in `diagnostics` (file:line: field: message); the report is returned
// only when there are none.
std::optional<Report> ReadTextReport(const std::string& content, const std::string& origin,
                                     const ReportOptions& options, Diagnostics& diagnostics);

// The byte offset where the body starts (after the front-matter block), 0 when
// the text has none.
size_t BodyOffset(const std::string& content);

}  // namespace attest
