#include "engine/read/acled_events.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>

#include "engine/base/sha256.h"
#include "engine/exchange/acled_format.h"
#include "engine/extract/extractor.h"
#include "engine/read/csv_records.h"
#include "engine/read/input.h"
#include "engine/text/utf8.h"

namespace attest {

namespace {

enum class Col {
  kEventId,
  kEventDate,
  kTimePrecision,
  kEventType,
  kSubEventType,
  kActor1,
  kAssoc1,
  kActor2,
  kAssoc2,
  kCountry,
  kAdmin1,
  kAdmin2,
  kLocation,
  kLatitude,
  kLongitude,
  kSource,
  kSourceScale,
  kNotes,
  kFatalities,
  kTimestamp,
  kCount
};

struct ColumnName {
  Col col;
  std::string_view name;
  bool required;
};

constexpr ColumnName kColumns[] = {
    {Col::kEventId, "event_id_cnty", true},
    {Col::kEventDate, "event_date", true},
    {Col::kTimePrecision, "time_precision", false},
    {Col::kEventType, "event_type", true},
    {Col::kSubEventType, "sub_event_type", false},
    {Col::kActor1, "actor1", true},
    {Col::kAssoc1, "assoc_actor_1", false},
    {Col::kActor2, "actor2", false},
    {Col::kAssoc2, "assoc_actor_2", false},
    {Col::kCountry, "country", false},
    {Col::kAdmin1, "admin1", false},
    {Col::kAdmin2, "admin2", false},
    {Col::kLocation, "location", true},
    {Col::kLatitude, "latitude", false},
    {Col::kLongitude, "longitude", false},
    {Col::kSource, "source", true},
    {Col::kSourceScale, "source_scale", false},
    {Col::kNotes, "notes", true},
    {Col::kFatalities, "fatalities", true},
    {Col::kTimestamp, "timestamp", false},
};

std::string Trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

std::vector<std::string> SplitList(std::string_view s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t semi = s.find(';', start);
    if (semi == std::string_view::npos) semi = s.size();
    std::string item = Trimmed(s.substr(start, semi - start));
    if (!item.empty() && std::find(out.begin(), out.end(), item) == out.end()) {
      out.push_back(std::move(item));
    }
    start = semi + 1;
  }
  return out;
}

template <typename T>
std::optional<T> NumberOf(std::string_view s) {
  T v{};
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

}  // namespace

std::optional<std::vector<AcledEvent>> ReadAcledEvents(const std::string& content,
                                                       const std::string& origin,
                                                       Diagnostics& diagnostics) {
  const size_t errors_before = diagnostics.error_count();
  if (!CheckUtf8(content, origin, diagnostics)) return std::nullopt;
  CsvRecords records(content);
  CsvRecord record;
  std::string error;
  int64_t error_line = 0;
  if (!records.Next(record, error, error_line)) {
    diagnostics.Error(origin, 0, "", "empty file; an ACLED export starts with a header row");
    return std::nullopt;
  }
  if (!error.empty()) {
    diagnostics.Error(origin, error_line, "", error);
    return std::nullopt;
  }
  const int64_t header_line = record.line;
  std::vector<std::string> header;
  std::vector<int> at(static_cast<size_t>(Col::kCount), -1);
  for (size_t i = 0; i < record.fields.size(); ++i) {
    std::string name = LowerCase(Trimmed(record.fields[i]));
    header.push_back(name);
    for (const auto& c : kColumns) {
      if (c.name != name) continue;
      int& slot = at[static_cast<size_t>(c.col)];
      if (slot >= 0) {
        diagnostics.Error(origin, header_line, name, "this column is named twice");
      } else {
        slot = static_cast<int>(i);
      }
    }
  }
  std::vector<std::string> missing;
  for (const auto& c : kColumns) {
    if (c.required && at[static_cast<size_t>(c.col)] < 0) missing.emplace_back(c.name);
  }
  if (!missing.empty()) {
    std::string list;
    for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
    diagnostics.Error(origin, header_line, missing.front(),
                      fmt::format("missing column{} {}; an ACLED export names at least "
                                  "event_id_cnty, event_date, event_type, actor1, location, "
                                  "source, notes and fatalities (is this ACLED's CSV export?)",
                                  missing.size() > 1 ? "s" : "", list));
  }
  if (diagnostics.error_count() > errors_before) return std::nullopt;

  std::vector<AcledEvent> events;
  std::map<std::string, int64_t> seen;  // event id → line
  while (records.Next(record, error, error_line)) {
    const int64_t line = record.line;
    if (!error.empty()) {
      size_t index = std::min(record.fields.size(), header.size() - 1);
      diagnostics.Error(origin, error_line, header[index], error);
      continue;
    }
    if (record.fields.size() != header.size()) {
      bool fewer = record.fields.size() < header.size();
      std::string field =
          fewer ? header[record.fields.size()] : fmt::format("field {}", header.size() + 1);
      diagnostics.Error(
          origin, line, field,
          fmt::format("{} fields where the header has {}; {}", record.fields.size(), header.size(),
                      fewer ? "this column and the ones after it are missing (a line break or "
                              "a comma in an unquoted value?)"
                            : "extra fields (a comma inside an unquoted value? quote it)"));
      continue;
    }
    auto get = [&](Col c) -> std::string {
      int i = at[static_cast<size_t>(c)];
      return i < 0 ? std::string() : Trimmed(record.fields[static_cast<size_t>(i)]);
    };
    auto bad = [&](Col c, std::string message) {
      for (const auto& k : kColumns) {
        if (k.col == c) diagnostics.Error(origin, line, std::string(k.name), std::move(message));
      }
    };
    AcledEvent e;
    e.line = line;
    e.raw = std::string(record.raw);
    bool ok = true;
    e.event_id = get(Col::kEventId);
    if (e.event_id.empty()) {
      bad(Col::kEventId, "empty; every ACLED event has an id (event_id_cnty)");
      ok = false;
    } else if (auto it = seen.find(e.event_id); it != seen.end()) {
      bad(Col::kEventId,
          fmt::format("'{}' is also the id of the event at line {}; an event appears once in "
                      "ACLED's dyadic export (the monadic form lists it once per actor: export "
                      "the dyadic form)",
                      e.event_id, it->second));
      ok = false;
    } else {
      seen.emplace(e.event_id, line);
    }
    std::string date = get(Col::kEventDate);
    if (auto d = ParseAcledDate(date)) {
      e.date = *d;
    } else {
      bad(Col::kEventDate,
          fmt::format("'{}' is not a date; ACLED writes 31 December 2020 (2020-12-31 is read too)",
                      date));
      ok = false;
    }
    if (std::string p = get(Col::kTimePrecision); !p.empty()) {
      auto n = NumberOf<int>(p);
      if (!n || *n < 1 || *n > 3) {
        bad(Col::kTimePrecision,
            fmt::format("'{}' is not an ACLED time precision: 1 (day), 2 (week) or 3 (month)", p));
        ok = false;
      } else {
        e.time_precision = *n;
      }
    }
    e.event_type = get(Col::kEventType);
    if (e.event_type.empty()) {
      bad(Col::kEventType, "empty; every ACLED event has a type (Battles, Protests…)");
      ok = false;
    }
    e.sub_event_type = get(Col::kSubEventType);
    e.actor1 = get(Col::kActor1);
    e.assoc_actor_1 = SplitList(get(Col::kAssoc1));
    e.actor2 = get(Col::kActor2);
    e.assoc_actor_2 = SplitList(get(Col::kAssoc2));
    e.country = get(Col::kCountry);
    e.admin1 = get(Col::kAdmin1);
    e.admin2 = get(Col::kAdmin2);
    e.location = get(Col::kLocation);
    if (e.location.empty()) {
      bad(Col::kLocation, "empty; every ACLED event has a location");
      ok = false;
    }
    auto coordinate = [&](Col c, double limit, std::optional<double>& into) {
      std::string text = get(c);
      if (text.empty()) return;
      auto v = NumberOf<double>(text);
      if (!v || *v < -limit || *v > limit) {
        bad(c, fmt::format("'{}' is not a coordinate in decimal degrees (±{})", text, limit));
        ok = false;
      } else {
        into = *v;
      }
    };
    coordinate(Col::kLatitude, 90, e.latitude);
    coordinate(Col::kLongitude, 180, e.longitude);
    e.sources = SplitList(get(Col::kSource));
    e.source_scale = get(Col::kSourceScale);
    e.notes = get(Col::kNotes);
    std::string fatalities = get(Col::kFatalities);
    if (auto n = NumberOf<int64_t>(fatalities); n && *n >= 0) {
      e.fatalities = *n;
    } else {
      bad(Col::kFatalities,
          fmt::format("'{}' is not a number of fatalities (a whole number, 0 or more)",
                      fatalities));
      ok = false;
    }
    if (std::string t = get(Col::kTimestamp); !t.empty()) {
      if (auto secs = NumberOf<int64_t>(t); secs && *secs >= 0 && *secs < 32503680000) {
        e.timestamp = Timestamp(boost::gregorian::date(1970, 1, 1)) +
                      boost::posix_time::seconds(static_cast<long>(*secs));
      } else if (auto parsed = ParseTimestamp(t)) {
        e.timestamp = *parsed;
      } else {
        bad(Col::kTimestamp,
            fmt::format("'{}' is not a time: seconds since 1970 or an ISO time", t));
        ok = false;
      }
    }
    if (!ok) continue;
    e.interval = *AcledDateInterval(e.date, e.time_precision);
    events.push_back(std::move(e));
  }
  if (diagnostics.error_count() > errors_before) return std::nullopt;
  if (events.empty()) {
    diagnostics.Error(origin, 0, "", "the export has a header but no events");
    return std::nullopt;
  }
  return events;
}

namespace {

Claimant SourceClaimant(const std::string& source, const Rulebook& rules) {
  Claimant c;
  c.mention = source;
  if (const Actor* a = rules.actors.Find(source)) {
    c.name = a->name;
    c.kind = a->kind;
    c.anonymous = a->kind == ClaimantKind::kAnonymousSources;
  } else {
    c.name = source;
  }
  return c;
}

Claimant AcledClaimant() {
  Claimant c;
  c.name = std::string(kAcledOutlet);
  c.mention = std::string(kAcledOutlet);
  c.kind = ClaimantKind::kOutlet;
  return c;
}

bool SaysItHappened(const Claim& c) {
  if (IsSilence(c.stance) || c.stance == Stance::kDenies || c.polarity != Polarity::kPositive) {
    return false;
  }
  auto yes = [](const std::string& slot, const std::optional<SlotValue>& v) {
    return slot == "occurred" && v && std::holds_alternative<bool>(*v) && std::get<bool>(*v);
  };
  if (yes(c.slot, c.value)) return true;
  return std::any_of(c.implied.begin(), c.implied.end(),
                     [&](const ImpliedSlot& i) { return yes(i.slot, i.value); });
}

// The notes as the extraction reads them: ACLED's crowd-size code for
// protests ("[size=no report]", "[size=dozens]") is a coded field written into
// the notes, not something a source said, and its "no" would make the sentence
// before it negative. It becomes spaces of the same length, so that the claims'
// offsets still point into the notes as stored.
std::string WithoutSizeCodes(std::string notes) {
  static constexpr std::string_view kOpen = "[size=";
  for (size_t at = notes.find(kOpen); at != std::string::npos; at = notes.find(kOpen, at)) {
    size_t close = notes.find(']', at);
    if (close == std::string::npos) break;
    std::fill(notes.begin() + static_cast<std::ptrdiff_t>(at),
              notes.begin() + static_cast<std::ptrdiff_t>(close) + 1, ' ');
    at = close + 1;
  }
  return notes;
}

int64_t Epoch(const Timestamp& t) {
  return (t - Timestamp(boost::gregorian::date(1970, 1, 1))).total_seconds();
}

}  // namespace

// 1. The report: one per row, published by ACLED at the row's timestamp; its
//    body is the notes, so that claim spans point into them.
// 2. The notes' claims (extraction), placed at the row's coded incident; what
//    they say in ACLED's own voice becomes the claim of each cited source
//    without a side in the conflict (ACLED's own when there is none).
// 3. The coded fields: `occurred` for each cited source that the notes do not
//    already make say so; the participants and the fatalities (at least N) as
//    ACLED's own claims.
ReportWithClaims AcledEventReport(const AcledEvent& e, const std::string& incident_key,
                                  const std::string& origin, const ReportOptions& options,
                                  const Rulebook& rules) {
  ReportWithClaims out;
  Report& r = out.report;
  r.id = ReportId(e.timestamp ? fmt::format("acled-{}-{}", e.event_id, Epoch(*e.timestamp))
                              : fmt::format("acled-{}", e.event_id));
  r.outlet = std::string(kAcledOutlet);
  r.published = e.timestamp ? *e.timestamp : options.published ? *options.published : options.now;
  r.lang = "en";
  r.title = fmt::format("ACLED {}: {}, {}, {}", e.event_id,
                        e.sub_event_type.empty() ? e.event_type : e.sub_event_type, e.location,
                        FormatAcledDate(e.date));
  r.format = ReportFormat::kText;
  r.origin = origin;
  r.content_sha256 = Sha256Hex(e.raw);
  std::string notes = NormalizeNfc(e.notes);
  notes.erase(std::remove(notes.begin(), notes.end(), '\r'), notes.end());
  r.body = notes;

  IncidentRef ref;
  ref.key = incident_key;
  ref.place = e.location;
  ref.date = e.interval;
  ref.event_type = LowerCase(e.event_type);
  std::vector<std::string> actors = {e.actor1};
  actors.insert(actors.end(), e.assoc_actor_1.begin(), e.assoc_actor_1.end());
  if (!e.actor2.empty()) actors.push_back(e.actor2);
  actors.insert(actors.end(), e.assoc_actor_2.begin(), e.assoc_actor_2.end());
  for (const auto& a : actors) {
    if (!a.empty() && std::find(ref.actors.begin(), ref.actors.end(), a) == ref.actors.end()) {
      ref.actors.push_back(a);
    }
  }

  // The cited sources, and those of them that the notes' own voice is given to:
  // the sources without a side in the event's conflict. A party's media (FAMAMali
  // speaks for the army) only says the event happened: which of the notes'
  // sentences came from it is unknown, and giving it all of them would make it
  // admit or claim what it never said.
  std::vector<Claimant> sources;
  std::vector<Claimant> voices;
  const Conflict* conflict = rules.actors.ConflictFor(e.country, e.interval);
  for (const auto& s : e.sources) {
    sources.push_back(SourceClaimant(s, rules));
    if (!rules.actors.FindSide(*sources.back().name, conflict)) voices.push_back(sources.back());
  }

  std::vector<Claim>& claims = out.claims;
  if (!notes.empty()) {
    Report reading = r;
    reading.body = WithoutSizeCodes(notes);
    for (Claim& c : ExtractClaims(reading, rules)) {
      c.incident_ref = ref;
      c.source_line = e.line;
      bool own_voice =
          c.claimant.kind == ClaimantKind::kOutlet && c.claimant.SourceName() == kAcledOutlet;
      if (!own_voice || voices.empty()) {
        if (!c.chain.empty()) c.chain.front() = std::string(kAcledOutlet);
        claims.push_back(std::move(c));
        continue;
      }
      for (const Claimant& s : voices) {
        Claim copy = c;
        copy.claimant = s;
        copy.chain = {std::string(kAcledOutlet), *s.name};
        if (copy.endorsement == Endorsement::kAuthor) copy.endorsement = Endorsement::kReported;
        claims.push_back(std::move(copy));
      }
    }
  }

  auto coded = [&](Claimant who, std::string slot, SlotValue value, std::string text) {
    Claim c;
    c.report = r.id;
    c.claimant = std::move(who);
    c.chain = c.claimant.SourceName() == kAcledOutlet
                  ? std::vector<std::string>{std::string(kAcledOutlet)}
                  : std::vector<std::string>{std::string(kAcledOutlet), c.claimant.SourceName()};
    c.endorsement =
        c.claimant.SourceName() == kAcledOutlet ? Endorsement::kAuthor : Endorsement::kReported;
    c.slot = std::move(slot);
    c.value = std::move(value);
    c.text = std::move(text);
    c.incident_ref = ref;
    c.source_line = e.line;
    claims.push_back(std::move(c));
  };
  for (const Claimant& s : sources) {
    bool said = std::any_of(claims.begin(), claims.end(), [&](const Claim& c) {
      return c.claimant.SourceName() == *s.name && SaysItHappened(c);
    });
    if (!said) {
      coded(s, "occurred", true,
            fmt::format("{} reported the event, ACLED cites it as a source", *s.name));
    }
  }
  std::vector<std::string> named;
  for (const auto& label : ref.actors) {
    const Actor* a = rules.actors.Find(label);
    std::string name = a ? a->name : label;
    if (std::find(named.begin(), named.end(), name) != named.end()) continue;
    named.push_back(name);
    coded(AcledClaimant(), "participant:" + name, true,
          fmt::format("ACLED codes {} as an actor of the event", label));
  }
  if (e.fatalities > 0) {
    coded(
        AcledClaimant(), "fatalities", CountRange::AtLeast(e.fatalities),
        fmt::format("ACLED codes {} fatalities, the lowest figure its sources give", e.fatalities));
    claims.back().hedges.push_back({"lowest figure its sources give", HedgeKind::kApproximation});
  }
  for (size_t i = 0; i < claims.size(); ++i) {
    claims[i].report = r.id;
    claims[i].ordinal = static_cast<int64_t>(i) + 1;
  }
  return out;
}

}  // namespace attest
