// The pieces of text the Markdown and HTML writers share, and the JSON form.
#include "cli/format/period_report_format.h"

#include <fmt/format.h>

#include <algorithm>

#include "cli/format/record_format.h"
#include "cli/format/view_format.h"

namespace attest {

using ojson = nlohmann::ordered_json;

namespace {

bool WholeDay(const Timestamp& t, bool end) {
  auto tod = t.time_of_day();
  return end ? tod == boost::posix_time::time_duration(23, 59, 59)
             : tod == boost::posix_time::time_duration(0, 0, 0);
}

ojson OptionalText(const std::optional<std::string>& s) { return s ? ojson(*s) : ojson(nullptr); }

ojson Ids(const std::vector<ClaimId>& ids) {
  ojson a = ojson::array();
  for (ClaimId id : ids) a.push_back(id.value());
  return a;
}

ojson SlotJson(const SlotRecord& s) {
  return {{"slot", s.slot},
          {"value", s.value ? SlotValueToJson(*s.value) : ojson(nullptr)},
          {"status", ToString(s.status)},
          {"credibility", s.credibility},
          {"confidence", s.confidence},
          {"reason", s.reason},
          {"support", Ids(s.support)},
          {"oppose", Ids(s.oppose)},
          {"silent", Ids(s.silent)}};
}

ojson BriefJson(const ClaimBrief& c) {
  return {
      {"id", c.id.value()},
      {"claimant", c.claimant},
      {"kind", ToString(c.kind)},
      {"stance", ToString(c.stance)},
      {"polarity", c.polarity == Polarity::kMixed ? ojson(nullptr) : ojson(ToString(c.polarity))},
      {"slot", c.slot},
      {"value", c.value ? SlotValueToJson(*c.value) : ojson(nullptr)},
      {"report", c.report},
      {"published", FormatTimestamp(c.published)},
      {"recorded", FormatTimestamp(c.recorded)},
      {"in_period", c.in_period}};
}

}  // namespace

std::string PeriodTitle(const ReportPeriod& p) {
  bool days = (!p.since || WholeDay(*p.since, false)) && (!p.until || WholeDay(*p.until, true));
  auto bound = [&](const std::optional<Timestamp>& t, const char* open) {
    if (!t) return std::string(open);
    return days ? DayOf(*t) : FormatTimestamp(*t);
  };
  return fmt::format("{} to {}", bound(p.since, "the start"), bound(p.until, "the latest"));
}

std::string ClaimBriefText(const ClaimBrief& c) {
  std::string stance(ToString(c.stance));
  std::replace(stance.begin(), stance.end(), '_', ' ');
  std::string text = fmt::format("c{} {} {}", c.id.value(), c.claimant, stance);
  if (c.value) text += " " + ClaimValueForPeople(c.value, c.polarity);
  return text;
}

std::string ClaimsText(const ReportedIncident& incident, const std::vector<ClaimId>& ids,
                       size_t limit) {
  if (ids.empty()) return "-";
  std::string out;
  size_t shown = 0;
  for (ClaimId id : ids) {
    if (shown == limit) {
      out += fmt::format("; and {} more", ids.size() - shown);
      break;
    }
    auto it = incident.claims.find(id.value());
    std::string one =
        it != incident.claims.end() ? ClaimBriefText(it->second) : fmt::format("c{}", id.value());
    out += (out.empty() ? "" : "; ") + one;
    ++shown;
  }
  return out;
}

std::string ReportedChangeText(const SlotChange& c) {
  if (!c.before && c.after) return "new: " + StateForPeople(*c.after);
  if (c.before && !c.after) return "gone (was " + StateForPeople(*c.before) + ")";
  if (!c.before || !c.after) return "-";
  return StateForPeople(*c.before) + " → " + StateForPeople(*c.after);
}

ojson ReportJson(const PeriodReport& r) {
  ojson j;
  j["period"] = {
      {"since", r.period.since ? ojson(FormatTimestamp(*r.period.since)) : ojson(nullptr)},
      {"until", r.period.until ? ojson(FormatTimestamp(*r.period.until)) : ojson(nullptr)}};
  j["as_of"] = r.as_of ? ojson(FormatTimestamp(*r.as_of)) : ojson(nullptr);
  j["summary"] = {{"incidents_new", r.incidents_new},
                  {"incidents_changed", r.incidents_changed},
                  {"versions", r.versions},
                  {"reports", r.reports},
                  {"claims", r.claims}};
  ojson incidents = ojson::array();
  for (const auto& i : r.incidents) {
    ojson ji;
    ji["incident"] = i.id.value();
    ji["key"] = OptionalText(i.key);
    ji["title"] = i.title;
    ji["place"] = OptionalText(i.place);
    ji["date"] = i.date ? ojson(i.date->ToString()) : ojson(nullptr);
    ji["event_type"] = OptionalText(i.event_type);
    ji["actors"] = i.actors;
    ji["new"] = i.is_new;
    ji["version_before"] = i.version_before ? ojson(*i.version_before) : ojson(nullptr);
    ji["version_at_end"] = i.version_at_end;
    ojson versions = ojson::array();
    for (const auto& v : i.versions) {
      ojson changes = ojson::array();
      for (const auto& c : v.changes) {
        changes.push_back(
            {{"slot", c.change.slot},
             {"before", c.change.before ? SlotStateToJson(*c.change.before) : ojson(nullptr)},
             {"after", c.change.after ? SlotStateToJson(*c.change.after) : ojson(nullptr)},
             {"status_changed", c.status_changed},
             {"caused_by", Ids(c.caused_by)}});
      }
      versions.push_back({{"version", v.version},
                          {"recorded_at", FormatTimestamp(v.recorded_at)},
                          {"cause", CauseToJson(v.cause)},
                          {"changes", changes}});
    }
    ji["versions"] = versions;
    for (const auto& [name, list] :
         {std::pair{"contested", &i.contested}, std::pair{"denied", &i.denied},
          std::pair{"awaiting_corroboration", &i.awaiting}}) {
      ojson slots = ojson::array();
      for (const auto& s : *list) slots.push_back(SlotJson(s));
      ji[name] = slots;
    }
    ojson timeline = ojson::array();
    for (const auto& c : i.timeline) timeline.push_back(BriefJson(c));
    ji["timeline"] = timeline;
    incidents.push_back(std::move(ji));
  }
  j["incidents"] = incidents;
  ojson moved = ojson::array();
  for (const auto& m : r.reliability_changes) {
    auto num = [](const std::optional<double>& d) { return d ? ojson(*d) : ojson(nullptr); };
    moved.push_back(
        {{"source", m.source},
         {"before",
          {{"letter", OptionalText(m.letter_before)}, {"probability", num(m.probability_before)}}},
         {"after",
          {{"letter", OptionalText(m.letter_after)}, {"probability", num(m.probability_after)}}}});
  }
  j["reliability_changes"] = moved;
  return j;
}

}  // namespace attest
