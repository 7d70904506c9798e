// Translating SQLiteCpp's exceptions at the boundary of db/: callers only ever see
// attest::Storage, with what the store was doing when it failed, and, for the
// failures a user can act on (a full disk, a read-only file, a lock held too
// long, a damaged file), what to do.
#pragma once

#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>

#include <string>
#include <string_view>
#include <utility>

#include "engine/base/error.h"

namespace attest {

// SQLite's message for `e`, followed by what to do when the cause is one a user
// can act on.
std::string DescribeStorageFailure(const SQLite::Exception& e);

template <typename F>
auto WithStorageContext(std::string_view doing, F&& f) -> decltype(f()) {
  try {
    return std::forward<F>(f)();
  } catch (const SQLite::Exception& e) {
    throw Storage(fmt::format("while {}: {}", doing, DescribeStorageFailure(e)));
  }
}

}  // namespace attest
