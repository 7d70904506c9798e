// The periodic report as one HTML page that needs nothing else: the CSS is
// inline, each incident's timeline is an inline SVG, there is no script and no
// address to fetch, and the layout narrows to a phone's width (viewport meta,
// fluid widths, tables that scroll sideways inside their box).
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "cli/format/period_report_format.h"
#include "cli/format/record_format.h"
#include "cli/format/view_format.h"

namespace attest {

namespace {

constexpr std::string_view kStyle = R"css(
:root{color-scheme:light;--ink:#1a202c;--muted:#4a5568;--line:#cbd5e0;--paper:#fff;--band:#f7fafc}
*{box-sizing:border-box}
body{margin:0;background:var(--paper);color:var(--ink);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif}
main{max-width:64rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.25rem;margin:2rem 0 .75rem;border-bottom:2px solid var(--line);padding-bottom:.25rem}
h3{font-size:1.05rem;margin:1.25rem 0 .25rem;overflow-wrap:anywhere}
p,li{overflow-wrap:anywhere}
.muted{color:var(--muted);font-size:.9rem}
.summary{display:grid;grid-template-columns:repeat(auto-fill,minmax(9rem,1fr));gap:.5rem;margin:0;padding:0;list-style:none}
.summary li{background:var(--band);border:1px solid var(--line);border-radius:.375rem;padding:.5rem .75rem}
.summary b{display:block;font-size:1.4rem}
article{border:1px solid var(--line);border-radius:.5rem;padding:.75rem 1rem;margin:1rem 0}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:var(--band)}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em;background:var(--band);padding:0 .2em;border-radius:.2em}
ul.changes{padding-left:1.1rem;margin:.25rem 0 .75rem}
.status{display:inline-block;border-radius:.75rem;padding:0 .5rem;font-size:.8rem;font-weight:600;color:#fff;background:#718096}
.confirmed{background:#276749}.corroborated{background:#2c7a7b}.claimed{background:#975a16}
.contested{background:#c53030}.denied{background:#822727}.refuted{background:#4a5568}.unknown{background:#a0aec0;color:#1a202c}
.changed{font-weight:600}
svg.timeline{display:block;width:100%;height:auto;max-height:9rem;margin:.25rem 0 .5rem}
.legend span{display:inline-block;width:.8rem;height:.8rem;margin:0 .25rem 0 .75rem;vertical-align:-.1rem;border-radius:.15rem}
@media (max-width:40rem){body{font-size:15px}main{padding:.75rem}h1{font-size:1.3rem}th,td{padding:.3rem .35rem}}
)css";

// Colours of claims in the timeline, by stance.
struct StanceColour {
  const char* name;
  const char* colour;
};
constexpr StanceColour kColours[] = {{"asserts", "#2b6cb0"},
                                     {"acknowledges or confirms", "#2f855a"},
                                     {"denies", "#c53030"},
                                     {"declines or does not confirm", "#a0aec0"}};

size_t ColourOf(Stance s) {
  switch (s) {
    case Stance::kAsserts:
      return 0;
    case Stance::kAcknowledges:
    case Stance::kConfirms:
      return 1;
    case Stance::kDenies:
      return 2;
    case Stance::kDeclines:
    case Stance::kNotConfirmed:
      return 3;
  }
  return 0;
}

std::string Status(SlotStatus s) {
  return fmt::format("<span class=\"status {0}\">{0}</span>", ToString(s));
}

std::string Label(const ReportedIncident& i) {
  return i.key ? *i.key : fmt::format("#{}", i.id.value());
}

// One bar per report (claims published together), on a time axis from the first
// to the last publication; a bar's segments are its claims by stance; claims
// recorded before the period are drawn paler.
std::string TimelineSvg(const ReportedIncident& i) {
  constexpr int kWidth = 640, kHeight = 120, kLeft = 12, kRight = 12, kTop = 22, kBottom = 30;
  constexpr int kBar = 14, kMaxBar = kHeight - kTop - kBottom;
  struct Bar {
    Timestamp published;
    std::string report;
    size_t counts[2][4] = {};  // [in period][colour]
    size_t total = 0;
  };
  std::vector<Bar> bars;
  for (const auto& c : i.timeline) {
    if (bars.empty() || bars.back().published != c.published || bars.back().report != c.report) {
      bars.push_back({c.published, c.report, {}, 0});
    }
    ++bars.back().counts[c.in_period ? 1 : 0][ColourOf(c.stance)];
    ++bars.back().total;
  }
  std::string svg =
      fmt::format("<svg class=\"timeline\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\">",
                  kWidth, kHeight,
                  HtmlEscape(fmt::format("Timeline of the {} claims about {} by publication time",
                                         i.timeline.size(), i.title)));
  if (bars.empty()) return svg + "</svg>";
  Timestamp first = bars.front().published, last = bars.back().published;
  int64_t span = (last - first).total_seconds();
  size_t highest = 1;
  for (const auto& b : bars) highest = std::max(highest, b.total);
  const int usable = kWidth - kLeft - kRight - kBar;
  const int base = kHeight - kBottom;
  svg += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#718096\"/>", kLeft,
                     base, kWidth - kRight, base);
  int previous_x = -1000;
  for (const auto& b : bars) {
    int x = span > 0
                ? kLeft + static_cast<int>((b.published - first).total_seconds() * usable / span)
                : kLeft + usable / 2;
    if (x < previous_x + kBar + 2) x = previous_x + kBar + 2;  // reports published together
    x = std::min(x, kWidth - kRight - kBar);
    previous_x = x;
    std::string tip =
        fmt::format("{}, published {}: {}", b.report, DayOf(b.published),
                    b.total == 1 ? std::string("1 claim") : fmt::format("{} claims", b.total));
    svg += fmt::format("<g><title>{}</title>", HtmlEscape(tip));
    int y = base;
    for (int period = 1; period >= 0; --period) {
      for (size_t colour = 0; colour < 4; ++colour) {
        size_t n = b.counts[period][colour];
        if (n == 0) continue;
        int h = std::max(1, static_cast<int>(n * kMaxBar / highest));
        y -= h;
        svg +=
            fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"{}/>", x, y,
                        kBar, h, kColours[colour].colour, period ? "" : " fill-opacity=\"0.45\"");
      }
    }
    svg += fmt::format(
        "<text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"middle\" "
        "fill=\"#1a202c\">{}</text></g>",
        x + kBar / 2, y - 4, b.total);
  }
  svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"#4a5568\">{}</text>", kLeft,
                     kHeight - 10, DayOf(first));
  if (span > 0) {
    svg += fmt::format(
        "<text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"end\" fill=\"#4a5568\">{}</text>",
        kWidth - kRight, kHeight - 10, DayOf(last));
  }
  return svg + "</svg>";
}

