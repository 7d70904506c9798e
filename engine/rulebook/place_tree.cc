#include "engine/rulebook/place_tree.h"

#include <algorithm>

#include "engine/text/utf8.h"

namespace attest {

uint32_t PlaceTree::Add(std::string_view name, std::optional<uint32_t> parent) {
  auto node = static_cast<uint32_t>(parent_.size());
  parent_.push_back(parent ? *parent : kRoot);
  AddName(node, name);
  return node;
}

void PlaceTree::AddName(uint32_t node, std::string_view name) {
  std::string key = FoldForMatch(name);
  if (key.empty()) return;
  auto& nodes = by_name_[key];
  if (std::find(nodes.begin(), nodes.end(), node) == nodes.end()) nodes.push_back(node);
}

std::span<const uint32_t> PlaceTree::Named(std::string_view name) const {
  auto it = by_name_.find(FoldForMatch(name));
  if (it == by_name_.end()) return {};
  return it->second;
}

bool PlaceTree::Contains(std::string_view outer, std::string_view inner) const {
  std::span<const uint32_t> outers = Named(outer);
  if (outers.empty()) return false;
  for (uint32_t node : Named(inner)) {
    // Trees are shallow (country, region, district, town): walking up is cheap.
    for (uint32_t up = parent_[node]; up != kRoot; up = parent_[up]) {
      if (std::find(outers.begin(), outers.end(), up) != outers.end()) return true;
    }
  }
  return false;
}

}  // namespace attest
