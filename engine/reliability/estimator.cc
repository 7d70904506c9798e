// Copy-aware reliability estimation, after Dong, Berti-Equille & Srivastava,
// "Integrating conflicting data: the role of source dependence" (VLDB 2009:
// Accu, AccuCopy, AccuSim), with the value similarity of Yin, Han & Yu's
// TruthFinder (KDD 2007) and what Li et al. ("Truth finding on the deep web",
// PVLDB 2013) found matters on real data: copying, and data items whose sources
// give few alternative values. docs/adr/0013-copy-aware-reliability.md has the
// reasoning; the steps are:
//
//   1. Copying, in one pass over the items. For every pair of sources, count the
//      items where at least one of them departs from the item's most common value
//      (`shared`) and, of those, the items where both give the same value
//      (`same`). Independent sources rarely share a value others do not give;
//      copies nearly always do. Their dependence is the probability, under a
//      uniform prior, that they share departing values at a rate above the
//      policy's copy_rate: P(Beta(same + 1, shared − same + 1) > copy_rate).
//      Relay chains and wire copy are declared dependence 1. A copier's vote is
//      discounted by 1 − dependence × rate for each earlier source of the same
//      value it depends on (Dong et al.'s I(S), earlier = more accurate first).
//   2. Start every source at the prior of its kind (rules/common/reliability.toml).
//   3. Votes. A source of accuracy A votes ln(n·A/(1−A)) for its value, where n is
//      the number of distinct values given for the item (Dong et al.'s n false
//      values, taken from the item itself); a denial counts −ln(A/(1−A)). A
//      value contained in another (Gao in Mali, 12 in "at least 2") inherits the
//      wider value's votes, since the two agree; close figures lend each other a
//      share (policy similarity × closeness).
//   4. Confidence: P(v) = e^C(v) / (Σ e^C(v') + 1), the 1 standing for "none of
//      the values given". With one claim, P is its source's accuracy. An analyst's
//      verdict fixes P: 1 for the confirmed value, 0 for a refuted one.
//   5. Accuracy: over its claims that can be checked (on items where some other
//      source speaks, or that an analyst judged), the mean P of its values (a
//      true but less specific value earns less_specific_credit of the P of the
//      value it contains), with prior_strength pseudo-claims at the prior:
//      A = (Σ credit + k·prior) / (checked + k). Unchecked claims drop out: at the
//      fixed point they would give back exactly A.
//   6. Repeat 3–5 until no accuracy moves more than the tolerance (at most
//      max_iterations), then score once more for the outputs: per value P, per
//      item the leading value, per source held / failed / analyst counts, its
//      record per topic, and its Admiralty letter.
//
// Determinism: items, values and claims are visited in array order; values were
// ordered by text when the evidence was built; ties go to the smaller index.
#include "engine/reliability/estimator.h"

#include <algorithm>
#include <boost/math/special_functions/beta.hpp>
#include <cmath>
#include <map>
#include <unordered_map>

