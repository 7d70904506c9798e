#include "engine/exchange/claim_review.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace attest {

namespace {

// The words of a claim: as given, else its span of the report body, else a
// sentence made from its fields ("FLA asserts convoy.vehicles: 4").
std::string WordsOf(const Claim& c, const std::string& slot, const std::optional<SlotValue>& value,
                    const Report* report) {
  if (c.text && !c.text->empty()) return *c.text;
  if (c.span && report && report->body) {
    const std::string& body = *report->body;
    auto start = static_cast<size_t>(std::max<int64_t>(c.span->start, 0));
    auto end = static_cast<size_t>(std::max<int64_t>(c.span->end, 0));
    if (start < end && end <= body.size()) return body.substr(start, end - start);
  }
  std::string stance(ToString(c.stance));
  std::replace(stance.begin(), stance.end(), '_', ' ');
  std::string words = fmt::format("{} {} {}", c.claimant.SourceName(), stance, slot);
  if (value) {
    words += fmt::format(": {}{}", c.polarity == Polarity::kNegative ? "not " : "",
                         FormatSlotValue(*value));
  }
  if (c.quote) words += fmt::format(" («{}»)", *c.quote);
  return words;
}

}  // namespace

// 1. Per slot, the claims reviewed: support, the support of each alternative,
//    and, in a refuted slot, the opposed claims that are assertions (the
//    retracted or refuted ones) rather than the denials that refuted them.
// 2. Each claim is reviewed with the value it gives that slot (its own, or the
//    one its content implies), rated with the slot's status and credibility.
std::vector<ClaimReviewItem> ClaimReviews(const ClaimReviewInput& in) {
  std::vector<ClaimReviewItem> out;
  std::map<int64_t, const Claim*> by_id;
  for (const Claim& c : in.claims) by_id.emplace(c.id.value(), &c);
  const Place* place = in.record.place ? in.rules.places.ByName(*in.record.place) : nullptr;

  for (const SlotRecord& slot : in.record.slots) {
    std::set<int64_t> reviewed;
    for (ClaimId id : slot.support) reviewed.insert(id.value());
    for (const auto& a : slot.alternatives) {
      for (ClaimId id : a.support) reviewed.insert(id.value());
    }
    if (slot.status == SlotStatus::kRefuted) {
      for (ClaimId id : slot.oppose) {
        auto it = by_id.find(id.value());
        if (it != by_id.end() && it->second->stance != Stance::kDenies) reviewed.insert(id.value());
      }
    }
    for (int64_t id : reviewed) {
      auto it = by_id.find(id);
      if (it == by_id.end()) continue;
      const Claim& c = *it->second;
      std::optional<SlotValue> value = c.value;
      if (c.slot != slot.slot) {
        for (const auto& i : c.implied) {
          if (i.slot == slot.slot) value = i.value;
        }
      }
      const Report* report = nullptr;
      if (auto r = in.reports.find(c.report.value()); r != in.reports.end()) report = &r->second;

      ClaimReviewItem item;
      item.incident = in.record.incident;
      item.incident_label =
          in.record.key ? *in.record.key : fmt::format("#{}", in.record.incident.value());
      item.incident_title = in.record.title;
      item.place = in.record.place;
      if (place) {
        item.latitude = place->latitude;
        item.longitude = place->longitude;
      }
      item.date = in.record.date;
      item.slot = slot.slot;
      item.claim = c.id;
      item.claim_reviewed = WordsOf(c, slot.slot, value, report);
      item.claimant = c.claimant.SourceName();
      item.claimant_kind = c.claimant.kind;
      item.report = c.report.value();
      if (report) {
        item.outlet = report->outlet;
        item.url = report->url;
        item.title = report->title;
        item.published = report->published;
      }
      item.status = slot.status;
      item.credibility = slot.credibility;
      item.confidence = slot.confidence;
      item.reason = slot.reason;
      item.version = in.version;
      item.reviewed_at = in.recorded_at;
      out.push_back(std::move(item));
    }
  }
  return out;
}

}  // namespace attest
