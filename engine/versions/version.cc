#include "engine/versions/version.h"

#include <fmt/format.h>

#include <set>

#include "engine/base/error.h"
#include "engine/base/sha256.h"

namespace attest {

using ojson = nlohmann::ordered_json;

SlotState StateOf(const SlotRecord& slot) {
  SlotState s;
  if (slot.value) s.value = FormatSlotValue(*slot.value);
  s.status = slot.status;
  s.credibility = slot.credibility;
  s.confidence = slot.confidence;
  s.claims = static_cast<int64_t>(slot.support.size() + slot.oppose.size() + slot.silent.size());
  return s;
}

std::vector<SlotChange> DiffRecords(const IncidentRecord* before, const IncidentRecord& after) {
  std::vector<SlotChange> changes;
  auto field = [&](std::string name, std::optional<std::string> a, std::optional<std::string> b) {
    if (a != b) {
      SlotChange c;
      c.slot = "incident." + name;
      c.before_text = std::move(a);
      c.after_text = std::move(b);
      changes.push_back(std::move(c));
    }
  };
  auto date = [](const IncidentRecord* r) -> std::optional<std::string> {
    if (!r || !r->date) return std::nullopt;
    return r->date->ToString();
  };
  auto actors = [](const IncidentRecord* r) -> std::optional<std::string> {
    if (!r || r->actors.empty()) return std::nullopt;
    std::string out;
    for (const auto& a : r->actors) out += (out.empty() ? "" : ", ") + a;
    return out;
  };
  field("place", before ? before->place : std::nullopt, after.place);
  field("date", date(before), date(&after));
  field("event_type", before ? before->event_type : std::nullopt, after.event_type);
  field("actors", actors(before), actors(&after));

  std::set<std::string> names;
  if (before) {
    for (const auto& s : before->slots) names.insert(s.slot);
  }
  for (const auto& s : after.slots) names.insert(s.slot);
  for (const auto& name : names) {
    const SlotRecord* a = before ? before->Find(name) : nullptr;
    const SlotRecord* b = after.Find(name);
    if (a && b && *a == *b) continue;
    SlotChange c;
    c.slot = name;
    if (a) c.before = StateOf(*a);
    if (b) c.after = StateOf(*b);
    changes.push_back(std::move(c));
  }
  return changes;
}

namespace {

ojson Ids(const std::vector<ClaimId>& ids) {
  ojson out = ojson::array();
  for (ClaimId id : ids) out.push_back(id.value());
  return out;
}

std::vector<ClaimId> IdsFrom(const nlohmann::json& j) {
  std::vector<ClaimId> out;
  for (const auto& v : j) out.emplace_back(v.get<int64_t>());
  return out;
}

template <typename T>
std::optional<T> Opt(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return std::nullopt;
  return it->get<T>();
}

SlotValue SlotValueFromJson(const nlohmann::json& j) {
  if (j.is_boolean()) return j.get<bool>();
  if (j.is_string()) return j.get<std::string>();
  if (j.is_number_integer()) return CountRange::Exactly(j.get<int64_t>());
  if (j.is_object()) {
    if (j.value("all", false)) return CountRange::All();
    CountRange r;
    r.low = j.at("low").get<int64_t>();
    if (j.contains("high") && !j.at("high").is_null()) r.high = j.at("high").get<int64_t>();
    return r;
  }
  throw Storage("a stored slot value has an unknown form");
}

}  // namespace

ojson SlotValueToJson(const SlotValue& value) {
  if (const bool* b = std::get_if<bool>(&value)) return *b;
  if (const CountRange* r = std::get_if<CountRange>(&value)) {
    if (r->all) return ojson{{"all", true}};
    if (r->IsPoint()) return r->low;
    ojson out;
    out["low"] = r->low;
    if (r->high) out["high"] = *r->high;
    return out;
  }
  return std::get<std::string>(value);
}

ojson RecordToJson(const IncidentRecord& record) {
  ojson j;
  j["incident"] = record.incident.value();
  j["key"] = record.key ? ojson(*record.key) : ojson(nullptr);
  j["title"] = record.title;
  j["place"] = record.place ? ojson(*record.place) : ojson(nullptr);
  j["date"] = record.date ? ojson(record.date->ToString()) : ojson(nullptr);
  j["date_precision"] =
      record.date ? ojson(std::string(ToString(record.date->precision))) : ojson(nullptr);
  j["event_type"] = record.event_type ? ojson(*record.event_type) : ojson(nullptr);
  j["actors"] = record.actors;
  j["claims"] = record.claims;
  j["reports"] = record.reports;
  ojson slots = ojson::array();
  for (const auto& s : record.slots) {
    ojson o;
    o["slot"] = s.slot;
    o["value"] = s.value ? SlotValueToJson(*s.value) : ojson(nullptr);
    if (s.estimate) {
      ojson e;
      e["low"] = s.estimate->low;
      e["best"] = s.estimate->best ? ojson(*s.estimate->best) : ojson(nullptr);
      e["high"] = s.estimate->high ? ojson(*s.estimate->high) : ojson(nullptr);
      e["conservative"] =
          s.estimate->conservative ? ojson(*s.estimate->conservative) : ojson(nullptr);
      o["estimate"] = e;
    }
    o["status"] = std::string(ToString(s.status));
    o["credibility"] = s.credibility;
    o["confidence"] = s.confidence;
    o["reason"] = s.reason;
    o["support"] = Ids(s.support);
    o["oppose"] = Ids(s.oppose);
    o["silent"] = Ids(s.silent);
    if (!s.alternatives.empty()) {
      ojson alts = ojson::array();
      for (const auto& a : s.alternatives) {
        alts.push_back(ojson{{"value", SlotValueToJson(a.value)}, {"support", Ids(a.support)}});
      }
      o["alternatives"] = alts;
    }
    slots.push_back(std::move(o));
  }
  j["slots"] = std::move(slots);
  return j;
}

IncidentRecord RecordFromJson(const nlohmann::json& j) {
  try {
    IncidentRecord r;
    r.incident = IncidentId(j.at("incident").get<int64_t>());
    r.key = Opt<std::string>(j, "key");
    r.title = j.at("title").get<std::string>();
    r.place = Opt<std::string>(j, "place");
    if (auto d = Opt<std::string>(j, "date")) {
      r.date = ParseDateInterval(*d);
      if (auto p = Opt<std::string>(j, "date_precision")) {
        if (auto precision = ParseDatePrecision(*p); precision && r.date) {
          r.date->precision = *precision;
        }
      }
    }
    r.event_type = Opt<std::string>(j, "event_type");
    r.actors = j.at("actors").get<std::vector<std::string>>();
    r.claims = j.value("claims", int64_t{0});
    r.reports = j.value("reports", int64_t{0});
    for (const auto& o : j.at("slots")) {
      SlotRecord s;
      s.slot = o.at("slot").get<std::string>();
      if (!o.at("value").is_null()) s.value = SlotValueFromJson(o.at("value"));
      if (o.contains("estimate")) {
        const auto& e = o.at("estimate");
        CountEstimate est;
        est.low = e.at("low").get<int64_t>();
        est.best = Opt<int64_t>(e, "best");
        est.high = Opt<int64_t>(e, "high");
        est.conservative = Opt<int64_t>(e, "conservative");
        s.estimate = est;
      }
      auto status = ParseSlotStatus(o.at("status").get<std::string>());
      if (!status) throw Storage("a stored record holds an unknown status");
      s.status = *status;
      s.credibility = o.at("credibility").get<int>();
      s.confidence = o.at("confidence").get<double>();
      s.reason = o.at("reason").get<std::string>();
      s.support = IdsFrom(o.at("support"));
      s.oppose = IdsFrom(o.at("oppose"));
      s.silent = IdsFrom(o.at("silent"));
      if (o.contains("alternatives")) {
        for (const auto& a : o.at("alternatives")) {
          s.alternatives.push_back({SlotValueFromJson(a.at("value")), IdsFrom(a.at("support"))});
        }
      }
      r.slots.push_back(std::move(s));
    }
    return r;
  } catch (const nlohmann::json::exception& e) {
    throw Storage(fmt::format("a stored incident record cannot be read: {}", e.what()));
  }
}

ojson CauseToJson(const VersionCause& cause) {
  ojson j;
  j["action"] = cause.action;
  if (cause.report) j["report"] = *cause.report;
  j["claims"] = Ids(cause.claims);
  if (cause.by) j["by"] = *cause.by;
  if (cause.note) j["note"] = *cause.note;
  return j;
}

VersionCause CauseFromJson(const nlohmann::json& j) {
  try {
    VersionCause c;
    c.action = j.at("action").get<std::string>();
    c.report = Opt<std::string>(j, "report");
    c.claims = IdsFrom(j.at("claims"));
    c.by = Opt<std::string>(j, "by");
    c.note = Opt<std::string>(j, "note");
    return c;
  } catch (const nlohmann::json::exception& e) {
    throw Storage(fmt::format("a stored version cause cannot be read: {}", e.what()));
  }
}

ojson SlotStateToJson(const SlotState& s) {
  ojson j;
  j["value"] = s.value ? ojson(*s.value) : ojson(nullptr);
  j["status"] = std::string(ToString(s.status));
  j["credibility"] = s.credibility;
  j["confidence"] = s.confidence;
  j["claims"] = s.claims;
  return j;
}

ojson ChangesToJson(const std::vector<SlotChange>& changes) {
  ojson out = ojson::array();
  for (const auto& c : changes) {
    ojson j;
    j["slot"] = c.slot;
    if (c.before_text || c.after_text || c.slot.rfind("incident.", 0) == 0) {
      j["before"] = c.before_text ? ojson(*c.before_text) : ojson(nullptr);
      j["after"] = c.after_text ? ojson(*c.after_text) : ojson(nullptr);
    } else {
      j["before"] = c.before ? SlotStateToJson(*c.before) : ojson(nullptr);
      j["after"] = c.after ? SlotStateToJson(*c.after) : ojson(nullptr);
    }
    out.push_back(std::move(j));
  }
  return out;
}

std::vector<SlotChange> ChangesFromJson(const nlohmann::json& json) {
  std::vector<SlotChange> out;
  try {
    for (const auto& j : json) {
      SlotChange c;
      c.slot = j.at("slot").get<std::string>();
      auto state = [](const nlohmann::json& s) -> std::optional<SlotState> {
        if (s.is_null()) return std::nullopt;
        SlotState st;
        st.value = Opt<std::string>(s, "value");
        auto status = ParseSlotStatus(s.at("status").get<std::string>());
        if (!status) throw Storage("a stored change holds an unknown status");
        st.status = *status;
        st.credibility = s.at("credibility").get<int>();
        st.confidence = s.at("confidence").get<double>();
        st.claims = s.at("claims").get<int64_t>();
        return st;
      };
      if (c.slot.rfind("incident.", 0) == 0) {
        c.before_text = Opt<std::string>(j, "before");
        c.after_text = Opt<std::string>(j, "after");
      } else {
        c.before = state(j.at("before"));
        c.after = state(j.at("after"));
      }
      out.push_back(std::move(c));
    }
  } catch (const nlohmann::json::exception& e) {
    throw Storage(fmt::format("a stored change list cannot be read: {}", e.what()));
  }
  return out;
}

SerializedVersion Serialize(const IncidentVersion& v) {
  SerializedVersion s;
  s.incident = v.incident.value();
  s.version = v.version;
  s.recorded_at = FormatTimestamp(v.recorded_at);
  s.cause = CauseToJson(v.cause).dump();
  s.changes = ChangesToJson(v.changes).dump();
  s.record = RecordToJson(v.record).dump();
  s.prev_hash = v.prev_hash;
  return s;
}

std::string HashVersion(const SerializedVersion& v) {
  std::string text = fmt::format("attest-version-1\n{}\n{}\n{}\n{}\n{}\n{}\n{}", v.incident,
                                 v.version, v.recorded_at, v.cause, v.changes, v.record,
                                 v.prev_hash);
  return Sha256Hex(text);
}

}  // namespace attest
