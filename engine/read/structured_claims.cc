#include "engine/read/structured_claims.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <map>

#include "engine/base/sha256.h"
#include "engine/read/input.h"
#include "engine/text/utf8.h"

namespace attest {

namespace {

using json = nlohmann::json;

// A claim is a flat object with a few nested ones: deeper lines are refused
// before parsing, since copying or printing a deep tree recurses once per level.
constexpr int kMaxJsonDepth = 16;

// True when `line` nests arrays and objects deeper than `limit` (brackets inside
// strings do not count).
bool NestedDeeperThan(std::string_view line, int limit) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > limit) return true;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;  // a stray closer is the parser's to report; it must not hide deeper openers
    }
  }
  return false;
}

// nlohmann's messages start with "[json.exception.parse_error.101] parse error at
// line 1, column 5: "; the line is ours to give, the rest is kept.
std::string JsonProblem(const json::exception& e) {
  std::string what = e.what();
  for (std::string_view marker : {"syntax error", "number overflow"}) {
    if (auto at = what.find(marker); at != std::string::npos) return what.substr(at);
  }
  if (auto close = what.find("] "); close != std::string::npos) return what.substr(close + 2);
  return what;
}

// A JSON number as a count: a whole number from 0 to kMaxCount, written as an
// integer or as a float with no fraction (1e3). Never casts a double that does not
// fit (that would be undefined behaviour).
enum class CountNumber { kOk, kNotWhole, kNegative, kTooLarge };
CountNumber ReadCountNumber(const json& n, int64_t& out) {
  if (n.is_number_unsigned()) {
    uint64_t u = n.get<uint64_t>();
    if (u > static_cast<uint64_t>(kMaxCount)) return CountNumber::kTooLarge;
    out = static_cast<int64_t>(u);
    return CountNumber::kOk;
  }
  if (n.is_number_integer()) {
    int64_t i = n.get<int64_t>();
    if (i < 0) return CountNumber::kNegative;
    if (i > kMaxCount) return CountNumber::kTooLarge;
    out = i;
    return CountNumber::kOk;
  }
  if (!n.is_number_float()) return CountNumber::kNotWhole;
  double d = n.get<double>();
  if (!std::isfinite(d) || std::floor(d) != d) return CountNumber::kNotWhole;
  if (d < 0) return CountNumber::kNegative;
  if (d > static_cast<double>(kMaxCount)) return CountNumber::kTooLarge;
  out = static_cast<int64_t>(d);
  return CountNumber::kOk;
}

// A JSON number as a byte offset: a whole number from 0 to 2^53.
std::optional<int64_t> ReadOffset(const json& n) {
  int64_t v = 0;
  if (!n.is_number() || ReadCountNumber(n, v) != CountNumber::kOk) return std::nullopt;
  return v;
}

// Reads one line's fields, recording each problem against the line.
class LineReader {
 public:
  LineReader(const json& j, const std::string& file, int64_t line, Diagnostics& d)
      : j_(j), file_(file), line_(line), d_(d) {}

  void Fail(const std::string& field, const std::string& message) {
    d_.Error(file_, line_, field, message);
    ok_ = false;
  }
  bool ok() const { return ok_; }

  void CheckKeys(const json& object, std::initializer_list<std::string_view> allowed,
                 const std::string& prefix) {
    for (const auto& [key, value] : object.items()) {
      bool known = false;
      for (auto a : allowed) known = known || key == a;
      if (!known) {
        std::string choices;
        for (auto a : allowed) choices += (choices.empty() ? "" : ", ") + std::string(a);
        Fail(prefix + key, fmt::format("unknown field; expected one of: {}", choices));
      }
    }
  }

