// Reading what the periodic report needs (engine/views/period_report.h) from the
// store: the incidents with a version recorded in the period, their histories up
// to its end, their claims with when each report was published and recorded, and
// the reliability changes of the period. Read-only; the report itself is
// computed by the engine.
#pragma once

#include <SQLiteCpp/Database.h>

#include <functional>

#include "engine/rulebook/slots.h"
#include "engine/views/period_report.h"

namespace attest {

// Called after each incident read: incidents read so far, and in all.
using PeriodProgress = std::function<void(size_t done, size_t total)>;

// Throws Storage.
PeriodReportInput ReadPeriodReportInput(SQLite::Database& db, const SlotCatalog& slots,
                                        const ReportPeriod& period,
                                        const PeriodProgress& progress = {});

}  // namespace attest
