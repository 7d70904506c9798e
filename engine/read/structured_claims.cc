#include "engine/read/structured_claims.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <map>

#include "engine/base/sha256.h"
#include "engine/read/input.h"
#include "engine/text/utf8.h"

namespace attest {

namespace {

using json = nlohmann::json;

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
    std::string s = NormalizeNfc(it->get<std::string>());
    if (required && s.empty()) Fail(field, "must not be empty");
    return s;
  }

  template <typename E>
  std::optional<E> Enum(const json& object, const char* key, const std::string& field,
                        std::optional<E> (*parse)(std::string_view), std::string_view choices) {
    auto s = Str(object, key, field, false);
    if (!s) return std::nullopt;
    auto v = parse(*s);
    if (!v) Fail(field, fmt::format("unknown value '{}'; use one of: {}", *s, choices));
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
      auto whole = [](const json& n) {
        return n.is_number_integer() || n.is_number_unsigned() ||
               (n.is_number_float() && n.get<double>() == static_cast<double>(
                                                              static_cast<int64_t>(n.get<double>())));
      };
      if (v.is_string() && v.get<std::string>() == "all") return CountRange::All();
      if (v.is_number() && whole(v) && v.get<double>() >= 0) {
        return CountRange::Exactly(static_cast<int64_t>(v.get<double>()));
      }
      if (v.is_object()) {
        r.CheckKeys(v, {"low", "high"}, "value.");
        auto low = v.find("low");
        auto high = v.find("high");
        if (low == v.end() || !low->is_number() || !whole(*low) || low->get<double>() < 0) {
          r.Fail("value.low", "a count range needs a whole number 'low' ≥ 0");
          return std::nullopt;
        }
        CountRange range = CountRange::AtLeast(static_cast<int64_t>(low->get<double>()));
        if (high != v.end() && !high->is_null()) {
          if (!high->is_number() || !whole(*high) || high->get<double>() < low->get<double>()) {
            r.Fail("value.high", "must be a whole number not below 'low' (or left out)");
            return std::nullopt;
          }
          range.high = static_cast<int64_t>(high->get<double>());
        }
        return range;
      }
      r.Fail("value", "this slot holds a count: a whole number, {\"low\", \"high\"} or \"all\"");
      return std::nullopt;
    }
    default:
      if (v.is_string()) {
        std::string s = NormalizeNfc(v.get<std::string>());
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
    std::string name = NormalizeNfc(it->get<std::string>());
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
             fmt::format("'{}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD", *d));
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
          ref.actors.push_back(NormalizeNfc(name.get<std::string>()));
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
      hedge.text = NormalizeNfc(h.get<std::string>());
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
      cue.start = it->value("start", int64_t{0});
      cue.end = it->value("end", int64_t{0});
      claim.cue = std::move(cue);
    }
  }
  if (auto it = j.find("span"); it != j.end() && !it->is_null()) {
    if (!it->is_array() || it->size() != 2 || !(*it)[0].is_number_integer() ||
        !(*it)[1].is_number_integer()) {
      r.Fail("span", "must be [start, end] byte offsets");
    } else {
      claim.span = Span{(*it)[0].get<int64_t>(), (*it)[1].get<int64_t>()};
    }
  }
  if (auto it = j.find("chain"); it != j.end() && !it->is_null()) {
    if (!it->is_array()) {
      r.Fail("chain", "must be a list of names, outermost first");
    } else {
      for (const auto& n : *it) {
        if (n.is_string()) {
          claim.chain.push_back(NormalizeNfc(n.get<std::string>()));
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

    json j;
    try {
      j = json::parse(line);
    } catch (const json::parse_error& e) {
      std::string what = e.what();
      auto colon = what.find("syntax error");
      diagnostics.Error(origin, line_no, "json",
                        fmt::format("not valid JSON ({}); each line must be one JSON object",
                                    colon == std::string::npos ? what : what.substr(colon)));
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
                     fmt::format("'{}' is not a date; write YYYY-MM-DD or an ISO-8601 time", *p));
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
        r.Fail("stance", fmt::format("unknown stance '{}'; use one of: {}", *s, StanceChoices()));
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
