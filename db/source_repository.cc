#include "db/source_repository.h"

#include "db/storage_error.h"

namespace attest {

SourceRepository::SourceRepository(SQLite::Database& db) : db_(db) {}
SourceRepository::~SourceRepository() = default;

int64_t SourceRepository::FindOrCreate(const std::string& name, ClaimantKind kind) {
  auto it = cache_.find(name);
  if (it != cache_.end()) return it->second;
  return WithStorageContext("recording a source", [&] {
    if (!find_) {
      find_ = std::make_unique<SQLite::Statement>(db_, "SELECT id FROM sources WHERE name = ?");
      insert_ =
          std::make_unique<SQLite::Statement>(db_, "INSERT INTO sources (name, kind) VALUES (?, ?)");
    }
    find_->reset();
    find_->bind(1, name);
    int64_t id;
    if (find_->executeStep()) {
      id = find_->getColumn(0).getInt64();
    } else {
      insert_->reset();
      insert_->bind(1, name);
      insert_->bind(2, std::string(ToString(kind)));
      insert_->exec();
      id = db_.getLastInsertRowid();
    }
    cache_.emplace(name, id);
    return id;
  });
}

std::optional<int64_t> SourceRepository::Find(const std::string& name) {
  auto it = cache_.find(name);
  if (it != cache_.end()) return it->second;
  return WithStorageContext("looking up a source", [&]() -> std::optional<int64_t> {
    SQLite::Statement st(db_, "SELECT id FROM sources WHERE name = ?");
    st.bind(1, name);
    if (!st.executeStep()) return std::nullopt;
    int64_t id = st.getColumn(0).getInt64();
    cache_.emplace(name, id);
    return id;
  });
}

std::unordered_map<std::string, int64_t> SourceRepository::All() {
  return WithStorageContext("reading the sources", [&] {
    std::unordered_map<std::string, int64_t> out;
    SQLite::Statement st(db_, "SELECT id, name FROM sources");
    while (st.executeStep()) out.emplace(st.getColumn(1).getString(), st.getColumn(0).getInt64());
    return out;
  });
}

}  // namespace attest
