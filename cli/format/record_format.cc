#include "cli/format/record_format.h"

#include <fmt/format.h>

#include "cli/format/table.h"

namespace attest {

using ojson = nlohmann::ordered_json;

namespace {

std::string Confidence(double c) { return fmt::format("{:.3f}", c); }

}  // namespace

std::string StateForPeople(const SlotState& s) {
  return fmt::format("{} ({}, {}, {})", s.value ? *s.value : "no value", ToString(s.status),
                     s.credibility, Confidence(s.confidence));
}

std::string ValueForPeople(const SlotRecord& slot) {
  if (!slot.value) return "-";
  const auto* counted = std::get_if<CountRange>(&*slot.value);
  if (slot.estimate && counted && !counted->all) {
    const CountEstimate& e = *slot.estimate;
    bool point = e.high && *e.high == e.low && e.best && *e.best == e.low;
    if (point) return fmt::format("{}", e.low);
    std::string best = e.best ? fmt::format("{}", *e.best) : FormatSlotValue(*slot.value);
    std::string range = e.high ? fmt::format("{}–{}", e.low, *e.high) : fmt::format("≥{}", e.low);
    return fmt::format("{} (range {}{})", best, range,
                       e.conservative ? fmt::format(", conservative {}", *e.conservative) : "");
  }
  return FormatSlotValue(*slot.value);
}

std::string ValueForExport(const SlotRecord& slot) {
  if (!slot.value) return "";
  if (slot.estimate && slot.estimate->best) return fmt::format("{}", *slot.estimate->best);
  return FormatSlotValue(*slot.value);
}

std::string ClaimIds(const std::vector<ClaimId>& ids) {
  if (ids.empty()) return "-";
  std::string out;
  size_t shown = 0;
  for (ClaimId id : ids) {
    if (shown == 8) {
      out += fmt::format(" +{}", ids.size() - shown);
      break;
    }
    out += (out.empty() ? "" : " ") + fmt::format("c{}", id.value());
    ++shown;
  }
  return out;
}

void PrintRecord(const IncidentRecord& r, const RecordOrigin& o, std::ostream& out) {
  out << fmt::format("incident #{}{}: {}\n", r.incident.value(), r.key ? " " + *r.key : "",
                     r.title);
  out << fmt::format("place: {}   date: {}   event type: {}\n", r.place.value_or("-"),
                     r.date ? fmt::format("{} ({})", r.date->ToString(), ToString(r.date->precision))
                            : "-",
                     r.event_type.value_or("-"));
  out << fmt::format("actors: {}\n", JoinOrDash(r.actors));
  if (o.known_at) {
    out << fmt::format("as known at {}: reconciled from {} in {} published "
                       "by then (not a stored version)\n",
                       FormatTimestamp(*o.known_at), Counted(r.claims, "claim"),
                       Counted(r.reports, "report"));
  } else {
    out << fmt::format("version {}, recorded {}, from {} in {}\nhash {}\n",
                       o.version.value_or(0),
                       o.recorded_at ? FormatTimestamp(*o.recorded_at) : "-", Counted(r.claims, "claim"),
                       Counted(r.reports, "report"),
                       o.hash);
  }
  out << "\n";
  if (r.slots.empty()) {
    out << "no slot holds a claim yet (statements only)\n";
    return;
  }
  TextTable table({"slot", "value", "status", "cred", "conf", "support", "oppose", "silent"});
  for (const auto& s : r.slots) {
    table.AddRow({s.slot, ValueForPeople(s), std::string(ToString(s.status)),
                  fmt::format("{}", s.credibility), Confidence(s.confidence), ClaimIds(s.support),
                  ClaimIds(s.oppose), ClaimIds(s.silent)});
    table.AddNote(s.reason);
    for (const auto& a : s.alternatives) {
      table.AddNote(fmt::format("also asserted: {} by {}", FormatSlotValue(a.value),
                                ClaimIds(a.support)));
    }
  }
  table.Print(out);
}

ojson RecordJson(const IncidentRecord& r, const RecordOrigin& o) {
  ojson j;
  j["incident"] = r.incident.value();
  j["key"] = r.key ? ojson(*r.key) : ojson(nullptr);
  j["version"] = o.version ? ojson(*o.version) : ojson(nullptr);
  j["recorded_at"] = o.recorded_at ? ojson(FormatTimestamp(*o.recorded_at)) : ojson(nullptr);
  j["hash"] = o.hash.empty() ? ojson(nullptr) : ojson(o.hash);
  if (o.known_at) j["known_at"] = FormatTimestamp(*o.known_at);
  ojson record = RecordToJson(r);
  for (auto it = record.begin(); it != record.end(); ++it) {
    if (it.key() != "incident" && it.key() != "key") j[it.key()] = it.value();
  }
  return j;
}

std::string ChangeForPeople(const SlotChange& c) {
  if (c.slot.rfind("incident.", 0) == 0) {
    if (!c.before_text) return fmt::format("+ {}: {}", c.slot, c.after_text.value_or("-"));
    if (!c.after_text) return fmt::format("- {}: {}", c.slot, *c.before_text);
    return fmt::format("~ {}: {} → {}", c.slot, *c.before_text, *c.after_text);
  }
  if (!c.before && c.after) return fmt::format("+ {}: {}", c.slot, StateForPeople(*c.after));
  if (c.before && !c.after) return fmt::format("- {}: {}", c.slot, StateForPeople(*c.before));
  std::string line =
      fmt::format("~ {}: {} → {}", c.slot, StateForPeople(*c.before), StateForPeople(*c.after));
  if (c.before->claims != c.after->claims) {
    line += fmt::format(" [claims {} → {}]", c.before->claims, c.after->claims);
  }
  return line;
}

std::string CauseForPeople(const VersionCause& c) {
  std::string out = c.action;
  if (c.report) out += " of report " + *c.report;
  if (!c.claims.empty()) {
    out += " (" + Counted(static_cast<int64_t>(c.claims.size()), "claim") + ")";
  }
  if (c.by) out += " by " + *c.by;
  if (c.note) out += ": " + *c.note;
  return out;
}

}  // namespace attest
