// The source reliability policy (rules/common/reliability.toml): what a source is
// believed to be worth before it has a track record (a prior per claimant kind),
// how the estimator weighs similar values and detects copying, and how a
// probability becomes an Admiralty letter (A–F). Numbers an analyst may tune;
// docs/rules-format.md describes each.
#pragma once

#include <array>
#include <cstddef>

#include "engine/claims/vocabulary.h"

namespace attest {

struct ReliabilityPolicy {
  // Probability that a claim of a source of each kind holds, before any track
  // record, indexed by ClaimantKind.
  std::array<double, 9> priors = {0.8, 0.6, 0.6, 0.8, 0.75, 0.7, 0.65, 0.7, 0.8};
  // How many checked claims the prior is worth: a source with that many checked
  // claims stands halfway between its prior and its record.
  double prior_strength = 5.0;

  // Copying: two sources copy each other when, over the items where one of them
  // departs from the most common value, they give the same value at a rate above
  // `copy_rate` (the probability of that, given the counts, is their dependence).
  double copy_rate = 0.9;
  // Copy relations listed by `attest source` and stored: dependence at least this.
  double copy_reported = 0.5;

  // Similar values support each other: a count or date value receives this share
  // of a close value's support, falling off with the relative distance
  // (`closeness`: the distance, relative to the larger value, at which the share
  // falls to 1/e).
  double similarity = 0.5;
  double closeness = 0.1;
  // A true but less specific value (Mali for Gao, "at least 2" for 12) earns this
  // share of a matching value in its source's track record.
  double less_specific_credit = 0.5;

  int max_iterations = 20;
  double tolerance = 1e-4;  // stop when no accuracy moves more than this

  // Admiralty letters. Below `min_evidence` checked claims, or checked claims
  // about fewer than `min_incidents` incidents, a source cannot be judged (F): a
  // record is made over several events, not one report of one. Otherwise A
  // needs `a` and at least `a_evidence` checked claims; B, C, D need their
  // probability; below `d` a source is E.
  double min_evidence = 10.0;
  double min_incidents = 3.0;
  double a = 0.95;
  double a_evidence = 20.0;
  double b = 0.85;
  double c = 0.7;
  double d = 0.5;

  // Credibility of a slot, informed by its sources: a contested value whose
  // confidence reaches `contested_favoured` gets `favoured_credibility`; a
  // claimed value whose every source is graded D or E gets `doubtful_credibility`.
  double contested_favoured = 0.9;
  int favoured_credibility = 3;
  int doubtful_credibility = 4;

  double PriorFor(ClaimantKind kind) const { return priors[static_cast<size_t>(kind)]; }
};

}  // namespace attest