  std::optional<std::string> Str(const json& object, const char* key, const std::string& field,
                                 bool required) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) {
      if (required) Fail(field, "missing; this field is required");
      return std::nullopt;
    }
    if (!it->is_string()) {
      Fail(field, "must be a string");
      return std::nullopt;
    }
    auto s = Text(*it, field);
    if (s && required && s->empty()) Fail(field, "must not be empty");
    return s;
  }

  // A JSON string as stored text (NFC); a string holding U+0000 (written \u0000)
  // is refused, as the raw byte is in any input.
  std::optional<std::string> Text(const json& string, const std::string& field) {
    const auto& raw = string.get_ref<const std::string&>();
    if (raw.find('\0') != std::string::npos) {
      Fail(field, "holds a NUL character (\\u0000); remove it");
      return std::nullopt;
    }
    return NormalizeNfc(raw);
  }

  template <typename E>
  std::optional<E> Enum(const json& object, const char* key, const std::string& field,
                        std::optional<E> (*parse)(std::string_view), std::string_view choices) {
    auto s = Str(object, key, field, false);
    if (!s) return std::nullopt;
    auto v = parse(*s);
    if (!v) Fail(field, fmt::format("unknown value '{}'; use one of: {}", Excerpt(*s), choices));
    return v;
  }

  const json& j() const { return j_; }

 private:
  const json& j_;
  const std::string& file_;
  int64_t line_;
  Diagnostics& d_;
  bool ok_ = true;
};

std::optional<SlotValue> ReadValue(const json& v, SlotType type, LineReader& r) {
  switch (type) {
    case SlotType::kBool:
      if (v.is_boolean()) return v.get<bool>();
      r.Fail("value", "this slot holds true or false");
      return std::nullopt;
    case SlotType::kCount: {
      constexpr const char* kShape =
          "this slot holds a count: a whole number, {\"low\", \"high\"} or \"all\"";
      if (v.is_string() && v.get_ref<const std::string&>() == "all") return CountRange::All();
      // Reads the count at `field`; records `shape` (or why it is too large) if it is none.
      auto count = [&](const json& n, const std::string& field, const char* shape,
                       int64_t& out) {
        CountNumber c = n.is_number() ? ReadCountNumber(n, out) : CountNumber::kNotWhole;
        if (c == CountNumber::kOk) return true;
        if (c == CountNumber::kTooLarge) {
          r.Fail(field, fmt::format("{} is larger than any count attest holds (at most {})",
                                    Excerpt(n.dump()), kMaxCount));
        } else {
          r.Fail(field, shape);
        }
        return false;
      };
      if (v.is_number()) {
        int64_t n = 0;
        if (!count(v, "value", kShape, n)) return std::nullopt;
        return CountRange::Exactly(n);
      }
      if (v.is_object()) {
        r.CheckKeys(v, {"low", "high"}, "value.");
        constexpr const char* kLow = "a count range needs a whole number 'low' ≥ 0";
        constexpr const char* kHigh = "must be a whole number not below 'low' (or left out)";
        auto low = v.find("low");
        auto high = v.find("high");
        int64_t lo = 0;
        if (low == v.end()) {
          r.Fail("value.low", kLow);
          return std::nullopt;
        }
        if (!count(*low, "value.low", kLow, lo)) return std::nullopt;
        CountRange range = CountRange::AtLeast(lo);
        if (high != v.end() && !high->is_null()) {
          int64_t hi = 0;
          if (!count(*high, "value.high", kHigh, hi)) return std::nullopt;
          if (hi < lo) {
            r.Fail("value.high", kHigh);
            return std::nullopt;
          }
          range.high = hi;
        }
        return range;
      }
      r.Fail("value", kShape);
      return std::nullopt;
    }
    default:
      if (v.is_string()) {
        auto text = r.Text(v, "value");
        if (!text) return std::nullopt;
        std::string s = std::move(*text);
        if (s.empty()) {
          r.Fail("value", "must not be empty");
          return std::nullopt;
        }
        return s;
      }
      if (v.is_number() || v.is_boolean()) return v.dump();
      r.Fail("value", "this slot holds a text");
      return std::nullopt;
  }
}