namespace attest {

std::string_view ToString(ReliabilityLetter letter) {
  switch (letter) {
    case ReliabilityLetter::kA:
      return "A";
    case ReliabilityLetter::kB:
      return "B";
    case ReliabilityLetter::kC:
      return "C";
    case ReliabilityLetter::kD:
      return "D";
    case ReliabilityLetter::kE:
      return "E";
    case ReliabilityLetter::kF:
      return "F";
  }
  return "F";
}

std::optional<ReliabilityLetter> ParseReliabilityLetter(std::string_view text) {
  for (auto l : {ReliabilityLetter::kA, ReliabilityLetter::kB, ReliabilityLetter::kC,
                 ReliabilityLetter::kD, ReliabilityLetter::kE, ReliabilityLetter::kF}) {
    if (ToString(l) == text) return l;
  }
  return std::nullopt;
}

ReliabilityLetter LetterFor(double probability, int64_t checked, int64_t incidents,
                            const ReliabilityPolicy& p) {
  if (static_cast<double>(checked) < p.min_evidence) return ReliabilityLetter::kF;
  if (static_cast<double>(incidents) < p.min_incidents) return ReliabilityLetter::kF;
  if (probability >= p.a && static_cast<double>(checked) >= p.a_evidence)
    return ReliabilityLetter::kA;
  if (probability >= p.b) return ReliabilityLetter::kB;
  if (probability >= p.c) return ReliabilityLetter::kC;
  if (probability >= p.d) return ReliabilityLetter::kD;
  return ReliabilityLetter::kE;
}

namespace {

constexpr double kMinAccuracy = 0.001;
constexpr double kMaxAccuracy = 0.999;
// Pairs less likely than this to copy are taken as independent.
constexpr double kMinDependence = 0.01;
// Up to this many sources, pair tables are dense matrices; beyond, sorted lists.
constexpr size_t kDenseSources = 2048;

double Logit(double a) {
  a = std::clamp(a, kMinAccuracy, kMaxAccuracy);
  return std::log(a / (1.0 - a));
}

uint64_t PairKey(uint32_t a, uint32_t b) {
  if (a > b) std::swap(a, b);
  return (static_cast<uint64_t>(a) << 32) | b;
}

// The discount between two sources: dependence × rate (0: independent).
class Discounts {
 public:
  explicit Discounts(size_t sources) : n_(sources), dense_(sources <= kDenseSources) {
    if (dense_) matrix_.assign(n_ * n_, 0.0f);
    linked_.assign(n_, false);
  }
  void Set(uint32_t a, uint32_t b, double discount) {
    if (discount <= 0) return;
    float d = static_cast<float>(std::min(discount, 1.0));
    if (dense_) {
      matrix_[a * n_ + b] = std::max(matrix_[a * n_ + b], d);
      matrix_[b * n_ + a] = matrix_[a * n_ + b];
    } else {
      float& slot = sparse_[PairKey(a, b)];
      slot = std::max(slot, d);
    }
    linked_[a] = linked_[b] = true;
  }
  double Get(uint32_t a, uint32_t b) const {
    if (dense_) return matrix_[a * n_ + b];
    auto it = sparse_.find(PairKey(a, b));
    return it == sparse_.end() ? 0.0 : it->second;
  }
  bool Linked(uint32_t s) const { return linked_[s]; }

 private:
  size_t n_;
  bool dense_;
  std::vector<float> matrix_;
  std::unordered_map<uint64_t, float> sparse_;  // looked up only, never iterated
  std::vector<bool> linked_;
};

struct PairCount {
  uint32_t a = 0, b = 0;
  int64_t shared = 0, same = 0;
};

// Step 1: pairs of sources and how often they share departing values.
std::vector<PairCount> CountPairs(const Evidence& e) {
  size_t n = e.sources.size();
  bool dense = n <= kDenseSources;
  std::vector<uint32_t> shared, same;
  std::vector<uint64_t> entries;  // sparse: key * 2 + same
  if (dense) {
    shared.assign(n * n, 0);
    same.assign(n * n, 0);
  }
  struct Said {
    uint32_t source;
    uint32_t value;
  };
  std::vector<Said> said;
  for (const auto& item : e.items) {
    said.clear();
    uint32_t plural = 0;
    size_t plural_count = 0;
    for (uint32_t v = item.values_begin; v < item.values_end; ++v) {
      size_t count = 0;
      for (uint32_t c = e.values[v].claims_begin; c < e.values[v].claims_end; ++c) {
        if (e.claims[c].denies) continue;
        said.push_back({e.claims[c].source, v - item.values_begin});
        ++count;
      }
      if (count > plural_count) {
        plural_count = count;
        plural = v - item.values_begin;
      }
    }
    if (item.confirmed >= 0) plural = static_cast<uint32_t>(item.confirmed);
    if (said.size() < 2) continue;
    for (size_t i = 0; i < said.size(); ++i) {
      for (size_t j = i + 1; j < said.size(); ++j) {
        const Said& x = said[i];
        const Said& y = said[j];
        if (x.source == y.source) continue;
        if (x.value == plural && y.value == plural) continue;
        bool equal = x.value == y.value;
        if (dense) {
          uint32_t a = std::min(x.source, y.source), b = std::max(x.source, y.source);
          ++shared[a * n + b];
          if (equal) ++same[a * n + b];
        } else {
          entries.push_back(PairKey(x.source, y.source) * 2 + (equal ? 1 : 0));
        }
      }
    }
  }
  std::vector<PairCount> out;
  if (dense) {
    for (uint32_t a = 0; a < n; ++a) {
      for (uint32_t b = a + 1; b < n; ++b) {
        if (shared[a * n + b]) out.push_back({a, b, shared[a * n + b], same[a * n + b]});
      }
    }
  } else {
    std::sort(entries.begin(), entries.end());
    for (size_t i = 0; i < entries.size();) {
      uint64_t key = entries[i] / 2;
      PairCount p{static_cast<uint32_t>(key >> 32), static_cast<uint32_t>(key & 0xffffffffu), 0, 0};
      for (; i < entries.size() && entries[i] / 2 == key; ++i) {
        ++p.shared;
        if (entries[i] % 2) ++p.same;
      }
      out.push_back(p);
    }
  }
  return out;
}

// P(rate > threshold) for a rate with a uniform prior after `same` successes in
// `shared` trials.
double Dependence(int64_t shared, int64_t same, double threshold) {
  if (shared <= 0) return 0.0;
  double alpha = static_cast<double>(same) + 1.0;
  double beta = static_cast<double>(shared - same) + 1.0;
  return boost::math::ibetac(alpha, beta, std::clamp(threshold, 0.0, 1.0));
}

class Estimator {
 public:
  Estimator(const Evidence& e, const ReliabilityPolicy& p)
      : e_(e), p_(p), discounts_(e.sources.size()) {}

