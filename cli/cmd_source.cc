// attest source NAME : one source's reliability: its track record, probability
// and Admiralty letter, why it has that letter in words, its record per topic,
// the sources it was found to copy or be copied by, and its history over runs.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cmath>
#include <nlohmann/json.hpp>

#include "cli/command_context.h"
#include "cli/commands.h"
#include "cli/format/table.h"
#include "db/reliability_repository.h"
#include "engine/reliability/explain.h"
#include "engine/text/utf8.h"

namespace attest {

namespace {

using ojson = nlohmann::ordered_json;

struct SourceOptions {
  std::string name;
};

// Probabilities in JSON with four decimals: enough to compare, stable to read.
double Round4(double x) { return std::round(x * 10000.0) / 10000.0; }

std::string Percent(double x) { return fmt::format("{:.0f}%", 100.0 * x); }

// "repeats X: the same value on 98% of the 1759 items where one of them departs
// from the most common value".
std::string CopyForPeople(const NamedCopy& c, const std::string& self) {
  const std::string& other = c.source == self ? c.other : c.source;
  if (c.relation.declared && c.relation.shared == 0) {
    return fmt::format("{}: relays it or is relayed by it (a relay chain or wire copy)", other);
  }
  return fmt::format(
      "{}: the same value on {} of the {} items where one of them departs from the most common "
      "value (dependence {:.2f}{})",
      other, Percent(c.relation.rate), c.relation.shared, c.relation.dependence,
      c.relation.declared ? ", and a relay chain or wire copy says so" : "");
}

void RunSource(const SourceOptions& opts, CommandContext& ctx) {
  std::string format = ctx.Format("table", {"table", "json"});
  SQLite::Database& db = ctx.Db(OpenMode::kReadOnly);
  const Rulebook& rules = ctx.Rules();
  ReliabilityRepository runs(db);
  std::optional<ReliabilityRun> run = runs.LatestRun();
  if (!run) {
    throw NotFound("no source reliability has been estimated yet; run `attest reconcile`");
  }
  std::optional<SourceEstimate> found = runs.EstimateOf(run->id, opts.name);
  if (!found) {
    std::string folded = FoldForMatch(opts.name);
    for (SourceEstimate& s : runs.Estimates(run->id)) {
      if (FoldForMatch(s.name) == folded) found = std::move(s);
    }
  }
  if (!found) {
    throw NotFound(
        fmt::format("no source '{}' in reliability run {}; list them with `attest "
                    "sources`",
                    opts.name, run->id));
  }
  const SourceEstimate& s = *found;
  const ReliabilityPolicy& policy = rules.reliability;
  std::vector<NamedCopy> copies = runs.Copies(run->id, policy.copy_reported, s.name);
  std::vector<SourceStandingAt> history = runs.HistoryOf(s.name);
  std::string why = ExplainStanding(s, policy);

  if (format == "json") {
    ojson j;
    j["source"] = s.name;
    j["kind"] = std::string(ToString(s.kind));
    j["run"] = run->id;
    j["recorded_at"] = FormatTimestamp(run->recorded_at);
    j["probability"] = Round4(s.probability);
    j["prior"] = Round4(s.prior);
    j["letter"] = std::string(ToString(s.letter));
    j["why"] = why;
    j["claims"] = s.claims;
    j["checked"] = s.checked;
    j["checked_incidents"] = s.checked_incidents;
    j["held"] = s.held;
    j["failed"] = s.failed;
    j["confirmed"] = s.confirmed;
    j["refuted"] = s.refuted;
    ojson topics = ojson::array();
    for (const TopicRecord& t : s.topics) {
      topics.push_back({{"topic", t.topic},
                        {"claims", t.claims},
                        {"checked", t.checked},
                        {"probability", Round4(t.probability)}});
    }
    j["topics"] = topics;
    ojson cj = ojson::array();
    for (const NamedCopy& c : copies) {
      cj.push_back({{"source", c.source == s.name ? c.other : c.source},
                    {"dependence", Round4(c.relation.dependence)},
                    {"rate", Round4(c.relation.rate)},
                    {"shared", c.relation.shared},
                    {"same", c.relation.same},
                    {"declared", c.relation.declared}});
    }
    j["copies"] = cj;
    ojson hj = ojson::array();
    for (const SourceStandingAt& h : history) {
      hj.push_back({{"run", h.run},
                    {"recorded_at", FormatTimestamp(h.recorded_at)},
                    {"probability", Round4(h.probability)},
                    {"letter", std::string(ToString(h.letter))},
                    {"claims", h.claims},
                    {"checked", h.checked}});
    }
    j["history"] = hj;
    ctx.out() << j.dump(2) << "\n";
    return;
  }

  std::ostream& out = ctx.out();
  out << fmt::format("source {} ({})\n", s.name, ToString(s.kind));
  out << fmt::format("reliability run {}, recorded {}\n", run->id,
                     FormatTimestamp(run->recorded_at));
  out << fmt::format("letter {}, probability {:.3f} (prior {:.3f})\n", ToString(s.letter),
                     s.probability, s.prior);
  out << "why: " << why << "\n";
  out << fmt::format(
      "track record: {}; {} checked, about {}: {} held, {} failed; analysts confirmed {}, "
      "refuted {}\n",
      Counted(s.claims, "claim"), s.checked, Counted(s.checked_incidents, "incident"), s.held,
      s.failed, s.confirmed, s.refuted);
  out << "\nby topic:\n";
  TextTable topics({"topic", "claims", "checked", "probability"});
  for (const TopicRecord& t : s.topics) {
    topics.AddRow({t.topic, std::to_string(t.claims), std::to_string(t.checked),
                   fmt::format("{:.3f}", t.probability)});
  }
  topics.Print(out);
  out << "\ncopies";
  if (copies.empty()) {
    out << ": none found (it gives its own values where it departs from the others)\n";
  } else {
    out << " (its votes count only for what they add to theirs):\n";
    for (const NamedCopy& c : copies) out << "  " << CopyForPeople(c, s.name) << "\n";
  }
  out << "\nhistory:\n";
  TextTable past({"run", "recorded", "probability", "letter", "claims", "checked"});
  for (const SourceStandingAt& h : history) {
    past.AddRow({std::to_string(h.run), FormatTimestamp(h.recorded_at),
                 fmt::format("{:.3f}", h.probability), std::string(ToString(h.letter)),
                 std::to_string(h.claims), std::to_string(h.checked)});
  }
  past.Print(out);
}

}  // namespace

void RegisterSourceCommand(CLI::App& app, CommandContext& ctx) {
  auto opts = std::make_shared<SourceOptions>();
  CLI::App* cmd =
      app.add_subcommand("source",
                         "one source's reliability: track record, probability, letter and why, per "
                         "topic, copy relations, history");
  cmd->add_option("name", opts->name, "the source's name (as `attest sources` lists it)")
      ->required();
  cmd->callback([opts, &ctx] { RunSource(*opts, ctx); });
}

}  // namespace attest
