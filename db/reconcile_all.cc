#include "db/reconcile_all.h"

#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <algorithm>
#include <future>
#include <map>
#include <nlohmann/json.hpp>

#include "db/claim_repository.h"
#include "db/incident_repository.h"
#include "db/source_repository.h"
#include "db/storage_error.h"
#include "db/verdict_repository.h"
#include "db/version_repository.h"
#include "engine/reconcile/reconcile.h"
#include "engine/reliability/claim_evidence.h"

namespace attest {

namespace {

// The policy a run used, kept with it so that a past run can be explained.
std::string PolicyText(const ReliabilityPolicy& p) {
  nlohmann::ordered_json j;
  nlohmann::ordered_json priors;
  for (size_t k = 0; k < p.priors.size(); ++k) {
    priors[std::string(ToString(static_cast<ClaimantKind>(k)))] = p.priors[k];
  }
  j["prior"] = priors;
  j["prior_strength"] = p.prior_strength;
  j["copy_rate"] = p.copy_rate;
  j["similarity"] = p.similarity;
  j["closeness"] = p.closeness;
  j["less_specific_credit"] = p.less_specific_credit;
  j["max_iterations"] = p.max_iterations;
  j["tolerance"] = p.tolerance;
  j["letters"] = {{"min_evidence", p.min_evidence},
                  {"a", p.a},
                  {"a_evidence", p.a_evidence},
                  {"b", p.b},
                  {"c", p.c},
                  {"d", p.d}};
  return j.dump();
}

const Incident* FindIncident(const std::vector<Incident>& all, IncidentId id) {
  auto it = std::lower_bound(all.begin(), all.end(), id,
                             [](const Incident& i, IncidentId v) { return i.id < v; });
  return it != all.end() && it->id == id ? &*it : nullptr;
}

// One incident to reconcile on the worker thread.
struct Task {
  const Incident* incident = nullptr;
  IncidentClaims claims;
  const std::vector<Verdict>* verdicts = nullptr;
  std::optional<StoredVersion> latest;
};

std::vector<std::optional<StoredVersion>> Reconciled(const std::vector<Task>& batch,
                                                     const Rulebook& rules,
                                                     const SourceReliability& reliability,
                                                     const VersionCause& cause, Timestamp now) {
  std::vector<std::optional<StoredVersion>> out;
  out.reserve(batch.size());
  for (const Task& t : batch) {
    IncidentRecord record = Reconcile(ReconcileInput{*t.incident, t.claims.claims, t.claims.reports,
                                                     *t.verdicts, rules, &reliability});
    out.push_back(NextVersion(std::move(record), t.latest, cause, now));
  }
  return out;
}

constexpr size_t kIncidentsPerBatch = 256;

}  // namespace

std::optional<SourceReliability> LatestSourceReliability(SQLite::Database& db) {
  ReliabilityRepository runs(db);
  std::optional<ReliabilityRun> latest = runs.LatestRun();
  if (!latest) return std::nullopt;
  return runs.ForReconciliation(latest->id);
}

// How it proceeds:
//   1. Read every claim once into a compact copy in memory, and from it, an
//      incident at a time, the estimator's evidence
//      (engine/reliability/claim_evidence.h), with all the verdicts.
//   2. Estimate (engine/reliability/estimator.h) and record the run: one row per
//      source with a stored row, one per copy relation.
//   3. Go over the claims again and reconcile each incident with the run's
//      reliability, as every later ingest will (read back from the store, so the
//      two agree), on a second thread while the store takes the previous batch's
//      versions; a version is appended only where the record changed.
ReconcileResult ReconcileAll(SQLite::Database& db, const Rulebook& rules, Timestamp now) {
  return WithStorageContext("reconciling every incident", [&] {
    ReconcileResult result;
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);  // a writer: lock first (db/ingest.cc)
    IncidentRepository incident_repo(db);
    ClaimRepository claims(db, rules.slots);
    VerdictRepository verdict_repo(db, rules.slots);
    VersionRepository versions(db);
    ReliabilityRepository reliability(db);
    SourceRepository sources(db);

    std::vector<Incident> incidents = incident_repo.All();
    std::map<IncidentId, std::vector<Verdict>> verdicts = verdict_repo.All();
    static const std::vector<Verdict> kNoVerdicts;
    auto verdicts_of = [&](IncidentId id) -> const std::vector<Verdict>& {
      auto it = verdicts.find(id);
      return it == verdicts.end() ? kNoVerdicts : it->second;
    };
    auto incident_of = [&](IncidentId id) -> const Incident& {
      const Incident* found = FindIncident(incidents, id);
      if (!found) {
        throw Storage(
            fmt::format("claims refer to incident {}, which is missing; run `attest "
                        "verify`",
                        id.value()));
      }
      return *found;
    };

    // 1.
    StoredClaims stored_claims = claims.ReadAll();
    ClaimEvidence builder(rules);
    int64_t claim_count = 0;
    stored_claims.ForEachIncident([&](IncidentId id, IncidentClaims& ic) {
      builder.AddIncident(incident_of(id), ic.claims, verdicts_of(id));
      claim_count += static_cast<int64_t>(ic.claims.size());
    });
    size_t items = builder.items();
    if (claim_count == 0) return result;  // nothing to estimate: no run is recorded
    Evidence evidence = builder.Finish();

    // 2.
    ReliabilityEstimate estimate = EstimateReliability(evidence, rules.reliability);
    result.previous = reliability.LatestRun();
    std::map<std::string, SourceEstimate> before;
    if (result.previous) {
      for (SourceEstimate& e : reliability.Estimates(result.previous->id)) {
        std::string name = e.name;
        before.emplace(std::move(name), std::move(e));
      }
    }
    std::unordered_map<std::string, int64_t> rows = sources.All();
    ReliabilityRun& run = result.run;
    run.recorded_at = now;
    run.cause = "reconcile";
    run.claims = claim_count;
    run.items = static_cast<int64_t>(items);
    run.iterations = estimate.iterations;
    run.converged = estimate.converged;
    for (const SourceEstimate& e : estimate.sources) run.sources += rows.count(e.name) ? 1 : 0;
    reliability.InsertRun(run, PolicyText(rules.reliability));
    std::vector<const SourceEstimate*> stored;
    for (const SourceEstimate& e : estimate.sources) {
      auto row = rows.find(e.name);
      if (row == rows.end()) continue;  // a relay origin that made no claim of its own
      reliability.InsertEstimate(run.id, row->second, e);
      stored.push_back(&e);
    }
    for (const CopyRelation& c : estimate.copies) {
      auto a = rows.find(evidence.sources[c.a].name);
      auto b = rows.find(evidence.sources[c.b].name);
      if (a == rows.end() || b == rows.end()) continue;
      reliability.InsertCopy(run.id, a->second, b->second, c);
      if (c.dependence >= rules.reliability.copy_reported) ++result.copies;
    }
    std::sort(stored.begin(), stored.end(),
              [](const SourceEstimate* a, const SourceEstimate* b) { return a->name < b->name; });
    for (const SourceEstimate* e : stored) {
      auto it = before.find(e->name);
      bool moved = it == before.end() || it->second.letter != e->letter ||
                   std::abs(it->second.probability - e->probability) >= kReportedMove;
      if (!moved) continue;
      SourceChange change{e->name, std::nullopt, *e};
      if (it != before.end()) change.before = it->second;
      result.sources_changed.push_back(std::move(change));
    }

    // 3.
    SourceReliability standing = reliability.ForReconciliation(run.id);
    VersionCause cause{"reconcile",
                       std::nullopt,
                       {},
                       std::nullopt,
                       fmt::format("source reliability run {}", run.id)};
    std::vector<Task> batch;
    // Declared before the future: if an error unwinds, the future's destructor
    // waits for the worker before the batch it reads goes away.
    std::vector<Task> pending;
    std::future<std::vector<std::optional<StoredVersion>>> working;
    std::vector<IncidentClaims> spare;
    auto finish = [&] {
      if (!working.valid()) return;
      std::vector<std::optional<StoredVersion>> next = working.get();
      for (size_t i = 0; i < pending.size(); ++i) {
        ++result.incidents;
        if (!next[i]) continue;
        versions.Append(*next[i]);
        ++result.versions;
        ReconciledIncident r;
        r.label = pending[i].incident->Label();
        r.title = pending[i].incident->title;
        r.version = next[i]->version.version;
        if (result.changed.size() < ReconcileResult::kDetailedIncidents) {
          r.changes = ChangesFromJson(nlohmann::json::parse(next[i]->version.changes));
        }
        result.changed.push_back(std::move(r));
      }
      for (Task& t : pending) spare.push_back(std::move(t.claims));
      pending.clear();
    };
    auto launch = [&] {
      finish();
      if (batch.empty()) return;
      std::vector<StoredVersion> latest =
          versions.LatestStoredBetween(batch.front().incident->id, batch.back().incident->id);
      size_t at = 0;
      for (Task& t : batch) {
        while (at < latest.size() && latest[at].version.incident < t.incident->id.value()) ++at;
        if (at < latest.size() && latest[at].version.incident == t.incident->id.value()) {
          t.latest = std::move(latest[at]);
        }
      }
      pending = std::move(batch);
      batch.clear();
      working = std::async(std::launch::async, Reconciled, std::cref(pending), std::cref(rules),
                           std::cref(standing), std::cref(cause), now);
    };
    stored_claims.ForEachIncident([&](IncidentId id, IncidentClaims& ic) {
      Task t;
      t.incident = &incident_of(id);
      t.verdicts = &verdicts_of(id);
      t.claims = std::move(ic);
      if (!spare.empty()) {
        ic = std::move(spare.back());
        spare.pop_back();
      } else {
        ic = IncidentClaims{};
      }
      batch.push_back(std::move(t));
      if (batch.size() == kIncidentsPerBatch) launch();
    });
    launch();
    finish();
    tx.commit();
    return result;
  });
}

}  // namespace attest
