// attest export values|claims : the reconciled values (one row per incident slot,
// the data-fusion convention of shared/tools/score_truth.py) or the stored claims.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/command_context.h"
#include "cli/commands.h"
#include "cli/format/record_format.h"
#include "db/claim_repository.h"
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
}

}  // namespace attest
