#include "db/ingest.h"

#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <future>
#include <numeric>

#include "db/claim_repository.h"
#include "db/incident_repository.h"
#include "db/reconcile_all.h"
#include "db/record_keeper.h"
#include "db/report_repository.h"
#include "db/source_repository.h"
#include "db/storage_error.h"
#include "db/verdict_repository.h"
#include "db/version_repository.h"
#include "engine/incidents/matching.h"

namespace attest {

namespace {

// Returns the stored report's row when `report` is already stored with the same
// content; throws when the id is taken by other content.
std::optional<int64_t> AlreadyStored(ReportRepository& reports, const Report& report) {
  auto stored = reports.FindByKey(report.id.value());
  if (!stored) return std::nullopt;
  if (stored->report.content_sha256 == report.content_sha256) return stored->row;
  throw InvalidInput(fmt::format(
      "{}: report '{}' was ingested before (from {}, recorded {}) with different content; "
      "reports are never overwritten: give the corrected report its own id",
      report.origin, report.id.value(), stored->report.origin,
      FormatTimestamp(stored->recorded_at)));
}

// The incidents one report touches, in order of first claim.
class TouchedIncidents {
 public:
  size_t Touch(Incident incident, bool created) {
    auto it = index_.find(incident.id.value());
    if (it != index_.end()) return it->second;
    index_.emplace(incident.id.value(), items_.size());
    items_.push_back({std::move(incident), created, false, {}});
    return items_.size() - 1;
  }
  struct Item {
    Incident incident;
    bool created;
    bool header_changed;
    std::vector<ClaimId> claims;
  };
  std::vector<Item>& items() { return items_; }
  Item& at(size_t i) { return items_[i]; }

