// attest export values|claims|claimreview|acled : the reconciled values (one row per
// incident slot, the data-fusion convention of shared/tools/score_truth.py), the
// stored claims, our reviews of claims as schema.org ClaimReview JSON-LD, or the
// incidents as ACLED-style events (docs/exchange.md). One function per kind.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/command_context.h"
#include "cli/commands.h"
#include "cli/format/exchange_format.h"
#include "cli/format/record_format.h"
#include "db/claim_repository.h"
#include "db/incident_repository.h"
#include "db/report_repository.h"
#include "db/version_repository.h"
#include "engine/claims/claim_json.h"

namespace attest {

namespace {

// TSV fields cannot hold tabs or line breaks; CSV quotes what needs it.
std::string TsvField(std::string s) {
  for (char& c : s) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return s;
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void RunExportValues(CommandContext& ctx) {
  std::string format = ctx.Format("tsv", {"tsv", "csv", "json"});
  SQLite::Database& db = ctx.Db(OpenMode::kReadOnly);
  std::ostream& out = ctx.out();
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  if (format == "tsv") out << "object\tattribute\tvalue\tstatus\tconfidence\n";
  if (format == "csv") out << "object,attribute,value,status,confidence\n";
  VersionRepository(db).ForEachLatest([&](const IncidentRecord& r) {
    std::string object = r.key ? *r.key : fmt::format("{}", r.incident.value());
    for (const auto& s : r.slots) {
      std::string value = ValueForExport(s);
      std::string status(ToString(s.status));
      std::string confidence = fmt::format("{:.3f}", s.confidence);
      if (format == "tsv") {
        out << TsvField(object) << '\t' << TsvField(s.slot) << '\t' << TsvField(value) << '\t'
            << status << '\t' << confidence << '\n';
      } else if (format == "csv") {
        out << CsvField(object) << ',' << CsvField(s.slot) << ',' << CsvField(value) << ','
            << status << ',' << confidence << '\n';
      } else {
        rows.push_back({{"object", object},
                        {"attribute", s.slot},
                        {"value", value},
                        {"status", status},
                        {"confidence", s.confidence}});
      }
    }
  });
  if (format == "json") out << rows.dump(2) << "\n";
}

void RunExportClaims(CommandContext& ctx) {
  ctx.Format("jsonl", {"jsonl"});
  SQLite::Database& db = ctx.Db(OpenMode::kReadOnly);
  for (const Claim& c : ClaimRepository(db, ctx.Rules().slots).List(ClaimFilter{})) {
    ctx.out() << ClaimToJson(c).dump() << "\n";
  }
}

// The latest version of every incident (or of one), with its claims and their
// reports, for the exchange formats.
struct ExportedIncident {
  const IncidentVersion& version;
  const IncidentClaims& claims;
  const std::map<std::string, Report>& reports;
};

void ForEachExported(CommandContext& ctx, const std::optional<std::string>& incident,
                     bool bodies, const std::function<void(const ExportedIncident&)>& visit) {
  SQLite::Database& db = ctx.Db(OpenMode::kReadOnly);
  const Rulebook& rules = ctx.Rules();
  ReportRepository report_rows(db);
  std::map<std::string, Report> reports;
  for (auto& r : report_rows.ListWithoutCounts()) {
    std::string key = r.report.id.value();
    if (bodies && r.report.format == ReportFormat::kText) r.report.body = report_rows.BodyOf(key);
    reports.emplace(std::move(key), std::move(r.report));
  }
  ClaimRepository claims(db, rules.slots);
  VersionRepository versions(db);
  auto one = [&](const IncidentVersion& v) {
    IncidentClaims c = claims.ForIncident(v.incident);
    visit(ExportedIncident{v, c, reports});
  };
  if (incident) {
    Incident found = IncidentRepository(db).Resolve(*incident);
    auto latest = versions.Latest(found.id);
    if (!latest) throw NotFound(fmt::format("incident {} has no version yet", found.Label()));
    one(*latest);
  } else {
    versions.ForEachLatestVersion(one);
  }
}

struct ClaimReviewOptions {
  std::optional<std::string> incident;
  std::string by = "attest";
};

void RunExportClaimReview(const ClaimReviewOptions& opts, CommandContext& ctx) {
  std::string format = ctx.Format("json", {"json", "jsonl"});
  const Rulebook& rules = ctx.Rules();
  nlohmann::ordered_json all = nlohmann::ordered_json::array();
  ForEachExported(ctx, opts.incident, true, [&](const ExportedIncident& e) {
    for (const auto& item : ClaimReviews(ClaimReviewInput{e.version.record, e.version.version,
                                                          e.version.recorded_at, e.claims.claims,
                                                          e.reports, rules})) {
      nlohmann::ordered_json j = ClaimReviewJsonLd(item, opts.by);
      if (format == "jsonl") {
        ctx.out() << j.dump() << "\n";
      } else {
        all.push_back(std::move(j));
      }
    }
  });
  if (format == "json") ctx.out() << all.dump(2) << "\n";
}

struct AcledExportOptions {
  std::optional<std::string> incident;
};

void RunExportAcled(const AcledExportOptions& opts, CommandContext& ctx) {
  ctx.Format("csv", {"csv"});
  const Rulebook& rules = ctx.Rules();
  WriteAcledHeader(ctx.out());
  ForEachExported(ctx, opts.incident, false, [&](const ExportedIncident& e) {
    WriteAcledRow(AcledRowOf(AcledExportInput{e.version.record, e.version.version,
                                              e.claims.claims, e.reports, rules}),
                  ctx.out());
  });
}

}  // namespace

void RegisterExportCommand(CLI::App& app, CommandContext& ctx) {
  CLI::App* cmd = app.add_subcommand("export", "export reconciled values or claims");
  cmd->require_subcommand(1);
  cmd->add_subcommand("values",
                      "one row per incident slot: object, attribute, value, status, confidence "
                      "(--format tsv, csv or json)")
      ->callback([&ctx] { RunExportValues(ctx); });
  cmd->add_subcommand("claims", "every stored claim, one JSON object per line")
      ->callback([&ctx] { RunExportClaims(ctx); });

  auto review = std::make_shared<ClaimReviewOptions>();
  CLI::App* claimreview = cmd->add_subcommand(
      "claimreview", "our reviews of the claims, as schema.org ClaimReview JSON-LD (--format "
                     "json or jsonl)");
  claimreview->add_option("--incident", review->incident, "only this incident (key or #id)");
  claimreview->add_option("--by", review->by, "the organisation publishing the reviews")
      ->capture_default_str();
  claimreview->callback([review, &ctx] { RunExportClaimReview(*review, ctx); });

  auto acled = std::make_shared<AcledExportOptions>();
  CLI::App* acled_cmd = cmd->add_subcommand(
      "acled", "the incidents as ACLED-style events, one CSV row each");
  acled_cmd->add_option("--incident", acled->incident, "only this incident (key or #id)");
  acled_cmd->callback([acled, &ctx] { RunExportAcled(*acled, ctx); });
}

}  // namespace attest
