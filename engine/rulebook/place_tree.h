// A hierarchy of places: a town inside its district, region and country. It tells
// reconciliation and the reliability estimator that a claim naming a place and a
// claim naming an area around it do not contradict each other ("Gao, Mali" and
// "Mali"): the wider one is true, only less specific.
//
// Built by the rulebook from the place gazetteer (place → admin2 → admin1 →
// country) and from the optional table `common/place_tree.tsv` of the rules
// folder (id, name, parent), for places the gazetteer does not hold. A name may
// stand for several nodes ("New York", the city and the state); a name contains
// another when some node of the first is an ancestor of some node of the second.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace attest {

class PlaceTree {
 public:
  // Adds a node named `name` under `parent` (a node added before), or a root.
  // Returns its index.
  uint32_t Add(std::string_view name, std::optional<uint32_t> parent);
  // Gives node `node` one more name (a spelling variant).
  void AddName(uint32_t node, std::string_view name);

  // The nodes called `name` (compared folded); empty when none.
  std::span<const uint32_t> Named(std::string_view name) const;
  // True when a node called `outer` is a strict ancestor of a node called `inner`.
  bool Contains(std::string_view outer, std::string_view inner) const;

  size_t size() const { return parent_.size(); }
  bool empty() const { return parent_.empty(); }

 private:
  static constexpr uint32_t kRoot = UINT32_MAX;
  std::vector<uint32_t> parent_;
  std::unordered_map<std::string, std::vector<uint32_t>> by_name_;  // folded name → nodes
};

}  // namespace attest
