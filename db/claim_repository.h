// Claims as stored. The core of each claim is in columns (claimant, slot, value,
// stance, modality, endorsement, polarity); the rest of the claim model (mention,
// chain, cue, hedges, quote, span, incident reference) is one JSON `detail`,
// absent for rows of claim tables. NULL modality / endorsement / polarity mean
// the defaults: certain, reported, positive.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/claims/claim.h"
#include "engine/reconcile/reconcile.h"
#include "engine/rulebook/slots.h"

namespace attest {

struct ClaimFilter {
  std::optional<IncidentId> incident;
  std::optional<std::string> claimant;  // source name, folded match
  std::optional<Stance> stance;
  std::optional<Timestamp> since;  // by the report's publication time
  std::optional<Timestamp> until;
  std::optional<std::string> search;  // in value, quote, text, mention
  std::optional<std::string> report;
  int64_t limit = 0;  // 0: no limit
};

// The claims of one incident with what reconciliation needs of their reports.
struct IncidentClaims {
  std::vector<Claim> claims;
  ReportIndex reports;
};

// Every claim of the store in a compact, column-wise copy (some 60 bytes a
// claim, against several hundred for a Claim), for use cases that go over all
// claims more than once: the store is read once, and each pass makes the
// claims of one incident at a time.
class StoredClaims {
 public:
  // `visit` gets each incident's claims (in id order) with their reports, in
  // incident order. The claims object is reused from one call to the next; `visit`
  // may move it out (and put an empty or spare one in its place).
  void ForEachIncident(const std::function<void(IncidentId, IncidentClaims&)>& visit) const;
  size_t size() const { return rows_.size(); }

 private:
  friend class ClaimRepository;
  struct Row {
    int64_t id = 0;
    int64_t ordinal = 0;
    uint32_t report = 0;  // index into reports_
    uint32_t source = 0;  // index into sources_
    uint32_t slot = 0;    // index into slots_
    uint32_t value_size = 0;
    uint64_t value_begin = 0;  // into text_
    uint64_t detail_begin = 0;
    uint32_t detail_size = 0;
    bool has_value = false, has_detail = false;
    Stance stance = Stance::kAsserts;
    Modality modality = Modality::kCertain;
    Endorsement endorsement = Endorsement::kReported;
    Polarity polarity = Polarity::kPositive;
  };
  struct Span {
    int64_t incident = 0;
    size_t begin = 0, end = 0;  // rows
  };
  struct Source {
    std::string name;
    ClaimantKind kind = ClaimantKind::kUnknown;
  };
  struct ReportRow {
    std::string key;
    ReportFacts facts;
  };
  const SlotCatalog* slots_catalog_ = nullptr;
  std::vector<Row> rows_;
  std::vector<Span> incidents_;
  std::vector<Source> sources_;
  std::vector<ReportRow> reports_;
  std::vector<std::pair<std::string, SlotType>> slots_;
  std::string text_;  // values and details, end to end
};

class ClaimRepository {
 public:
  // `slots` says how to read each stored value back (a count, a truth value, a
  // text); a value that no longer fits its slot's type is read as text.
  ClaimRepository(SQLite::Database& db, const SlotCatalog& slots);
  ~ClaimRepository();

  // Inserts claims of report row `report_row`, claim i by source row
  // `source_rows[i]`, and sets their ids (consecutive, after the largest stored
  // id). Rows go in multi-row statements prepared once; requires an open write
  // transaction, which keeps the ids unique.
  void Insert(std::vector<Claim>& claims, int64_t report_row,
              const std::vector<int64_t>& source_rows);

  // The claims of `incident`, oldest first; with `published_until`, only those
  // from reports published by then.
  IncidentClaims ForIncident(IncidentId incident,
                             std::optional<Timestamp> published_until = std::nullopt);

  std::vector<Claim> List(const ClaimFilter& filter);
  // The claim with this id. Claims are keyed by incident, so this reads the
  // table: give the incident when it is known (ForIncident).
  std::optional<Claim> FindById(ClaimId id);

  // Every stored claim, in one read of the table, kept compact in memory (below).
  StoredClaims ReadAll();

  // Claims whose report, incident or source row is missing (none in a sound
  // store): at most `limit` claim ids, and how many there are in all.
  std::pair<std::vector<ClaimId>, int64_t> Orphans(int64_t limit);

 private:
  Claim ReadRow(SQLite::Statement& st) const;

  SQLite::Statement& InsertStatement(size_t rows);

  SQLite::Database& db_;
  const SlotCatalog& slots_;
  int64_t next_id_ = 0;  // 0: not read yet
  std::map<size_t, std::unique_ptr<SQLite::Statement>> insert_;  // by rows per statement
  std::unique_ptr<SQLite::Statement> for_incident_;
};

}  // namespace attest