 private:
  std::map<int64_t, size_t> index_;
  std::vector<Item> items_;
};

IngestedIncident Summarize(const TouchedIncidents::Item& item, std::optional<int64_t> version) {
  IngestedIncident out;
  out.id = item.incident.id;
  out.label = item.incident.Label();
  out.title = item.incident.title;
  out.created = item.created;
  out.version = version;
  out.claims = static_cast<int64_t>(item.claims.size());
  return out;
}

// The repositories of one write transaction, shared by the reports it stores:
// their prepared statements, the source cache and the next claim id are kept
// from one report to the next.
// Records are reconciled with the latest reliability estimate, read once per
// transaction; a new estimate is made only by `attest reconcile` (docs/cli.md).
struct Stores {
  Stores(SQLite::Database& db, const Rulebook& rules)
      : reliability(LatestSourceReliability(db)), reports(db), incidents(db), sources(db),
        claims(db, rules.slots), verdicts(db, rules.slots),
        keeper(db, rules, reliability ? &*reliability : nullptr) {}
  std::optional<SourceReliability> reliability;  // before keeper, which points into it
  ReportRepository reports;
  IncidentRepository incidents;
  SourceRepository sources;
  ClaimRepository claims;
  VerdictRepository verdicts;
  RecordKeeper keeper;
};

// Stores one report inside the caller's transaction.
IngestResult StoreReport(Stores& stores, const Rulebook& rules, ReportWithClaims input,
                         Timestamp now) {
  return WithStorageContext(fmt::format("ingesting report '{}'", input.report.id.value()), [&] {
    IngestResult result;
    result.report = input.report.id.value();
    ReportRepository& reports = stores.reports;
    if (AlreadyStored(reports, input.report)) {
      result.unchanged = true;
      return result;
    }
    int64_t report_row = reports.Insert(input.report, now);
    IncidentRepository& incidents = stores.incidents;
    SourceRepository& sources = stores.sources;
    ClaimRepository& claims = stores.claims;
    VerdictRepository& verdicts = stores.verdicts;
    RecordKeeper& keeper = stores.keeper;

    TouchedIncidents touched;
    std::map<std::string, size_t> by_key;                  // keys met in this report
    std::map<std::string, std::vector<size_t>> by_place;   // incidents met, by place
    std::map<std::string, bool> place_loaded;
    std::optional<size_t> previous;
    std::vector<size_t> claim_items;  // the touched incident of each claim

    for (Claim& claim : input.claims) {
      ResolvedRef ref = ResolveClaimRef(claim, rules);
      std::optional<size_t> target;
      if (ref.key) {
        if (auto it = by_key.find(*ref.key); it != by_key.end()) {
          target = it->second;
        } else if (auto found = incidents.FindByKey(*ref.key)) {
          target = touched.Touch(*found, false);
        }
      } else if (ref.place) {
        if (!place_loaded[*ref.place]) {
          place_loaded[*ref.place] = true;
          for (auto& inc : incidents.FindAtPlace(*ref.place)) {
            size_t i = touched.Touch(std::move(inc), false);
            auto& list = by_place[*ref.place];
            if (std::find(list.begin(), list.end(), i) == list.end()) list.push_back(i);
          }
        }
        std::vector<const Incident*> candidates;
        const auto& list = by_place[*ref.place];
        for (size_t i : list) candidates.push_back(&touched.at(i).incident);
        if (auto chosen = ChooseIncident(candidates, ref)) target = list[*chosen];
      } else if (previous) {
        const Incident& prev = touched.at(*previous).incident;
        if (!ref.date || !prev.date || ref.date->Overlaps(*prev.date)) target = previous;
      }
      if (!target) {
        Incident fresh = NewIncident(ref, now);
        incidents.Insert(fresh);
        target = touched.Touch(std::move(fresh), true);
        if (ref.key) by_key[*ref.key] = *target;
        if (ref.place) by_place[*ref.place].push_back(*target);
      } else if (ref.key) {
        by_key[*ref.key] = *target;
      }
      auto& item = touched.at(*target);
      if (AbsorbRef(item.incident, ref)) item.header_changed = true;
      if (item.incident.place && ref.place && !ref.key) {
        auto& list = by_place[*item.incident.place];
        if (std::find(list.begin(), list.end(), *target) == list.end()) list.push_back(*target);
      }
      claim.incident = item.incident.id;
      claim_items.push_back(*target);
      previous = target;
    }

    std::vector<int64_t> source_rows;
    for (const Claim& claim : input.claims) {
      source_rows.push_back(sources.FindOrCreate(claim.claimant.SourceName(), claim.claimant.kind));
    }
    claims.Insert(input.claims, report_row, source_rows);
    for (size_t i = 0; i < input.claims.size(); ++i) {
      touched.at(claim_items[i]).claims.push_back(input.claims[i].id);
    }
    result.claims = static_cast<int64_t>(input.claims.size());

    for (auto& item : touched.items()) {
      if (item.claims.empty()) continue;  // a candidate that no claim joined
      if (item.header_changed) incidents.Update(item.incident);
      VersionCause cause{"ingest", result.report, item.claims, std::nullopt, std::nullopt};
      auto version = keeper.Update(item.incident, claims.ForIncident(item.incident.id),
                                   verdicts.ForIncident(item.incident.id), cause, now,
                                   item.created);
      result.incidents.push_back(Summarize(item, version));
    }
    return result;
  });
}

}  // namespace

IngestResult IngestReport(SQLite::Database& db, const Rulebook& rules, ReportWithClaims input,
                          Timestamp now) {
  return WithStorageContext(fmt::format("ingesting report '{}'", input.report.id.value()), [&] {
    // IMMEDIATE: the write lock is taken before the first read, so that a second
    // writer waits (busy timeout) instead of failing to upgrade a read snapshot
    // that the first writer made stale (SQLITE_BUSY_SNAPSHOT, never retried).
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    Stores stores(db, rules);
    IngestResult result = StoreReport(stores, rules, std::move(input), now);
    tx.commit();
    return result;
  });
}

std::vector<IngestResult> IngestReports(SQLite::Database& db, const Rulebook& rules,
                                        std::vector<ReportWithClaims> inputs, Timestamp now,
                                        const IngestProgress& progress) {
  return WithStorageContext("ingesting reports", [&] {
    std::vector<IngestResult> results;
    results.reserve(inputs.size());
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);  // as above
    Stores stores(db, rules);
    for (size_t i = 0; i < inputs.size(); ++i) {
      results.push_back(StoreReport(stores, rules, std::move(inputs[i]), now));
      if (progress) progress(i + 1, inputs.size());
    }
    tx.commit();
    return results;
  });
}

namespace {

// One incident of a claim table, ready to be reconciled off the store's thread.
struct TableIncident {
  Incident incident;
  bool created = false;
  IncidentClaims claims;
  std::vector<Verdict> verdicts;
  std::optional<StoredVersion> latest;
  VersionCause cause;
};

// Reconciles a batch and makes its next versions: pure work, run on a second
// thread while the store takes the next batch's claims.
std::vector<std::optional<StoredVersion>> NextVersions(const std::vector<TableIncident>& batch,
                                                       const Rulebook& rules,
                                                       const SourceReliability* reliability,
                                                       Timestamp now) {
  std::vector<std::optional<StoredVersion>> out;
  out.reserve(batch.size());
  for (const TableIncident& t : batch) {
    IncidentRecord record = Reconcile(ReconcileInput{t.incident, t.claims.claims, t.claims.reports,
                                                     t.verdicts, rules, reliability});
    out.push_back(NextVersion(std::move(record), t.latest, t.cause, now));
  }
  return out;
}

constexpr size_t kIncidentsPerBatch = 256;

}  // namespace

