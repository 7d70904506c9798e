// Reports as stored: the unit of ingest. Never begins or commits; the use case
// owns the transaction.
#pragma once

#include <SQLiteCpp/Database.h>

#include <optional>
#include <string>
#include <vector>

#include "engine/claims/report.h"

namespace attest {

struct StoredReport {
  int64_t row = 0;
  Report report;
  Timestamp recorded_at;
  int64_t claims = 0;
};

class ReportRepository {
 public:
  explicit ReportRepository(SQLite::Database& db) : db_(db) {}

  std::optional<StoredReport> FindByKey(const std::string& key);
  // Inserts the report and returns its row id.
  int64_t Insert(const Report& report, Timestamp recorded_at);
  std::vector<StoredReport> List();
  // The same without the claim counts (`claims` is 0), which List counts with a
  // scan of the claims per report: for readers that need every report's times.
  std::vector<StoredReport> ListWithoutCounts();
  // The body of a text report (claim spans point into it); nullopt for other
  // reports and unknown ids.
  std::optional<std::string> BodyOf(const std::string& key);

 private:
  SQLite::Database& db_;
};

}  // namespace attest
