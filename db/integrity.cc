#include "db/integrity.h"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <vector>

#include "db/claim_repository.h"
#include "db/storage_error.h"
#include "db/version_repository.h"

namespace attest {

namespace {

// The triggers migration 0001 creates so that reports, claims, versions and
// verdicts are never changed: dropping one is the first step of editing the
// store by hand.
constexpr const char* kAppendOnlyTriggers[] = {
    "reports_append_only_u",           "reports_append_only_d",
    "claims_append_only_u",            "claims_append_only_d",
    "incident_versions_append_only_u", "incident_versions_append_only_d",
    "verdicts_append_only_u",          "verdicts_append_only_d",
};

// The claims stored for each incident, ids ascending, and which of them a
// version records.
struct RecordedClaimIds {
  std::vector<int64_t> ids;
  std::vector<bool> recorded;
};

std::string Ids(const std::vector<int64_t>& ids) {
  std::string out;
  for (size_t i = 0; i < ids.size() && i < 5; ++i) out += fmt::format("{}c{}", i ? ", " : "", ids[i]);
  if (ids.size() > 5) out += fmt::format(" and {} more", ids.size() - 5);
  return out;
}

}  // namespace

IntegrityReport CheckIntegrity(SQLite::Database& db, const SlotCatalog& slots,
                               const std::optional<Checkpoint>& against) {
  IntegrityReport report;
  auto fail = [&](std::string what) {
    if (!report.failure) report.failure = std::move(what);
  };

  std::map<int64_t, RecordedClaimIds> claims;
  WithStorageContext("reading the claims of every incident", [&] {
    SQLite::Statement st(db, "SELECT incident_id, id FROM claims ORDER BY incident_id, id");
    while (st.executeStep()) claims[st.getColumn(0).getInt64()].ids.push_back(st.getColumn(1).getInt64());
  });
  for (auto& [incident, c] : claims) c.recorded.assign(c.ids.size(), false);

  // 1 and 2: the chain, and the claims each version records.
  ChainCheck chain;
  std::map<int64_t, int64_t> last_version;  // incident → last version seen
  VersionRepository(db).ForEachStored([&](const SerializedVersion& v, const std::string& hash) {
    if (auto problem = chain.Next(v, hash)) fail(problem->what);
    last_version[v.incident] = v.version;
    VersionCause cause;
    try {
      cause = CauseFromJson(nlohmann::json::parse(v.cause));
    } catch (const std::exception&) {
      fail(fmt::format("incident #{} version {}: its cause cannot be read; it was altered",
                       v.incident, v.version));
      return;
    }
    RecordedClaimIds& stored = claims[v.incident];
    std::vector<int64_t> missing;
    for (ClaimId id : cause.claims) {
      auto it = std::lower_bound(stored.ids.begin(), stored.ids.end(), id.value());
      if (it == stored.ids.end() || *it != id.value()) {
        missing.push_back(id.value());
      } else {
        stored.recorded[static_cast<size_t>(it - stored.ids.begin())] = true;
      }
    }
    if (!missing.empty()) {
      fail(fmt::format("incident #{} version {}: it records {} that the store no longer holds "
                       "for this incident; deleted or moved behind attest's back",
                       v.incident, v.version, Ids(missing)));
    }
  });
  report.versions = chain.versions();
  report.incidents = chain.incidents();
  for (const auto& [incident, stored] : claims) {
    std::vector<int64_t> unrecorded;
    for (size_t i = 0; i < stored.ids.size(); ++i) {
      if (!stored.recorded[i]) unrecorded.push_back(stored.ids[i]);
    }
    if (unrecorded.empty()) continue;
    auto last = last_version.find(incident);
    if (last == last_version.end()) {
      fail(fmt::format("incident #{}: it has claims ({}) but no version; its history was deleted",
                       incident, Ids(unrecorded)));
    } else {
      fail(fmt::format("incident #{}: {} recorded by no version of its history; the version "
                       "that recorded them (after version {}) was deleted, or they were added "
                       "behind attest's back",
                       incident, Ids(unrecorded) + (unrecorded.size() == 1 ? " is" : " are"),
                       last->second));
    }
  }

  // 3. Every incident has a version.
  WithStorageContext("reading the incidents", [&] {
    SQLite::Statement st(db,
                         "SELECT i.id FROM incidents i WHERE NOT EXISTS "
                         "(SELECT 1 FROM incident_versions v WHERE v.incident_id = i.id) "
                         "ORDER BY i.id LIMIT 1");
    if (st.executeStep()) {
      fail(fmt::format("incident #{}: it has no version; its history was deleted",
                       st.getColumn(0).getInt64()));
    }
  });

  // 4. References.
  auto [orphans, count] = ClaimRepository(db, slots).Orphans(5);
  if (count > 0) {
    std::vector<int64_t> ids;
    for (ClaimId id : orphans) ids.push_back(id.value());
    fail(fmt::format("{} refer{} to a missing report, incident or source: {}", count,
                     count == 1 ? "s" : "", Ids(ids)));
  }

  // 5. The append-only triggers.
  WithStorageContext("reading the schema", [&] {
    SQLite::Statement st(db, "SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?");
    for (const char* name : kAppendOnlyTriggers) {
      st.reset();
      st.bind(1, name);
      if (!st.executeStep()) {
        fail(fmt::format("the append-only trigger {} is missing: the store was edited behind "
                         "attest's back, and rows may have been changed",
                         name));
      }
    }
  });

  // 6. The checkpoint, over the versions in the order they were recorded.
  WithStorageContext("reading the versions in recorded order", [&] {
    CheckpointDigest all, covered;
    SQLite::Statement st(db,
                         "SELECT incident_id, version, hash FROM incident_versions ORDER BY id");
    while (st.executeStep()) {
      int64_t incident = st.getColumn(0).getInt64(), version = st.getColumn(1).getInt64();
      std::string hash = st.getColumn(2).getString();
      all.Add(incident, version, hash);
      if (against && covered.count() < against->versions) covered.Add(incident, version, hash);
    }
    report.checkpoint = all.Finish();
    if (!against) return;
    if (covered.count() < against->versions) {
      fail(fmt::format("the checkpoint covers {} versions but the store holds {}: versions "
                       "recorded before the checkpoint were deleted",
                       against->versions, covered.count()));
    } else if (covered.Finish().digest != against->digest) {
      fail(fmt::format("the first {} versions are not those the checkpoint was taken over: "
                       "versions recorded before it were altered, replaced, reordered or "
                       "rewritten with fresh hashes",
                       against->versions));
    }
  });
  return report;
}

}  // namespace attest
