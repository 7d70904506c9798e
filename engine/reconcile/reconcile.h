// Reconciliation: the claims about an incident, the analysts' verdicts and the
// rules in; the incident record out. A pure, deterministic function: the same
// inputs give the same record, byte for byte once serialised.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/claims/claim.h"
#include "engine/incidents/incident.h"
#include "engine/reconcile/record.h"
#include "engine/reconcile/verdict.h"
#include "engine/reliability/estimator.h"
#include "engine/rulebook/rulebook.h"
#include "engine/time/timestamp.h"

namespace attest {

// What reconciliation needs to know of the report a claim came from.
struct ReportFacts {
  std::optional<std::string> outlet;
  Timestamp published;
};
using ReportIndex = std::map<std::string, ReportFacts>;  // by report id

// What reconciliation knows of its sources from the latest reliability estimate
// (engine/reliability/estimator.h): each source's probability and letter, and
// the pairs found to copy each other. A source absent from it has its kind's
// prior (rules/common/reliability.toml) and letter F.
struct SourceStanding {
  double probability = 0.0;
  ReliabilityLetter letter = ReliabilityLetter::kF;
  bool operator==(const SourceStanding&) const = default;
};

class SourceReliability {
 public:
  void Set(const std::string& name, SourceStanding standing);
  // `a` and `b` repeat each other: the later of the two, when both give a value,
  // counts only (1 − discount) of its vote.
  void SetCopy(std::string_view a, std::string_view b, double discount);

  // The index of a source, or -1 when it has no estimate.
  int64_t IndexOf(std::string_view name) const;
  const SourceStanding& standing(int64_t index) const {
    return standings_[static_cast<size_t>(index)];
  }
  double Discount(int64_t a, int64_t b) const;
  bool Linked(int64_t index) const { return index >= 0 && linked_[static_cast<size_t>(index)]; }
  size_t size() const { return standings_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, int64_t, Hash, std::equal_to<>> index_;
  std::vector<SourceStanding> standings_;
  std::vector<bool> linked_;
  std::map<std::pair<int64_t, int64_t>, double> copies_;
  // The same as a matrix, when there are few sources (and no source was added
  // since the last copy relation).
  static constexpr size_t kDenseSources = 2048;
  std::vector<float> dense_;
};

struct ReconcileInput {
  const Incident& incident;
  const std::vector<Claim>& claims;  // every claim joined to the incident, any order
  const ReportIndex& reports;
  const std::vector<Verdict>& verdicts;
  const Rulebook& rules;
  const SourceReliability* reliability = nullptr;
};

// Requires every claim's report to be in `reports`. Throws nothing.
IncidentRecord Reconcile(const ReconcileInput& input);

}  // namespace attest
