#include "db/incident_repository.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>

#include "db/row_values.h"
#include "db/storage_error.h"
#include "engine/text/utf8.h"

namespace attest {

namespace {

constexpr const char* kColumns =
    "i.id, i.incident_key, i.title, i.place, i.country, i.date_first, i.date_last, "
    "i.date_precision, i.event_type, i.actors, i.merged_into, i.created_at";

Incident ReadRow(SQLite::Statement& st) {
  Incident inc;
  inc.id = IncidentId(st.getColumn(0).getInt64());
  inc.key = OptionalText(st.getColumn(1));
  inc.title = st.getColumn(2).getString();
  inc.place = OptionalText(st.getColumn(3));
  inc.country = OptionalText(st.getColumn(4));
  if (!st.getColumn(5).isNull()) {
    auto first = ParseDateInterval(st.getColumn(5).getString());
    auto last = ParseDateInterval(st.getColumn(6).getString());
    auto precision = ParseDatePrecision(st.getColumn(7).getString());
    if (!first || !last || !precision) throw Storage("a stored incident date cannot be read");
    inc.date = DateInterval{first->first, last->last, *precision};
  }
  inc.event_type = OptionalText(st.getColumn(8));
  try {
    inc.actors = nlohmann::json::parse(st.getColumn(9).getString()).get<std::vector<std::string>>();
  } catch (const nlohmann::json::exception&) {
    throw Storage(fmt::format("incident {}: stored actors cannot be read", inc.id.value()));
  }
  if (!st.getColumn(10).isNull()) inc.merged_into = IncidentId(st.getColumn(10).getInt64());
  inc.created_at = TimestampFrom(st.getColumn(11));
  return inc;
}

std::string Iso(boost::gregorian::date d) {
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(d.year()), static_cast<int>(d.month()),
                     static_cast<int>(d.day()));
}

void BindFields(SQLite::Statement& st, const Incident& inc) {
  BindOptional(st, 1, inc.key);
  st.bind(2, inc.title);
  BindOptional(st, 3, inc.place);
  BindOptional(st, 4, inc.country);
  if (inc.date) {
    st.bind(5, Iso(inc.date->first));
    st.bind(6, Iso(inc.date->last));
    st.bind(7, std::string(ToString(inc.date->precision)));
  } else {
    st.bind(5);
    st.bind(6);
    st.bind(7);
  }
  BindOptional(st, 8, inc.event_type);
  st.bind(9, nlohmann::json(inc.actors).dump());
  if (inc.merged_into) {
    st.bind(10, inc.merged_into->value());
  } else {
    st.bind(10);
  }
}

}  // namespace

IncidentRepository::IncidentRepository(SQLite::Database& db) : db_(db) {}
IncidentRepository::~IncidentRepository() = default;

