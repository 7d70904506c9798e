#include "db/reliability_repository.h"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "db/row_values.h"
#include "db/storage_error.h"

namespace attest {

namespace {

using json = nlohmann::json;

ReliabilityLetter LetterFrom(const SQLite::Column& c) {
  auto l = ParseReliabilityLetter(c.getString());
  if (!l) throw Storage("a stored reliability letter is not A to F: " + c.getString());
  return *l;
}

ReliabilityRun ReadRun(SQLite::Statement& st) {
  ReliabilityRun r;
  r.id = st.getColumn(0).getInt64();
  r.recorded_at = TimestampFrom(st.getColumn(1));
  r.cause = st.getColumn(2).getString();
  r.sources = st.getColumn(3).getInt64();
  r.claims = st.getColumn(4).getInt64();
  r.items = st.getColumn(5).getInt64();
  r.iterations = st.getColumn(6).getInt64();
  r.converged = st.getColumn(7).getInt() != 0;
  return r;
}

constexpr const char* kRunColumns =
    "id, recorded_at, cause, sources, claims, items, iterations, converged";

constexpr const char* kEstimateColumns =
    "s.name, s.kind, e.probability, e.prior, e.letter, e.claims, e.checked, e.held, e.failed, "
    "e.confirmed, e.refuted, e.topics, e.checked_incidents";

SourceEstimate ReadEstimate(SQLite::Statement& st) {
  SourceEstimate e;
  e.name = st.getColumn(0).getString();
  e.kind = ParseClaimantKind(st.getColumn(1).getString()).value_or(ClaimantKind::kUnknown);
  e.probability = st.getColumn(2).getDouble();
  e.prior = st.getColumn(3).getDouble();
  e.letter = LetterFrom(st.getColumn(4));
  e.claims = st.getColumn(5).getInt64();
  e.checked = st.getColumn(6).getInt64();
  e.held = st.getColumn(7).getInt64();
  e.failed = st.getColumn(8).getInt64();
  e.confirmed = st.getColumn(9).getInt64();
  e.refuted = st.getColumn(10).getInt64();
  e.checked_incidents = st.getColumn(12).getInt64();
  try {
    for (const auto& t : json::parse(st.getColumn(11).getString())) {
      e.topics.push_back({t.at("topic").get<std::string>(), t.at("claims").get<int64_t>(),
                          t.at("checked").get<int64_t>(), t.at("probability").get<double>()});
    }
  } catch (const json::exception& ex) {
    throw Storage(
        fmt::format("source {}: its stored topics cannot be read: {}", e.name, ex.what()));
  }
  return e;
}

}  // namespace

ReliabilityRepository::ReliabilityRepository(SQLite::Database& db) : db_(db) {}

void ReliabilityRepository::InsertRun(ReliabilityRun& run, const std::string& policy) {
  WithStorageContext("recording a reliability run", [&] {
    SQLite::Statement st(
        db_,
        "INSERT INTO reliability_runs (recorded_at, cause, sources, claims, items, "
        "iterations, converged, policy) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    st.bind(1, FormatTimestamp(run.recorded_at));
    st.bind(2, run.cause);
    st.bind(3, run.sources);
    st.bind(4, run.claims);
    st.bind(5, run.items);
    st.bind(6, run.iterations);
    st.bind(7, run.converged ? 1 : 0);
    st.bind(8, policy);
    st.exec();
    run.id = db_.getLastInsertRowid();
  });
}

void ReliabilityRepository::InsertEstimate(int64_t run, int64_t source_row,
                                           const SourceEstimate& e) {
  WithStorageContext("recording a source estimate", [&] {
    SQLite::Statement st(db_,
                         "INSERT INTO source_estimates (run_id, source_id, probability, prior, "
                         "letter, claims, checked, held, failed, confirmed, refuted, topics, "
                         "checked_incidents) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    json topics = json::array();
    for (const TopicRecord& t : e.topics) {
      topics.push_back({{"topic", t.topic},
                        {"claims", t.claims},
                        {"checked", t.checked},
                        {"probability", t.probability}});
    }
    st.bind(1, run);
    st.bind(2, source_row);
    st.bind(3, e.probability);
    st.bind(4, e.prior);
    st.bind(5, std::string(ToString(e.letter)));
    st.bind(6, e.claims);
    st.bind(7, e.checked);
    st.bind(8, e.held);
    st.bind(9, e.failed);
    st.bind(10, e.confirmed);
    st.bind(11, e.refuted);
    st.bind(12, topics.dump());
    st.bind(13, e.checked_incidents);
    st.exec();
  });
}

void ReliabilityRepository::InsertCopy(int64_t run, int64_t source_row, int64_t other_row,
                                       const CopyRelation& c) {
  WithStorageContext("recording a copy relation", [&] {
    SQLite::Statement st(db_,
                         "INSERT INTO copy_relations (run_id, source_id, other_id, dependence, "
                         "rate, shared, same, declared) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    st.bind(1, run);
    st.bind(2, std::min(source_row, other_row));
    st.bind(3, std::max(source_row, other_row));
    st.bind(4, c.dependence);
    st.bind(5, c.rate);
    st.bind(6, c.shared);
    st.bind(7, c.same);
    st.bind(8, c.declared ? 1 : 0);
    st.exec();
  });
}

std::optional<ReliabilityRun> ReliabilityRepository::LatestRun(std::optional<Timestamp> at) {
  return WithStorageContext("reading the reliability runs", [&]() -> std::optional<ReliabilityRun> {
    std::string sql = std::string("SELECT ") + kRunColumns + " FROM reliability_runs";
    if (at) sql += " WHERE recorded_at <= ?";
    sql += " ORDER BY recorded_at DESC, id DESC LIMIT 1";
    SQLite::Statement st(db_, sql);
    if (at) st.bind(1, FormatTimestamp(*at));
    if (!st.executeStep()) return std::nullopt;
    return ReadRun(st);
  });
}

std::optional<ReliabilityRun> ReliabilityRepository::Run(int64_t id) {
  return WithStorageContext("reading a reliability run", [&]() -> std::optional<ReliabilityRun> {
    SQLite::Statement st(
        db_, std::string("SELECT ") + kRunColumns + " FROM reliability_runs WHERE id = ?");
    st.bind(1, id);
    if (!st.executeStep()) return std::nullopt;
    return ReadRun(st);
  });
}

std::vector<SourceEstimate> ReliabilityRepository::Estimates(int64_t run) {
  return WithStorageContext("reading source estimates", [&] {
    SQLite::Statement st(db_, std::string("SELECT ") + kEstimateColumns +
                                  " FROM source_estimates e JOIN sources s ON s.id = e.source_id "
                                  "WHERE e.run_id = ? ORDER BY s.name");
    st.bind(1, run);
    std::vector<SourceEstimate> out;
    while (st.executeStep()) out.push_back(ReadEstimate(st));
    return out;
  });
}

std::optional<SourceEstimate> ReliabilityRepository::EstimateOf(int64_t run,
                                                                const std::string& source) {
  return WithStorageContext("reading a source estimate", [&]() -> std::optional<SourceEstimate> {
    SQLite::Statement st(db_, std::string("SELECT ") + kEstimateColumns +
                                  " FROM source_estimates e JOIN sources s ON s.id = e.source_id "
                                  "WHERE e.run_id = ? AND s.name = ?");
    st.bind(1, run);
    st.bind(2, source);
    if (!st.executeStep()) return std::nullopt;
    return ReadEstimate(st);
  });
}

std::vector<NamedCopy> ReliabilityRepository::Copies(int64_t run, double min_dependence,
                                                     const std::optional<std::string>& source) {
  return WithStorageContext("reading copy relations", [&] {
    std::string sql =
        "SELECT a.name, b.name, c.dependence, c.rate, c.shared, c.same, c.declared "
        "FROM copy_relations c JOIN sources a ON a.id = c.source_id "
        "JOIN sources b ON b.id = c.other_id WHERE c.run_id = ? AND c.dependence >= ?";
    if (source) sql += " AND (a.name = ? OR b.name = ?)";
    sql += " ORDER BY c.dependence DESC, c.rate DESC, a.name, b.name";
    SQLite::Statement st(db_, sql);
    st.bind(1, run);
    st.bind(2, min_dependence);
    if (source) {
      st.bind(3, *source);
      st.bind(4, *source);
    }
    std::vector<NamedCopy> out;
    while (st.executeStep()) {
      NamedCopy n;
      n.source = st.getColumn(0).getString();
      n.other = st.getColumn(1).getString();
      n.relation.dependence = st.getColumn(2).getDouble();
      n.relation.rate = st.getColumn(3).getDouble();
      n.relation.shared = st.getColumn(4).getInt64();
      n.relation.same = st.getColumn(5).getInt64();
      n.relation.declared = st.getColumn(6).getInt() != 0;
      out.push_back(std::move(n));
    }
    return out;
  });
}

std::vector<SourceStandingAt> ReliabilityRepository::HistoryOf(const std::string& source) {
  return WithStorageContext("reading a source's history", [&] {
    SQLite::Statement st(db_,
                         "SELECT r.id, r.recorded_at, e.probability, e.letter, e.claims, e.checked "
                         "FROM source_estimates e JOIN sources s ON s.id = e.source_id "
                         "JOIN reliability_runs r ON r.id = e.run_id WHERE s.name = ? "
                         "ORDER BY r.recorded_at, r.id");
    st.bind(1, source);
    std::vector<SourceStandingAt> out;
    while (st.executeStep()) {
      out.push_back({st.getColumn(0).getInt64(), TimestampFrom(st.getColumn(1)),
                     st.getColumn(2).getDouble(), LetterFrom(st.getColumn(3)),
                     st.getColumn(4).getInt64(), st.getColumn(5).getInt64()});
    }
    return out;
  });
}

std::vector<ReliabilityMove> ReliabilityRepository::MovedBetween(Timestamp from, Timestamp to,
                                                                 double min_move) {
  return WithStorageContext("comparing reliability runs", [&] {
    // The query docs/schema.md gives for "sources whose reliability moved".
    SQLite::Statement st(
        db_,
        "WITH a AS (SELECT id, recorded_at FROM reliability_runs WHERE recorded_at <= :from "
        "           ORDER BY recorded_at DESC, id DESC LIMIT 1), "
        "     b AS (SELECT id, recorded_at FROM reliability_runs WHERE recorded_at <= :to "
        "           ORDER BY recorded_at DESC, id DESC LIMIT 1) "
        "SELECT s.name, ea.probability, ea.letter, ea.claims, ea.checked, a.id, a.recorded_at, "
        "       eb.probability, eb.letter, eb.claims, eb.checked, b.id, b.recorded_at "
        "FROM b JOIN source_estimates eb ON eb.run_id = b.id "
        "JOIN sources s ON s.id = eb.source_id "
        "LEFT JOIN a ON 1 "
        "LEFT JOIN source_estimates ea ON ea.run_id = a.id AND ea.source_id = eb.source_id "
        "WHERE a.id IS NOT b.id AND (ea.letter IS NULL OR ea.letter <> eb.letter "
        "      OR abs(eb.probability - ea.probability) >= :move) "
        "ORDER BY s.name");
    st.bind(":from", FormatTimestamp(from));
    st.bind(":to", FormatTimestamp(to));
    st.bind(":move", min_move);
    std::vector<ReliabilityMove> out;
    while (st.executeStep()) {
      ReliabilityMove m;
      m.source = st.getColumn(0).getString();
      if (!st.getColumn(1).isNull()) {
        m.before = SourceStandingAt{st.getColumn(5).getInt64(),  TimestampFrom(st.getColumn(6)),
                                    st.getColumn(1).getDouble(), LetterFrom(st.getColumn(2)),
                                    st.getColumn(3).getInt64(),  st.getColumn(4).getInt64()};
      }
      m.after = SourceStandingAt{st.getColumn(11).getInt64(), TimestampFrom(st.getColumn(12)),
                                 st.getColumn(7).getDouble(), LetterFrom(st.getColumn(8)),
                                 st.getColumn(9).getInt64(),  st.getColumn(10).getInt64()};
      out.push_back(std::move(m));
    }
    return out;
  });
}

SourceReliability ReliabilityRepository::ForReconciliation(int64_t run) {
  return WithStorageContext("reading the source reliability", [&] {
    SourceReliability out;
    SQLite::Statement st(db_,
                         "SELECT s.name, e.probability, e.letter FROM source_estimates e "
                         "JOIN sources s ON s.id = e.source_id WHERE e.run_id = ? ORDER BY s.name");
    st.bind(1, run);
    while (st.executeStep()) {
      out.Set(st.getColumn(0).getString(),
              SourceStanding{st.getColumn(1).getDouble(), LetterFrom(st.getColumn(2))});
    }
    for (const NamedCopy& c : Copies(run, 0.0)) {
      out.SetCopy(c.source, c.other, c.relation.dependence * c.relation.rate);
    }
    return out;
  });
}

}  // namespace attest
