#include "db/claim_repository.h"

#include <fmt/format.h>

#include <deque>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "db/row_values.h"
#include "db/storage_error.h"
#include "engine/rulebook/slots.h"
#include "engine/text/utf8.h"

namespace attest {

namespace {

using json = nlohmann::json;

// The part of a claim that has no column of its own; null when every part is
// at its default (rows of claim tables).
std::optional<std::string> Detail(const Claim& c) {
  bool plain = c.claimant.mention == c.claimant.SourceName() &&
               c.claimant.kind == ClaimantKind::kUnknown && !c.claimant.role &&
               !c.claimant.anonymous && c.claimant.count == ClaimantCount::kUnknown &&
               !c.claimant.concordant && c.chain.empty() && !c.cue && c.hedges.empty() &&
               !c.quote && !c.text && !c.span && c.implied.empty() &&
               (!c.incident_ref || (c.incident_ref->key && !c.incident_ref->place &&
                                    !c.incident_ref->date && !c.incident_ref->event_type &&
                                    c.incident_ref->actors.empty()));
  if (plain) return std::nullopt;  // a row of a claim table: its row is its ordinal
  json j = json::object();
  if (c.claimant.mention != c.claimant.SourceName()) j["mention"] = c.claimant.mention;
  if (c.claimant.kind != ClaimantKind::kUnknown) j["kind"] = ToString(c.claimant.kind);
  if (c.claimant.role) j["role"] = *c.claimant.role;
  if (c.claimant.anonymous) j["anonymous"] = true;
  if (c.claimant.count != ClaimantCount::kUnknown) j["count"] = ToString(c.claimant.count);
  if (c.claimant.concordant) j["concordant"] = true;
  if (!c.chain.empty()) j["chain"] = c.chain;
  if (c.cue) {
    j["cue"] = {{"text", c.cue->text},
                {"lemma", c.cue->lemma},
                {"class", ToString(c.cue->cls)},
                {"start", c.cue->start},
                {"end", c.cue->end}};
  }
  if (!c.hedges.empty()) {
    json hedges = json::array();
    for (const auto& h : c.hedges) {
      hedges.push_back({{"text", h.text}, {"kind", h.kind ? json(ToString(*h.kind)) : json()}});
    }
    j["hedges"] = hedges;
  }
  if (c.quote) j["quote"] = *c.quote;
  if (c.text) j["text"] = *c.text;
  if (c.span) j["span"] = {c.span->start, c.span->end};
  if (c.incident_ref && !(c.incident_ref->key && !c.incident_ref->place && !c.incident_ref->date &&
                          !c.incident_ref->event_type && c.incident_ref->actors.empty())) {
    const IncidentRef& r = *c.incident_ref;
    json ref = json::object();
    if (r.key) ref["key"] = *r.key;
    if (r.place) ref["place"] = *r.place;
    if (r.date) {
      ref["date"] = r.date->ToString();
      ref["date_precision"] = ToString(r.date->precision);
    }
    if (r.event_type) ref["event_type"] = *r.event_type;
    if (!r.actors.empty()) ref["actors"] = r.actors;
    j["incident"] = ref;
  }
  if (!c.implied.empty()) {
    json implied = json::array();
    for (const auto& i : c.implied) {
      implied.push_back({{"slot", i.slot}, {"value", FormatSlotValue(i.value)}});
    }
    j["implied"] = implied;
  }
  if (c.source_line) j["line"] = c.source_line;
  return j.dump();
}

void ApplyDetail(const std::string& text, const SlotCatalog& slots, Claim& c) {
  json j;
  try {
    j = json::parse(text);
    if (auto it = j.find("mention"); it != j.end()) c.claimant.mention = it->get<std::string>();
    if (auto it = j.find("kind"); it != j.end()) {
      c.claimant.kind = ParseClaimantKind(it->get<std::string>()).value_or(ClaimantKind::kUnknown);
    }
    if (auto it = j.find("role"); it != j.end()) c.claimant.role = it->get<std::string>();
    c.claimant.anonymous = j.value("anonymous", false);
    if (auto it = j.find("count"); it != j.end()) {
      c.claimant.count =
          ParseClaimantCount(it->get<std::string>()).value_or(ClaimantCount::kUnknown);
    }
    c.claimant.concordant = j.value("concordant", false);
    if (auto it = j.find("chain"); it != j.end()) c.chain = it->get<std::vector<std::string>>();
    if (auto it = j.find("cue"); it != j.end()) {
      Cue cue;
      cue.text = it->at("text").get<std::string>();
      cue.lemma = it->at("lemma").get<std::string>();
      cue.cls = ParseCueClass(it->at("class").get<std::string>()).value_or(CueClass::kNone);
      cue.start = it->at("start").get<int64_t>();
      cue.end = it->at("end").get<int64_t>();
      c.cue = cue;
    }
    if (auto it = j.find("hedges"); it != j.end()) {
      for (const auto& h : *it) {
        Hedge hedge;
        hedge.text = h.at("text").get<std::string>();
        if (!h.at("kind").is_null()) hedge.kind = ParseHedgeKind(h.at("kind").get<std::string>());
        c.hedges.push_back(std::move(hedge));
      }
    }
    if (auto it = j.find("quote"); it != j.end()) c.quote = it->get<std::string>();
    if (auto it = j.find("text"); it != j.end()) c.text = it->get<std::string>();
    if (auto it = j.find("span"); it != j.end()) {
      c.span = Span{(*it)[0].get<int64_t>(), (*it)[1].get<int64_t>()};
    }
    if (auto it = j.find("incident"); it != j.end()) {
      IncidentRef ref;
      if (auto k = it->find("key"); k != it->end()) ref.key = k->get<std::string>();
      if (auto p = it->find("place"); p != it->end()) ref.place = p->get<std::string>();
      if (auto d = it->find("date"); d != it->end()) {
        ref.date = ParseDateInterval(d->get<std::string>());
        if (auto pr = it->find("date_precision"); pr != it->end() && ref.date) {
          ref.date->precision =
              ParseDatePrecision(pr->get<std::string>()).value_or(ref.date->precision);
        }
      }
      if (auto e = it->find("event_type"); e != it->end()) ref.event_type = e->get<std::string>();
      if (auto a = it->find("actors"); a != it->end()) {
        ref.actors = a->get<std::vector<std::string>>();
      }
      c.incident_ref = std::move(ref);
    }
    if (auto it = j.find("implied"); it != j.end()) {
      for (const auto& i : *it) {
        std::string slot = i.at("slot").get<std::string>();
        std::string raw = i.at("value").get<std::string>();
        auto value = ParseSlotValue(slots.TypeOf(slot), raw);
        c.implied.push_back({slot, value ? *value : SlotValue(raw)});
      }
    }
    c.source_line = j.value("line", int64_t{0});
  } catch (const json::exception& e) {
    throw Storage(fmt::format("claim {}: its stored detail cannot be read: {}", c.id.value(),
                              e.what()));
  }
}

constexpr const char* kSelect =
    "SELECT c.id, c.incident_id, r.report_key, c.ordinal, s.name, s.kind, c.slot, c.value, "
    "c.stance, c.modality, c.endorsement, c.polarity, c.detail, r.outlet, r.published "
    "FROM claims c JOIN sources s ON s.id = c.source_id JOIN reports r ON r.id = c.report_id ";

}  // namespace

Claim ClaimRepository::ReadRow(SQLite::Statement& st) const {
  Claim c;
  c.id = ClaimId(st.getColumn(0).getInt64());
  c.incident = IncidentId(st.getColumn(1).getInt64());
  c.report = ReportId(st.getColumn(2).getString());
  c.ordinal = st.getColumn(3).getInt64();
  c.claimant.name = st.getColumn(4).getString();
  c.claimant.mention = *c.claimant.name;
  c.claimant.kind =
      ParseClaimantKind(st.getColumn(5).getString()).value_or(ClaimantKind::kUnknown);
  c.slot = st.getColumn(6).getString();
  if (!st.getColumn(7).isNull()) {
    std::string value = st.getColumn(7).getString();
    c.value = ParseSlotValue(slots_.TypeOf(c.slot), value);
    if (!c.value) c.value = SlotValue(std::move(value));
  }
  auto stance = ParseStance(st.getColumn(8).getString());
  if (!stance) throw Storage(fmt::format("claim {}: unknown stored stance", c.id.value()));
  c.stance = *stance;
  if (!st.getColumn(9).isNull()) {
    c.modality = ParseModality(st.getColumn(9).getString()).value_or(Modality::kCertain);
  }
  if (!st.getColumn(10).isNull()) {
    c.endorsement =
        ParseEndorsement(st.getColumn(10).getString()).value_or(Endorsement::kReported);
  }
  if (!st.getColumn(11).isNull()) {
    c.polarity = ParsePolarity(st.getColumn(11).getString()).value_or(Polarity::kPositive);
  }
  if (!st.getColumn(12).isNull()) ApplyDetail(st.getColumn(12).getString(), slots_, c);
  return c;
}

ClaimRepository::ClaimRepository(SQLite::Database& db, const SlotCatalog& slots)
    : db_(db), slots_(slots) {}
ClaimRepository::~ClaimRepository() = default;

namespace {
constexpr size_t kColumnsPerRow = 12;
constexpr size_t kRowsPerStatement = 64;
}  // namespace

SQLite::Statement& ClaimRepository::InsertStatement(size_t rows) {
  auto& st = insert_[rows];
  if (!st) {
    std::string sql =
        "INSERT INTO claims (id, report_id, ordinal, incident_id, source_id, slot, value, stance, "
        "modality, endorsement, polarity, detail) VALUES ";
    for (size_t r = 0; r < rows; ++r) sql += r == 0 ? "(?,?,?,?,?,?,?,?,?,?,?,?)" : ",(?,?,?,?,?,?,?,?,?,?,?,?)";
    st = std::make_unique<SQLite::Statement>(db_, sql);
  }
  return *st;
}

void ClaimRepository::Insert(std::vector<Claim>& claims, int64_t report_row,
                             const std::vector<int64_t>& source_rows) {
  WithStorageContext("storing claims", [&] {
    if (next_id_ == 0) {
      next_id_ = db_.execAndGet("SELECT coalesce(max(id), 0) + 1 FROM claims").getInt64();
    }
    // Texts bound without copy must outlive the statement's execution.
    std::deque<std::string> keep;  // stable addresses as it grows
    for (size_t begin = 0; begin < claims.size(); begin += kRowsPerStatement) {
      size_t rows = std::min(kRowsPerStatement, claims.size() - begin);
      SQLite::Statement& st = InsertStatement(rows);
      st.reset();
      keep.clear();
      for (size_t r = 0; r < rows; ++r) {
        Claim& claim = claims[begin + r];
        claim.id = ClaimId(next_id_++);
        int base = static_cast<int>(r * kColumnsPerRow);
        st.bind(base + 1, claim.id.value());
        st.bind(base + 2, report_row);
        st.bind(base + 3, claim.ordinal);
        st.bind(base + 4, claim.incident.value());
        st.bind(base + 5, source_rows[begin + r]);
        st.bindNoCopy(base + 6, claim.slot);
        if (!claim.value) {
          st.bind(base + 7);
        } else if (const auto* text = std::get_if<std::string>(&*claim.value)) {
          st.bindNoCopy(base + 7, *text);
        } else {
          keep.push_back(FormatSlotValue(*claim.value));
          st.bindNoCopy(base + 7, keep.back());
        }
        // The vocabulary's words are NUL-terminated literals: bound as text, not
        // copied (the pointer-and-size overload would bind a BLOB).
        auto bind_enum = [&](int index, bool is_default, std::string_view word) {
          if (is_default) {
            st.bind(index);
          } else {
            st.bindNoCopy(index, word.data());
          }
        };
        bind_enum(base + 8, false, ToString(claim.stance));
        bind_enum(base + 9, claim.modality == Modality::kCertain, ToString(claim.modality));
        bind_enum(base + 10, claim.endorsement == Endorsement::kReported,
                  ToString(claim.endorsement));
        bind_enum(base + 11, claim.polarity == Polarity::kPositive, ToString(claim.polarity));
        if (std::optional<std::string> detail = Detail(claim)) {
          keep.push_back(std::move(*detail));
          st.bindNoCopy(base + 12, keep.back());
        } else {
          st.bind(base + 12);
        }
      }
      st.exec();
    }
  });
}

IncidentClaims ClaimRepository::ForIncident(IncidentId incident,
                                            std::optional<Timestamp> published_until) {
  return WithStorageContext(fmt::format("loading the claims of incident {}", incident.value()),
                            [&] {
    IncidentClaims out;
    std::string sql = std::string(kSelect) + "WHERE c.incident_id = ?";
    if (published_until) sql += " AND r.published <= ?";
    sql += " ORDER BY c.id";
    SQLite::Statement st(db_, sql);
    st.bind(1, incident.value());
    if (published_until) st.bind(2, FormatTimestamp(*published_until));
    while (st.executeStep()) {
      out.claims.push_back(ReadRow(st));
      const std::string& key = out.claims.back().report.value();
      if (!out.reports.count(key)) {
        out.reports[key] = ReportFacts{OptionalText(st.getColumn(13)), TimestampFrom(st.getColumn(14))};
      }
    }
    return out;
  });
}

namespace {

// Back to a fresh claim's state, keeping the storage of its strings.
void Clear(Claim& c) {
  c.claimant.role.reset();
  c.claimant.anonymous = false;
  c.claimant.count = ClaimantCount::kUnknown;
  c.claimant.concordant = false;
  c.chain.clear();
  c.cue.reset();
  c.modality = Modality::kCertain;
  c.endorsement = Endorsement::kReported;
  c.polarity = Polarity::kPositive;
  c.hedges.clear();
  c.quote.reset();
  c.text.reset();
  c.span.reset();
  c.incident_ref.reset();
  c.value.reset();
  c.implied.clear();
  c.source_line = 0;
}

}  // namespace

StoredClaims ClaimRepository::ReadAll() {
  return WithStorageContext("reading every claim", [&] {
    StoredClaims out;
    out.slots_catalog_ = &slots_;
    std::unordered_map<int64_t, uint32_t> source_index, report_index;
    {
      SQLite::Statement st(db_, "SELECT id, name, kind FROM sources ORDER BY id");
      while (st.executeStep()) {
        source_index[st.getColumn(0).getInt64()] = static_cast<uint32_t>(out.sources_.size());
        out.sources_.push_back(
            {st.getColumn(1).getString(),
             ParseClaimantKind(st.getColumn(2).getString()).value_or(ClaimantKind::kUnknown)});
      }
    }
    {
      SQLite::Statement st(db_, "SELECT id, report_key, outlet, published FROM reports ORDER BY id");
      while (st.executeStep()) {
        report_index[st.getColumn(0).getInt64()] = static_cast<uint32_t>(out.reports_.size());
        out.reports_.push_back(
            {st.getColumn(1).getString(),
             ReportFacts{OptionalText(st.getColumn(2)), TimestampFrom(st.getColumn(3))}});
      }
    }
    std::map<std::string, uint32_t, std::less<>> slot_index;
    // Sized once: growing vectors of millions of rows would copy them over and over.
    auto count = static_cast<size_t>(db_.execAndGet("SELECT count(*) FROM claims").getInt64());
    out.rows_.reserve(count);
    out.text_.reserve(count * 8);
    SQLite::Statement st(db_,
                         "SELECT incident_id, id, report_id, ordinal, source_id, slot, value, "
                         "stance, modality, endorsement, polarity, detail FROM claims "
                         "ORDER BY incident_id, id");
    int64_t last_report = 0, last_source = 0;
    uint32_t report = 0, source = 0;
    while (st.executeStep()) {
      StoredClaims::Row row;
      int64_t incident = st.getColumn(0).getInt64();
      if (out.incidents_.empty() || out.incidents_.back().incident != incident) {
        out.incidents_.push_back({incident, out.rows_.size(), out.rows_.size()});
      }
      row.id = st.getColumn(1).getInt64();
      int64_t report_row = st.getColumn(2).getInt64();
      if (out.rows_.empty() || report_row != last_report) {
        auto it = report_index.find(report_row);
        if (it == report_index.end()) {
          throw Storage(fmt::format("claim {} refers to a missing report; run `attest verify`",
                                    row.id));
        }
        report = it->second;
        last_report = report_row;
      }
      row.report = report;
      row.ordinal = st.getColumn(3).getInt64();
      int64_t source_row = st.getColumn(4).getInt64();
      if (out.rows_.empty() || source_row != last_source) {
        auto it = source_index.find(source_row);
        if (it == source_index.end()) {
          throw Storage(fmt::format("claim {} refers to a missing source; run `attest verify`",
                                    row.id));
        }
        source = it->second;
        last_source = source_row;
      }
      row.source = source;
      {
        SQLite::Column slot = st.getColumn(5);
        std::string_view name(slot.getText(), static_cast<size_t>(slot.getBytes()));
        auto it = slot_index.find(name);
        if (it == slot_index.end()) {
          it = slot_index.emplace(std::string(name), static_cast<uint32_t>(out.slots_.size())).first;
          out.slots_.emplace_back(std::string(name), slots_.TypeOf(name));
        }
        row.slot = it->second;
      }
      auto keep = [&](const SQLite::Column& c, uint64_t& begin, uint32_t& size) {
        begin = out.text_.size();
        size = static_cast<uint32_t>(c.getBytes());
        out.text_.append(c.getText(), size);
      };
      if (SQLite::Column value = st.getColumn(6); !value.isNull()) {
        row.has_value = true;
        keep(value, row.value_begin, row.value_size);
      }
      auto stance = ParseStance(st.getColumn(7).getText());
      if (!stance) throw Storage(fmt::format("claim {}: unknown stored stance", row.id));
      row.stance = *stance;
      if (SQLite::Column c = st.getColumn(8); !c.isNull()) {
        row.modality = ParseModality(c.getText()).value_or(Modality::kCertain);
      }
      if (SQLite::Column c = st.getColumn(9); !c.isNull()) {
        row.endorsement = ParseEndorsement(c.getText()).value_or(Endorsement::kReported);
      }
      if (SQLite::Column c = st.getColumn(10); !c.isNull()) {
        row.polarity = ParsePolarity(c.getText()).value_or(Polarity::kPositive);
      }
      if (SQLite::Column detail = st.getColumn(11); !detail.isNull()) {
        row.has_detail = true;
        keep(detail, row.detail_begin, row.detail_size);
      }
      out.rows_.push_back(row);
      out.incidents_.back().end = out.rows_.size();
    }
    return out;
  });
}

void StoredClaims::ForEachIncident(
    const std::function<void(IncidentId, IncidentClaims&)>& visit) const {
  IncidentClaims batch;
  // Claims beyond the current incident's count wait here, strings and all,
  // rather than being freed and allocated again for the next incident.
  std::vector<Claim> idle;
  for (const Span& span : incidents_) {
    size_t n = span.end - span.begin;
    while (batch.claims.size() < n) {
      if (idle.empty()) {
        batch.claims.emplace_back();
      } else {
        batch.claims.push_back(std::move(idle.back()));
        idle.pop_back();
      }
    }
    for (size_t i = n; i < batch.claims.size(); ++i) idle.push_back(std::move(batch.claims[i]));
    batch.claims.resize(n);
    batch.reports.clear();
    for (size_t k = 0; k < n; ++k) {
      const Row& row = rows_[span.begin + k];
      Claim& c = batch.claims[k];
      Clear(c);
      c.id = ClaimId(row.id);
      c.incident = IncidentId(span.incident);
      const ReportRow& report = reports_[row.report];
      if (c.report.value() != report.key) c.report = ReportId(report.key);
      if (!batch.reports.count(report.key)) batch.reports[report.key] = report.facts;
      c.ordinal = row.ordinal;
      const Source& source = sources_[row.source];
      if (c.claimant.name) {
        *c.claimant.name = source.name;
      } else {
        c.claimant.name = source.name;
      }
      c.claimant.mention = source.name;
      c.claimant.kind = source.kind;
      const auto& [slot, type] = slots_[row.slot];
      c.slot = slot;
      if (row.has_value) {
        std::string_view text = std::string_view(text_).substr(row.value_begin, row.value_size);
        c.value = ParseSlotValue(type, text);
        if (!c.value) c.value = SlotValue(std::string(text));
      }
      c.stance = row.stance;
      c.modality = row.modality;
      c.endorsement = row.endorsement;
      c.polarity = row.polarity;
      if (row.has_detail) {
        ApplyDetail(text_.substr(row.detail_begin, row.detail_size), *slots_catalog_, c);
      }
    }
    visit(IncidentId(span.incident), batch);
  }
}

std::pair<std::vector<ClaimId>, int64_t> ClaimRepository::Orphans(int64_t limit) {
  return WithStorageContext("checking claim references", [&] {
    SQLite::Statement st(db_,
                         "SELECT c.id FROM claims c "
                         "LEFT JOIN reports r ON r.id = c.report_id "
                         "LEFT JOIN incidents i ON i.id = c.incident_id "
                         "LEFT JOIN sources s ON s.id = c.source_id "
                         "WHERE r.id IS NULL OR i.id IS NULL OR s.id IS NULL ORDER BY c.id");
    std::pair<std::vector<ClaimId>, int64_t> out{{}, 0};
    while (st.executeStep()) {
      if (out.second++ < limit) out.first.emplace_back(st.getColumn(0).getInt64());
    }
    return out;
  });
}

std::optional<Claim> ClaimRepository::FindById(ClaimId id) {
  return WithStorageContext("looking up a claim", [&]() -> std::optional<Claim> {
    SQLite::Statement st(db_, std::string(kSelect) + "WHERE c.id = ?");
    st.bind(1, id.value());
    if (!st.executeStep()) return std::nullopt;
    return ReadRow(st);
  });
}

std::vector<Claim> ClaimRepository::List(const ClaimFilter& f) {
  return WithStorageContext("listing claims", [&] {
    std::string sql = std::string(kSelect) + "WHERE 1 = 1";
    if (f.incident) sql += " AND c.incident_id = :incident";
    if (f.stance) sql += " AND c.stance = :stance";
    if (f.since) sql += " AND r.published >= :since";
    if (f.until) sql += " AND r.published <= :until";
    if (f.report) sql += " AND r.report_key = :report";
    if (f.search) {
      sql += " AND (c.value LIKE :search ESCAPE '\\' OR c.detail LIKE :search ESCAPE '\\'"
             " OR s.name LIKE :search ESCAPE '\\')";
    }
    sql += " ORDER BY c.id";
    SQLite::Statement st(db_, sql);
    if (f.incident) st.bind(":incident", f.incident->value());
    if (f.stance) st.bind(":stance", std::string(ToString(*f.stance)));
    if (f.since) st.bind(":since", FormatTimestamp(*f.since));
    if (f.until) st.bind(":until", FormatTimestamp(*f.until));
    if (f.report) st.bind(":report", *f.report);
    if (f.search) {
      std::string pattern;
      for (char ch : *f.search) {
        if (ch == '%' || ch == '_' || ch == '\\') pattern += '\\';
        pattern += ch;
      }
      st.bind(":search", "%" + pattern + "%");
    }
    std::vector<Claim> out;
    std::string claimant = f.claimant ? FoldForMatch(*f.claimant) : "";
    while (st.executeStep()) {
      Claim c = ReadRow(st);
      if (f.claimant && FoldForMatch(c.claimant.SourceName()) != claimant &&
          FoldForMatch(c.claimant.mention).find(claimant) == std::string::npos) {
        continue;
      }
      out.push_back(std::move(c));
      if (f.limit > 0 && static_cast<int64_t>(out.size()) >= f.limit) break;
    }
    return out;
  });
}

}  // namespace attest
