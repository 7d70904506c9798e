#include "db/verdict_repository.h"

#include <SQLiteCpp/Statement.h>

#include "db/row_values.h"
#include "db/storage_error.h"

namespace attest {

void VerdictRepository::Insert(Verdict& v) {
  WithStorageContext("recording a verdict", [&] {
    SQLite::Statement st(db_,
                         "INSERT INTO verdicts (incident_id, slot, claim_id, value, verdict, "
                         "analyst, note, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    st.bind(1, v.incident.value());
    st.bind(2, v.slot);
    if (v.claim) {
      st.bind(3, v.claim->value());
    } else {
      st.bind(3);
    }
    if (v.value) {
      st.bind(4, FormatSlotValue(*v.value));
    } else {
      st.bind(4);
    }
    st.bind(5, std::string(ToString(v.kind)));
    st.bind(6, v.analyst);
    st.bind(7, v.note);
    st.bind(8, FormatTimestamp(v.recorded_at));
    st.exec();
    v.id = db_.getLastInsertRowid();
  });
}

std::vector<Verdict> VerdictRepository::ForIncident(IncidentId incident,
                                                    std::optional<Timestamp> recorded_until) {
  return Read("WHERE incident_id = ?", incident, recorded_until);
}

std::map<IncidentId, std::vector<Verdict>> VerdictRepository::All() {
  std::map<IncidentId, std::vector<Verdict>> out;
  for (Verdict& v : Read("", std::nullopt, std::nullopt)) {
    IncidentId id = v.incident;
    out[id].push_back(std::move(v));
  }
  return out;
}

std::vector<Verdict> VerdictRepository::Read(const std::string& where,
                                             const std::optional<IncidentId>& incident,
                                             const std::optional<Timestamp>& recorded_until) {
  return WithStorageContext("reading verdicts", [&] {
    std::string sql =
        "SELECT id, slot, claim_id, value, verdict, analyst, note, recorded_at, incident_id "
        "FROM verdicts " +
        where;
    if (recorded_until) sql += where.empty() ? " WHERE recorded_at <= ?" : " AND recorded_at <= ?";
    sql += " ORDER BY incident_id, recorded_at, id";
    SQLite::Statement st(db_, sql);
    int index = 1;
    if (incident) st.bind(index++, incident->value());
    if (recorded_until) st.bind(index++, FormatTimestamp(*recorded_until));
    std::vector<Verdict> out;
    while (st.executeStep()) {
      Verdict v;
      v.id = st.getColumn(0).getInt64();
      v.incident = IncidentId(st.getColumn(8).getInt64());
      v.slot = st.getColumn(1).getString();
      if (!st.getColumn(2).isNull()) v.claim = ClaimId(st.getColumn(2).getInt64());
      if (!st.getColumn(3).isNull()) {
        std::string text = st.getColumn(3).getString();
        v.value = ParseSlotValue(slots_.TypeOf(v.slot), text);
        if (!v.value) v.value = SlotValue(text);
      }
      v.kind = st.getColumn(4).getString() == "refuted" ? VerdictKind::kRefuted
                                                         : VerdictKind::kConfirmed;
      v.analyst = st.getColumn(5).getString();
      v.note = st.getColumn(6).getString();
      v.recorded_at = TimestampFrom(st.getColumn(7));
      out.push_back(std::move(v));
    }
    return out;
  });
}

}  // namespace attest
