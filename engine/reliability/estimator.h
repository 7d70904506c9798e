// Source reliability and value confidence, estimated together over all claims
// (truth discovery): reliable sources make values credible, credible values make
// sources reliable. Copy-aware after Dong, Berti-Equille & Srivastava (VLDB 2009):
// sources that repeat each other count once. The algorithm, its steps and the
// works it follows are in docs/adr/0013-copy-aware-reliability.md.
//
// A pure, deterministic function of the evidence and the policy: the same input
// gives the same estimate, bit for bit (fixed iteration order, no unordered
// container drives a result).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/reliability/evidence.h"
#include "engine/rulebook/reliability_policy.h"

namespace attest {

// The Admiralty grade of a source's reliability: A completely reliable, B usually,
// C fairly, D not usually, E unreliable, F cannot be judged (too little history).
enum class ReliabilityLetter : char { kA = 'A', kB = 'B', kC = 'C', kD = 'D', kE = 'E', kF = 'F' };

std::string_view ToString(ReliabilityLetter letter);
std::optional<ReliabilityLetter> ParseReliabilityLetter(std::string_view text);

// The letter for a probability given how much of the source's record was checked.
ReliabilityLetter LetterFor(double probability, int64_t checked, int64_t incidents,
                            const ReliabilityPolicy& policy);

// A source's record on one topic (slot family).
struct TopicRecord {
  std::string topic;
  int64_t claims = 0;
  int64_t checked = 0;
  double probability = 0.0;  // shrunk toward the source's overall probability
  bool operator==(const TopicRecord&) const = default;
};

struct SourceEstimate {
  std::string name;
  ClaimantKind kind = ClaimantKind::kUnknown;
  double prior = 0.0;
  double probability = 0.0;  // that a claim of this source holds
  int64_t claims = 0;        // claims counted: they give or deny a value
  // Its claims that could be checked: on items other sources also speak to, or
  // that an analyst judged. A claim nobody else makes says nothing of its
  // source's reliability.
  int64_t checked = 0;
  int64_t checked_incidents = 0;  // incidents its checked claims are about
  int64_t held = 0;               // checked claims that agree with the value believed
  int64_t failed = 0;             // checked claims against the value believed
  int64_t confirmed = 0;          // claims an analyst's verdict bore out
  int64_t refuted = 0;            // claims an analyst's verdict refuted
  ReliabilityLetter letter = ReliabilityLetter::kF;
  std::vector<TopicRecord> topics;  // by topic name
  bool operator==(const SourceEstimate&) const = default;
};

// Two sources found to repeat each other.
struct CopyRelation {
  uint32_t a = 0, b = 0;    // source indices, a < b
  double dependence = 0.0;  // probability that they copy (1 for a declared relay)
  double rate = 0.0;        // share of their departing values they share
  int64_t shared = 0;       // items where one of them departs from the most common value
  int64_t same = 0;         // of those, items where they give the same value
  bool declared = false;    // a relay chain or wire copy says so
  bool operator==(const CopyRelation&) const = default;
};

struct ReliabilityEstimate {
  std::vector<SourceEstimate> sources;    // in the evidence's source order
  std::vector<CopyRelation> copies;       // dependence ≥ policy.copy_reported, by (a, b)
  std::vector<double> value_probability;  // per evidence value
  std::vector<uint32_t> leading;          // per item: the believed value (index within it)
  int iterations = 0;
  bool converged = false;
};

// Requires nothing of the evidence beyond its own invariants; throws nothing.
ReliabilityEstimate EstimateReliability(const Evidence& evidence, const ReliabilityPolicy& policy);

}  // namespace attest
