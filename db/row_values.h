// Small conversions between engine values and SQLite columns, shared by the
// repositories: optional texts, timestamps, bound parameters.
#pragma once

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include <optional>
#include <string>

#include "engine/base/error.h"
#include "engine/time/timestamp.h"

namespace attest {

inline std::optional<std::string> OptionalText(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getString();
}

inline Timestamp TimestampFrom(const SQLite::Column& c) {
  auto t = ParseTimestamp(c.getString());
  if (!t) throw Storage("a stored time is not ISO-8601: " + c.getString());
  return *t;
}

inline void BindOptional(SQLite::Statement& st, int index, const std::optional<std::string>& v) {
  if (v) {
    st.bind(index, *v);
  } else {
    st.bind(index);
  }
}

}  // namespace attest
