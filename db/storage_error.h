// Translating SQLiteCpp's exceptions at the boundary of db/: callers only ever see
// attest::Storage, with what the store was doing when it failed.
#pragma once

#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>

#include <string_view>
#include <utility>

#include "engine/base/error.h"

namespace attest {

template <typename F>
auto WithStorageContext(std::string_view doing, F&& f) -> decltype(f()) {
  try {
    return std::forward<F>(f)();
  } catch (const SQLite::Exception& e) {
    throw Storage(fmt::format("while {}: {}", doing, e.what()));
  }
}

}  // namespace attest