  ReliabilityEstimate Run() {
    ReliabilityEstimate out;
    DetectCopying(out);
    size_t n = e_.sources.size();
    prior_.resize(n);
    accuracy_.resize(n);
    for (size_t s = 0; s < n; ++s) {
      prior_[s] = std::clamp(p_.PriorFor(e_.sources[s].kind), kMinAccuracy, kMaxAccuracy);
      accuracy_[s] = prior_[s];
    }
    probability_.assign(e_.values.size(), 0.0);
    int max_iterations = std::max(p_.max_iterations, 1);
    for (int it = 0; it < max_iterations; ++it) {
      Score();
      double moved = 0.0;
      for (size_t s = 0; s < n; ++s) {
        double a = (credit_[s] + p_.prior_strength * prior_[s]) / (checked_[s] + p_.prior_strength);
        a = std::clamp(a, kMinAccuracy, kMaxAccuracy);
        moved = std::max(moved, std::abs(a - accuracy_[s]));
        accuracy_[s] = a;
      }
      out.iterations = it + 1;
      if (moved < p_.tolerance) {
        out.converged = true;
        break;
      }
    }
    Score();
    Summarize(out);
    return out;
  }

 private:
  void DetectCopying(ReliabilityEstimate& out) {
    std::map<std::pair<uint32_t, uint32_t>, CopyRelation> relations;
    for (const PairCount& pc : CountPairs(e_)) {
      double d = Dependence(pc.shared, pc.same, p_.copy_rate);
      if (d < kMinDependence) continue;
      double rate = static_cast<double>(pc.same) / static_cast<double>(pc.shared);
      discounts_.Set(pc.a, pc.b, d * rate);
      relations[{pc.a, pc.b}] = {pc.a, pc.b, d, rate, pc.shared, pc.same, false};
    }
    for (const auto& [a, b] : e_.relays) {
      discounts_.Set(a, b, 1.0);
      CopyRelation& r = relations[{a, b}];
      r.a = a;
      r.b = b;
      r.dependence = 1.0;
      r.rate = std::max(r.rate, 1.0);
      r.declared = true;
    }
    for (auto& [key, r] : relations) out.copies.push_back(r);
  }

  struct Voter {
    uint32_t source;
    float weight;
    double logit;
  };