// The table path runs as a two-stage pipeline over batches of incidents: the
// calling thread stores batch k's incidents and claims (SQLite, one connection)
// while a second thread reconciles batch k-1; versions are appended in table
// order, so the store ends up exactly as with one thread.
IngestResult IngestTable(SQLite::Database& db, const Rulebook& rules, const ClaimTable& table,
                         Timestamp now) {
  return WithStorageContext(fmt::format("ingesting report '{}'", table.report.id.value()), [&] {
    IngestResult result;
    result.report = table.report.id.value();
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);  // as above
    ReportRepository reports(db);
    if (AlreadyStored(reports, table.report)) {
      result.unchanged = true;
      return result;
    }
    int64_t report_row = reports.Insert(table.report, now);
    IncidentRepository incidents(db);
    SourceRepository sources(db);
    ClaimRepository claims(db, rules.slots);
    VerdictRepository verdicts(db, rules.slots);
    VersionRepository versions(db);

    std::vector<int64_t> source_rows(table.sources.size());
    for (size_t i = 0; i < table.sources.size(); ++i) {
      source_rows[i] = sources.FindOrCreate(table.sources[i], table.source_kinds[i]);
    }

    // Rows grouped by object, keeping table order within an object. Benchmark
    // tables come sorted, so the sort is skipped when it would change nothing.
    std::vector<uint32_t> order(table.rows.size());
    std::iota(order.begin(), order.end(), 0u);
    bool grouped = true;
    std::vector<bool> closed(table.objects.size(), false);
    for (size_t i = 1; i < table.rows.size() && grouped; ++i) {
      uint32_t prev = table.rows[i - 1].object, cur = table.rows[i].object;
      if (cur != prev) {
        closed[prev] = true;
        grouped = !closed[cur];
      }
    }
    if (!grouped) {
      std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
        return table.rows[a].object < table.rows[b].object;
      });
    }

    std::optional<SourceReliability> reliability = LatestSourceReliability(db);
    ReportFacts facts{table.report.outlet, table.report.published};
    std::vector<TableIncident> batch;
    // Declared before the future: if an error unwinds this scope, the future's
    // destructor waits for the worker before the batch it reads is destroyed.
    std::vector<TableIncident> pending_batch;
    std::future<std::vector<std::optional<StoredVersion>>> pending;
    std::vector<std::vector<Claim>> spare;
    auto finish_pending = [&] {
      if (!pending.valid()) return;
      std::vector<std::optional<StoredVersion>> next = pending.get();
      for (size_t i = 0; i < pending_batch.size(); ++i) {
        const TableIncident& t = pending_batch[i];
        std::optional<int64_t> version;
        if (next[i]) {
          versions.Append(*next[i]);
          version = next[i]->version.version;
        }
        TouchedIncidents::Item item{t.incident, t.created, false, t.cause.claims};
        result.incidents.push_back(Summarize(item, version));
      }
      // Reconciled claims go back to be refilled: their strings are reused.
      for (TableIncident& t : pending_batch) {
        if (t.created) spare.push_back(std::move(t.claims.claims));
      }
      pending_batch.clear();
    };
    auto launch = [&] {
      finish_pending();
      pending_batch = std::move(batch);
      batch.clear();
      pending = std::async(std::launch::async, NextVersions, std::cref(pending_batch),
                           std::cref(rules), reliability ? &*reliability : nullptr, now);
    };

    std::vector<int64_t> fresh_sources;
    for (size_t begin = 0; begin < order.size();) {
      uint32_t object = table.rows[order[begin]].object;
      size_t end = begin;
      while (end < order.size() && table.rows[order[end]].object == object) ++end;

      TableIncident t;
      const std::string& key = table.objects[object];
      std::optional<Incident> found = incidents.FindByKey(key);
      t.created = !found;
      if (found) {
        t.incident = std::move(*found);
      } else {
        ResolvedRef ref;
        ref.key = key;
        t.incident = NewIncident(ref, now);
        incidents.Insert(t.incident);
      }
      size_t n = end - begin;
      std::vector<Claim> fresh;
      if (!spare.empty()) {
        fresh = std::move(spare.back());
        spare.pop_back();
      }
      fresh.resize(n);
      fresh_sources.clear();
      for (size_t k = 0; k < n; ++k) {
        const ClaimTable::Row& row = table.rows[order[begin + k]];
        table.FillClaim(row, fresh[k]);
        fresh[k].ordinal = static_cast<int64_t>(order[begin + k]) + 1;
        fresh[k].incident = t.incident.id;
        fresh_sources.push_back(source_rows[row.source]);
      }
      claims.Insert(fresh, report_row, fresh_sources);
      t.cause = VersionCause{"ingest", result.report, {}, std::nullopt, std::nullopt};
      for (const Claim& c : fresh) t.cause.claims.push_back(c.id);
      if (t.created) {
        t.claims.claims = std::move(fresh);
      } else {
        t.claims = claims.ForIncident(t.incident.id);  // already holds the new claims
        t.verdicts = verdicts.ForIncident(t.incident.id);
        t.latest = versions.LatestStored(t.incident.id);
      }
      t.claims.reports[result.report] = facts;
      result.claims += static_cast<int64_t>(n);
      batch.push_back(std::move(t));
      if (batch.size() == kIncidentsPerBatch) launch();
      begin = end;
    }
    launch();
    finish_pending();
    tx.commit();
    return result;
  });
}

}  // namespace attest
