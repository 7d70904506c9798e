// attest ingest FILE… : store reports and their claims, match them to incidents,
// reconcile, record versions. Every input is read and checked before anything is
// stored; then each report is stored in its own transaction.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <map>
#include <variant>

#include "cli/command_context.h"
#include "cli/format/progress.h"
#include "cli/format/table.h"
#include "cli/commands.h"
#include "db/ingest.h"
#include "engine/extract/extractor.h"
#include "engine/incidents/duplicate_events.h"
#include "engine/read/acled_events.h"
#include "engine/read/claim_table.h"
#include "engine/read/input.h"
#include "engine/read/structured_claims.h"
#include "engine/read/text_report.h"

namespace attest {

namespace {

struct IngestOptions {
  std::vector<std::string> files;
  std::optional<std::string> report_id;
  std::optional<std::string> outlet;
  std::optional<std::string> published;
  std::optional<std::string> lang;
};

enum class InputKind { kJsonl, kTsv, kCsv, kText, kAcled };

InputKind KindOf(const std::string& file, CommandContext& ctx) {
  std::string ext = file == "-" ? "" : Extension(file);
  std::string format = ctx.options().format;
  if (file == "-" || !format.empty()) {
    if (format.empty()) {
      throw CLI::ValidationError("--format",
                                 "reading stdin needs --format jsonl, tsv, csv, text or acled");
    }
    if (format == "jsonl") return InputKind::kJsonl;
    if (format == "tsv") return InputKind::kTsv;
    if (format == "csv") return InputKind::kCsv;
    if (format == "text" || format == "txt" || format == "md") return InputKind::kText;
    if (format == "acled") return InputKind::kAcled;
    throw CLI::ValidationError("--format", fmt::format("'{}' is not an input format; use "
                                                       "jsonl, tsv, csv, text or acled",
                                                       format));
  }
  if (ext == "jsonl" || ext == "ndjson") return InputKind::kJsonl;
  if (ext == "tsv" || ext == "tab") return InputKind::kTsv;
  if (ext == "csv") return InputKind::kCsv;
  if (ext == "txt" || ext == "md" || ext == "markdown" || ext == "text") return InputKind::kText;
  throw InvalidInput(fmt::format(
      "{}: cannot tell what this file holds from its name; use .jsonl (structured claims), "
      ".csv/.tsv (claim tables), .txt/.md (reports), or give --format",
      file));
}

// An ACLED export: one report per event row, stored together in one transaction.
struct AcledInput {
  std::string file;
  std::vector<AcledEvent> events;
  std::vector<DuplicateEvent> merged;  // rows that repeat an earlier row
  std::vector<ReportWithClaims> reports;
};

using Parsed = std::variant<ReportWithClaims, ClaimTable, AcledInput>;

// Reads an ACLED export: checks every row, finds the rows that repeat an earlier
// one, and makes each row's report and claims (the notes go through extraction).
std::optional<AcledInput> ReadAcled(const std::string& file, const ReportOptions& options,
                                    const Rulebook& rules, Diagnostics& diagnostics,
                                    CommandContext& ctx) {
  std::string content = ReadInput(file, ctx.in());
  auto events = ReadAcledEvents(content, file, diagnostics);
  if (!events) return std::nullopt;
  AcledInput in;
  in.file = file;
  in.events = std::move(*events);
  std::vector<CodedEvent> coded;
  coded.reserve(in.events.size());
  for (const auto& e : in.events) {
    coded.push_back({e.interval, e.location, e.event_type, e.sub_event_type, e.actor1, e.actor2,
                     e.fatalities, e.notes});
  }
  in.merged = FindDuplicateEvents(coded);
  std::vector<std::string> keys;
  for (const auto& e : in.events) keys.push_back(e.event_id);
  for (const auto& d : in.merged) keys[d.row] = in.events[d.same_as].event_id;
  Progress progress(ctx, "reading " + file);
  in.reports.reserve(in.events.size());
  for (size_t i = 0; i < in.events.size(); ++i) {
    in.reports.push_back(AcledEventReport(in.events[i], keys[i], file, options, rules));
    progress.Update(i + 1, in.events.size());
  }
  return in;
}

void PrintAcledResult(const AcledInput& in, const std::vector<IngestResult>& results,
                      CommandContext& ctx) {
  std::ostream& out = ctx.out();
  int64_t claims = 0, stored = 0;
  std::map<int64_t, std::pair<bool, bool>> incidents;  // id → created, got a version
  for (const auto& r : results) {
    if (r.unchanged) continue;
    ++stored;
    claims += r.claims;
    for (const auto& i : r.incidents) {
      auto& [created, versioned] = incidents[i.id.value()];
      created = created || i.created;
      versioned = versioned || i.version.has_value();
    }
  }
  int64_t created = 0, updated = 0, same = 0;
  for (const auto& [id, flags] : incidents) {
    if (flags.first) {
      ++created;
    } else if (flags.second) {
      ++updated;
    } else {
      ++same;
    }
  }
  out << fmt::format("acled {}: {}, stored {} in {} about {} ({} new, {} updated, {} unchanged)",
                     in.file, Counted(static_cast<int64_t>(in.events.size()), "event"),
                     Counted(claims, "claim"), Counted(stored, "report"),
                     Counted(static_cast<int64_t>(incidents.size()), "incident"), created,
                     updated, same);
  int64_t unchanged = static_cast<int64_t>(results.size()) - stored;
  if (unchanged > 0) out << fmt::format("; {} already stored with the same content", unchanged);
  out << fmt::format("; {} the same event as an earlier row\n",
                     Counted(static_cast<int64_t>(in.merged.size()), "row"));
  if (ctx.options().quiet) return;
  for (const auto& d : in.merged) {
    const AcledEvent& a = in.events[d.row];
    const AcledEvent& b = in.events[d.same_as];
    out << fmt::format("  line {} ({}) joins {} (line {}): same date, place, event type, actors "
                       "and fatalities, notes {:.0f}% alike\n",
                       a.line, a.event_id, b.event_id, b.line, d.similarity * 100);
  }
}

void PrintResult(const IngestResult& r, CommandContext& ctx) {
  std::ostream& out = ctx.out();
  if (r.unchanged) {
    out << fmt::format("report {}: already stored with the same content; nothing changed\n",
                       r.report);
    return;
  }
  int64_t created = 0, updated = 0, same = 0;
  for (const auto& i : r.incidents) {
    if (i.created) {
      ++created;
    } else if (i.version) {
      ++updated;
    } else {
      ++same;
    }
  }
  out << fmt::format("report {}: stored {}", r.report, Counted(r.claims, "claim"));
  if (!r.incidents.empty()) {
    out << fmt::format(" about {} ({} new, {} updated, {} unchanged)",
                       Counted(static_cast<int64_t>(r.incidents.size()), "incident"), created,
                       updated, same);
  }
  out << "\n";
  if (ctx.options().quiet || (r.incidents.size() > 20 && !ctx.options().verbose)) return;
  for (const auto& i : r.incidents) {
    std::string what = i.version ? fmt::format("version {}", *i.version) : "unchanged";
    std::string title = i.title == i.label ? "" : " " + i.title;
    out << fmt::format("  incident {}{}: {}{}, {}\n", i.label, title,
                       i.created ? "new, " : "", what, Counted(i.claims, "claim"));
  }
}

void RunIngest(const IngestOptions& opts, CommandContext& ctx) {
  ctx.result().stores = true;
  ReportOptions report_options;
  report_options.id = opts.report_id;
  report_options.outlet = opts.outlet;
  report_options.lang = opts.lang;
  report_options.now = ctx.Now();
  if (opts.published) {
    report_options.published = ParseTimestamp(*opts.published);
    if (!report_options.published) {
      throw CLI::ValidationError("--published", fmt::format("'{}' is not a date; write "
                                                            "YYYY-MM-DD",
                                                            *opts.published));
    }
  }
  if (opts.report_id && opts.files.size() > 1) {
    throw CLI::ValidationError("--report", "names one report; give one file with it");
  }
  const Rulebook& rules = ctx.Rules();

  // 1. Read and check every input; nothing is stored if any is wrong.
  std::vector<Parsed> parsed;
  Diagnostics diagnostics;
  for (const std::string& file : opts.files) {
    InputKind kind = KindOf(file, ctx);
    if (kind == InputKind::kAcled) {
      if (opts.report_id || opts.outlet || opts.lang) {
        throw CLI::ValidationError(
            "--format", "an ACLED export names its own reports (one per event, published by "
                        "ACLED, in English): --report, --outlet and --lang do not apply");
      }
      if (auto a = ReadAcled(file, report_options, rules, diagnostics, ctx)) {
        parsed.emplace_back(std::move(*a));
      }
      continue;
    }
    if (kind == InputKind::kTsv || kind == InputKind::kCsv) {
      // Tables can be millions of rows: parsed as they are read.
      std::unique_ptr<std::istream> opened = OpenInput(file);
      if (auto t = ReadClaimTable(opened ? *opened : ctx.in(), file,
                                  kind == InputKind::kTsv ? TableDialect::kTsv : TableDialect::kCsv,
                                  report_options, rules, diagnostics)) {
        parsed.emplace_back(std::move(*t));
      }
      continue;
    }
    std::string content = ReadInput(file, ctx.in());
    switch (kind) {
      case InputKind::kJsonl:
        for (auto& r : ReadStructuredClaims(content, file, report_options, rules, diagnostics)) {
          parsed.emplace_back(std::move(r));
        }
        break;
      case InputKind::kTsv:
      case InputKind::kCsv:
      case InputKind::kAcled:
        break;  // read above
      case InputKind::kText:
        if (auto report = ReadTextReport(content, file, report_options, diagnostics)) {
          ReportWithClaims r;
          r.claims = ExtractClaims(*report, rules);
          r.report = std::move(*report);
          parsed.emplace_back(std::move(r));
        }
        break;
    }
  }
  if (diagnostics.HasErrors()) throw InvalidInput(std::move(diagnostics));

  // 2. Store each report in its own transaction.
  SQLite::Database& db = ctx.Db(OpenMode::kReadWrite);
  Timestamp now = ctx.Now();
  Progress progress(ctx, "storing");
  size_t done = 0;
  for (auto& p : parsed) {
    if (auto* acled = std::get_if<AcledInput>(&p)) {
      Progress rows(ctx, "storing " + acled->file);
      std::vector<IngestResult> results =
          IngestReports(db, rules, std::move(acled->reports), now,
                        [&](size_t n, size_t total) { rows.Update(n, total); });
      rows.Done();
      PrintAcledResult(*acled, results, ctx);
      ctx.result().stored_reports.push_back(
          fmt::format("{} ({})", acled->file, Counted(static_cast<int64_t>(results.size()),
                                                      "ACLED row")));
    } else {
      IngestResult r = std::holds_alternative<ClaimTable>(p)
                           ? IngestTable(db, rules, std::get<ClaimTable>(p), now)
                           : IngestReport(db, rules, std::move(std::get<ReportWithClaims>(p)), now);
      progress.Done();
      PrintResult(r, ctx);
      ctx.result().stored_reports.push_back(r.report);
    }
    if (parsed.size() > 1) progress.Update(++done, parsed.size());
  }
}

}  // namespace

void RegisterIngestCommand(CLI::App& app, CommandContext& ctx) {
  auto opts = std::make_shared<IngestOptions>();
  CLI::App* cmd = app.add_subcommand(
      "ingest", "store reports and their claims, match them to incidents, reconcile, record "
                "versions");
  cmd->add_option("files", opts->files,
                  "report files: .txt/.md reports, .jsonl structured claims, .csv/.tsv claim "
                  "tables, ACLED exports (with --format acled); - for stdin (with --format)")
      ->required();
  cmd->add_option("--report", opts->report_id, "the report id (for stdin or a single file)");
  cmd->add_option("--outlet", opts->outlet, "the outlet, filling in or overriding front matter");
  cmd->add_option("--published", opts->published, "the publication date (YYYY-MM-DD)");
  cmd->add_option("--lang", opts->lang, "the report language (fr or en)");
  cmd->callback([opts, &ctx] { RunIngest(*opts, ctx); });
}

}  // namespace attest