void SlotRows(const PeriodReport& r, std::ostream& out, bool contested) {
  out << "<div class=\"scroll\"><table><thead><tr><th>incident</th><th>slot</th><th>value</th>"
         "<th>status</th><th>why</th><th>for</th><th>against</th></tr></thead><tbody>\n";
  for (const auto& i : r.incidents) {
    for (const SlotRecord& s : contested ? i.contested : i.denied) {
      out << "<tr><td><a href=\"#incident-" << i.id.value() << "\">" << HtmlEscape(Label(i))
          << "</a></td><td><code>" << HtmlEscape(s.slot) << "</code></td><td>"
          << HtmlEscape(ValueForPeople(s)) << "</td><td>" << Status(s.status) << "</td><td>"
          << HtmlEscape(s.reason) << "</td><td>" << HtmlEscape(ClaimsText(i, s.support))
          << "</td><td>" << HtmlEscape(ClaimsText(i, s.oppose)) << "</td></tr>\n";
    }
  }
  out << "</tbody></table></div>\n";
}

}  // namespace

void WriteReportHtml(const PeriodReport& r, std::ostream& out) {
  size_t contested = 0, denied = 0, awaiting = 0;
  for (const auto& i : r.incidents) {
    contested += i.contested.size();
    denied += i.denied.size();
    awaiting += i.awaiting.size();
  }
  std::string title = "Reconciliation report, " + PeriodTitle(r.period);
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta name=\"generator\" content=\"attest\">\n<title>"
      << HtmlEscape(title) << "</title>\n<style>" << kStyle
      << "</style>\n</head>\n<body>\n<main>\n";
  out << "<h1>" << HtmlEscape(title) << "</h1>\n<p class=\"muted\">"
      << HtmlEscape(fmt::format("Versions recorded from {} to {}.",
                                r.period.since ? FormatTimestamp(*r.period.since) : "the start",
                                r.period.until ? FormatTimestamp(*r.period.until) : "the latest"));
  if (r.as_of) out << " As of " << HtmlEscape(FormatTimestamp(*r.as_of)) << ".";
  out << " Slots are as the records stand at the end of the period.</p>\n";

  out << "<section id=\"summary\"><h2>Summary</h2>\n<ul class=\"summary\">\n";
  auto figure = [&](const char* what, size_t n) {
    out << "<li><b>" << n << "</b>" << what << "</li>\n";
  };
  figure("incidents new", static_cast<size_t>(r.incidents_new));
  figure("incidents changed", static_cast<size_t>(r.incidents_changed));
  figure("versions recorded", static_cast<size_t>(r.versions));
  figure("reports recorded", static_cast<size_t>(r.reports));
  figure("claims recorded", static_cast<size_t>(r.claims));
  figure("contested slots", contested);
  figure("denied slots", denied);
  figure("slots awaiting corroboration", awaiting);
  out << "</ul></section>\n";

  out << "<section id=\"incidents\"><h2>Incidents new and changed</h2>\n";
  if (r.incidents.empty()) {
    out << "<p>No incident record changed in this period.</p>\n";
  } else {
    out << "<p class=\"legend muted\">Timelines: claims by publication time, one bar per report;";
    for (const auto& c : kColours) {
      out << "<span style=\"background:" << c.colour << "\"></span>" << c.name;
    }
    out << "; paler: recorded before the period.</p>\n";
  }
  for (const auto& i : r.incidents) {
    out << "<article id=\"incident-" << i.id.value() << "\">\n<h3>"
        << HtmlEscape(fmt::format("#{}{}: {}", i.id.value(), i.key ? " " + *i.key : "", i.title))
        << " <span class=\"muted\">(" << (i.is_new ? "new" : "changed") << ")</span></h3>\n";
    std::string meta = i.place.value_or("place unknown") + " · " +
                       (i.date ? i.date->ToString() : std::string("date unknown"));
    if (i.event_type) meta += " · " + *i.event_type;
    if (!i.actors.empty()) {
      std::string actors;
      for (const auto& a : i.actors) actors += (actors.empty() ? "" : ", ") + a;
      meta += " · actors " + actors;
    }
    meta += fmt::format(" · version {} at the end of the period", i.version_at_end);
    if (i.version_before) meta += fmt::format(", {} before it", *i.version_before);
    out << "<p class=\"muted\">" << HtmlEscape(meta) << "</p>\n" << TimelineSvg(i) << "\n";
    for (const auto& v : i.versions) {
      out << "<p><b>Version " << v.version << "</b>, recorded "
          << HtmlEscape(FormatTimestamp(v.recorded_at)) << ": "
          << HtmlEscape(CauseForPeople(v.cause)) << "</p>\n<ul class=\"changes\">\n";
      if (v.changes.empty()) {
        out << "<li>no slot changed (the incident's place, date or actors did)</li>\n";
      }
      for (const auto& c : v.changes) {
        out << "<li><code>" << HtmlEscape(c.change.slot) << "</code>: <span"
            << (c.status_changed ? " class=\"changed\"" : "") << ">"
            << HtmlEscape(ReportedChangeText(c.change)) << "</span>";
        if (!c.caused_by.empty()) out << "; caused by " << HtmlEscape(ClaimsText(i, c.caused_by));
        out << "</li>\n";
      }
      out << "</ul>\n";
    }
    out << "</article>\n";
  }
  out << "</section>\n";

  out << "<section id=\"contested\"><h2>Contested slots</h2>\n";
  if (contested == 0) {
    out << "<p>No slot is contested at the end of the period.</p>\n";
  } else {
    SlotRows(r, out, true);
  }
  out << "</section>\n<section id=\"denied\"><h2>Denied slots</h2>\n";
  if (denied == 0) {
    out << "<p>No slot is denied at the end of the period.</p>\n";
  } else {
    SlotRows(r, out, false);
  }
  out << "</section>\n";

  out << "<section id=\"awaiting\"><h2>Claims awaiting corroboration</h2>\n";
  if (awaiting == 0) {
    out << "<p>No slot rests on one source or one side at the end of the period.</p>\n";
  } else {
    out << "<div class=\"scroll\"><table><thead><tr><th>incident</th><th>slot</th><th>value</th>"
           "<th>claims</th><th>why</th></tr></thead><tbody>\n";
    for (const auto& i : r.incidents) {
      for (const SlotRecord& s : i.awaiting) {
        out << "<tr><td><a href=\"#incident-" << i.id.value() << "\">" << HtmlEscape(Label(i))
            << "</a></td><td><code>" << HtmlEscape(s.slot) << "</code></td><td>"
            << HtmlEscape(ValueForPeople(s)) << "</td><td>" << HtmlEscape(ClaimsText(i, s.support))
            << "</td><td>" << HtmlEscape(s.reason) << "</td></tr>\n";
      }
    }
    out << "</tbody></table></div>\n";
  }
  out << "</section>\n";

  out << "<section id=\"reliability\"><h2>Sources whose reliability moved</h2>\n";
  if (r.reliability_changes.empty()) {
    out << "<p>No source's reliability moved in this period.</p>\n";
  } else {
    out << "<div class=\"scroll\"><table><thead><tr><th>source</th><th>before</th><th>after</th>"
           "</tr></thead><tbody>\n";
    auto estimate = [](const std::optional<std::string>& letter, const std::optional<double>& p) {
      if (!letter && !p) return std::string("none");
      return fmt::format("{}{}", letter.value_or("-"), p ? fmt::format(" ({:.3f})", *p) : "");
    };
    for (const auto& m : r.reliability_changes) {
      out << "<tr><td>" << HtmlEscape(m.source) << "</td><td>"
          << HtmlEscape(estimate(m.letter_before, m.probability_before)) << "</td><td>"
          << HtmlEscape(estimate(m.letter_after, m.probability_after)) << "</td></tr>\n";
    }
    out << "</tbody></table></div>\n";
  }
  out << "</section>\n</main>\n</body>\n</html>\n";
}

}  // namespace attest
