#include "engine/incidents/incident.h"

#include <fmt/format.h>

namespace attest {

std::string Incident::Label() const {
  if (key) return *key;
  return fmt::format("#{}", id.value());
}

std::string DescribeIncident(const Incident& incident) {
  std::string what = incident.event_type ? *incident.event_type : "incident";
  if (!incident.place && !incident.date) {
    return incident.key ? *incident.key : what;
  }
  std::string out = what;
  if (incident.place) out += " at " + *incident.place;
  if (incident.date) out += (incident.place ? ", " : " on ") + incident.date->ToString();
  return out;
}

}  // namespace attest