void ReadClaimant(const json& j, Claim& claim, LineReader& r) {
  auto it = j.find("claimant");
  if (it == j.end() || it->is_null()) {
    r.Fail("claimant", "missing; name who makes the claim, e.g. \"FLA\"");
    return;
  }
  if (it->is_string()) {
    auto text = r.Text(*it, "claimant");
    if (!text) return;
    std::string name = std::move(*text);
    if (name.empty()) r.Fail("claimant", "must not be empty");
    claim.claimant.name = name;
    claim.claimant.mention = name;
    return;
  }
  if (!it->is_object()) {
    r.Fail("claimant", "must be a name or an object with name, kind, role…");
    return;
  }
  const json& c = *it;
  r.CheckKeys(c, {"name", "mention", "kind", "role", "anonymous", "count", "concordant"},
              "claimant.");
  claim.claimant.name = r.Str(c, "name", "claimant.name", false);
  claim.claimant.mention = r.Str(c, "mention", "claimant.mention", false).value_or("");
  if (!claim.claimant.name && claim.claimant.mention.empty()) {
    r.Fail("claimant.name", "missing; give the claimant's name or at least its mention");
  }
  if (auto k = r.Enum<ClaimantKind>(c, "kind", "claimant.kind", ParseClaimantKind,
                                    ClaimantKindChoices())) {
    claim.claimant.kind = *k;
  }
  claim.claimant.role = r.Str(c, "role", "claimant.role", false);
  for (const char* flag : {"anonymous", "concordant"}) {
    auto f = c.find(flag);
    if (f == c.end() || f->is_null()) continue;
    if (!f->is_boolean()) {
      r.Fail(std::string("claimant.") + flag, "must be true or false");
      continue;
    }
    (std::string_view(flag) == "anonymous" ? claim.claimant.anonymous
                                           : claim.claimant.concordant) = f->get<bool>();
  }
  if (auto n = r.Enum<ClaimantCount>(c, "count", "claimant.count", ParseClaimantCount,
                                     ClaimantCountChoices())) {
    claim.claimant.count = *n;
  }
}

void ReadIncident(const json& j, Claim& claim, LineReader& r) {
  auto it = j.find("incident");
  if (it == j.end() || it->is_null()) {
    r.Fail("incident", "missing; give {\"key\": …} or place, date, event_type, actors");
    return;
  }
  if (!it->is_object()) {
    r.Fail("incident", "must be an object with key, or place, date, event_type, actors");
    return;
  }
  const json& i = *it;
  r.CheckKeys(i, {"key", "place", "date", "date_precision", "event_type", "actors"}, "incident.");
  IncidentRef ref;
  ref.key = r.Str(i, "key", "incident.key", false);
  ref.place = r.Str(i, "place", "incident.place", false);
  if (auto d = r.Str(i, "date", "incident.date", false)) {
    ref.date = ParseDateInterval(*d);
    if (!ref.date) {
      r.Fail("incident.date",
             fmt::format("'{}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD", Excerpt(*d)));
    }
  }
  if (auto p = r.Str(i, "date_precision", "incident.date_precision", false)) {
    auto precision = ParseDatePrecision(*p);
    if (!precision) {
      r.Fail("incident.date_precision", "use day, week, month or year");
    } else if (ref.date) {
      ref.date->precision = *precision;
    }
  }
  ref.event_type = r.Str(i, "event_type", "incident.event_type", false);
  if (auto a = i.find("actors"); a != i.end() && !a->is_null()) {
    if (!a->is_array()) {
      r.Fail("incident.actors", "must be a list of actor names");
    } else {
      for (const auto& name : *a) {
        if (!name.is_string()) {
          r.Fail("incident.actors", "every actor must be a name (a string)");
        } else {
          if (auto actor = r.Text(name, "incident.actors")) ref.actors.push_back(*actor);
        }
      }
    }
  }
  if (ref.empty()) {
    r.Fail("incident", "empty; give a key, or at least one of place, date, event_type, actors");
  }
  claim.incident_ref = std::move(ref);
}

