// A small rulebook built in code for engine tests: one conflict with two opposed
// sides, a few actors, the core slots. Independent of the shipped rule files.
#pragma once

#include "engine/rulebook/rulebook.h"

namespace attest::testing {

// Conflict "testland": side "government" (Army, Ministry) against side "rebels"
// (Front, Allies); "Wire" and "Daily" are outlets; "Daily" republishes "Wire".
// Places Townsville and Rivertown, in Testland; the place tree holds them.
Rulebook SmallRulebook();

}  // namespace attest::testing
