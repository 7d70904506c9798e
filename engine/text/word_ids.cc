#include "engine/text/word_ids.h"

#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>

namespace attest {

namespace {

struct Hash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct Table {
  std::shared_mutex mutex;
  std::unordered_map<std::string, WordId, Hash, std::equal_to<>> ids;
};

Table& Words() {
  static Table table;
  return table;
}

}  // namespace

WordId InternWord(std::string_view form) {
  Table& t = Words();
  {
    std::shared_lock lock(t.mutex);
    if (auto it = t.ids.find(form); it != t.ids.end()) return it->second;
  }
  std::unique_lock lock(t.mutex);
  auto [it, added] = t.ids.try_emplace(std::string(form), static_cast<WordId>(t.ids.size() + 1));
  return it->second;
}

WordId FindWord(std::string_view form) {
  Table& t = Words();
  std::shared_lock lock(t.mutex);
  auto it = t.ids.find(form);
  return it == t.ids.end() ? kUnknownWord : it->second;
}

WordLookup::WordLookup() { Words().mutex.lock_shared(); }

WordLookup::~WordLookup() { Words().mutex.unlock_shared(); }

WordId WordLookup::Find(std::string_view form) const {
  const Table& t = Words();
  auto it = t.ids.find(form);
  return it == t.ids.end() ? kUnknownWord : it->second;
}

}  // namespace attest
