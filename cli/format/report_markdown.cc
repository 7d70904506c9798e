// The periodic report as Markdown (CommonMark with pipe tables).
#include <fmt/format.h>

#include "cli/format/period_report_format.h"
#include "cli/format/record_format.h"
#include "cli/format/view_format.h"

namespace attest {

namespace {

std::string Label(const ReportedIncident& i) {
  return i.key ? *i.key : fmt::format("#{}", i.id.value());
}

std::string Meta(const ReportedIncident& i) {
  std::string out = i.place.value_or("place unknown");
  out += " · " + (i.date ? i.date->ToString() : std::string("date unknown"));
  if (i.event_type) out += " · " + *i.event_type;
  if (!i.actors.empty()) {
    std::string actors;
    for (const auto& a : i.actors) actors += (actors.empty() ? "" : ", ") + a;
    out += " · actors " + actors;
  }
  return out;
}

void SlotTable(const PeriodReport& r, std::ostream& out, bool contested) {
  out << "| incident | slot | value | status | why | for | against |\n"
         "|---|---|---|---|---|---|---|\n";
  for (const auto& i : r.incidents) {
    for (const auto* list : {contested ? &i.contested : &i.denied}) {
      for (const SlotRecord& s : *list) {
        out << "| " << MarkdownCell(Label(i)) << " | `" << s.slot << "` | "
            << MarkdownCell(ValueForPeople(s)) << " | " << ToString(s.status) << " | "
            << MarkdownCell(s.reason) << " | " << MarkdownCell(ClaimsText(i, s.support)) << " | "
            << MarkdownCell(ClaimsText(i, s.oppose)) << " |\n";
      }
    }
  }
}

}  // namespace

void WriteReportMarkdown(const PeriodReport& r, std::ostream& out) {
  size_t contested = 0, denied = 0, awaiting = 0;
  for (const auto& i : r.incidents) {
    contested += i.contested.size();
    denied += i.denied.size();
    awaiting += i.awaiting.size();
  }
  out << "# Reconciliation report, " << PeriodTitle(r.period) << "\n\n";
  out << fmt::format("Versions recorded from {} to {}.",
                     r.period.since ? FormatTimestamp(*r.period.since) : "the start",
                     r.period.until ? FormatTimestamp(*r.period.until) : "the latest");
  if (r.as_of) out << " As of " << FormatTimestamp(*r.as_of) << ".";
  out << " Slots are as the records stand at the end of the period.\n\n";
  out << "| | |\n|---|---|\n";
  out << "| incidents new | " << r.incidents_new << " |\n";
  out << "| incidents changed | " << r.incidents_changed << " |\n";
  out << "| versions recorded | " << r.versions << " |\n";
  out << "| reports recorded | " << r.reports << " |\n";
  out << "| claims recorded | " << r.claims << " |\n";
  out << "| contested slots | " << contested << " |\n";
  out << "| denied slots | " << denied << " |\n";
  out << "| slots awaiting corroboration | " << awaiting << " |\n\n";

  out << "## Incidents new and changed\n\n";
  if (r.incidents.empty()) out << "No incident record changed in this period.\n\n";
  for (const auto& i : r.incidents) {
    out << fmt::format("### #{}{}: {} ({})\n\n", i.id.value(), i.key ? " " + *i.key : "",
                       MarkdownCell(i.title), i.is_new ? "new" : "changed");
    out << MarkdownCell(Meta(i));
    out << fmt::format(" · version {} at the end of the period", i.version_at_end);
    if (i.version_before) out << fmt::format(", {} before it", *i.version_before);
    out << ".\n\n";
    for (const auto& v : i.versions) {
      out << fmt::format("**Version {}**, recorded {}: {}\n\n", v.version,
                         FormatTimestamp(v.recorded_at), MarkdownCell(CauseForPeople(v.cause)));
      if (v.changes.empty())
        out << "- no slot changed (the incident's place, date or actors did)\n";
      for (const auto& c : v.changes) {
        std::string text = MarkdownCell(ReportedChangeText(c.change));
        out << "- `" << c.change.slot << "`: " << (c.status_changed ? "**" + text + "**" : text);
        if (!c.caused_by.empty()) out << "; caused by " << MarkdownCell(ClaimsText(i, c.caused_by));
        out << "\n";
      }
      out << "\n";
    }
  }

  out << "## Contested slots\n\n";
  if (contested == 0) {
    out << "No slot is contested at the end of the period.\n\n";
  } else {
    SlotTable(r, out, true);
    out << "\n";
  }
  out << "## Denied slots\n\n";
  if (denied == 0) {
    out << "No slot is denied at the end of the period.\n\n";
  } else {
    SlotTable(r, out, false);
    out << "\n";
  }

  out << "## Claims awaiting corroboration\n\n";
  if (awaiting == 0) {
    out << "No slot rests on one source or one side at the end of the period.\n\n";
  } else {
    out << "| incident | slot | value | claims | why |\n|---|---|---|---|---|\n";
    for (const auto& i : r.incidents) {
      for (const SlotRecord& s : i.awaiting) {
        out << "| " << MarkdownCell(Label(i)) << " | `" << s.slot << "` | "
            << MarkdownCell(ValueForPeople(s)) << " | " << MarkdownCell(ClaimsText(i, s.support))
            << " | " << MarkdownCell(s.reason) << " |\n";
      }
    }
    out << "\n";
  }

  out << "## Sources whose reliability moved\n\n";
  if (r.reliability_changes.empty()) {
    out << "No source's reliability moved in this period.\n";
  } else {
    out << "| source | before | after |\n|---|---|---|\n";
    auto estimate = [](const std::optional<std::string>& letter, const std::optional<double>& p) {
      if (!letter && !p) return std::string("none");
      return fmt::format("{}{}", letter.value_or("-"), p ? fmt::format(" ({:.3f})", *p) : "");
    };
    for (const auto& m : r.reliability_changes) {
      out << "| " << MarkdownCell(m.source) << " | "
          << estimate(m.letter_before, m.probability_before) << " | "
          << estimate(m.letter_after, m.probability_after) << " |\n";
    }
  }
}

}  // namespace attest
