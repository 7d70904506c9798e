// The evidence the reliability estimator reads: every claim that gives or denies
// a value for a data item (one slot of one incident), the analysts' verdicts,
// and what relates the values of one item (a place inside another, a range
// inside a wider one, close figures). Sources, topics, items and values get
// dense integer ids and live in flat arrays, so that an estimation over millions
// of claims touches contiguous memory and allocates nothing per claim.
//
// Ownership: an Evidence is a value built once by EvidenceBuilder and read by
// EstimateReliability (engine/reliability/estimator.h). It knows nothing of the
// store; the caller keeps the map from items back to incidents and slots (items
// are numbered in the order they were added).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/claims/slot_value.h"
#include "engine/claims/vocabulary.h"
#include "engine/rulebook/place_tree.h"

namespace attest {

enum class ValueRelation : uint8_t {
  kContains,  // `from` is true whenever `to` is (Mali ⊃ Gao, "2.." ⊃ "12"): they agree
  kClose,     // distinct figures near each other: `to` lends `from` a share of its support
};

struct Evidence {
  struct Source {
    std::string name;
    ClaimantKind kind = ClaimantKind::kUnknown;
  };
  struct Item {
    uint32_t topic = 0;
    // The event (incident) the item is about: a record is judged over several.
    // Items of one event are added one after the other.
    int64_t event = 0;
    uint32_t values_begin = 0, values_end = 0;        // into values, in value-text order
    uint32_t relations_begin = 0, relations_end = 0;  // into relations
    int32_t confirmed = -1;  // the value (index within the item) an analyst confirmed
  };
  struct Value {
    uint32_t claims_begin = 0, claims_end = 0;  // into claims
    bool refuted = false;                       // an analyst refuted it
  };
  struct Claim {
    uint32_t source = 0;
    float weight = 1.0f;  // 1 for a plain claim; less when hedged or distanced
    bool denies = false;  // denies the value instead of giving it
  };
  struct Relation {
    uint32_t from = 0, to = 0;  // value indices within the item
    ValueRelation kind = ValueRelation::kContains;
    float weight = 1.0f;  // for kClose: the share of support lent
  };

  std::vector<Source> sources;
  std::vector<std::string> topics;
  std::vector<Item> items;
  std::vector<Value> values;
  std::vector<std::string> value_text;  // canonical text of each value (its first spelling)
  std::vector<Claim> claims;
  std::vector<Relation> relations;
  // Pairs of sources known to repeat each other (a relay chain, wire copy),
  // each pair once, smaller index first.
  std::vector<std::pair<uint32_t, uint32_t>> relays;

  size_t ValueCount(const Item& item) const { return item.values_end - item.values_begin; }
};

// The topic of a slot, for per-topic track records: its family ("fatalities" for
// "fatalities:FAMa", "materiel" for "materiel.destroyed"), else the slot itself.
std::string TopicOf(std::string_view slot);

class EvidenceBuilder {
 public:
  // `places` (may be null) relates place values; `closeness` is the relative
  // distance at which two figures lend each other 1/e of their support.
  explicit EvidenceBuilder(const PlaceTree* places = nullptr, double closeness = 0.1);

  // The dense index of a source, added on first use (its kind is the first given).
  uint32_t SourceIndex(std::string_view name, ClaimantKind kind);
  uint32_t TopicIndex(std::string_view topic);

  // One item at a time: open it, add its claims and verdicts, close it. `event`
  // names the incident it belongs to (items of one incident one after the
  // other); without it, each item is its own event.
  void BeginItem(uint32_t topic, SlotType type, std::optional<int64_t> event = std::nullopt);
  void Support(uint32_t source, const SlotValue& value, float weight = 1.0f);
  void Deny(uint32_t source, const SlotValue& value, float weight = 1.0f);
  // An analyst's verdict on a value: confirmed fixes the item's truth, refuted
  // rules the value out.
  void Judge(const SlotValue& value, bool confirmed);
  // Closes the item. Returns its index, or nullopt when it holds no claim (it is
  // then dropped).
  std::optional<uint32_t> EndItem();

  // `a` and `b` repeat each other (a relay chain, wire copy).
  void DeclareRelay(uint32_t a, uint32_t b);

  Evidence Finish();

 private:
  struct Pending {
    std::string key;  // folded text: values equal once folded are one value
    SlotValue value;  // first spelling
    std::vector<Evidence::Claim> claims;
    bool refuted = false;
    bool confirmed = false;
  };
  Pending& ValueFor(const SlotValue& value);
  void Relate(SlotType type, const std::vector<size_t>& order);

  const PlaceTree* places_;
  double closeness_;
  Evidence out_;
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> source_index_;
  std::map<std::string, uint32_t, std::less<>> topic_index_;
  std::vector<std::pair<uint32_t, uint32_t>> relays_;
  // The open item.
  uint32_t topic_ = 0;
  int64_t event_ = 0;
  int64_t next_event_ = -1;  // events made up for items without one: negative
  SlotType type_ = SlotType::kText;
  std::vector<Pending> pending_;
  size_t pending_used_ = 0;  // entries of pending_ in use (the rest are kept for reuse)
};

}  // namespace attest
