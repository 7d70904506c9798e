// Points in time. The engine holds UTC boost::posix_time::ptime values; the store
// and every output write them as ISO-8601 text with a `Z` (house style).
#pragma once

#include <boost/date_time/posix_time/posix_time_types.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace attest {

using Timestamp = boost::posix_time::ptime;

// "2025-07-14T09:30:00Z" (seconds precision, always UTC).
std::string FormatTimestamp(const Timestamp& t);

// Accepts "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS[.fff]]" with an optional "Z" or
// "+HH:MM"/"-HH:MM" offset (converted to UTC), and a space instead of "T".
// A bare date means its midnight UTC. Returns nullopt when the text is not such a
// time or names an impossible date.
std::optional<Timestamp> ParseTimestamp(std::string_view text);

// The current UTC time, to the second.
Timestamp CurrentTime();

}  // namespace attest