void ReadHedges(const json& j, Claim& claim, LineReader& r) {
  auto it = j.find("hedges");
  if (it == j.end() || it->is_null()) return;
  if (!it->is_array()) {
    r.Fail("hedges", "must be a list of {\"text\", \"kind\"} or of words");
    return;
  }
  for (const auto& h : *it) {
    Hedge hedge;
    if (h.is_string()) {
      hedge.text = r.Text(h, "hedges").value_or("");
    } else if (h.is_object()) {
      r.CheckKeys(h, {"text", "kind"}, "hedges.");
      hedge.text = r.Str(h, "text", "hedges.text", true).value_or("");
      hedge.kind = r.Enum<HedgeKind>(h, "kind", "hedges.kind", ParseHedgeKind, HedgeKindChoices());
    } else {
      r.Fail("hedges", "every hedge must be a word or {\"text\", \"kind\"}");
      continue;
    }
    claim.hedges.push_back(std::move(hedge));
  }
}

void ReadCueAndSpan(const json& j, Claim& claim, LineReader& r) {
  if (auto it = j.find("cue"); it != j.end() && !it->is_null()) {
    if (!it->is_object()) {
      r.Fail("cue", "must be an object {text, lemma, class, start, end}");
    } else {
      r.CheckKeys(*it, {"text", "lemma", "class", "start", "end"}, "cue.");
      Cue cue;
      cue.text = r.Str(*it, "text", "cue.text", false).value_or("");
      cue.lemma = r.Str(*it, "lemma", "cue.lemma", false).value_or("");
      if (auto c = r.Enum<CueClass>(*it, "class", "cue.class", ParseCueClass, CueClassChoices())) {
        cue.cls = *c;
      }
      for (const char* key : {"start", "end"}) {
        auto at = it->find(key);
        if (at == it->end() || at->is_null()) continue;
        auto offset = ReadOffset(*at);
        if (!offset) {
          r.Fail(std::string("cue.") + key, "must be a byte offset: a whole number ≥ 0");
          continue;
        }
        (std::string_view(key) == "start" ? cue.start : cue.end) = *offset;
      }
      if (cue.end < cue.start) r.Fail("cue.end", "must not come before cue.start");
      claim.cue = std::move(cue);
    }
  }
  if (auto it = j.find("span"); it != j.end() && !it->is_null()) {
    std::optional<int64_t> start, end;
    if (it->is_array() && it->size() == 2) {
      start = ReadOffset((*it)[0]);
      end = ReadOffset((*it)[1]);
    }
    if (!start || !end || *end < *start) {
      r.Fail("span", "must be [start, end] byte offsets, whole numbers with start ≤ end");
    } else {
      claim.span = Span{*start, *end};
    }
  }
  if (auto it = j.find("chain"); it != j.end() && !it->is_null()) {
    if (!it->is_array()) {
      r.Fail("chain", "must be a list of names, outermost first");
    } else {
      for (const auto& n : *it) {
        if (n.is_string()) {
          if (auto link = r.Text(n, "chain")) claim.chain.push_back(*link);
        } else {
          r.Fail("chain", "every link must be a name");
        }
      }
    }
  }
}

struct PendingReport {
  ReportWithClaims value;
  std::string lines;  // the report's own lines, for its content hash
  bool complete = false;
};

}  // namespace

