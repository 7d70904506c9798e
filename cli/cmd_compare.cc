// attest compare INCIDENT [--parties A,B] : each party's position per slot, side
// by side, where opposing sides agree and what only one side claims
// (engine/views/compare.h); as a table, Markdown or JSON.
#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "cli/command_context.h"
#include "cli/commands.h"
#include "cli/format/record_format.h"
#include "cli/format/table.h"
#include "cli/format/view_format.h"
#include "db/claim_repository.h"
#include "db/incident_repository.h"
#include "db/version_repository.h"
#include "engine/views/compare.h"

namespace attest {

namespace {

using ojson = nlohmann::ordered_json;

struct CompareOptions {
  std::string incident;
  std::vector<std::string> parties;
};

std::string PartyHeader(const ComparedParty& p) {
  if (p.kind == PartyKind::kSide || p.kind == PartyKind::kOthers || !p.side) return p.name;
  return fmt::format("{} ({})", p.name, *p.side);
}

std::string PositionText(const PartyPosition& p, bool name_claimants) {
  std::string stance(ToString(p.stance));
  std::replace(stance.begin(), stance.end(), '_', ' ');
  std::string text = name_claimants ? JoinOrDash(p.claimants) + ": " + stance : stance;
  if (p.value) text += " " + ClaimValueForPeople(p.value, p.polarity);
  if (p.cue) text += fmt::format(" «{}»", *p.cue);
  if (p.modality != Modality::kCertain) text += fmt::format(" ({})", ToString(p.modality));
  if (p.endorsement == Endorsement::kDistanced) text += " (distanced)";
  return text + " " + ClaimIds(p.claims);
}

std::string CellText(const ComparedParty& party, const std::vector<PartyPosition>& positions) {
  if (positions.empty()) return "silent";
  bool name = party.kind == PartyKind::kSide || party.kind == PartyKind::kOthers;
  std::string out;
  for (const auto& p : positions) out += (out.empty() ? "" : "; ") + PositionText(p, name);
  return out;
}

std::string RecordCell(const SlotComparison& s) {
  if (!s.record) return "-";
  return fmt::format("{} {}", ValueForPeople(*s.record), ToString(s.record->status));
}

std::string PartiesLine(const Comparison& c) {
  std::string out;
  for (const auto& p : c.parties) {
    std::string item = PartyHeader(p);
    if (p.kind == PartyKind::kSide || p.kind == PartyKind::kOthers) {
      item += ": " + JoinOrDash(p.sources);
    }
    out += (out.empty() ? "" : "; ") + item;
  }
  return out.empty() ? "-" : out;
}

void PrintTable(const Comparison& c, std::optional<int64_t> version, std::ostream& out) {
  out << fmt::format("incident #{}{}: {}\n", c.incident.value(), c.key ? " " + *c.key : "",
                     c.title);
  out << fmt::format("conflict: {}   record: {}\n", c.conflict.value_or("none known"),
                     version ? fmt::format("version {}", *version) : "no version");
  out << "parties: " << PartiesLine(c) << "\n\n";
  std::vector<std::string> headers = {"slot", "record"};
  for (const auto& p : c.parties) headers.push_back(PartyHeader(p));
  TextTable table(headers);
  for (const auto& s : c.slots) {
    std::vector<std::string> row = {s.slot, RecordCell(s)};
    for (size_t i = 0; i < c.parties.size(); ++i)
      row.push_back(CellText(c.parties[i], s.positions[i]));
    table.AddRow(std::move(row));
    table.AddNote(s.summary);
  }
  table.Print(out);
}

void PrintMarkdown(const Comparison& c, std::optional<int64_t> version, std::ostream& out) {
  out << fmt::format("# {}{}\n\n", MarkdownCell(c.title),
                     c.key ? fmt::format(" (`{}`)", *c.key) : "");
  out << fmt::format("Incident #{}; conflict: {}; record: {}.\n\n", c.incident.value(),
                     c.conflict.value_or("none known"),
                     version ? fmt::format("version {}", *version) : "no version");
  out << "Parties: " << MarkdownCell(PartiesLine(c)) << ".\n\n";
  out << "| slot | record |";
  for (const auto& p : c.parties) out << " " << MarkdownCell(PartyHeader(p)) << " |";
  out << " sides |\n|---|---|";
  for (size_t i = 0; i < c.parties.size(); ++i) out << "---|";
  out << "---|\n";
  for (const auto& s : c.slots) {
    out << "| " << MarkdownCell(s.slot) << " | " << MarkdownCell(RecordCell(s)) << " |";
    for (size_t i = 0; i < c.parties.size(); ++i) {
      out << " " << MarkdownCell(CellText(c.parties[i], s.positions[i])) << " |";
    }
    out << " " << MarkdownCell(s.summary) << " |\n";
  }
}

ojson OptionalText(const std::optional<std::string>& s) { return s ? ojson(*s) : ojson(nullptr); }

ojson ComparisonJson(const Comparison& c, std::optional<int64_t> version) {
  ojson j;
  j["incident"] = c.incident.value();
  j["key"] = OptionalText(c.key);
  j["title"] = c.title;
  j["version"] = version ? ojson(*version) : ojson(nullptr);
  j["conflict"] = OptionalText(c.conflict);
  ojson parties = ojson::array();
  for (const auto& p : c.parties) {
    parties.push_back({{"name", p.name},
                       {"kind", ToString(p.kind)},
                       {"side", OptionalText(p.side)},
                       {"sources", p.sources}});
  }
  j["parties"] = parties;
  ojson slots = ojson::array();
  for (const auto& s : c.slots) {
    ojson js;
    js["slot"] = s.slot;
    if (s.record) {
      js["record"] = {
          {"value", s.record->value ? SlotValueToJson(*s.record->value) : ojson(nullptr)},
          {"status", ToString(s.record->status)},
          {"credibility", s.record->credibility},
          {"confidence", s.record->confidence}};
    } else {
      js["record"] = nullptr;
    }
    ojson positions = ojson::object();
    for (size_t i = 0; i < c.parties.size(); ++i) {
      ojson list = ojson::array();
      for (const auto& p : s.positions[i]) {
        ojson k;
        k["stance"] = ToString(p.stance);
        k["polarity"] =
            p.polarity == Polarity::kMixed ? ojson(nullptr) : ojson(ToString(p.polarity));
        k["value"] = p.value ? SlotValueToJson(*p.value) : ojson(nullptr);
        k["cue"] = OptionalText(p.cue);
        k["modality"] = ToString(p.modality);
        k["endorsement"] = ToString(p.endorsement);
        k["implied"] = p.implied;
        ojson ids = ojson::array();
        for (ClaimId id : p.claims) ids.push_back(id.value());
        k["claims"] = ids;
        k["claimants"] = p.claimants;
        list.push_back(std::move(k));
      }
      positions[c.parties[i].name] = list;
    }
    js["positions"] = positions;
    js["agreement"] = {{"kind", ToString(s.agreement)}, {"sides", s.sides}, {"summary", s.summary}};
    slots.push_back(std::move(js));
  }
  j["slots"] = slots;
  return j;
}

void RunCompare(const CompareOptions& opts, CommandContext& ctx) {
  std::string format = ctx.Format("table", {"table", "md", "json"});
  SQLite::Database& db = ctx.Db(OpenMode::kReadOnly);
  Incident incident = IncidentRepository(db).Resolve(opts.incident);
  const Rulebook& rules = ctx.Rules();
  IncidentClaims claims = ClaimRepository(db, rules.slots).ForIncident(incident.id);
  std::optional<IncidentVersion> latest = VersionRepository(db).Latest(incident.id);
  std::vector<std::string> parties;
  for (const auto& p : opts.parties) {
    if (!p.empty()) parties.push_back(p);
  }
  Comparison c = Compare(
      CompareInput{incident, claims.claims, latest ? &latest->record : nullptr, rules, parties});
  if (!c.unknown.empty()) {
    std::vector<std::string> claimants;
    for (const auto& claim : claims.claims) {
      std::string s = claim.claimant.SourceName();
      if (std::find(claimants.begin(), claimants.end(), s) == claimants.end())
        claimants.push_back(s);
    }
    throw CLI::ValidationError(
        "--parties", fmt::format("'{}' names no actor, side or claimant of incident {}; its "
                                 "claimants are: {} (or name a side, or 'others')",
                                 c.unknown.front(), incident.Label(), JoinOrDash(claimants)));
  }
  std::optional<int64_t> version;
  if (latest) version = latest->version;
  if (format == "json") {
    ctx.out() << ComparisonJson(c, version).dump(2) << "\n";
  } else if (format == "md") {
    PrintMarkdown(c, version, ctx.out());
  } else {
    PrintTable(c, version, ctx.out());
  }
}

}  // namespace

void RegisterCompareCommand(CLI::App& app, CommandContext& ctx) {
  auto opts = std::make_shared<CompareOptions>();
  CLI::App* cmd =
      app.add_subcommand("compare",
                         "each party's position per slot, side by side: who asserts, acknowledges, "
                         "denies, declines; where sides agree (--format table, md or json)");
  cmd->add_option("incident", opts->incident, "the incident: its key, or #id")->required();
  cmd->add_option("--parties", opts->parties,
                  "the parties, comma-separated: actors, sides of the conflict, other "
                  "claimants, or 'others' (default: the claimants with a side, then others)")
      ->delimiter(',');
  cmd->callback([opts, &ctx] { RunCompare(*opts, ctx); });
}

}  // namespace attest
