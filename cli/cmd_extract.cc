// attest extract FILE… : print the claims found in report texts, touching no
// database. The same extraction as `ingest` runs on text reports.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/command_context.h"
#include "cli/commands.h"
#include "cli/format/table.h"
#include "engine/claims/claim_json.h"
#include "engine/extract/extractor.h"
#include "engine/read/input.h"
#include "engine/read/text_report.h"

namespace attest {

namespace {

struct ExtractOptions {
  std::vector<std::string> files;
  std::optional<std::string> outlet;
  std::optional<std::string> published;
  std::optional<std::string> lang;
};

void RunExtract(const ExtractOptions& opts, CommandContext& ctx) {
  std::string format = ctx.Format("table", {"table", "jsonl", "json"});
  const Rulebook& rules = ctx.Rules();
  ReportOptions report_options;
  report_options.outlet = opts.outlet;
  report_options.lang = opts.lang;
  report_options.now = ctx.Now();
  if (opts.published) {
    report_options.published = ParseTimestamp(*opts.published);
    if (!report_options.published) {
      throw CLI::ValidationError("--published", fmt::format("'{}' is not a date", *opts.published));
    }
  }
  std::vector<std::pair<Report, std::vector<Claim>>> results;
  Diagnostics diagnostics;
  for (const auto& file : opts.files) {
    std::string content = ReadInput(file, ctx.in());
    if (auto report = ReadTextReport(content, file, report_options, diagnostics)) {
      std::vector<Claim> claims = ExtractClaims(*report, rules);
      results.emplace_back(std::move(*report), std::move(claims));
    }
  }
  if (diagnostics.HasErrors()) throw InvalidInput(std::move(diagnostics));

  nlohmann::ordered_json all = nlohmann::ordered_json::array();
  for (const auto& [report, claims] : results) {
    if (format == "jsonl") {
      for (const auto& c : claims) ctx.out() << ClaimToJson(c).dump() << "\n";
      continue;
    }
    if (format == "json") {
      for (const auto& c : claims) all.push_back(ClaimToJson(c));
      continue;
    }
    ctx.out() << fmt::format("report {} ({}, {}): {} claims\n", report.id.value(),
                             report.outlet.value_or("no outlet"), FormatTimestamp(report.published),
                             claims.size());
    TextTable table({"#", "claimant", "stance", "fact", "endorse", "slot", "value"});
    for (const auto& c : claims) {
      table.AddRow({fmt::format("{}", c.ordinal), c.claimant.SourceName(),
                    std::string(ToString(c.stance)), std::string(ToString(c.factuality())),
                    std::string(ToString(c.endorsement)), c.slot,
                    c.value ? FormatSlotValue(*c.value) : "-"});
      if (c.span && report.body) {
        auto start = static_cast<size_t>(c.span->start);
        auto size = static_cast<size_t>(c.span->end - c.span->start);
        table.AddNote("«" + report.body->substr(start, size) + "»");
      }
    }
    table.Print(ctx.out());
  }
  if (format == "json") ctx.out() << all.dump(2) << "\n";
}

}  // namespace

void RegisterExtractCommand(CLI::App& app, CommandContext& ctx) {
  auto opts = std::make_shared<ExtractOptions>();
  CLI::App* cmd = app.add_subcommand(
      "extract", "print the claims found in report texts (no database); --format jsonl for "
                 "machines");
  cmd->add_option("files", opts->files, "report texts (.txt, .md); - for stdin")->required();
  cmd->add_option("--outlet", opts->outlet, "the outlet, filling in or overriding front matter");
  cmd->add_option("--published", opts->published, "the publication date (YYYY-MM-DD)");
  cmd->add_option("--lang", opts->lang, "the report language (fr or en)");
  cmd->callback([opts, &ctx] { RunExtract(*opts, ctx); });
}

}  // namespace attest
