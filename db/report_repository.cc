#include "db/report_repository.h"

#include <SQLiteCpp/Statement.h>

#include "db/row_values.h"
#include "db/storage_error.h"

namespace attest {

namespace {

constexpr const char* kColumns =
    "r.id, r.report_key, r.outlet, r.published, r.lang, r.title, r.url, r.format, r.origin, "
    "r.content_sha256, r.recorded_at, (SELECT count(*) FROM claims c WHERE c.report_id = r.id)";

StoredReport ReadRow(SQLite::Statement& st) {
  StoredReport s;
  s.row = st.getColumn(0).getInt64();
  s.report.id = ReportId(st.getColumn(1).getString());
  s.report.outlet = OptionalText(st.getColumn(2));
  s.report.published = TimestampFrom(st.getColumn(3));
  s.report.lang = OptionalText(st.getColumn(4));
  s.report.title = OptionalText(st.getColumn(5));
  s.report.url = OptionalText(st.getColumn(6));
  std::string format = st.getColumn(7).getString();
  s.report.format = format == "jsonl"   ? ReportFormat::kJsonl
                    : format == "table" ? ReportFormat::kTable
                                        : ReportFormat::kText;
  s.report.origin = st.getColumn(8).getString();
  s.report.content_sha256 = st.getColumn(9).getString();
  s.recorded_at = TimestampFrom(st.getColumn(10));
  s.claims = st.getColumn(11).getInt64();
  return s;
}

}  // namespace

std::optional<StoredReport> ReportRepository::FindByKey(const std::string& key) {
  return WithStorageContext("looking up a report", [&]() -> std::optional<StoredReport> {
    SQLite::Statement st(db_, std::string("SELECT ") + kColumns +
                                  " FROM reports r WHERE r.report_key = ?");
    st.bind(1, key);
    if (!st.executeStep()) return std::nullopt;
    return ReadRow(st);
  });
}

int64_t ReportRepository::Insert(const Report& report, Timestamp recorded_at) {
  return WithStorageContext("storing a report", [&] {
    SQLite::Statement st(db_,
                         "INSERT INTO reports (report_key, outlet, published, lang, title, url, "
                         "format, origin, content_sha256, body, recorded_at) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    st.bind(1, report.id.value());
    BindOptional(st, 2, report.outlet);
    st.bind(3, FormatTimestamp(report.published));
    BindOptional(st, 4, report.lang);
    BindOptional(st, 5, report.title);
    BindOptional(st, 6, report.url);
    st.bind(7, std::string(ToString(report.format)));
    st.bind(8, report.origin);
    st.bind(9, report.content_sha256);
    BindOptional(st, 10, report.body);
    st.bind(11, FormatTimestamp(recorded_at));
    st.exec();
    return db_.getLastInsertRowid();
  });
}

std::vector<StoredReport> ReportRepository::List() {
  return WithStorageContext("listing reports", [&] {
    std::vector<StoredReport> out;
    SQLite::Statement st(db_, std::string("SELECT ") + kColumns + " FROM reports r ORDER BY r.id");
    while (st.executeStep()) out.push_back(ReadRow(st));
    return out;
  });
}

std::vector<StoredReport> ReportRepository::ListWithoutCounts() {
  return WithStorageContext("listing reports", [&] {
    std::vector<StoredReport> out;
    SQLite::Statement st(db_,
                         "SELECT r.id, r.report_key, r.outlet, r.published, r.lang, r.title, r.url, "
                         "r.format, r.origin, r.content_sha256, r.recorded_at, 0 FROM reports r "
                         "ORDER BY r.id");
    while (st.executeStep()) out.push_back(ReadRow(st));
    return out;
  });
}

std::optional<std::string> ReportRepository::BodyOf(const std::string& key) {
  return WithStorageContext("reading a report body", [&]() -> std::optional<std::string> {
    SQLite::Statement st(db_, "SELECT body FROM reports WHERE report_key = ?");
    st.bind(1, key);
    if (!st.executeStep()) return std::nullopt;
    return OptionalText(st.getColumn(0));
  });
}

}  // namespace attest
