// Why a source has its letter, in words, for `attest source NAME`: what the
// letter means, how much of the source's record could be checked, how it held
// up, and what the analysts said. Built from the estimate alone.
#pragma once

#include <string>

#include "engine/reliability/estimator.h"
#include "engine/rulebook/reliability_policy.h"

namespace attest {

// "usually reliable", "cannot be judged", …
std::string_view LetterMeaning(ReliabilityLetter letter);

// "an armed group", "anonymous sources", …
std::string KindPhrase(ClaimantKind kind);

// One or two sentences: the letter's meaning and the record behind it.
std::string ExplainStanding(const SourceEstimate& source, const ReliabilityPolicy& policy);

}  // namespace attest
