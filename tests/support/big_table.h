// Claim tables generated for the tests that need a long ingest (a process to
// kill half-way, two writers that overlap): sizes no committed file should have.
#pragma once

#include <cstddef>
#include <string>

namespace attest::testing {

// A TSV claim table of `rows` rows about rows / 10 objects named
// `<prefix>-<n>`, by ten sources `<sources>-<n>`, a count, a truth value and a
// text per object. Returns the table's text.
std::string BigTable(size_t rows, const std::string& prefix, const std::string& sources = "src");

}  // namespace attest::testing
