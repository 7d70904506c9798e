// attest verdict : an analyst's verdict on a slot of an incident, or on one
// claim's value for it — confirmed or refuted, by whom, why — recorded with the
// new version of the incident it makes.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <charconv>
#include <nlohmann/json.hpp>

#include "cli/command_context.h"
#include "cli/commands.h"
#include "cli/format/record_format.h"
#include "db/record_verdict.h"

namespace attest {

namespace {

struct VerdictOptions {
  std::vector<std::string> target;  // INCIDENT [SLOT]
  std::optional<std::string> claim;
  std::optional<std::string> value;
  bool confirmed = false;
  bool refuted = false;
  std::string by;
  std::string note;
};

ClaimId ClaimOption(const std::string& text) {
  std::string_view digits = text;
  if (!digits.empty() && (digits.front() == 'c' || digits.front() == 'C')) digits.remove_prefix(1);
  int64_t id = 0;
  auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
  if (digits.empty() || ec != std::errc() || ptr != digits.data() + digits.size() || id <= 0) {
    throw CLI::ValidationError("--claim",
                               fmt::format("'{}' is not a claim id; write 12 or c12", text));
  }
  return ClaimId(id);
}

void RunVerdict(const VerdictOptions& opts, CommandContext& ctx) {
  std::string format = ctx.Format("table", {"table", "json"});
  if (opts.confirmed == opts.refuted) {
    throw CLI::ValidationError("--confirmed", "give one of --confirmed or --refuted");
  }
  if (opts.target.size() > 2) {
    throw CLI::ValidationError("incident", "give the incident and the slot, nothing more");
  }
  if (!opts.claim && opts.target.size() != 2) {
    throw CLI::ValidationError("slot",
                               "name the incident and the slot (attest verdict INCIDENT SLOT …), "
                               "or a claim with --claim");
  }
  if (opts.by.empty()) throw CLI::ValidationError("--by", "name the analyst");
  VerdictRequest request;
  if (!opts.target.empty()) request.incident = opts.target[0];
  if (opts.target.size() == 2) request.slot = opts.target[1];
  if (opts.claim) request.claim = ClaimOption(*opts.claim);
  request.value = opts.value;
  request.kind = opts.confirmed ? VerdictKind::kConfirmed : VerdictKind::kRefuted;
  request.analyst = opts.by;
  request.note = opts.note;

  const Rulebook& rules = ctx.Rules();
  if (request.value && request.slot) {
    SlotType type = rules.slots.TypeOf(*request.slot);
    if (!ParseSlotValue(type, *request.value)) {
      throw CLI::ValidationError(
          "--value", fmt::format("'{}' is not a {} value for slot '{}' (counts are written 12, "
                                 "8..12, 2.. or all; truth values true or false)",
                                 *request.value, ToString(type), *request.slot));
    }
  }
  Timestamp now = ctx.Now();
  SQLite::Database& db = ctx.Db(OpenMode::kReadWrite);
  ctx.result().stores = true;
  VerdictResult r = RecordVerdict(db, rules, request, now);
  const Verdict& v = r.verdict;
  std::string value = v.value ? FormatSlotValue(*v.value) : "";
  if (format == "json") {
    nlohmann::ordered_json j;
    j["verdict"] = v.id;
    j["incident"] = r.incident;
    j["slot"] = v.slot;
    j["claim"] = v.claim ? nlohmann::ordered_json(v.claim->value()) : nlohmann::ordered_json();
    j["value"] = value;
    j["kind"] = std::string(ToString(v.kind));
    j["by"] = v.analyst;
    j["note"] = v.note;
    j["recorded_at"] = FormatTimestamp(v.recorded_at);
    j["version"] = r.version ? nlohmann::ordered_json(*r.version) : nlohmann::ordered_json();
    j["changes"] = ChangesToJson(r.changes);
    ctx.out() << j.dump(2) << "\n";
    return;
  }
  ctx.out() << fmt::format("verdict {} on {} {}: '{}' {} by {}{}\n", v.id, r.incident, v.slot,
                           value, ToString(v.kind), v.analyst,
                           v.claim ? fmt::format(" (claim c{})", v.claim->value()) : "");
  if (r.version) {
    ctx.out() << fmt::format("  incident {}: version {}\n", r.incident, *r.version);
    for (const SlotChange& c : r.changes) ctx.out() << "    " << ChangeForPeople(c) << "\n";
  } else {
    ctx.out() << fmt::format("  incident {}: the record is unchanged\n", r.incident);
  }
  if (!ctx.options().quiet) {
    ctx.out() << "  the sources' track records count it from the next `attest reconcile`\n";
  }
}

}  // namespace

void RegisterVerdictCommand(CLI::App& app, CommandContext& ctx) {
  auto opts = std::make_shared<VerdictOptions>();
  CLI::App* cmd = app.add_subcommand(
      "verdict",
      "an analyst's verdict on a slot or a claim (--confirmed or --refuted, --by, "
      "--note), recorded and versioned");
  cmd->add_option("target", opts->target,
                  "INCIDENT SLOT: the incident (key or #id) and the slot judged; may be left out "
                  "with --claim");
  cmd->add_option("--claim", opts->claim, "the claim whose value is judged (12 or c12)");
  cmd->add_option("--value", opts->value,
                  "the value judged (canonical text: 12, 8..12, true, a text); default: the "
                  "claim's value, else the record's");
  cmd->add_flag("--confirmed", opts->confirmed, "the value is true");
  cmd->add_flag("--refuted", opts->refuted, "the value is false");
  cmd->add_option("--by", opts->by, "the analyst")->required();
  cmd->add_option("--note", opts->note, "why, in a few words");
  cmd->callback([opts, &ctx] { RunVerdict(*opts, ctx); });
}

}  // namespace attest
