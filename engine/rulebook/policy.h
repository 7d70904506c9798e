// The reconciliation policy (rules/common/policy.toml): numbers an analyst may
// tune without a compiler. Credibility per status (Admiralty 1–6), the weights
// that turn claims into a confidence, and which outlets republish others' copy
// (for independence).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace attest {

struct CredibilityScale {
  int confirmed = 1;
  int corroborated = 2;
  int claimed = 3;
  int claimed_distanced = 4;
  int contested = 4;
  int denied = 5;
  int refuted = 5;
  int unknown = 6;
};

struct ConfidenceWeights {
  // Weight of one independent origin's claim, before the factors below.
  double base = 1.0;
  double distanced = 0.7;   // the author distanced it (conditionnel de reprise)
  double probable = 0.7;    // the claimant hedged it (semble, probablement)
  double possible = 0.4;
  double self_serving = 0.6;
  double against_interest = 1.5;
  // Pseudo-count of doubt added to every slot: one claim alone never reaches 1.
  double prior = 1.0;
};

struct Policy {
  CredibilityScale credibility;
  ConfidenceWeights weights;
  // outlet → the outlets whose copy it republishes (wire copy is not corroboration).
  std::map<std::string, std::vector<std::string>, std::less<>> republishes;
};

}  // namespace attest
