// An incident: one real-world event (an ambush, a strike, an abduction) that
// claims are about. The incident row carries what matching needs (key, place,
// date, actors); what is known about the event is its record (engine/reconcile/).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/base/ids.h"
#include "engine/time/date_interval.h"
#include "engine/time/timestamp.h"

namespace attest {

struct Incident {
  IncidentId id;
  std::optional<std::string> key;  // the object of a claim table, or incident.key
  std::string title;
  std::optional<std::string> place;    // canonical gazetteer name, else as written
  std::optional<std::string> country;  // from the gazetteer, when known
  std::optional<DateInterval> date;
  std::optional<std::string> event_type;
  std::vector<std::string> actors;  // canonical names, sorted
  std::optional<IncidentId> merged_into;
  Timestamp created_at;

  // "key" when set, else "#<id>": how commands name the incident to people.
  std::string Label() const;
};

// "battles at Alkit, 2025-07-14" from what is known; "incident at Alkit" when
// the event type is not, the key alone when neither place nor date is.
std::string DescribeIncident(const Incident& incident);

}  // namespace attest
