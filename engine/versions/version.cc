#include "engine/versions/version.h"

#include <fmt/format.h>

#include <set>

#include "engine/base/error.h"
#include "engine/base/json_writer.h"
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

// Reads a list of claim ids; an item [first, last] stands for the run between.
std::vector<ClaimId> IdsFrom(const nlohmann::json& j) {
  std::vector<ClaimId> out;
  for (const auto& v : j) {
    if (v.is_array()) {
      int64_t first = v.at(0).get<int64_t>(), last = v.at(1).get<int64_t>();
      if (last < first || last - first > 100'000'000) throw Storage("a stored id run is invalid");
      for (int64_t id = first; id <= last; ++id) out.emplace_back(id);
    } else {
      out.emplace_back(v.get<int64_t>());
    }
  }
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

namespace {

void WriteValue(JsonWriter& w, const SlotValue& value) {
  if (const bool* b = std::get_if<bool>(&value)) {
    w.Bool(*b);
  } else if (const CountRange* r = std::get_if<CountRange>(&value)) {
    if (r->all) {
      w.BeginObject().Key("all").Bool(true).EndObject();
    } else if (r->IsPoint()) {
      w.Int(r->low);
    } else {
      w.BeginObject().Key("low").Int(r->low);
      if (r->high) w.Key("high").Int(*r->high);
      w.EndObject();
    }
  } else {
    w.String(std::get<std::string>(value));
  }
}

// Writes claim ids; with `runs`, three or more consecutive ids are written as
// [first, last] (the claims of one report in one incident are consecutive).
void WriteIds(JsonWriter& w, const std::vector<ClaimId>& ids, bool runs = false) {
  w.BeginArray();
  for (size_t i = 0; i < ids.size();) {
    size_t j = i + 1;
    while (runs && j < ids.size() && ids[j].value() == ids[j - 1].value() + 1) ++j;
    if (j - i >= 3) {
      w.BeginArray().Int(ids[i].value()).Int(ids[j - 1].value()).EndArray();
      i = j;
    } else {
      w.Int(ids[i].value());
      ++i;
    }
  }
  w.EndArray();
}

void WriteOptText(JsonWriter& w, const std::optional<std::string>& s) {
  if (s) {
    w.String(*s);
  } else {
    w.Null();
  }
}

void WriteOptInt(JsonWriter& w, const std::optional<int64_t>& n) {
  if (n) {
    w.Int(*n);
  } else {
    w.Null();
  }
}

void WriteState(JsonWriter& w, const SlotState& s) {
  w.BeginObject();
  w.Key("value");
  WriteOptText(w, s.value);
  w.Key("status").String(ToString(s.status));
  w.Key("credibility").Int(s.credibility);
  w.Key("confidence").Double(s.confidence);
  w.Key("claims").Int(s.claims);
  w.EndObject();
}

}  // namespace

ojson SlotValueToJson(const SlotValue& value) {
  JsonWriter w;
  WriteValue(w, value);
  return ojson::parse(w.str());
}

std::string RecordText(const IncidentRecord& record) {
  JsonWriter w(512 + 640 * record.slots.size());
  w.BeginObject();
  w.Key("incident").Int(record.incident.value());
  w.Key("key");
  WriteOptText(w, record.key);
  w.Key("title").String(record.title);
  w.Key("place");
  WriteOptText(w, record.place);
  w.Key("date");
  WriteOptText(w, record.date ? std::optional(record.date->ToString()) : std::nullopt);
  w.Key("date_precision");
  WriteOptText(w, record.date ? std::optional(std::string(ToString(record.date->precision)))
                              : std::nullopt);
  w.Key("event_type");
  WriteOptText(w, record.event_type);
  w.Key("actors").BeginArray();
  for (const auto& a : record.actors) w.String(a);
  w.EndArray();
  w.Key("claims").Int(record.claims);
  w.Key("reports").Int(record.reports);
  w.Key("slots").BeginArray();
  for (const auto& s : record.slots) {
    w.BeginObject();
    w.Key("slot").String(s.slot);
    w.Key("value");
    if (s.value) {
      WriteValue(w, *s.value);
    } else {
      w.Null();
    }
    if (s.estimate) {
      w.Key("estimate").BeginObject();
      w.Key("low").Int(s.estimate->low);
      w.Key("best");
      WriteOptInt(w, s.estimate->best);
      w.Key("high");
      WriteOptInt(w, s.estimate->high);
      w.Key("conservative");
      WriteOptInt(w, s.estimate->conservative);
      w.EndObject();
    }
    w.Key("status").String(ToString(s.status));
    w.Key("credibility").Int(s.credibility);
    w.Key("confidence").Double(s.confidence);
    w.Key("reason").String(s.reason);
    w.Key("support");
    WriteIds(w, s.support);
    w.Key("oppose");
    WriteIds(w, s.oppose);
    w.Key("silent");
    WriteIds(w, s.silent);
    if (!s.alternatives.empty()) {
      w.Key("alternatives").BeginArray();
      for (const auto& a : s.alternatives) {
        w.BeginObject().Key("value");
        WriteValue(w, a.value);
        w.Key("support");
        WriteIds(w, a.support);
        w.EndObject();
      }
      w.EndArray();
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return w.Take();
}

ojson RecordToJson(const IncidentRecord& record) { return ojson::parse(RecordText(record)); }

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

namespace {

std::string WriteCause(const VersionCause& cause, bool runs) {
  JsonWriter w;
  w.BeginObject();
  w.Key("action").String(cause.action);
  if (cause.report) w.Key("report").String(*cause.report);
  w.Key("claims");
  WriteIds(w, cause.claims, runs);
  if (cause.by) w.Key("by").String(*cause.by);
  if (cause.note) w.Key("note").String(*cause.note);
  w.EndObject();
  return w.Take();
}

}  // namespace

std::string CauseText(const VersionCause& cause) { return WriteCause(cause, true); }

ojson CauseToJson(const VersionCause& cause) { return ojson::parse(WriteCause(cause, false)); }

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
  JsonWriter w;
  WriteState(w, s);
  return ojson::parse(w.str());
}

std::string ChangesText(const std::vector<SlotChange>& changes) {
  JsonWriter w;
  w.BeginArray();
  for (const auto& c : changes) {
    w.BeginObject();
    w.Key("slot").String(c.slot);
    if (c.before_text || c.after_text || c.slot.rfind("incident.", 0) == 0) {
      w.Key("before");
      WriteOptText(w, c.before_text);
      w.Key("after");
      WriteOptText(w, c.after_text);
    } else {
      w.Key("before");
      if (c.before) {
        WriteState(w, *c.before);
      } else {
        w.Null();
      }
      w.Key("after");
      if (c.after) {
        WriteState(w, *c.after);
      } else {
        w.Null();
      }
    }
    w.EndObject();
  }
  w.EndArray();
  return w.Take();
}

ojson ChangesToJson(const std::vector<SlotChange>& changes) {
  return ojson::parse(ChangesText(changes));
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

SerializedVersion Serialize(const IncidentVersion& v, std::optional<std::string> record_text) {
  SerializedVersion s;
  s.incident = v.incident.value();
  s.version = v.version;
  s.recorded_at = FormatTimestamp(v.recorded_at);
  s.cause = CauseText(v.cause);
  s.changes = ChangesText(v.changes);
  s.record = record_text ? std::move(*record_text) : RecordText(v.record);
  s.prev_hash = v.prev_hash;
  return s;
}

std::optional<StoredVersion> NextVersion(IncidentRecord record,
                                         const std::optional<StoredVersion>& latest,
                                         VersionCause cause, Timestamp now) {
  std::string record_text = RecordText(record);
  std::optional<IncidentRecord> before;
  if (latest) {
    if (latest->version.record == record_text) return std::nullopt;
    before = RecordFromJson(nlohmann::json::parse(latest->version.record));
  }
  IncidentVersion next;
  next.incident = record.incident;
  next.version = latest ? latest->version.version + 1 : 1;
  next.recorded_at = now;
  next.cause = std::move(cause);
  next.changes = DiffRecords(before ? &*before : nullptr, record);
  next.record = std::move(record);
  next.prev_hash = latest ? latest->hash : "";
  StoredVersion out;
  out.version = Serialize(next, std::move(record_text));
  out.hash = HashVersion(out.version);
  return out;
}

std::string HashVersion(const SerializedVersion& v) {
  // The parts, newline-separated, after a format tag; hashed piece by piece.
  std::string numbers = fmt::format("attest-version-1\n{}\n{}\n", v.incident, v.version);
  Sha256 sha;
  sha.Update(numbers).Update(v.recorded_at).Update("\n").Update(v.cause).Update("\n");
  sha.Update(v.changes).Update("\n").Update(v.record).Update("\n").Update(v.prev_hash);
  return sha.HexDigest();
}

}  // namespace attest
