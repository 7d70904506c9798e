// Analysts' verdicts, append-only; reconciliation reads them with the claims.
#pragma once

#include <SQLiteCpp/Database.h>

#include <map>
#include <vector>

#include "engine/reconcile/verdict.h"
#include "engine/rulebook/slots.h"

namespace attest {

class VerdictRepository {
 public:
  VerdictRepository(SQLite::Database& db, const SlotCatalog& slots) : db_(db), slots_(slots) {}

  // Inserts and sets verdict.id.
  void Insert(Verdict& verdict);
  // The verdicts on an incident in recorded order; with `recorded_until`, only
  // those recorded by then.
  std::vector<Verdict> ForIncident(IncidentId incident,
                                   std::optional<Timestamp> recorded_until = std::nullopt);
  // Every verdict, by incident, each incident's in recorded order.
  std::map<IncidentId, std::vector<Verdict>> All();

 private:
  std::vector<Verdict> Read(const std::string& where, const std::optional<IncidentId>& incident,
                            const std::optional<Timestamp>& recorded_until);

  SQLite::Database& db_;
  const SlotCatalog& slots_;
};

}  // namespace attest