  // Steps 3–5 for every item: the values' probabilities from the current
  // accuracies, and each source's credit over its checked claims.
  void Score() {
    size_t n = e_.sources.size();
    credit_.assign(n, 0.0);
    checked_.assign(n, 0.0);
    std::vector<double> logit(n);
    for (size_t s = 0; s < n; ++s) logit[s] = Logit(accuracy_[s]);
    for (const auto& item : e_.items) {
      size_t k = e_.ValueCount(item);
      votes_.assign(k, 0.0);
      size_t given = 0;
      for (uint32_t v = item.values_begin; v < item.values_end; ++v) {
        for (uint32_t c = e_.values[v].claims_begin; c < e_.values[v].claims_end; ++c) {
          if (!e_.claims[c].denies) {
            ++given;
            break;
          }
        }
      }
      double ln_n = std::log(static_cast<double>(std::max<size_t>(given, 1)));
      for (size_t i = 0; i < k; ++i) {
        const auto& value = e_.values[item.values_begin + i];
        voters_.clear();
        double denial = 0.0;
        for (uint32_t c = value.claims_begin; c < value.claims_end; ++c) {
          const auto& claim = e_.claims[c];
          if (claim.denies) {
            denial += claim.weight * logit[claim.source];
          } else {
            voters_.push_back({claim.source, claim.weight, logit[claim.source]});
          }
        }
        // Earlier voters count in full; a later one loses what it owes to the
        // earlier ones it repeats (more accurate first, then by index).
        std::sort(voters_.begin(), voters_.end(), [](const Voter& a, const Voter& b) {
          if (a.logit != b.logit) return a.logit > b.logit;
          return a.source < b.source;
        });
        double vote = 0.0;
        for (size_t j = 0; j < voters_.size(); ++j) {
          double independent = 1.0;
          if (discounts_.Linked(voters_[j].source)) {
            for (size_t m = 0; m < j; ++m) {
              independent *= 1.0 - discounts_.Get(voters_[m].source, voters_[j].source);
            }
          }
          vote += voters_[j].weight * (ln_n + voters_[j].logit) * independent;
        }
        votes_[i] = vote - denial;
      }
      // Related values: a contained value inherits the wider one's votes; close
      // figures lend a share.
      scores_.assign(votes_.begin(), votes_.end());
      for (uint32_t r = item.relations_begin; r < item.relations_end; ++r) {
        const auto& rel = e_.relations[r];
        if (rel.kind == ValueRelation::kContains) {
          scores_[rel.to] += votes_[rel.from];
        } else {
          scores_[rel.from] += p_.similarity * rel.weight * votes_[rel.to];
        }
      }
      double top = 0.0;
      for (double s : scores_) top = std::max(top, s);
      double none = std::exp(-top);
      double total = none;
      double* prob = probability_.data() + item.values_begin;
      for (size_t i = 0; i < k; ++i) {
        prob[i] = std::exp(scores_[i] - top);
        total += prob[i];
      }
      for (size_t i = 0; i < k; ++i) prob[i] /= total;
      bool judged = item.confirmed >= 0;
      if (item.confirmed >= 0) {
        for (size_t i = 0; i < k; ++i) prob[i] = static_cast<int32_t>(i) == item.confirmed;
      } else {
        double kept = none / total;
        bool any_refuted = false;
        for (size_t i = 0; i < k; ++i) {
          if (e_.values[item.values_begin + i].refuted) {
            prob[i] = 0.0;
            any_refuted = true;
          }
          kept += prob[i];
        }
        judged = any_refuted;
        if (any_refuted && kept > 0) {
          for (size_t i = 0; i < k; ++i) prob[i] /= kept;
        }
      }
      if (!judged && !SeveralSources(item)) continue;  // nothing to check the claims against
      for (size_t i = 0; i < k; ++i) {
        double held = Held(item, i);
        const auto& value = e_.values[item.values_begin + i];
        for (uint32_t c = value.claims_begin; c < value.claims_end; ++c) {
          const auto& claim = e_.claims[c];
          credit_[claim.source] += claim.weight * (claim.denies ? 1.0 - held : held);
          checked_[claim.source] += claim.weight;
        }
      }
    }
  }

  // The probability that value i of the item holds, as its sources get credit for
  // it: its own, plus a share of the values it contains (true, but less specific).
  double Held(const Evidence::Item& item, size_t i) const {
    const double* prob = probability_.data() + item.values_begin;
    double held = prob[i];
    for (uint32_t r = item.relations_begin; r < item.relations_end; ++r) {
      const auto& rel = e_.relations[r];
      if (rel.kind == ValueRelation::kContains && rel.from == i) {
        held += p_.less_specific_credit * prob[rel.to];
      }
    }
    return std::min(held, 1.0);
  }

  bool SeveralSources(const Evidence::Item& item) const {
    int64_t first = -1;
    for (uint32_t v = item.values_begin; v < item.values_end; ++v) {
      for (uint32_t c = e_.values[v].claims_begin; c < e_.values[v].claims_end; ++c) {
        int64_t s = e_.claims[c].source;
        if (first < 0) first = s;
        if (s != first) return true;
      }
    }
    return false;
  }

  bool ContainsOrIs(const Evidence::Item& item, size_t outer, size_t inner) const {
    if (outer == inner) return true;
    for (uint32_t r = item.relations_begin; r < item.relations_end; ++r) {
      const auto& rel = e_.relations[r];
      if (rel.kind == ValueRelation::kContains && rel.from == outer && rel.to == inner) return true;
    }
    return false;
  }