void IncidentRepository::Insert(Incident& incident) {
  WithStorageContext("storing an incident", [&] {
    if (!insert_) {
      insert_ = std::make_unique<SQLite::Statement>(
          db_,
          "INSERT INTO incidents (incident_key, title, place, country, date_first, date_last, "
          "date_precision, event_type, actors, merged_into, created_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }
    insert_->reset();
    BindFields(*insert_, incident);
    insert_->bind(11, FormatTimestamp(incident.created_at));
    insert_->exec();
    incident.id = IncidentId(db_.getLastInsertRowid());
  });
}

void IncidentRepository::Update(const Incident& incident) {
  WithStorageContext("updating an incident", [&] {
    SQLite::Statement st(db_,
                         "UPDATE incidents SET incident_key = ?, title = ?, place = ?, country = ?, "
                         "date_first = ?, date_last = ?, date_precision = ?, event_type = ?, "
                         "actors = ?, merged_into = ? WHERE id = ?");
    BindFields(st, incident);
    st.bind(11, incident.id.value());
    st.exec();
  });
}

std::optional<Incident> IncidentRepository::FindById(IncidentId id) {
  return WithStorageContext("looking up an incident", [&]() -> std::optional<Incident> {
    SQLite::Statement st(db_, std::string("SELECT ") + kColumns + " FROM incidents i WHERE i.id = ?");
    st.bind(1, id.value());
    if (!st.executeStep()) return std::nullopt;
    return ReadRow(st);
  });
}

std::optional<Incident> IncidentRepository::FindByKey(const std::string& key) {
  return WithStorageContext("looking up an incident", [&]() -> std::optional<Incident> {
    if (!by_key_) {
      by_key_ = std::make_unique<SQLite::Statement>(
          db_, std::string("SELECT ") + kColumns + " FROM incidents i WHERE i.incident_key = ?");
    }
    by_key_->reset();
    by_key_->bind(1, key);
    if (!by_key_->executeStep()) return std::nullopt;
    return ReadRow(*by_key_);
  });
}

std::vector<Incident> IncidentRepository::FindAtPlace(const std::string& place) {
  return WithStorageContext("finding incidents at a place", [&] {
    std::vector<Incident> out;
    SQLite::Statement st(db_, std::string("SELECT ") + kColumns +
                                  " FROM incidents i WHERE i.place = ? ORDER BY i.id");
    st.bind(1, place);
    while (st.executeStep()) out.push_back(ReadRow(st));
    return out;
  });
}

Incident IncidentRepository::Resolve(const std::string& label) {
  std::optional<Incident> found = FindByKey(label);
  if (!found) {
    std::string_view digits = label;
    if (!digits.empty() && digits.front() == '#') digits.remove_prefix(1);
    int64_t id = 0;
    auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
    if (ec == std::errc() && ptr == digits.data() + digits.size() && !digits.empty()) {
      found = FindById(IncidentId(id));
    }
  }
  if (!found) {
    throw NotFound(fmt::format("no incident '{}'; list them with `attest incidents`", label));
  }
  for (int hops = 0; found->merged_into && hops < 16; ++hops) {
    auto next = FindById(*found->merged_into);
    if (!next) break;
    found = next;
  }
  return *found;
}

std::vector<Incident> IncidentRepository::All() {
  return WithStorageContext("reading the incidents", [&] {
    std::vector<Incident> out;
    SQLite::Statement st(db_, std::string("SELECT ") + kColumns + " FROM incidents i ORDER BY i.id");
    while (st.executeStep()) out.push_back(ReadRow(st));
    return out;
  });
}

std::vector<IncidentListing> IncidentRepository::List(const IncidentFilter& filter) {
  return WithStorageContext("listing incidents", [&] {
    std::string sql = std::string("SELECT ") + kColumns +
                      ", (SELECT max(v.version) FROM incident_versions v WHERE v.incident_id = i.id)"
                      " FROM incidents i WHERE i.merged_into IS NULL";
    if (filter.since) sql += " AND (i.date_last IS NULL OR i.date_last >= :since)";
    if (filter.until) sql += " AND (i.date_first IS NULL OR i.date_first <= :until)";
    if (filter.actor) sql += " AND EXISTS (SELECT 1 FROM json_each(i.actors) WHERE value = :actor)";
    if (filter.status) {
      sql +=
          " AND EXISTS (SELECT 1 FROM incident_versions v, json_each(v.record, '$.slots') s"
          " WHERE v.incident_id = i.id AND v.version = (SELECT max(version) FROM"
          " incident_versions WHERE incident_id = i.id)"
          " AND json_extract(s.value, '$.status') = :status)";
    }
    sql += " ORDER BY i.id";
    SQLite::Statement st(db_, sql);
    if (filter.since) st.bind(":since", Iso(filter.since->first));
    if (filter.until) st.bind(":until", Iso(filter.until->last));
    if (filter.actor) st.bind(":actor", *filter.actor);
    if (filter.status) st.bind(":status", std::string(ToString(*filter.status)));
    std::vector<IncidentListing> out;
    std::string place = filter.place ? FoldForMatch(*filter.place) : "";
    while (st.executeStep()) {
      IncidentListing l;
      l.incident = ReadRow(st);
      l.version = st.getColumn(12).isNull() ? 0 : st.getColumn(12).getInt64();
      if (filter.place && (!l.incident.place || FoldForMatch(*l.incident.place) != place)) continue;
      out.push_back(std::move(l));
    }
    return out;
  });
}

}  // namespace attest
