// Sources: every claimant and outlet that has made a claim, by name. Claims refer
// to their claimant's row; the cache keeps bulk ingest to one lookup per name.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "engine/claims/vocabulary.h"

namespace attest {

class SourceRepository {
 public:
  explicit SourceRepository(SQLite::Database& db);
  ~SourceRepository();

  // The row of source `name`, inserted (with `kind`) when new.
  int64_t FindOrCreate(const std::string& name, ClaimantKind kind);
  // The row of source `name`, if it has made a claim.
  std::optional<int64_t> Find(const std::string& name);
  // Every source: name → row.
  std::unordered_map<std::string, int64_t> All();

 private:
  SQLite::Database& db_;
  std::unique_ptr<SQLite::Statement> find_;
  std::unique_ptr<SQLite::Statement> insert_;
  std::unordered_map<std::string, int64_t> cache_;
};

}  // namespace attest
