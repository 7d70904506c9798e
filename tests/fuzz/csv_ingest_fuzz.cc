// Fuzz target: claim tables. The first byte chooses the dialect (CSV or TSV) and
// the block size of the streamed reader; the rest is the table. Checks: the
// table read whole and the table read as a stream in small blocks are the same
// (rows, values, diagnostics), and a valid table ingests into an in-memory
// store, once.
#include <SQLiteCpp/Database.h>

#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "db/database.h"
#include "db/ingest.h"
#include "engine/read/claim_table.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

bool HasTextProblem(const attest::Diagnostics& diagnostics) {
  for (const auto& d : diagnostics.items()) {
    if (d.message.find("UTF-") != std::string::npos || d.message.find("NUL byte") == 0) {
      return true;
    }
  }
  return false;
}

std::string Describe(const std::optional<attest::ClaimTable>& table,
                     const attest::Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics.items()) out += d.ToString() + "\n";
  if (!table) return out;
  for (const auto& row : table->rows) {
    out += table->sources[row.source] + "\t" + table->objects[row.object] + "\t" +
           table->slots[row.slot] + "\t" + std::string(table->ValueOf(row)) + "\t" +
           std::to_string(row.line) + "\n";
  }
  return out + table->report.content_sha256;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace attest;
  if (size == 0) return 0;
  const Rulebook& rules = fuzz::ShippedRules();
  TableDialect dialect = (data[0] & 1) ? TableDialect::kTsv : TableDialect::kCsv;
  size_t block = 1 + (data[0] >> 1);  // 1 to 128 bytes
  std::string content = fuzz::AsString(data + 1, size - 1);
  ReportOptions options = fuzz::FixedOptions();

  Diagnostics whole_diagnostics;
  auto whole = ReadClaimTable(content, "fuzz.csv", dialect, options, rules, whole_diagnostics);
  Diagnostics stream_diagnostics;
  std::istringstream in(content);
  auto streamed =
      ReadClaimTable(in, "fuzz.csv", dialect, options, rules, stream_diagnostics, block);
  std::string read_whole = Describe(whole, whole_diagnostics);
  std::string read_streamed = Describe(streamed, stream_diagnostics);
  // When the text itself is bad, the stream has checked the rows of the blocks
  // before the bad one (the whole read checks none), and past 50 errors the rest
  // are counted, not kept: then only the verdict must agree.
  bool same_checks = !HasTextProblem(whole_diagnostics) && !HasTextProblem(stream_diagnostics) &&
                     whole_diagnostics.dropped() == 0 && stream_diagnostics.dropped() == 0;
  if (whole.has_value() != streamed.has_value() || (same_checks && read_whole != read_streamed)) {
    std::fprintf(stderr, "read whole:\n%s\nread as a stream:\n%s\n", read_whole.c_str(),
                 read_streamed.c_str());
    std::abort();
  }
  if (!whole || whole->rows.size() > 2000) return 0;

  SQLite::Database db = OpenDatabase(":memory:", OpenMode::kReadWrite);
  IngestResult r = IngestTable(db, rules, *whole, options.now);
  if (r.claims != static_cast<int64_t>(whole->rows.size())) std::abort();
  if (!IngestTable(db, rules, *whole, options.now).unchanged) std::abort();
  return 0;
}