  // Step 6: the outputs, from the last scoring.
  void Summarize(ReliabilityEstimate& out) {
    size_t n = e_.sources.size();
    out.value_probability = probability_;
    out.sources.resize(n);
    std::vector<int64_t> claims(n, 0), checked_count(n, 0), events(n, 0);
    std::vector<int64_t> last_event(n, 0);
    std::vector<bool> any_event(n, false);
    struct TopicAcc {
      int64_t claims = 0, checked = 0;
      double weight = 0.0, credit = 0.0;
    };
    std::map<std::pair<uint32_t, uint32_t>, TopicAcc> topics;  // (source, topic)
    out.leading.reserve(e_.items.size());
    for (const auto& item : e_.items) {
      size_t k = e_.ValueCount(item);
      const double* prob = probability_.data() + item.values_begin;
      size_t lead = 0;
      size_t lead_claims = 0;
      for (size_t i = 0; i < k; ++i) {
        const auto& value = e_.values[item.values_begin + i];
        size_t given = 0;
        for (uint32_t c = value.claims_begin; c < value.claims_end; ++c) {
          if (!e_.claims[c].denies) ++given;
        }
        bool better =
            i == 0 || prob[i] > prob[lead] || (prob[i] == prob[lead] && given > lead_claims);
        if (better) {
          lead = i;
          lead_claims = given;
        }
      }
      out.leading.push_back(static_cast<uint32_t>(lead));
      bool judged = item.confirmed >= 0;
      for (size_t i = 0; i < k; ++i) judged = judged || e_.values[item.values_begin + i].refuted;
      bool checked = judged || SeveralSources(item);
      bool believed = prob[lead] >= 0.5;
      for (size_t i = 0; i < k; ++i) {
        const auto& value = e_.values[item.values_begin + i];
        bool agrees = ContainsOrIs(item, i, lead);
        double held = Held(item, i);
        for (uint32_t c = value.claims_begin; c < value.claims_end; ++c) {
          const auto& claim = e_.claims[c];
          SourceEstimate& s = out.sources[claim.source];
          ++claims[claim.source];
          TopicAcc& t = topics[{claim.source, item.topic}];
          ++t.claims;
          if (!checked) continue;
          ++t.checked;
          ++checked_count[claim.source];
          if (!any_event[claim.source] || last_event[claim.source] != item.event) {
            ++events[claim.source];  // items of one event come together
            any_event[claim.source] = true;
            last_event[claim.source] = item.event;
          }
          t.weight += claim.weight;
          t.credit += claim.weight * (claim.denies ? 1.0 - held : held);
          bool right = claim.denies ? !agrees : agrees;
          if (item.confirmed >= 0) {
            bool truth = ContainsOrIs(item, i, static_cast<size_t>(item.confirmed));
            ++((claim.denies ? !truth : truth) ? s.confirmed : s.refuted);
          } else if (value.refuted && !claim.denies) {
            ++s.refuted;
          }
          if (judged || believed) ++(right ? s.held : s.failed);
        }
      }
    }
    for (size_t s = 0; s < n; ++s) {
      SourceEstimate& est = out.sources[s];
      est.name = e_.sources[s].name;
      est.kind = e_.sources[s].kind;
      est.prior = prior_[s];
      est.probability = accuracy_[s];
      est.claims = claims[s];
      est.checked = checked_count[s];
      est.checked_incidents = events[s];
      est.letter = LetterFor(est.probability, est.checked, est.checked_incidents, p_);
    }
    for (const auto& [key, acc] : topics) {
      SourceEstimate& est = out.sources[key.first];
      double p =
          (acc.credit + p_.prior_strength * est.probability) / (acc.weight + p_.prior_strength);
      est.topics.push_back({e_.topics[key.second], acc.claims, acc.checked, p});
    }
    for (auto& est : out.sources) {
      std::sort(est.topics.begin(), est.topics.end(),
                [](const TopicRecord& a, const TopicRecord& b) { return a.topic < b.topic; });
    }
  }

  const Evidence& e_;
  const ReliabilityPolicy& p_;
  Discounts discounts_;
  std::vector<double> prior_, accuracy_, credit_, checked_;
  std::vector<double> probability_;
  std::vector<double> votes_, scores_;
  std::vector<Voter> voters_;
};

}  // namespace

ReliabilityEstimate EstimateReliability(const Evidence& evidence, const ReliabilityPolicy& policy) {
  return Estimator(evidence, policy).Run();
}

}  // namespace attest
