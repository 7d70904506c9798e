// Reading the reliability rules: rules/common/reliability.toml (the policy of
// engine/rulebook/reliability_policy.h) and the place hierarchy (the gazetteer's
// places in their districts, regions and countries, plus the optional table
// rules/common/place_tree.tsv). Both are optional files: without them the
// policy's shipped values apply and the tree holds the gazetteer alone.
#pragma once

#include <filesystem>

#include "engine/base/error.h"
#include "engine/rulebook/place_tree.h"
#include "engine/rulebook/places.h"
#include "engine/rulebook/reliability_policy.h"

namespace attest {

// Reads `path` into a policy; problems go to `diagnostics` as file:line: field.
ReliabilityPolicy ReadReliabilityPolicy(const std::filesystem::path& path,
                                        Diagnostics& diagnostics);

// The gazetteer's places under their admin2, admin1 and country.
PlaceTree PlaceTreeOf(const PlaceGazetteer& gazetteer);

// Adds the rows of a place table (TSV with the header `id name parent`; a parent
// of -1 or empty is a root; lines starting with # are comments) to `tree`. A
// parent that is not an id of the table, an id given twice and a cycle are
// errors naming the line.
void ReadPlaceTable(const std::filesystem::path& path, PlaceTree& tree, Diagnostics& diagnostics);

}  // namespace attest
