#include "db/period_report_data.h"

#include "db/claim_repository.h"
#include "db/incident_repository.h"
#include "db/reliability_repository.h"
#include "db/report_repository.h"
#include "db/version_repository.h"

namespace attest {

namespace {

// A source is listed when its letter changed or its probability moved by at least
// this much between the last estimate at the period's start and the last at its
// end (docs/cli.md, `attest report`).
constexpr double kShownReliabilityMove = 0.05;

std::vector<ReliabilityChange> ReliabilityChanges(SQLite::Database& db,
                                                  const ReportPeriod& period) {
  using boost::gregorian::date;
  Timestamp from = period.since.value_or(Timestamp(date(1400, 1, 1)));
  Timestamp to = period.until.value_or(Timestamp(date(9999, 12, 31)));
  std::vector<ReliabilityChange> out;
  for (ReliabilityMove& m :
       ReliabilityRepository(db).MovedBetween(from, to, kShownReliabilityMove)) {
    ReliabilityChange c;
    c.source = std::move(m.source);
    if (m.before) {
      c.letter_before = std::string(ToString(m.before->letter));
      c.probability_before = m.before->probability;
    }
    c.letter_after = std::string(ToString(m.after.letter));
    c.probability_after = m.after.probability;
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

PeriodReportInput ReadPeriodReportInput(SQLite::Database& db, const SlotCatalog& slots,
                                        const ReportPeriod& period,
                                        const PeriodProgress& progress) {
  PeriodReportInput in;
  in.period = period;
  VersionRepository versions(db);
  std::vector<IncidentId> ids = versions.RecordedBetween(period.since, period.until);
  if (ids.empty()) {
    in.reliability_changes = ReliabilityChanges(db, period);
    return in;
  }
  std::map<std::string, std::pair<Timestamp, Timestamp>> reports;
  for (const auto& r : ReportRepository(db).ListWithoutCounts()) {
    reports.emplace(r.report.id.value(), std::make_pair(r.report.published, r.recorded_at));
  }
  IncidentRepository incidents(db);
  ClaimRepository claims(db, slots);
  for (size_t i = 0; i < ids.size(); ++i) {
    IncidentInPeriod item;
    auto found = incidents.FindById(ids[i]);
    if (!found) continue;
    item.incident = std::move(*found);
    item.history = versions.History(ids[i]);
    if (period.until) {
      std::erase_if(item.history,
                    [&](const IncidentVersion& v) { return v.recorded_at > *period.until; });
    }
    item.claims = claims.ForIncident(ids[i]).claims;
    for (const auto& c : item.claims) {
      if (auto r = reports.find(c.report.value()); r != reports.end()) item.reports.insert(*r);
    }
    in.incidents.push_back(std::move(item));
    if (progress) progress(i + 1, ids.size());
  }
  in.reliability_changes = ReliabilityChanges(db, period);
  return in;
}

}  // namespace attest
