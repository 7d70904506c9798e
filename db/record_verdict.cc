#include "db/record_verdict.h"

#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "db/claim_repository.h"
#include "db/incident_repository.h"
#include "db/reconcile_all.h"
#include "db/record_keeper.h"
#include "db/storage_error.h"
#include "db/verdict_repository.h"
#include "db/version_repository.h"

namespace attest {

VerdictResult RecordVerdict(SQLite::Database& db, const Rulebook& rules,
                            const VerdictRequest& request, Timestamp now) {
  return WithStorageContext("recording a verdict", [&] {
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);  // a writer: lock first (db/ingest.cc)
    IncidentRepository incidents(db);
    ClaimRepository claims(db, rules.slots);
    VerdictRepository verdicts(db, rules.slots);
    VersionRepository versions(db);

    std::optional<Incident> incident;
    if (request.incident) incident = incidents.Resolve(*request.incident);
    const Claim* judged = nullptr;
    IncidentClaims known;
    if (request.claim) {
      std::optional<Claim> found = claims.FindById(*request.claim);
      if (!found) {
        throw NotFound(
            fmt::format("no claim c{}; list them with `attest claims`", request.claim->value()));
      }
      const Claim& c = *found;
      if (incident && c.incident != incident->id) {
        throw InvalidInput(
            fmt::format("claim c{} is about incident #{}, not {}; leave the "
                        "incident out or name its own",
                        c.id.value(), c.incident.value(), incident->Label()));
      }
      if (!incident) {
        incident = incidents.FindById(c.incident);
        if (!incident)
          throw NotFound(fmt::format("claim c{}: its incident is missing", c.id.value()));
      }
      known = claims.ForIncident(incident->id);
    } else {
      if (!incident) throw InvalidInput("name the incident and the slot, or a claim with --claim");
      known = claims.ForIncident(incident->id);
    }
    for (const Claim& c : known.claims) {
      if (request.claim && c.id == *request.claim) judged = &c;
    }

    // The slot: the one named, else the judged claim's.
    std::string slot = request.slot ? *request.slot : judged->slot;
    std::set<std::string> slots;
    for (const Claim& c : known.claims) {
      if (rules.slots.TypeOf(c.slot) != SlotType::kStatement) slots.insert(c.slot);
      for (const ImpliedSlot& i : c.implied) slots.insert(i.slot);
    }
    if (!slots.count(slot)) {
      std::string list;
      for (const auto& s : slots) list += (list.empty() ? "" : ", ") + s;
      throw NotFound(fmt::format("incident {} has no claim on slot '{}'; its slots are: {}",
                                 incident->Label(), slot, list.empty() ? "none" : list));
    }
    if (judged && judged->slot != slot) {
      bool implied = std::any_of(judged->implied.begin(), judged->implied.end(),
                                 [&](const ImpliedSlot& i) { return i.slot == slot; });
      if (!implied) {
        throw InvalidInput(fmt::format("claim c{} is about slot '{}', not '{}'", judged->id.value(),
                                       judged->slot, slot));
      }
    }

    Verdict v;
    v.incident = incident->id;
    v.slot = slot;
    v.claim = request.claim;
    v.kind = request.kind;
    v.analyst = request.analyst;
    v.note = request.note;
    v.recorded_at = now;
    SlotType type = rules.slots.TypeOf(slot);
    if (request.value) {
      v.value = ParseSlotValue(type, *request.value);
      if (!v.value) {
        throw InvalidInput(
            fmt::format("--value: '{}' is not a {} value for slot '{}' (counts are "
                        "written 12, 8..12, 2.. or all; truth values true or false)",
                        *request.value, ToString(type), slot));
      }
    } else if (judged) {
      if (judged->slot == slot) {
        v.value = judged->value;
      } else {
        for (const ImpliedSlot& i : judged->implied) {
          if (i.slot == slot) v.value = i.value;
        }
      }
    } else if (auto latest = versions.Latest(incident->id)) {
      // A verdict on the slot as it stands: the value the record holds now.
      if (const SlotRecord* s = latest->record.Find(slot)) v.value = s->value;
    }
    if (!v.value) {
      throw InvalidInput(fmt::format(
          "slot '{}' of incident {} holds no value to {}; say which "
          "with --value or --claim",
          slot, incident->Label(), v.kind == VerdictKind::kConfirmed ? "confirm" : "refute"));
    }

    verdicts.Insert(v);
    std::optional<SourceReliability> reliability = LatestSourceReliability(db);
    RecordKeeper keeper(db, rules, reliability ? &*reliability : nullptr);
    VersionCause cause{"verdict",
                       std::nullopt,
                       {},
                       v.analyst,
                       v.note.empty() ? std::nullopt : std::optional<std::string>(v.note)};
    if (v.claim) cause.claims.push_back(*v.claim);
    VerdictResult result;
    result.incident = incident->Label();
    result.version =
        keeper.Update(*incident, known, verdicts.ForIncident(incident->id), cause, now);
    if (result.version) {
      if (auto latest = versions.Latest(incident->id)) result.changes = latest->changes;
    }
    result.verdict = std::move(v);
    tx.commit();
    return result;
  });
}

}  // namespace attest
