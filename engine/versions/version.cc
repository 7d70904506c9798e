#include "engine/versions/version.h"

#include <fmt/format.h>

#include <charconv>
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
  WriteOptText(
      w, record.date ? std::optional(std::string(ToString(record.date->precision))) : std::nullopt);
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

// A reader of the stored record form alone (the text RecordText writes), for
// the paths that read records by the thousand: the next version's diff, export.
// It builds the record directly, without a JSON tree; anything it does not
// expect (a record written otherwise, or altered) makes it give up, and
// RecordFromText falls back to the general JSON parser.
class StoredRecordReader {
 public:
  explicit StoredRecordReader(std::string_view text) : t_(text) {}

  struct GiveUp {};

  IncidentRecord Read() {
    IncidentRecord r;
    Object([&](std::string_view key) {
      if (key == "incident") {
        r.incident = IncidentId(Int());
      } else if (key == "key") {
        r.key = OptString();
      } else if (key == "title") {
        r.title = String();
      } else if (key == "place") {
        r.place = OptString();
      } else if (key == "date") {
        if (auto d = OptString()) {
          r.date = ParseDateInterval(*d);
          if (!r.date) throw GiveUp{};
        }
      } else if (key == "date_precision") {
        if (auto p = OptString()) {
          auto precision = ParseDatePrecision(*p);
          if (!precision || !r.date) throw GiveUp{};
          r.date->precision = *precision;
        }
      } else if (key == "event_type") {
        r.event_type = OptString();
      } else if (key == "actors") {
        Array([&] { r.actors.push_back(String()); });
      } else if (key == "claims") {
        r.claims = Int();
      } else if (key == "reports") {
        r.reports = Int();
      } else if (key == "slots") {
        Array([&] { r.slots.push_back(Slot()); });
      } else {
        throw GiveUp{};
      }
    });
    Space();
    if (pos_ != t_.size()) throw GiveUp{};
    return r;
  }

 private:
  SlotRecord Slot() {
    SlotRecord s;
    Object([&](std::string_view key) {
      if (key == "slot") {
        s.slot = String();
      } else if (key == "value") {
        if (!Null()) s.value = Value();
      } else if (key == "estimate") {
        CountEstimate e;
        Object([&](std::string_view k) {
          if (k == "low") {
            e.low = Int();
          } else if (k == "best") {
            e.best = OptInt();
          } else if (k == "high") {
            e.high = OptInt();
          } else if (k == "conservative") {
            e.conservative = OptInt();
          } else {
            throw GiveUp{};
          }
        });
        s.estimate = e;
      } else if (key == "status") {
        auto status = ParseSlotStatus(String());
        if (!status) throw GiveUp{};
        s.status = *status;
      } else if (key == "credibility") {
        s.credibility = static_cast<int>(Int());
      } else if (key == "confidence") {
        s.confidence = Double();
      } else if (key == "reason") {
        s.reason = String();
      } else if (key == "support") {
        s.support = Ids();
      } else if (key == "oppose") {
        s.oppose = Ids();
      } else if (key == "silent") {
        s.silent = Ids();
      } else if (key == "alternatives") {
        Array([&] {
          Alternative a;
          Object([&](std::string_view k) {
            if (k == "value") {
              a.value = Value();
            } else if (k == "support") {
              a.support = Ids();
            } else {
              throw GiveUp{};
            }
          });
          s.alternatives.push_back(std::move(a));
        });
      } else {
        throw GiveUp{};
      }
    });
    return s;
  }

  SlotValue Value() {
    Space();
    char c = Peek();
    if (c == '"') return String();
    if (c == 't' || c == 'f') return Bool();
    if (c == '{') {
      CountRange r;
      bool all = false;
      Object([&](std::string_view k) {
        if (k == "all") {
          all = Bool();
        } else if (k == "low") {
          r.low = Int();
        } else if (k == "high") {
          r.high = OptInt();
        } else {
          throw GiveUp{};
        }
      });
      return all ? CountRange::All() : r;
    }
    return CountRange::Exactly(Int());
  }

