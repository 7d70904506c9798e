#include "engine/reliability/evidence.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "engine/text/utf8.h"
#include "engine/time/date_interval.h"

namespace attest {

std::string TopicOf(std::string_view slot) {
  size_t cut = slot.find_first_of(":.");
  return std::string(cut == std::string_view::npos ? slot : slot.substr(0, cut));
}

EvidenceBuilder::EvidenceBuilder(const PlaceTree* places, double closeness)
    : places_(places), closeness_(closeness > 0 ? closeness : 0.1) {}

uint32_t EvidenceBuilder::SourceIndex(std::string_view name, ClaimantKind kind) {
  auto it = source_index_.find(name);
  if (it != source_index_.end()) return it->second;
  auto index = static_cast<uint32_t>(out_.sources.size());
  out_.sources.push_back({std::string(name), kind});
  source_index_.emplace(std::string(name), index);
  return index;
}

uint32_t EvidenceBuilder::TopicIndex(std::string_view topic) {
  auto it = topic_index_.find(topic);
  if (it != topic_index_.end()) return it->second;
  auto index = static_cast<uint32_t>(out_.topics.size());
  out_.topics.emplace_back(topic);
  topic_index_.emplace(std::string(topic), index);
  return index;
}

void EvidenceBuilder::BeginItem(uint32_t topic, SlotType type, std::optional<int64_t> event) {
  topic_ = topic;
  event_ = event ? *event : next_event_--;
  type_ = type;
  pending_used_ = 0;
}

EvidenceBuilder::Pending& EvidenceBuilder::ValueFor(const SlotValue& value) {
  // Sources mostly repeat each other's exact text: fold a value only when it is
  // not the first spelling of a value already met in this item.
  for (size_t i = 0; i < pending_used_; ++i) {
    if (pending_[i].value == value) return pending_[i];
  }
  std::string key = ValueKey(value);
  size_t index = pending_used_;
  for (size_t i = 0; i < pending_used_; ++i) {
    if (pending_[i].key == key) {
      index = i;
      break;
    }
  }
  if (index == pending_used_) {
    if (pending_used_ == pending_.size()) pending_.emplace_back();
    Pending& p = pending_[pending_used_++];
    p.key = std::move(key);
    p.value = value;
    p.claims.clear();
    p.refuted = false;
    p.confirmed = false;
  }
  return pending_[index];
}

void EvidenceBuilder::Support(uint32_t source, const SlotValue& value, float weight) {
  ValueFor(value).claims.push_back({source, weight, false});
}

void EvidenceBuilder::Deny(uint32_t source, const SlotValue& value, float weight) {
  ValueFor(value).claims.push_back({source, weight, true});
}

void EvidenceBuilder::Judge(const SlotValue& value, bool confirmed) {
  Pending& p = ValueFor(value);
  if (confirmed) {
    for (size_t i = 0; i < pending_used_; ++i) pending_[i].confirmed = false;
    p.confirmed = true;  // the latest confirmation holds
    p.refuted = false;
  } else if (!p.confirmed) {
    p.refuted = true;
  }
}

namespace {

std::optional<DateInterval> DateOf(const SlotValue& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return ParseDateInterval(*s);
  return std::nullopt;
}

}  // namespace

// Which values of the open item agree without being equal: a wider range, date
// or place contains a narrower one; distinct figures are close in proportion to
// their relative distance.
void EvidenceBuilder::Relate(SlotType type, const std::vector<size_t>& order) {
  size_t n = order.size();
  if (n < 2) return;
  auto add = [&](size_t i, size_t j, ValueRelation kind, double weight) {
    out_.relations.push_back(
        {static_cast<uint32_t>(i), static_cast<uint32_t>(j), kind, static_cast<float>(weight)});
  };
  if (type == SlotType::kCount) {
    for (size_t i = 0; i < n; ++i) {
      const auto* a = std::get_if<CountRange>(&pending_[order[i]].value);
      if (!a) continue;
      for (size_t j = 0; j < n; ++j) {
        const auto* b = std::get_if<CountRange>(&pending_[order[j]].value);
        if (i == j || !b) continue;
        bool contains = a->all || (!b->all && a->low <= b->low &&
                                   (!a->high || (b->high && *b->high <= *a->high)));
        if (contains) {
          add(i, j, ValueRelation::kContains, 1.0);
        } else if (a->IsPoint() && b->IsPoint()) {
          double x = static_cast<double>(a->low), y = static_cast<double>(b->low);
          double w = std::exp(-std::abs(x - y) / (closeness_ * std::max({x, y, 1.0})));
          if (w >= 0.01) add(i, j, ValueRelation::kClose, w);
        } else if (!b->all && a->Overlaps(*b)) {
          add(i, j, ValueRelation::kClose, 1.0);  // both can hold: they share a range
        }
      }
    }
  } else if (type == SlotType::kDate) {
    for (size_t i = 0; i < n; ++i) {
      auto a = DateOf(pending_[order[i]].value);
      if (!a) continue;
      for (size_t j = 0; j < n; ++j) {
        if (i == j) continue;
        auto b = DateOf(pending_[order[j]].value);
        if (b && a->first <= b->first && b->last <= a->last &&
            !(a->first == b->first && a->last == b->last)) {
          add(i, j, ValueRelation::kContains, 1.0);
        }
      }
    }
  } else if (type == SlotType::kPlace && places_ && !places_->empty()) {
    for (size_t i = 0; i < n; ++i) {
      const auto* a = std::get_if<std::string>(&pending_[order[i]].value);
      if (!a) continue;
      for (size_t j = 0; j < n; ++j) {
        const auto* b = std::get_if<std::string>(&pending_[order[j]].value);
        if (i != j && b && places_->Contains(*a, *b)) add(i, j, ValueRelation::kContains, 1.0);
      }
    }
  }
}

std::optional<uint32_t> EvidenceBuilder::EndItem() {
  bool any_claim = false;
  for (size_t i = 0; i < pending_used_; ++i) any_claim = any_claim || !pending_[i].claims.empty();
  if (!any_claim) return std::nullopt;

  // Values in the order of their text, so that ties break the same way every run.
  std::vector<size_t> order(pending_used_);
  std::iota(order.begin(), order.end(), size_t{0});
  std::vector<std::string> texts(pending_used_);
  for (size_t i = 0; i < pending_used_; ++i) texts[i] = FormatSlotValue(pending_[i].value);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (texts[a] != texts[b]) return texts[a] < texts[b];
    return a < b;
  });

  Evidence::Item item;
  item.topic = topic_;
  item.event = event_;
  item.values_begin = static_cast<uint32_t>(out_.values.size());
  item.relations_begin = static_cast<uint32_t>(out_.relations.size());
  for (size_t rank = 0; rank < order.size(); ++rank) {
    Pending& p = pending_[order[rank]];
    Evidence::Value v;
    v.claims_begin = static_cast<uint32_t>(out_.claims.size());
    out_.claims.insert(out_.claims.end(), p.claims.begin(), p.claims.end());
    v.claims_end = static_cast<uint32_t>(out_.claims.size());
    v.refuted = p.refuted;
    if (p.confirmed) item.confirmed = static_cast<int32_t>(rank);
    out_.values.push_back(v);
    out_.value_text.push_back(std::move(texts[order[rank]]));
  }
  item.values_end = static_cast<uint32_t>(out_.values.size());
  Relate(type_, order);
  item.relations_end = static_cast<uint32_t>(out_.relations.size());
  out_.items.push_back(item);
  return static_cast<uint32_t>(out_.items.size() - 1);
}

void EvidenceBuilder::DeclareRelay(uint32_t a, uint32_t b) {
  if (a == b) return;
  relays_.emplace_back(std::min(a, b), std::max(a, b));
}

Evidence EvidenceBuilder::Finish() {
  std::sort(relays_.begin(), relays_.end());
  relays_.erase(std::unique(relays_.begin(), relays_.end()), relays_.end());
  out_.relays = std::move(relays_);
  relays_.clear();
  return std::move(out_);
}

}  // namespace attest
