// Claim tables generated for the tests that need a long ingest (a process to
// kill half-way, two writers that overlap): sizes no committed file should have.
#pragma once

#include <cstddef>
#include <string>

namespace attest::testing {

// Rows for a table meant to keep an ingest busy for a while (long enough to be
// killed half-way, or to overlap another): `rows` in an optimised build, a fifth
// in a sanitizer build, where attest runs some twenty times slower.
constexpr size_t BusyRows(size_t rows) {
#if defined(__SANITIZE_ADDRESS__)
  return rows / 5;
#else
  return rows;
#endif
}

// A TSV claim table of `rows` rows about rows / 10 objects named
// `<prefix>-<n>`, by ten sources `<sources>-<n>`, a count, a truth value and a
// text per object. Returns the table's text.
std::string BigTable(size_t rows, const std::string& prefix, const std::string& sources = "src");

}  // namespace attest::testing