  std::vector<ClaimId> Ids() {
    std::vector<ClaimId> out;
    Array([&] {
      Space();
      if (Peek() == '[') {
        ++pos_;
        int64_t first = Int();
        Expect(',');
        int64_t last = Int();
        Expect(']');
        if (last < first || last - first > 100'000'000) throw GiveUp{};
        for (int64_t id = first; id <= last; ++id) out.emplace_back(id);
      } else {
        out.emplace_back(Int());
      }
    });
    return out;
  }

  template <typename F>
  void Object(F&& member) {
    Expect('{');
    Space();
    if (Peek() == '}') {
      ++pos_;
      return;
    }
    while (true) {
      std::string key = String();
      Expect(':');
      member(std::string_view(key));
      Space();
      if (Peek() == ',') {
        ++pos_;
        continue;
      }
      Expect('}');
      return;
    }
  }

  template <typename F>
  void Array(F&& item) {
    Expect('[');
    Space();
    if (Peek() == ']') {
      ++pos_;
      return;
    }
    while (true) {
      item();
      Space();
      if (Peek() == ',') {
        ++pos_;
        continue;
      }
      Expect(']');
      return;
    }
  }

  std::string String() {
    Expect('"');
    std::string out;
    while (true) {
      if (pos_ >= t_.size()) throw GiveUp{};
      size_t stop = t_.find_first_of("\\\"", pos_);
      if (stop == std::string_view::npos) throw GiveUp{};
      out.append(t_.substr(pos_, stop - pos_));
      pos_ = stop;
      char c = t_[pos_++];
      if (c == '"') return out;
      if (pos_ >= t_.size()) throw GiveUp{};
      char e = t_[pos_++];
      switch (e) {
        case '"':
          out += '"';
          break;
        case '\\':
          out += '\\';
          break;
        case '/':
          out += '/';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        default:
          throw GiveUp{};  // \u escapes and anything else: the general parser
      }
    }
  }

  std::optional<std::string> OptString() {
    if (Null()) return std::nullopt;
    return String();
  }

  int64_t Int() {
    Space();
    int64_t v = 0;
    auto [end, ec] = std::from_chars(t_.data() + pos_, t_.data() + t_.size(), v);
    if (ec != std::errc()) throw GiveUp{};
    pos_ = static_cast<size_t>(end - t_.data());
    if (pos_ < t_.size() && (t_[pos_] == '.' || t_[pos_] == 'e' || t_[pos_] == 'E')) throw GiveUp{};
    return v;
  }

  std::optional<int64_t> OptInt() {
    if (Null()) return std::nullopt;
    return Int();
  }

  double Double() {
    Space();
    double v = 0;
    auto [end, ec] = std::from_chars(t_.data() + pos_, t_.data() + t_.size(), v);
    if (ec != std::errc()) throw GiveUp{};
    pos_ = static_cast<size_t>(end - t_.data());
    return v;
  }

  bool Bool() {
    Space();
    if (t_.substr(pos_, 4) == "true") {
      pos_ += 4;
      return true;
    }
    if (t_.substr(pos_, 5) == "false") {
      pos_ += 5;
      return false;
    }
    throw GiveUp{};
  }

  bool Null() {
    Space();
    if (t_.substr(pos_, 4) == "null") {
      pos_ += 4;
      return true;
    }
    return false;
  }

  void Space() {
    while (pos_ < t_.size() &&
           (t_[pos_] == ' ' || t_[pos_] == '\n' || t_[pos_] == '\t' || t_[pos_] == '\r')) {
      ++pos_;
    }
  }
  char Peek() const { return pos_ < t_.size() ? t_[pos_] : '\0'; }
  void Expect(char c) {
    Space();
    if (Peek() != c) throw GiveUp{};
    ++pos_;
  }

  std::string_view t_;
  size_t pos_ = 0;
};

}  // namespace

IncidentRecord RecordFromText(std::string_view text) {
  try {
    return StoredRecordReader(text).Read();
  } catch (const StoredRecordReader::GiveUp&) {
    try {
      return RecordFromJson(nlohmann::json::parse(text));
    } catch (const nlohmann::json::exception& e) {
      throw Storage(fmt::format("a stored incident record cannot be read: {}", e.what()));
    }
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
    before = RecordFromText(latest->version.record);
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
