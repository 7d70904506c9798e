// attest blame INCIDENT SLOT : the claims and sources behind a slot's current
// value, and the version since which it holds (engine/views/blame.h).
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
#include "engine/views/blame.h"

namespace attest {

namespace {

using ojson = nlohmann::ordered_json;

struct BlameOptions {
  std::string incident;
  std::string slot;
  std::optional<int64_t> version;
};

std::string Kind(const BlameClaim& c) { return std::string(ToString(c.kind)); }

std::string WhoForPeople(const std::string& name, ClaimantKind kind,
                         const std::optional<std::string>& side) {
  return side ? fmt::format("{} ({}, {})", name, ToString(kind), *side)
              : fmt::format("{} ({})", name, ToString(kind));
}

std::string TouchForPeople(const SlotTouch& t) {
  return fmt::format("version {} ({}), {}", t.version, FormatTimestamp(t.recorded_at),
                     CauseForPeople(t.cause));
}

void PrintBlame(const SlotBlame& b, std::ostream& out) {
  out << fmt::format("incident #{}{}: {}\n", b.incident.value(), b.key ? " " + *b.key : "",
                     b.title);
  out << fmt::format("slot {} in version {} (recorded {})\n", b.slot, b.version,
                     FormatTimestamp(b.recorded_at));
  out << fmt::format("  {}: {}, credibility {}, confidence {:.3f}\n", ValueForPeople(b.current),
                     ToString(b.current.status), b.current.credibility, b.current.confidence);
  out << "  " << b.current.reason << "\n";
  out << "holds since " << TouchForPeople(b.since) << "\n";
  out << "  before: "
      << (b.since.before ? StateForPeople(*b.since.before) : std::string("none (the slot was new)"))
      << "\n";
  for (const auto& t : b.later) {
    out << "  then " << TouchForPeople(t) << ": " << StateForPeople(*t.before) << " → "
        << StateForPeople(t.after) << "\n";
  }
  out << "\n";
  TextTable table({"claim", "role", "claimant", "kind", "side", "interest", "stance", "value",
                   "report", "published", "version"});
  for (const auto& c : b.claims) {
    table.AddRow({fmt::format("c{}", c.id.value()), std::string(ToString(c.role)), c.claimant,
                  Kind(c), c.side.value_or("-"),
                  c.interest ? std::string(ToString(*c.interest)) : "-",
                  std::string(ToString(c.stance)), ClaimValueForPeople(c.value, c.polarity),
                  c.report, DayOf(c.published), c.version ? fmt::format("{}", *c.version) : "-"});
    std::string detail;
    if (c.cue) detail += fmt::format("cue «{}»", *c.cue);
    if (c.quote) detail += fmt::format("{}quote «{}»", detail.empty() ? "" : "; ", *c.quote);
    if (c.implied) detail += std::string(detail.empty() ? "" : "; ") + "implied by its content";
    if (c.modality != Modality::kCertain) {
      detail += fmt::format("{}{}", detail.empty() ? "" : "; ", ToString(c.modality));
    }
    if (c.endorsement == Endorsement::kDistanced) {
      detail += std::string(detail.empty() ? "" : "; ") + "distanced by the author";
    }
    if (!detail.empty()) table.AddNote(detail);
    if (c.text) table.AddNote(*c.text);
  }
  table.Print(out);
  out << "\nsources:\n";
  for (const auto& s : b.sources) {
    std::string roles;
    auto add = [&](const char* name, const std::vector<ClaimId>& ids) {
      if (!ids.empty())
        roles += fmt::format("{}{} {}", roles.empty() ? "" : "; ", name, ClaimIds(ids));
    };
    add("support", s.support);
    add("oppose", s.oppose);
    add("silent", s.silent);
    out << "  " << WhoForPeople(s.name, s.kind, s.side) << ": " << roles << "\n";
  }
}

ojson Ids(const std::vector<ClaimId>& ids) {
  ojson a = ojson::array();
  for (ClaimId id : ids) a.push_back(id.value());
  return a;
}

ojson OptionalText(const std::optional<std::string>& s) { return s ? ojson(*s) : ojson(nullptr); }

ojson TouchJson(const SlotTouch& t) {
  ojson j;
  j["version"] = t.version;
  j["recorded_at"] = FormatTimestamp(t.recorded_at);
  j["cause"] = CauseToJson(t.cause);
  j["before"] = t.before ? SlotStateToJson(*t.before) : ojson(nullptr);
  j["after"] = SlotStateToJson(t.after);
  return j;
}

ojson BlameJson(const SlotBlame& b) {
  ojson j;
  j["incident"] = b.incident.value();
  j["key"] = OptionalText(b.key);
  j["title"] = b.title;
  j["slot"] = b.slot;
  j["version"] = b.version;
  j["recorded_at"] = FormatTimestamp(b.recorded_at);
  j["value"] = b.current.value ? SlotValueToJson(*b.current.value) : ojson(nullptr);
  j["status"] = ToString(b.current.status);
  j["credibility"] = b.current.credibility;
  j["confidence"] = b.current.confidence;
  j["reason"] = b.current.reason;
  j["since"] = TouchJson(b.since);
  ojson later = ojson::array();
  for (const auto& t : b.later) later.push_back(TouchJson(t));
  j["later"] = later;
  ojson claims = ojson::array();
  for (const auto& c : b.claims) {
    ojson k;
    k["id"] = c.id.value();
    k["role"] = ToString(c.role);
    k["claimant"] = c.claimant;
    k["kind"] = ToString(c.kind);
    k["side"] = OptionalText(c.side);
    k["interest"] = c.interest ? ojson(ToString(*c.interest)) : ojson(nullptr);
    k["stance"] = ToString(c.stance);
    k["modality"] = ToString(c.modality);
    k["endorsement"] = ToString(c.endorsement);
    k["polarity"] = c.polarity == Polarity::kMixed ? ojson(nullptr) : ojson(ToString(c.polarity));
    k["value"] = c.value ? SlotValueToJson(*c.value) : ojson(nullptr);
    k["implied"] = c.implied;
    k["cue"] = OptionalText(c.cue);
    k["quote"] = OptionalText(c.quote);
    k["text"] = OptionalText(c.text);
    k["report"] = c.report;
    k["outlet"] = OptionalText(c.outlet);
    k["published"] = FormatTimestamp(c.published);
    k["version"] = c.version ? ojson(*c.version) : ojson(nullptr);
    claims.push_back(std::move(k));
  }
  j["claims"] = claims;
  ojson sources = ojson::array();
  for (const auto& s : b.sources) {
    sources.push_back({{"name", s.name},
                       {"kind", ToString(s.kind)},
                       {"side", OptionalText(s.side)},
                       {"support", Ids(s.support)},
                       {"oppose", Ids(s.oppose)},
                       {"silent", Ids(s.silent)}});
  }
  j["sources"] = sources;
  return j;
}

void RunBlame(const BlameOptions& opts, CommandContext& ctx) {
  std::string format = ctx.Format("table", {"table", "json"});
  SQLite::Database& db = ctx.Db(OpenMode::kReadOnly);
  Incident incident = IncidentRepository(db).Resolve(opts.incident);
  std::vector<IncidentVersion> history = VersionRepository(db).History(incident.id);
  if (history.empty())
    throw NotFound(fmt::format("incident {} has no version yet", incident.Label()));
  if (opts.version) {
    if (*opts.version < 1 || *opts.version > history.back().version) {
      throw NotFound(fmt::format("incident {} has no version {}; see `attest history {}`",
                                 incident.Label(), *opts.version, incident.Label()));
    }
    history.resize(static_cast<size_t>(*opts.version));
  }
  const Rulebook& rules = ctx.Rules();
  IncidentClaims claims = ClaimRepository(db, rules.slots).ForIncident(incident.id);
  std::optional<SlotBlame> blame =
      Blame(BlameInput{incident, history, claims.claims, claims.reports, rules, opts.slot});
  if (!blame) {
    std::vector<std::string> slots;
    for (const auto& s : history.back().record.slots) slots.push_back(s.slot);
    throw NotFound(fmt::format("incident {} has no slot '{}' in version {}; its slots are: {}",
                               incident.Label(), opts.slot, history.back().version,
                               JoinOrDash(slots)));
  }
  if (format == "json") {
    ctx.out() << BlameJson(*blame).dump(2) << "\n";
  } else {
    PrintBlame(*blame, ctx.out());
  }
}

}  // namespace

void RegisterBlameCommand(CLI::App& app, CommandContext& ctx) {
  auto opts = std::make_shared<BlameOptions>();
  CLI::App* cmd = app.add_subcommand(
      "blame",
      "the claims and sources behind a slot's current value, and since which version "
      "it holds");
  cmd->add_option("incident", opts->incident, "the incident: its key, or #id")->required();
  cmd->add_option("slot", opts->slot, "the slot (occurred, fatalities:FAMa, outcome…)")->required();
  cmd->add_option("--version", opts->version, "blame this version instead of the latest");
  cmd->callback([opts, &ctx] { RunBlame(*opts, ctx); });
}

}  // namespace attest
