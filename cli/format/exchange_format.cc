#include "cli/format/exchange_format.h"

#include <fmt/format.h>

#include <boost/date_time/gregorian/gregorian.hpp>

#include "cli/format/view_format.h"

namespace attest {

using ojson = nlohmann::ordered_json;

namespace {

std::string IsoDay(boost::gregorian::date d) {
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(d.year()), static_cast<int>(d.month()),
                     static_cast<int>(d.day()));
}

// People and witnesses are persons; groups, states, outlets and unnamed
// collective sources are organisations.
std::string_view AuthorType(ClaimantKind kind) {
  return kind == ClaimantKind::kPerson || kind == ClaimantKind::kWitness ? "Person"
                                                                         : "Organization";
}

}  // namespace

ojson ClaimReviewJsonLd(const ClaimReviewItem& item, const std::string& reviewer) {
  ojson j;
  j["@context"] = "https://schema.org";
  j["@type"] = "ClaimReview";
  j["identifier"] = fmt::format("attest:incident/{}/{}/c{}", item.incident.value(), item.slot,
                                item.claim.value());
  j["datePublished"] = DayOf(item.reviewed_at);
  j["author"] = {{"@type", "Organization"}, {"name", reviewer}};
  j["claimReviewed"] = item.claim_reviewed;

  ojson claim;
  claim["@type"] = "Claim";
  claim["author"] = {{"@type", AuthorType(item.claimant_kind)}, {"name", item.claimant}};
  claim["datePublished"] = DayOf(item.published);
  ojson appearance;
  appearance["@type"] = "CreativeWork";
  if (item.url) appearance["url"] = *item.url;
  if (item.title) appearance["headline"] = *item.title;
  appearance["datePublished"] = DayOf(item.published);
  if (item.outlet) appearance["publisher"] = {{"@type", "Organization"}, {"name", *item.outlet}};
  appearance["identifier"] = item.report;
  claim["appearance"] = appearance;
  ojson about;
  about["@type"] = "Event";
  about["name"] = item.incident_title;
  if (item.date) {
    about["startDate"] = IsoDay(item.date->first);
    if (item.date->last != item.date->first) about["endDate"] = IsoDay(item.date->last);
  }
  if (item.place) {
    ojson place = {{"@type", "Place"}, {"name", *item.place}};
    if (item.latitude && item.longitude) {
      place["geo"] = {{"@type", "GeoCoordinates"},
                      {"latitude", *item.latitude},
                      {"longitude", *item.longitude}};
    }
    about["location"] = place;
  }
  claim["about"] = about;
  j["itemReviewed"] = claim;

  // Admiralty credibility: 1 is the best grade, 6 "cannot be judged".
  j["reviewRating"] = {{"@type", "Rating"},
                       {"ratingValue", item.credibility},
                       {"bestRating", 1},
                       {"worstRating", 6},
                       {"alternateName", ToString(item.status)},
                       {"ratingExplanation", item.reason}};
  return j;
}

void WriteAcledHeader(std::ostream& out) {
  out << "event_id_cnty,event_date,year,time_precision,event_type,actor1,actor2,country,"
         "admin1,admin2,location,latitude,longitude,source,notes,fatalities,"
         "attest_incident,attest_key,attest_version\n";
}

void WriteAcledRow(const AcledExportRow& r, std::ostream& out) {
  auto number = [](const std::optional<double>& d) {
    return d ? fmt::format("{}", *d) : std::string();
  };
  out << CsvQuoted(r.event_id_cnty) << ',' << CsvQuoted(r.event_date) << ','
      << (r.year ? fmt::format("{}", r.year) : "") << ','
      << (r.time_precision ? fmt::format("{}", r.time_precision) : "") << ','
      << CsvQuoted(r.event_type) << ',' << CsvQuoted(r.actor1) << ',' << CsvQuoted(r.actor2) << ','
      << CsvQuoted(r.country) << ',' << CsvQuoted(r.admin1) << ',' << CsvQuoted(r.admin2) << ','
      << CsvQuoted(r.location) << ',' << number(r.latitude) << ',' << number(r.longitude) << ','
      << CsvQuoted(r.source) << ',' << CsvQuoted(r.notes) << ',' << r.fatalities << ','
      << r.incident.value() << ',' << CsvQuoted(r.key.value_or("")) << ',' << r.version << '\n';
}

}  // namespace attest
