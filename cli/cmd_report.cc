// attest report [--since D] [--until D] [-o FILE] : the periodic reconciliation
// report (engine/views/period_report.h) as Markdown, one self-contained HTML
// page, or JSON.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/command_context.h"
#include "cli/commands.h"
#include "cli/format/period_report_format.h"
#include "cli/format/progress.h"
#include "db/period_report_data.h"
#include "engine/read/input.h"

namespace attest {

namespace {

struct PeriodOptions {
  std::optional<std::string> since;
  std::optional<std::string> until;
  std::optional<std::string> output;
};

// A bound of the period: a date (YYYY, YYYY-MM, YYYY-MM-DD) stands for its first
// second when it starts the period and its last when it ends it; a time is that
// time.
Timestamp Bound(const std::string& option, const std::string& text, bool end) {
  if (auto d = ParseDateInterval(text); d && text.find('/') == std::string::npos) {
    Timestamp t((end ? d->last : d->first));
    return end ? t + boost::posix_time::hours(23) + boost::posix_time::minutes(59) +
                     boost::posix_time::seconds(59)
               : t;
  }
  if (text.size() > 10) {
    if (auto t = ParseTimestamp(text)) return *t;
  }
  throw CLI::ValidationError(option, fmt::format("'{}' is not a date or a time; write "
                                                 "YYYY-MM-DD, YYYY-MM, YYYY or "
                                                 "YYYY-MM-DDTHH:MM:SSZ",
                                                 text));
}

// The format: --format, else the output file's extension, else Markdown.
std::string FormatOf(const PeriodOptions& opts, CommandContext& ctx) {
  std::string fallback = "md";
  if (opts.output && ctx.options().format.empty()) {
    std::string ext = Extension(*opts.output);
    if (ext == "html" || ext == "htm") fallback = "html";
    if (ext == "json") fallback = "json";
  }
  return ctx.Format(fallback, {"md", "html", "json"});
}

// Writes next to the file, then renames it: a reader never sees half a report.
void WriteFile(const std::string& path, const std::string& text) {
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path temp = target;
  temp += ".attest-tmp";
  {
    std::ofstream f(temp, std::ios::binary | std::ios::trunc);
    if (!f) {
      throw InvalidInput(fmt::format("-o: cannot write {}: {}", path, std::strerror(errno)));
    }
    f << text;
    f.close();
    if (!f) throw InvalidInput(fmt::format("-o: cannot write {}", path));
  }
  std::error_code ec;
  fs::rename(temp, target, ec);
  if (ec) {
    fs::remove(temp, ec);
    throw InvalidInput(fmt::format("-o: cannot write {}: {}", path, ec.message()));
  }
}

void RunReport(const PeriodOptions& opts, CommandContext& ctx) {
  std::string format = FormatOf(opts, ctx);
  ReportPeriod period;
  if (opts.since) period.since = Bound("--since", *opts.since, false);
  if (opts.until) period.until = Bound("--until", *opts.until, true);
  if (period.since && period.until && *period.until < *period.since) {
    throw CLI::ValidationError("--until", "the period ends before it starts");
  }
  std::optional<Timestamp> as_of;
  if (!ctx.options().now.empty()) as_of = ctx.Now();
  SQLite::Database& db = ctx.Db(OpenMode::kReadOnly);
  const Rulebook& rules = ctx.Rules();
  PeriodReportInput input;
  {
    Progress progress(ctx, "reading incidents");
    input = ReadPeriodReportInput(db, rules.slots, period,
                                  [&](size_t done, size_t total) { progress.Update(done, total); });
  }
  input.as_of = as_of;
  PeriodReport report = BuildPeriodReport(input);

  std::ostringstream text;
  if (format == "html") {
    WriteReportHtml(report, text);
  } else if (format == "json") {
    text << ReportJson(report).dump(2) << "\n";
  } else {
    WriteReportMarkdown(report, text);
  }
  if (!opts.output) {
    ctx.out() << text.str();
    return;
  }
  WriteFile(*opts.output, text.str());
  if (!ctx.options().quiet) {
    ctx.out() << fmt::format(
        "report {}: {} new and {} changed, written to {} ({})\n", PeriodTitle(period),
        report.incidents_new == 1 ? std::string("1 incident")
                                  : fmt::format("{} incidents", report.incidents_new),
        report.incidents_changed, *opts.output, format);
  }
}

}  // namespace

void RegisterReportCommand(CLI::App& app, CommandContext& ctx) {
  auto opts = std::make_shared<PeriodOptions>();
  CLI::App* cmd = app.add_subcommand(
      "report",
      "the periodic reconciliation report: incidents new and changed, status changes "
      "and their claims, contested, denied and uncorroborated slots, reliability "
      "changes (--format md, html or json)");
  cmd->add_option("--since", opts->since,
                  "from this date or time of recording (a date: from its start)");
  cmd->add_option("--until", opts->until, "to this date or time of recording (a date: to its end)");
  cmd->add_option("-o,--output", opts->output,
                  "write the report to this file (its extension picks the format when --format "
                  "is not given)");
  cmd->callback([opts, &ctx] { RunReport(*opts, ctx); });
}

}  // namespace attest
