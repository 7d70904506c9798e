// Incidents as stored: the matching attributes (key, place, date, actors) and the
// merge pointer. What is known about an incident lives in its versions.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/incidents/incident.h"
#include "engine/reconcile/record.h"

namespace attest {

struct IncidentFilter {
  std::optional<std::string> place;   // canonical name or as written, folded
  std::optional<std::string> actor;   // canonical actor name
  std::optional<DateInterval> since;  // incidents whose date ends on or after
  std::optional<DateInterval> until;  // incidents whose date starts on or before
  std::optional<SlotStatus> status;   // a slot of the latest version has it
};

struct IncidentListing {
  Incident incident;
  int64_t version = 0;  // latest version, 0 when none
};

class IncidentRepository {
 public:
  explicit IncidentRepository(SQLite::Database& db);
  ~IncidentRepository();

  // Inserts and assigns incident.id.
  void Insert(Incident& incident);
  void Update(const Incident& incident);

  std::optional<Incident> FindById(IncidentId id);
  std::optional<Incident> FindByKey(const std::string& key);
  // Incidents at `place` (canonical), for matching.
  std::vector<Incident> FindAtPlace(const std::string& place);
  // By key, else by id written "#12" or "12". Follows merges. Throws NotFound.
  Incident Resolve(const std::string& label);

  std::vector<IncidentListing> List(const IncidentFilter& filter);
  // Every incident, merged ones included, by id.
  std::vector<Incident> All();

 private:
  SQLite::Database& db_;
  std::unique_ptr<SQLite::Statement> by_key_;
  std::unique_ptr<SQLite::Statement> insert_;
};

}  // namespace attest