std::vector<ReportWithClaims> ReadStructuredClaims(const std::string& content,
                                                   const std::string& origin,
                                                   const ReportOptions& options,
                                                   const Rulebook& rules,
                                                   Diagnostics& diagnostics) {
  size_t errors_before = diagnostics.error_count();
  if (!CheckUtf8(content, origin, diagnostics)) return {};

  std::vector<PendingReport> reports;
  std::map<std::string, size_t> by_id;
  size_t pos = 0;
  int64_t line_no = 0;
  while (pos < content.size()) {
    size_t end = content.find('\n', pos);
    if (end == std::string::npos) end = content.size();
    std::string_view line(content.data() + pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    if (line.size() > kMaxRecordBytes) {
      diagnostics.Error(origin, line_no, "",
                        fmt::format("this line is {} long; a claim takes one line of at most {}",
                                    ByteSize(line.size()), ByteSize(kMaxRecordBytes)));
      continue;
    }
    if (NestedDeeperThan(line, kMaxJsonDepth)) {
      diagnostics.Error(origin, line_no, "json",
                        fmt::format("nested deeper than {} levels; a claim is an object of "
                                    "fields, some of them objects or lists",
                                    kMaxJsonDepth));
      continue;
    }

    json j;
    try {
      j = json::parse(line);
    } catch (const json::exception& e) {
      diagnostics.Error(origin, line_no, "json",
                        fmt::format("not valid JSON ({}); each line must be one JSON object",
                                    JsonProblem(e)));
      continue;
    }
    if (!j.is_object()) {
      diagnostics.Error(origin, line_no, "json", "each line must be one JSON object {…}");
      continue;
    }
    LineReader r(j, origin, line_no, diagnostics);
    r.CheckKeys(j, {"report", "claimant", "chain", "cue", "stance", "modality", "endorsement",
                    "polarity", "factuality", "hedges", "quote", "text", "span", "incident",
                    "slot", "value"},
                "");

    // The report this line belongs to.
    PendingReport* report = nullptr;
    auto rep = j.find("report");
    if (rep == j.end() || rep->is_null()) {
      r.Fail("report", "missing; give {\"id\", \"outlet\", \"published\"} (or {\"id\"} once known)");
    } else if (!rep->is_object() && !rep->is_string()) {
      r.Fail("report", "must be an object {\"id\", \"outlet\", \"published\"}");
    } else {
      json obj = rep->is_string() ? json{{"id", *rep}} : *rep;
      r.CheckKeys(obj, {"id", "outlet", "published", "lang", "url", "title"}, "report.");
      auto id = r.Str(obj, "id", "report.id", true);
      if (id && !id->empty()) {
        auto it = by_id.find(*id);
        if (it == by_id.end()) {
          it = by_id.emplace(*id, reports.size()).first;
          reports.emplace_back();
          Report& rp = reports.back().value.report;
          rp.id = ReportId(*id);
          rp.format = ReportFormat::kJsonl;
          rp.origin = origin;
        }
        report = &reports[it->second];
        Report& rp = report->value.report;
        bool describes = obj.size() > 1;
        if (describes && report->complete) {
          // A later line may repeat the description; it must agree.
          auto outlet = r.Str(obj, "outlet", "report.outlet", false);
          if (outlet && rp.outlet && *outlet != *rp.outlet) {
            r.Fail("report.outlet", fmt::format("differs from the first line of report '{}' ('{}')",
                                                *id, *rp.outlet));
          }
        } else if (describes) {
          rp.outlet = r.Str(obj, "outlet", "report.outlet", true);
          if (auto p = r.Str(obj, "published", "report.published", true)) {
            if (auto t = ParseTimestamp(*p)) {
              rp.published = *t;
            } else {
              r.Fail("report.published",
                     fmt::format("'{}' is not a date; write YYYY-MM-DD or an ISO-8601 time",
                                 Excerpt(*p)));
            }
          }
          rp.lang = r.Str(obj, "lang", "report.lang", false);
          rp.url = r.Str(obj, "url", "report.url", false);
          rp.title = r.Str(obj, "title", "report.title", false);
          report->complete = true;
        } else if (!report->complete) {
          r.Fail("report", fmt::format("report '{}' is not described yet; its first line must "
                                       "give outlet and published",
                                       *id));
        }
      }
    }

    Claim claim;
    claim.source_line = line_no;
    ReadClaimant(j, claim, r);
    ReadCueAndSpan(j, claim, r);
    if (auto s = r.Str(j, "stance", "stance", true)) {
      if (auto st = ParseStance(*s)) {
        claim.stance = *st;
      } else {
        r.Fail("stance", fmt::format("unknown stance '{}'; use one of: {}", Excerpt(*s),
                                     StanceChoices()));
      }
    }
    claim.modality = r.Enum<Modality>(j, "modality", "modality", ParseModality, ModalityChoices())
                         .value_or(Modality::kCertain);
    if (auto p = j.find("polarity"); p != j.end() && p->is_null()) {
      claim.polarity = Polarity::kMixed;
    } else {
      claim.polarity = r.Enum<Polarity>(j, "polarity", "polarity", ParsePolarity,
                                        PolarityChoices())
                           .value_or(Polarity::kPositive);
    }
    ReadHedges(j, claim, r);
    claim.quote = r.Str(j, "quote", "quote", false);
    claim.text = r.Str(j, "text", "text", false);
    ReadIncident(j, claim, r);

    if (auto slot = r.Str(j, "slot", "slot", true)) {
      claim.slot = *slot;
      SlotType type = rules.slots.TypeOf(claim.slot);
      auto v = j.find("value");
      bool silent = IsSilence(claim.stance);
      if (v == j.end() || v->is_null()) {
        if (!silent && type != SlotType::kStatement) {
          r.Fail("value", fmt::format("missing; a claim that {} needs a value",
                                      ToString(claim.stance)));
        }
      } else if (type == SlotType::kStatement && !v->is_string()) {
        r.Fail("value", "a statement holds a text");
      } else {
        claim.value = ReadValue(*v, type, r);
      }
    }

    if (report && report->complete) {
      claim.report = report->value.report.id;
      const auto& outlet = report->value.report.outlet;
      bool by_outlet = outlet && claim.claimant.name && FoldForMatch(*claim.claimant.name) ==
                                                            FoldForMatch(*outlet);
      if (by_outlet && claim.claimant.kind == ClaimantKind::kUnknown) {
        claim.claimant.kind = ClaimantKind::kOutlet;
      }
      claim.endorsement =
          r.Enum<Endorsement>(j, "endorsement", "endorsement", ParseEndorsement,
                              EndorsementChoices())
              .value_or(by_outlet ? Endorsement::kAuthor : Endorsement::kReported);
      if (claim.chain.empty() && outlet) {
        claim.chain.push_back(*outlet);
        if (!by_outlet) claim.chain.push_back(claim.claimant.SourceName());
      }
    }
    if (claim.claimant.name && claim.claimant.kind == ClaimantKind::kUnknown) {
      if (const Actor* a = rules.actors.Find(*claim.claimant.name)) {
        claim.claimant.kind = a->kind;
        if (claim.claimant.mention.empty()) claim.claimant.mention = *claim.claimant.name;
        claim.claimant.name = a->name;
      }
    } else if (claim.claimant.name) {
      if (const Actor* a = rules.actors.Find(*claim.claimant.name)) claim.claimant.name = a->name;
    }
    if (auto f = j.find("factuality"); f != j.end() && !f->is_null()) {
      if (!f->is_string() || f->get<std::string>() != ToString(claim.factuality())) {
        r.Fail("factuality",
               fmt::format("does not follow from stance, modality and polarity (they give {}); "
                           "leave it out or correct it",
                           ToString(claim.factuality())));
      }
    }
    if (report && r.ok()) {
      claim.ordinal = static_cast<int64_t>(report->value.claims.size()) + 1;
      report->value.claims.push_back(std::move(claim));
      report->lines.append(line);
      report->lines.push_back('\n');
    }
  }

  if (reports.empty() && diagnostics.error_count() == errors_before) {
    diagnostics.Error(origin, 0, "", "no claims in this file");
  }
  if (diagnostics.error_count() > errors_before) return {};
  std::vector<ReportWithClaims> out;
  for (auto& p : reports) {
    if (options.outlet) p.value.report.outlet = options.outlet;
    if (options.lang) p.value.report.lang = options.lang;
    p.value.report.content_sha256 = Sha256Hex(p.lines);
    out.push_back(std::move(p.value));
  }
  return out;
}

}  // namespace attest
