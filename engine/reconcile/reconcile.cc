// Reconciliation of an incident's claims into its record, slot by slot.
//
// For each slot (statements are kept but not reconciled):
//   1. Each claim takes a position: it supports a value, denies one, or is silent
//      (declines, not confirmed). A negative polarity flips a truth value, and
//      turns an assertion of any other value into its denial; a mixed one leaves
//      a truth value as it is and says nothing about any other value.
//   2. Each position gets its claimant's stake (side, interest) and independence
//      group (engine/reconcile/stakes.h), and a weight: policy base × endorsement
//      × modality × interest.
//   3. A claimant's own later word wins: a later denial retracts its earlier
//      assertion; a later, incompatible value supersedes its earlier one.
//   4. Supporting positions fall into clusters of compatible values (equal texts
//      or truth values; for counts, ranges with a common intersection; for
//      places, a place and the areas around it). Within a cluster a group counts
//      once, at its heaviest claim. The heaviest cluster leads; ties go to more
//      groups, then to the smaller value. With source reliability (the latest
//      estimate of engine/reliability), a claim votes its weight × ln(n·A/(1−A))
//      instead (A its source's probability, n the number of clusters), a group
//      that copies an earlier one is discounted, close figures lend each other
//      a share, and the cluster with the most votes leads.
//   5. Status, in the order of shared/spec/incidents.md: analyst verdicts first;
//      no support → refuted (retracted), denied or unknown; several clusters or a
//      denial by someone else → contested; opposing sides agreeing or a claim
//      against interest → confirmed; two independent groups → corroborated;
//      else claimed (credibility 4 when the author distanced every claim).
//   6. Confidence: (leading weight + prior/2) / (all weights + prior); with
//      reliability, the share of the leading cluster in e^votes, beside one more
//      share for "none of these". The Admiralty-style credibility comes from the
//      policy (with reliability, a contested value the reliable sources clearly
//      favour, or a value only unreliable sources claim, moves one grade), and a
//      reason in words, naming each source's letter when reliability is known.
// UCDP's low/best/high and ACLED's conservative figure follow for count slots.
#include "engine/reconcile/reconcile.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "engine/reconcile/stakes.h"
#include "engine/text/utf8.h"

namespace attest {

void SourceReliability::Set(const std::string& name, SourceStanding standing) {
  auto it = index_.find(name);
  if (it != index_.end()) {
    standings_[static_cast<size_t>(it->second)] = standing;
    return;
  }
  index_.emplace(name, static_cast<int64_t>(standings_.size()));
  standings_.push_back(standing);
  linked_.push_back(false);
}

void SourceReliability::SetCopy(std::string_view a, std::string_view b, double discount) {
  int64_t x = IndexOf(a), y = IndexOf(b);
  if (x < 0 || y < 0 || x == y || discount <= 0) return;
  double& d = copies_[{std::min(x, y), std::max(x, y)}];
  d = std::max(d, std::min(discount, 1.0));
  linked_[static_cast<size_t>(x)] = linked_[static_cast<size_t>(y)] = true;
  // Few sources: a matrix, since every pair of linked voters is looked up.
  size_t n = standings_.size();
  if (n > kDenseSources) return;
  if (dense_.size() != n * n) {
    dense_.assign(n * n, 0.0f);
    for (const auto& [pair, value] : copies_) {
      auto i = static_cast<size_t>(pair.first), j = static_cast<size_t>(pair.second);
      dense_[i * n + j] = dense_[j * n + i] = static_cast<float>(value);
    }
  }
  dense_[static_cast<size_t>(x) * n + static_cast<size_t>(y)] =
      dense_[static_cast<size_t>(y) * n + static_cast<size_t>(x)] = static_cast<float>(d);
}

int64_t SourceReliability::IndexOf(std::string_view name) const {
  auto it = index_.find(name);
  return it == index_.end() ? -1 : it->second;
}

double SourceReliability::Discount(int64_t a, int64_t b) const {
  if (!Linked(a) || !Linked(b)) return 0.0;
  size_t n = standings_.size();
  if (dense_.size() == n * n) return dense_[static_cast<size_t>(a) * n + static_cast<size_t>(b)];
  auto it = copies_.find({std::min(a, b), std::max(a, b)});
  return it == copies_.end() ? 0.0 : it->second;
}

namespace {

enum class Act { kSupport, kDeny, kSilent };

struct Position {
  const Claim* claim = nullptr;
  Act act = Act::kSilent;
  std::optional<SlotValue> value;
  Stakeholder who;
  IndependenceGroup group;
  Interest interest = Interest::kNeutral;
  double weight = 0.0;
  // With source reliability: the source's index in it (-1: no estimate), the
  // log-odds of its probability, and its letter.
  int64_t source_index = -1;
  double logit = 0.0;
  std::optional<ReliabilityLetter> letter;
  Timestamp published;
  bool retracted = false;
  bool superseded = false;

  bool active() const { return !retracted && !superseded; }
};

// The weight of each independence group among some positions: a group counts
// once, at its heaviest claim. Groups are summed in the order they first came;
// past a few, an index finds a group without a scan (a slot can hold thousands).
class GroupWeights {
 public:
  void Add(const Position* p) {
    if (weights_.size() < kIndexFrom) {
      for (auto& [g, w] : weights_) {
        if (g == p->group) {
          w = std::max(w, p->weight);
          return;
        }
      }
    } else {
      if (index_.empty()) {
        for (size_t i = 0; i < weights_.size(); ++i) index_.emplace(weights_[i].first, i);
      }
      if (auto it = index_.find(p->group); it != index_.end()) {
        double& w = weights_[it->second].second;
        w = std::max(w, p->weight);
        return;
      }
      index_.emplace(p->group, weights_.size());
    }
    weights_.emplace_back(p->group, p->weight);
  }
  double Total() const {
    double total = 0.0;
    for (const auto& [g, w] : weights_) total += w;
    return total;
  }
  size_t size() const { return weights_.size(); }

 private:
  struct Hash {
    size_t operator()(const IndependenceGroup& g) const {
      std::hash<std::string_view> h;
      return h(g.name) * 31 + h(g.outlet) * 7 + static_cast<size_t>(g.kind);
    }
  };
  static constexpr size_t kIndexFrom = 8;
  std::vector<std::pair<IndependenceGroup, double>> weights_;
  // built once weights_ reaches kIndexFrom
  std::unordered_map<IndependenceGroup, size_t, Hash> index_;
};

struct Cluster {
  SlotValue value;
  std::vector<const Position*> members;
  GroupWeights groups;
  double weight = 0.0;
  double score = 0.0;  // with reliability: its votes, once per group, copies discounted

  void Add(const Position* p) {
    members.push_back(p);
    groups.Add(p);
  }
  void Total() { weight = groups.Total(); }
};

double Round3(double x) { return std::round(x * 1000.0) / 1000.0; }

void AppendDescription(std::string& out, const Position& p) {
  out += p.who.source;
  bool kind = p.who.kind != ClaimantKind::kUnknown;
  if (!kind && !p.letter) return;
  out += " (";
  if (kind) out += ToString(p.who.kind);
  if (kind && p.letter) out += ", ";
  if (p.letter) out += ToString(*p.letter);
  out += ')';
}

std::string_view Participle(Stance stance) {
  switch (stance) {
    case Stance::kAsserts: return "asserted";
    case Stance::kAcknowledges: return "acknowledged";
    case Stance::kConfirms: return "confirmed";
    case Stance::kDenies: return "denied";
    case Stance::kDeclines: return "declined to say";
    case Stance::kNotConfirmed: return "not confirmed";
  }
  return "asserted";
}

// "asserted by A and B; acknowledged by C" — sources in order of first claim,
// at most four named per stance.
std::string Attribution(const std::vector<const Position*>& positions) {
  struct Group {
    Stance stance;
    std::vector<const Position*> who;  // distinct sources, first claim first
    std::unordered_set<std::string_view> named;  // their names, for slots with many sources
  };
  std::vector<Group> groups;
  for (const Position* p : positions) {
    Stance s = p->claim->stance;
    if (p->act == Act::kDeny) s = Stance::kDenies;
    auto g = std::find_if(groups.begin(), groups.end(), [&](const Group& x) { return x.stance == s; });
    if (g == groups.end()) g = groups.insert(groups.end(), Group{s, {}, {}});
    if (g->named.insert(p->who.source).second) g->who.push_back(p);
  }
  std::string out;
  for (const Group& g : groups) {
    if (!out.empty()) out += "; ";
    out += Participle(g.stance);
    out += " by ";
    size_t shown = std::min<size_t>(g.who.size(), 4);
    for (size_t i = 0; i < shown; ++i) {
      if (i > 0) out += (i + 1 == shown && shown == g.who.size()) ? " and " : ", ";
      AppendDescription(out, *g.who[i]);
    }
    if (g.who.size() > shown) {
      out += " and ";
      out += std::to_string(g.who.size() - shown);
      out += " more";
    }
  }
  return out;
}

std::string Quoted(const SlotValue& v) { return "'" + FormatSlotValue(v) + "'"; }

bool Overlapping(const SlotValue& a, const SlotValue& b) {
  if (std::holds_alternative<std::string>(a) && std::holds_alternative<std::string>(b)) {
    return ValueKey(a) == ValueKey(b);
  }
  return Compatible(a, b);
}

// Step 4 for text, category and truth values: one cluster per ValueKey (texts
// folded, numerals by their number). Sources mostly repeat each other's exact
// text, so a value is keyed only when its raw text has not been seen in this
// slot; both lookups are hashed, so that a slot with many distinct values stays
// linear. A cluster is written as most of its claims write it (ties: the first).
std::vector<Cluster> ClusterByValue(const std::vector<const Position*>& supports) {
  std::vector<Cluster> clusters;
  struct Spelling {
    const SlotValue* raw;
    size_t cluster;
    size_t claims;
  };
  std::vector<Spelling> spellings;  // every raw value met, in order
  std::unordered_map<std::string, size_t> by_key;   // value key → cluster
  std::unordered_map<std::string, size_t> by_text;  // raw text → spelling
  std::vector<size_t> others;  // spellings of truth values and stray counts
  for (const Position* p : supports) {
    const SlotValue& raw = *p->value;
    const auto* text = std::get_if<std::string>(&raw);
    std::optional<size_t> known;
    if (text) {
      if (auto it = by_text.find(*text); it != by_text.end()) known = it->second;
    } else {
      auto it = std::find_if(others.begin(), others.end(),
                             [&](size_t o) { return *spellings[o].raw == raw; });
      if (it != others.end()) known = *it;
    }
    if (!known) {
      auto [it, fresh] = by_key.emplace(ValueKey(raw), clusters.size());
      if (fresh) clusters.push_back(Cluster{raw, {}, {}, 0.0});
      known = spellings.size();
      spellings.push_back(Spelling{&raw, it->second, 0});
      if (text) {
        by_text.emplace(*text, *known);
      } else {
        others.push_back(*known);
      }
    }
    ++spellings[*known].claims;
    clusters[spellings[*known].cluster].Add(p);
  }
  std::vector<size_t> most(clusters.size(), 0);
  for (const Spelling& s : spellings) {
    if (s.claims > most[s.cluster]) {
      most[s.cluster] = s.claims;
      clusters[s.cluster].value = *s.raw;
    }
  }
  for (auto& c : clusters) c.Total();
  return clusters;
}

// Step 4 for counts: grow a cluster from each claim over the claims whose ranges
// keep a common intersection (in claim order, each joining when it overlaps the
// intersection so far); keep the heaviest, then cluster what is left.
//
// Done naively this is cubic in the claims of the slot (each round grows a
// cluster from every claim over every claim); a table can give one slot
// thousands of claims. The result is kept, the work cut:
//   1. Claims with equal ranges always fall in the same clusters: one equal to a
//      range taken overlaps the intersection, which lies inside it; one equal to
//      a range passed over is passed over, since the intersection only shrinks.
//      So clusters grow over distinct ranges ("units"), in order of first claim,
//      from the first remaining claim of each unit (its other claims give the same
//      cluster; as before, the first is kept).
//   2. Only units overlapping the seed's range can join: exact figures are
//      looked up in a sorted index, ranges in an interval index (SpanIndex).
//   3. A unit's cluster only changes when a unit it took is taken by the leading
//      cluster, and it can only have taken units whose ranges overlap its own:
//      clusters are kept (their weight, groups and value, in the order of the
//      choice), and after each choice only those of units overlapping a unit
//      taken are grown again.
// The work grows with the claims and the overlaps between distinct ranges, not
// with the square of the claims; ranges that all overlap each other remain
// quadratic (bench/crowded_slots.py).
// Ranges (and "all"), indexed to find those overlapping a range in time
// proportional to how many do: sorted by low end, with a segment tree of the
// highest high end below each node, so that subtrees ending too low are skipped.
class SpanIndex {
 public:
  // `spans`: (range, id) pairs.
  explicit SpanIndex(std::vector<std::pair<CountRange, size_t>> spans) : spans_(std::move(spans)) {
    std::sort(spans_.begin(), spans_.end(), [](const auto& a, const auto& b) {
      return Low(a.first) < Low(b.first);
    });
    size_ = 1;
    while (size_ < spans_.size()) size_ *= 2;
    high_.assign(2 * size_, std::numeric_limits<int64_t>::min());
    for (size_t i = 0; i < spans_.size(); ++i) high_[size_ + i] = High(spans_[i].first);
    for (size_t i = size_; i-- > 1;) high_[i] = std::max(high_[2 * i], high_[2 * i + 1]);
  }

  // Appends to `out` the ids of the spans overlapping `r` (which is not "all").
  void Overlapping(const CountRange& r, std::vector<size_t>& out) const {
    int64_t lo = r.low, hi = r.high.value_or(std::numeric_limits<int64_t>::max());
    // Spans starting after `hi` cannot overlap: only the first `end` are looked at.
    size_t end = static_cast<size_t>(
        std::upper_bound(spans_.begin(), spans_.end(), hi,
                         [](int64_t v, const auto& s) { return v < Low(s.first); }) -
        spans_.begin());
    Collect(1, 0, size_, end, lo, out);
  }

 private:
  static int64_t Low(const CountRange& r) {
    return r.all ? std::numeric_limits<int64_t>::min() : r.low;
  }
  static int64_t High(const CountRange& r) {
    return r.all || !r.high ? std::numeric_limits<int64_t>::max() : *r.high;
  }
  void Collect(size_t node, size_t begin, size_t width, size_t end, int64_t lo,
               std::vector<size_t>& out) const {
    if (begin >= end || high_[node] < lo) return;
    if (width == 1) {
      out.push_back(spans_[begin].second);
      return;
    }
    Collect(2 * node, begin, width / 2, end, lo, out);
    Collect(2 * node + 1, begin + width / 2, width / 2, end, lo, out);
  }

  std::vector<std::pair<CountRange, size_t>> spans_;
  size_t size_ = 1;
  std::vector<int64_t> high_;  // segment tree: highest high end below each node
};

std::vector<Cluster> ClusterByRange(const std::vector<const Position*>& supports) {
  struct Unit {
    CountRange range;
    std::vector<size_t> claims;  // indices into supports, ascending
    bool gone = false;           // taken by a leading cluster
    // The cluster grown from the unit, as the choice compares it.
    double weight = 0.0;
    size_t groups = 0;
    int64_t low = 0;
  };
  std::vector<Unit> units;
  {
    std::map<std::tuple<bool, int64_t, bool, int64_t>, size_t> index;
    for (size_t i = 0; i < supports.size(); ++i) {
      const auto& r = std::get<CountRange>(*supports[i]->value);
      auto [it, fresh] =
          index.emplace(std::make_tuple(r.all, r.low, r.high.has_value(), r.high.value_or(0)),
                        units.size());
      if (fresh) units.push_back(Unit{r, {}, false, 0.0, 0, 0});
      units[it->second].claims.push_back(i);
    }
  }
  std::vector<std::pair<int64_t, size_t>> points;  // exact figure → unit, sorted
  std::vector<std::pair<CountRange, size_t>> ranges;  // units of ranges and "all"
  for (size_t u = 0; u < units.size(); ++u) {
    if (units[u].range.IsPoint()) {
      points.emplace_back(units[u].range.low, u);
    } else {
      ranges.emplace_back(units[u].range, u);
    }
  }
  std::sort(points.begin(), points.end());
  const SpanIndex spans(std::move(ranges));
  // The units whose range overlaps `r`, in order of first claim.
  auto overlapping = [&](const CountRange& r) {
    std::vector<size_t> out;
    if (r.all) {
      for (size_t u = 0; u < units.size(); ++u) out.push_back(u);
      return out;
    }
    auto from = std::lower_bound(points.begin(), points.end(), std::make_pair(r.low, size_t{0}));
    for (auto it = from; it != points.end() && (!r.high || it->first <= *r.high); ++it) {
      out.push_back(it->second);
    }
    spans.Overlapping(r, out);
    std::sort(out.begin(), out.end());
    return out;
  };

  // Grows the cluster of `seed` over the units left; `taken` receives the units
  // it takes besides the seed's.
  auto grow = [&](size_t seed, std::vector<size_t>& taken) {
    const Unit& s = units[seed];
    CountRange meet = s.range;
    taken.clear();
    std::vector<size_t> members(s.claims.begin(), s.claims.end());
    for (size_t u : overlapping(s.range)) {
      if (u == seed || units[u].gone || !meet.Overlaps(units[u].range)) continue;
      meet = meet.Intersect(units[u].range);
      taken.push_back(u);
      members.insert(members.end(), units[u].claims.begin(), units[u].claims.end());
    }
    std::sort(members.begin() + 1, members.end());  // the seed claim first, then claim order
    Cluster c{meet, {}, {}, 0.0};
    for (size_t m : members) c.Add(supports[m]);
    c.Total();
    return c;
  };
  std::vector<size_t> taken;
  auto rank = [&](size_t u) {
    Cluster c = grow(u, taken);
    units[u].weight = c.weight;
    units[u].groups = c.groups.size();
    units[u].low = std::get<CountRange>(c.value).low;
  };
  // The order of choice: heavier, then more groups, then the smaller value, then
  // the earlier seed claim.
  auto before = [&](size_t a, size_t b) {
    const Unit& x = units[a];
    const Unit& y = units[b];
    if (x.weight != y.weight) return x.weight > y.weight;
    if (x.groups != y.groups) return x.groups > y.groups;
    if (x.low != y.low) return x.low < y.low;
    return x.claims.front() < y.claims.front();
  };
  std::set<size_t, decltype(before)> ranked(before);
  for (size_t u = 0; u < units.size(); ++u) {
    rank(u);
    ranked.insert(u);
  }
  std::vector<Cluster> clusters;
  std::vector<char> stale(units.size(), 0);
  std::vector<size_t> restale;
  while (!ranked.empty()) {
    size_t lead = *ranked.begin();
    ranked.erase(ranked.begin());
    clusters.push_back(grow(lead, taken));
    taken.push_back(lead);
    std::vector<size_t> gone = taken;
    for (size_t u : gone) {
      if (u != lead) ranked.erase(u);
      units[u].gone = true;
    }
    // A unit could only have taken a unit now gone if their ranges overlap:
    // those are grown again, the others keep their clusters.
    restale.clear();
    for (size_t u : gone) {
      for (size_t t : overlapping(units[u].range)) {
        if (units[t].gone || stale[t]) continue;
        stale[t] = 1;
        restale.push_back(t);
      }
    }
    for (size_t t : restale) {
      stale[t] = 0;
      ranked.erase(t);
      rank(t);
      ranked.insert(t);
    }
  }
  return clusters;
}

// Step 4 for places: a place and the areas around it agree (Gao, Mali; Mali).
// From each claim, grow a cluster over the claims whose place contains, or lies
// inside, the most specific place met so far; keep the heaviest, then cluster
// what is left. The cluster's value is its most specific place.
std::vector<Cluster> ClusterByPlace(std::vector<const Position*> supports, const PlaceTree& tree) {
  std::vector<Cluster> clusters;
  auto text = [](const Position* p) -> const std::string* {
    return std::get_if<std::string>(&*p->value);
  };
  while (!supports.empty()) {
    std::optional<Cluster> best;
    for (const Position* seed : supports) {
      Cluster c{*seed->value, {}, {}, 0.0};
      c.Add(seed);
      const std::string* deepest = text(seed);
      for (const Position* other : supports) {
        if (other == seed) continue;
        const std::string* t = text(other);
        if (!deepest || !t) {
          if (*other->value == c.value) c.Add(other);
          continue;
        }
        bool same = *t == *deepest || FoldForMatch(*t) == FoldForMatch(*deepest);
        if (same || tree.Contains(*t, *deepest)) {
          c.Add(other);
        } else if (tree.Contains(*deepest, *t)) {
          c.Add(other);
          deepest = t;
        }
      }
      if (deepest) c.value = *deepest;
      c.Total();
      auto better = [](const Cluster& a, const Cluster& b) {
        if (a.weight != b.weight) return a.weight > b.weight;
        if (a.groups.size() != b.groups.size()) return a.groups.size() > b.groups.size();
        return FormatSlotValue(a.value) < FormatSlotValue(b.value);
      };
      if (!best || better(c, *best)) best = std::move(c);
    }
    std::set<const Position*> taken(best->members.begin(), best->members.end());
    std::erase_if(supports, [&](const Position* p) { return taken.count(p) > 0; });
    clusters.push_back(std::move(*best));
  }
  return clusters;
}

std::vector<ClaimId> Ids(const std::vector<const Position*>& positions) {
  std::vector<ClaimId> ids;
  for (const Position* p : positions) ids.push_back(p->claim->id);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

CountEstimate Estimate(const CountRange& agreed, const std::vector<const Position*>& supports) {
  CountEstimate e;
  bool first = true;
  std::optional<int64_t> conservative_neutral, conservative_any;
  for (const Position* p : supports) {
    const auto& r = std::get<CountRange>(*p->value);
    if (r.all) continue;
    e.low = first ? r.low : std::min(e.low, r.low);
    first = false;
    if (r.high) e.high = e.high ? std::max(*e.high, *r.high) : *r.high;
    int64_t figure = r.low;
    conservative_any = conservative_any ? std::min(*conservative_any, figure) : figure;
    if (p->interest != Interest::kSelfServing) {
      conservative_neutral =
          conservative_neutral ? std::min(*conservative_neutral, figure) : figure;
    }
  }
  if (!agreed.all) e.best = agreed.low;
  e.conservative = conservative_neutral ? conservative_neutral : conservative_any;
  return e;
}

class SlotReconciler {
 public:
  SlotReconciler(const std::string& slot, SlotType type, std::vector<Position> positions,
                 const std::vector<const Verdict*>& verdicts, const Rulebook& rules,
                 const Conflict* conflict, const SourceReliability* reliability)
      : slot_(slot),
        type_(type),
        positions_(std::move(positions)),
        verdicts_(verdicts),
        policy_(rules.policy),
        rules_(rules),
        conflict_(conflict),
        reliability_(reliability) {}

  SlotRecord Run() {
    ResolveOwnWord();
    SlotRecord out;
    out.slot = slot_;
    for (const auto& p : positions_) {
      if (p.act == Act::kSilent) silent_.push_back(&p);
    }
    out.silent = Ids(silent_);
    ApplyRefutations();
    Collect();

    const Verdict* confirmed = LatestConfirmed();
    if (confirmed) return FromConfirmedVerdict(*confirmed, std::move(out));

    if (supports_.empty()) return WithoutSupport(std::move(out));

    std::vector<Cluster> clusters;
    if (type_ == SlotType::kCount) {
      clusters = ClusterByRange(supports_);
    } else if (type_ == SlotType::kPlace) {
      clusters = ClusterByPlace(supports_, rules_.place_tree);
    } else {
      clusters = ClusterByValue(supports_);
    }
    if (reliability_) ScoreClusters(clusters);
    bool by_score = reliability_ != nullptr;
    std::stable_sort(clusters.begin(), clusters.end(), [by_score](const Cluster& a,
                                                                  const Cluster& b) {
      if (by_score && a.score != b.score) return a.score > b.score;
      if (!by_score && a.weight != b.weight) return a.weight > b.weight;
      if (a.groups.size() != b.groups.size()) return a.groups.size() > b.groups.size();
      return FormatSlotValue(a.value) < FormatSlotValue(b.value);
    });
    const Cluster& lead = clusters.front();
    out.value = lead.value;
    out.support = Ids(lead.members);

    std::vector<const Position*> opposing;  // denials of the leading value by others
    for (const Position* d : denials_) {
      bool own = std::any_of(lead.members.begin(), lead.members.end(),
                             [&](const Position* p) { return p->who.source == d->who.source; });
      if (!own && Overlapping(*d->value, lead.value)) opposing.push_back(d);
    }

    if (reliability_) {
      // The share of the leading value among the values given and "none of
      // these"; denials of it take their votes away.
      double lead_score = lead.score - DenialVotes(opposing);
      double top = std::max(lead_score, 0.0);
      for (const auto& c : clusters) top = std::max(top, c.score);
      double total = std::exp(-top) + std::exp(lead_score - top);
      for (size_t i = 1; i < clusters.size(); ++i) total += std::exp(clusters[i].score - top);
      out.confidence = Round3(std::exp(lead_score - top) / total);
    } else {
      double total = 0.0;
      for (const auto& c : clusters) total += c.weight;
      GroupWeights deny_groups;
      for (const Position* d : opposing) deny_groups.Add(d);
      total += deny_groups.Total();
      out.confidence = Round3((lead.weight + policy_.weights.prior / 2) /
                              (total + policy_.weights.prior));
    }

    if (type_ == SlotType::kCount) {
      out.estimate = Estimate(std::get<CountRange>(lead.value), supports_);
    }

    std::string silence = silent_.empty() ? "" : "; " + Attribution(silent_);
    std::vector<const Position*> against;
    for (size_t i = 1; i < clusters.size(); ++i) {
      out.alternatives.push_back({clusters[i].value, Ids(clusters[i].members)});
      against.insert(against.end(), clusters[i].members.begin(), clusters[i].members.end());
    }
    against.insert(against.end(), opposing.begin(), opposing.end());
    out.oppose = Ids(against);

    if (clusters.size() > 1) {
      out.status = SlotStatus::kContested;
      out.credibility = policy_.credibility.contested;
      std::string reason;
      for (const auto& c : clusters) {
        if (!reason.empty()) reason += "; ";
        reason += fmt::format("{} {}", Quoted(c.value), Attribution(c.members));
      }
      if (!opposing.empty()) reason += "; " + Attribution(opposing);
      out.reason = reason + ": incompatible values" + Favoured(out) + silence;
      return out;
    }
    if (!opposing.empty()) {
      out.status = SlotStatus::kContested;
      out.credibility = policy_.credibility.contested;
      out.reason = fmt::format("{}; {}: asserted and denied", Attribution(lead.members),
                               Attribution(opposing)) +
                   Favoured(out) + silence;
      return out;
    }

    // One value, nobody denying it.
    std::string attribution = Attribution(lead.members);
    const Position* against_interest = nullptr;
    bool any_party = false;
    for (const Position* p : lead.members) {
      if (p->interest == Interest::kAgainstInterest && !against_interest) against_interest = p;
      any_party = any_party || p->who.party();
    }
    bool opposing_sides = OpposingSides(lead.members);
    if (opposing_sides) {
      out.status = SlotStatus::kConfirmed;
      out.credibility = policy_.credibility.confirmed;
      out.reason = attribution + ": opposing sides agree" + silence;
      return out;
    }
    if (against_interest) {
      out.status = SlotStatus::kConfirmed;
      out.credibility = policy_.credibility.confirmed;
      out.reason = fmt::format("{}: against the interest of {}", attribution,
                               against_interest->who.source) +
                   silence;
      return out;
    }
    size_t groups = lead.groups.size();
    if (groups >= 2) {
      out.status = SlotStatus::kCorroborated;
      out.credibility = policy_.credibility.corroborated;
      out.reason = fmt::format("{}: {} independent sources, no denial", attribution, groups) +
                   silence;
      return out;
    }
    out.status = SlotStatus::kClaimed;
    bool all_distanced = true, self_serving = false;
    for (const Position* p : lead.members) {
      all_distanced = all_distanced && p->claim->endorsement == Endorsement::kDistanced;
      self_serving = self_serving || p->interest == Interest::kSelfServing;
    }
    out.credibility =
        all_distanced ? policy_.credibility.claimed_distanced : policy_.credibility.claimed;
    std::string who = lead.members.size() > 1 && any_party ? "one side only" : "one source";
    bool doubtful = reliability_ != nullptr;
    for (const Position* p : lead.members) {
      doubtful = doubtful && p->letter &&
                 (*p->letter == ReliabilityLetter::kD || *p->letter == ReliabilityLetter::kE);
    }
    if (doubtful) {
      out.credibility = std::max(out.credibility, rules_.reliability.doubtful_credibility);
    }
    out.reason = fmt::format("{}: {}{}{}{}, not corroborated", attribution, who,
                             self_serving ? ", self-serving" : "",
                             all_distanced ? ", distanced by the author" : "",
                             doubtful ? ", from a source graded D or E" : "") +
                 silence;
    return out;
  }

 private:
  // Step 3: per claimant, in publication order, a later word overrides an
  // earlier one.
  void ResolveOwnWord() {
    std::vector<Position*> said;
    for (auto& p : positions_) {
      if (p.act != Act::kSilent && p.value) said.push_back(&p);
    }
    std::stable_sort(said.begin(), said.end(), [](const Position* a, const Position* b) {
      if (a->who.source != b->who.source) return a->who.source < b->who.source;
      if (a->published != b->published) return a->published < b->published;
      return a->claim->id < b->claim->id;
    });
    // Words published at the same time (one report) do not revise each other:
    // later[i] is where the words published after said[i] begin, so that a
    // claimant repeating itself thousands of times in one report costs no pairs.
    std::vector<size_t> later(said.size());
    for (size_t i = said.size(); i-- > 0;) {
      later[i] = i + 1 < said.size() && said[i + 1]->who.source == said[i]->who.source &&
                         said[i + 1]->published == said[i]->published
                     ? later[i + 1]
                     : i + 1;
    }
    for (size_t begin = 0; begin < said.size();) {
      size_t end = begin + 1;
      while (end < said.size() && said[end]->who.source == said[begin]->who.source) ++end;
      for (size_t i = begin; i < end; ++i) {
        for (size_t j = later[i]; j < end; ++j) {
          Position* early = said[i];
          const Position* late = said[j];
          bool overlap = Overlapping(*early->value, *late->value);
          if (early->act == Act::kSupport && late->act == Act::kDeny && overlap) {
            early->retracted = true;
          } else if (early->act == Act::kDeny && late->act == Act::kSupport && overlap) {
            early->superseded = true;
          } else if (early->act == Act::kSupport && late->act == Act::kSupport && !overlap) {
            early->superseded = true;
          }
        }
      }
      begin = end;
    }
  }

  // Refuted verdicts take the values they refute out of the running.
  void ApplyRefutations() {
    for (const Verdict* v : verdicts_) {
      if (v->kind != VerdictKind::kRefuted) continue;
      std::optional<SlotValue> refuted = VerdictValue(*v);
      if (!refuted) continue;
      refuted_.push_back({v, *refuted});
      for (auto& p : positions_) {
        if (p.act == Act::kSupport && p.value && Overlapping(*p.value, *refuted) &&
            p.claim->id.value() != 0) {
          p.superseded = true;
          refuted_support_.push_back(&p);
        }
      }
    }
  }

  void Collect() {
    for (const auto& p : positions_) {
      if (!p.active()) continue;
      if (p.act == Act::kSupport) supports_.push_back(&p);
      if (p.act == Act::kDeny) denials_.push_back(&p);
    }
  }

  std::optional<SlotValue> VerdictValue(const Verdict& v) const {
    if (v.value) return v.value;
    if (v.claim) {
      for (const auto& p : positions_) {
        if (p.claim->id == *v.claim && p.value) return p.value;
      }
    }
    return std::nullopt;
  }

  const Verdict* LatestConfirmed() const {
    const Verdict* latest = nullptr;
    for (const Verdict* v : verdicts_) {
      if (v->kind == VerdictKind::kConfirmed) latest = v;  // verdicts come in recorded order
    }
    return latest;
  }

  SlotRecord FromConfirmedVerdict(const Verdict& v, SlotRecord out) {
    std::optional<SlotValue> value = VerdictValue(v);
    if (!value && !supports_.empty()) value = supports_.front()->value;
    out.value = value;
    std::vector<const Position*> support, against;
    for (const auto& p : positions_) {
      if (p.act == Act::kSilent || !p.value || !value) continue;
      bool agrees = Overlapping(*p.value, *value) == (p.act == Act::kSupport);
      (agrees ? support : against).push_back(&p);
    }
    out.support = Ids(support);
    out.oppose = Ids(against);
    out.status = SlotStatus::kConfirmed;
    out.credibility = policy_.credibility.confirmed;
    out.confidence = 1.0;
    out.reason = fmt::format("confirmed by analyst {}{}", v.analyst,
                             v.note.empty() ? "" : ": " + v.note);
    if (type_ == SlotType::kCount && value && std::holds_alternative<CountRange>(*value)) {
      out.estimate = Estimate(std::get<CountRange>(*value), support);
    }
    return out;
  }

  SlotRecord WithoutSupport(SlotRecord out) {
    std::string silence = silent_.empty() ? "" : "; " + Attribution(silent_);
    if (!refuted_.empty()) {
      const auto& [verdict, value] = refuted_.back();
      out.value = value;
      out.status = SlotStatus::kRefuted;
      out.credibility = policy_.credibility.refuted;
      out.confidence = 0.0;
      out.oppose = Ids(refuted_support_);
      out.reason = fmt::format("refuted by analyst {}{}", verdict->analyst,
                               verdict->note.empty() ? "" : ": " + verdict->note);
      return out;
    }
    std::vector<const Position*> retracted;
    for (const auto& p : positions_) {
      if (p.retracted) retracted.push_back(&p);
    }
    if (!retracted.empty()) {
      std::vector<const Position*> retractions;
      for (const auto& p : positions_) {
        if (p.act == Act::kDeny && p.active()) retractions.push_back(&p);
      }
      out.value = retracted.front()->value;
      out.status = SlotStatus::kRefuted;
      out.credibility = policy_.credibility.refuted;
      out.confidence = 0.0;
      out.oppose = Ids(retracted);
      out.support = {};
      std::vector<ClaimId> ids = Ids(retractions);
      out.reason = fmt::format("{}, then retracted by its own claimant ({})",
                               Attribution(retracted), Attribution(retractions)) +
                   silence;
      out.oppose.insert(out.oppose.end(), ids.begin(), ids.end());
      std::sort(out.oppose.begin(), out.oppose.end());
      return out;
    }
    if (!denials_.empty()) {
      out.value = denials_.front()->value;
      out.status = SlotStatus::kDenied;
      out.credibility = policy_.credibility.denied;
      if (reliability_) {
        double against = DenialVotes(denials_);
        out.confidence = Round3(std::exp(-against) / (std::exp(-against) + 1.0));
      } else {
        GroupWeights groups;
        for (const Position* d : denials_) groups.Add(d);
        double w = groups.Total();
        out.confidence =
            Round3((policy_.weights.prior / 2) / (w + policy_.weights.prior));
      }
      out.oppose = Ids(denials_);
      out.reason = Attribution(denials_) + "; nobody asserts it" + silence;
      return out;
    }
    out.status = SlotStatus::kUnknown;
    out.credibility = policy_.credibility.unknown;
    out.confidence = 0.0;
    out.reason = (silent_.empty() ? std::string("no claim") : Attribution(silent_)) +
                 "; no value asserted";
    return out;
  }

  // True when supporters of one value sit on sides the conflict opposes.
  bool OpposingSides(const std::vector<const Position*>& members) const {
    if (!conflict_) return false;
    for (size_t i = 0; i < members.size(); ++i) {
      if (!members[i]->who.side) continue;
      for (size_t j = i + 1; j < members.size(); ++j) {
        if (members[j]->who.side &&
            conflict_->Opposed(*members[i]->who.side, *members[j]->who.side)) {
          return true;
        }
      }
    }
    return false;
  }

  // With reliability: each cluster's votes. A group votes once, at its best
  // claim; groups vote in order, best first, and a group whose source copies an
  // earlier group's loses that share (Dong et al.'s vote count with copying).
  // Close figures then lend each other a share of their votes.
  void ScoreClusters(std::vector<Cluster>& clusters) const {
    double ln_n = std::log(static_cast<double>(std::max<size_t>(clusters.size(), 1)));
    for (Cluster& c : clusters) c.score = GroupVotes(c.members, ln_n, false);
    if (type_ != SlotType::kCount || clusters.size() < 2) return;
    std::vector<double> own(clusters.size());
    for (size_t i = 0; i < clusters.size(); ++i) own[i] = clusters[i].score;
    const ReliabilityPolicy& rp = rules_.reliability;
    for (size_t i = 0; i < clusters.size(); ++i) {
      const auto& a = std::get<CountRange>(clusters[i].value);
      if (!a.IsPoint()) continue;
      for (size_t j = 0; j < clusters.size(); ++j) {
        const auto& b = std::get<CountRange>(clusters[j].value);
        if (i == j || !b.IsPoint()) continue;
        double x = static_cast<double>(a.low), y = static_cast<double>(b.low);
        double sim = std::exp(-std::abs(x - y) / (rp.closeness * std::max({x, y, 1.0})));
        if (sim >= 0.01) clusters[i].score += rp.similarity * sim * own[j];
      }
    }
  }

  // The votes of some positions, a group once at its best: for support, weight ×
  // (ln n + log-odds); against (denials), weight × log-odds.
  double GroupVotes(const std::vector<const Position*>& positions, double ln_n,
                    bool denial) const {
    auto vote = [&](const Position* p) { return p->weight * ((denial ? 0.0 : ln_n) + p->logit); };
    std::vector<const Position*> best;  // one per group
    for (const Position* p : positions) {
      auto it = std::find_if(best.begin(), best.end(),
                             [&](const Position* b) { return b->group == p->group; });
      if (it == best.end()) {
        best.push_back(p);
      } else if (vote(p) > vote(*it)) {
        *it = p;
      }
    }
    std::sort(best.begin(), best.end(), [&](const Position* a, const Position* b) {
      if (vote(a) != vote(b)) return vote(a) > vote(b);
      return a->who.source < b->who.source;
    });
    double total = 0.0;
    for (size_t j = 0; j < best.size(); ++j) {
      double independent = 1.0;
      if (reliability_->Linked(best[j]->source_index)) {
        for (size_t i = 0; i < j; ++i) {
          independent *= 1.0 - reliability_->Discount(best[i]->source_index,
                                                      best[j]->source_index);
        }
      }
      total += vote(best[j]) * independent;
    }
    return total;
  }

  double DenialVotes(const std::vector<const Position*>& denials) const {
    return denials.empty() ? 0.0 : GroupVotes(denials, 0.0, true);
  }

  // With reliability: a contested value that the reliable sources clearly favour
  // is possibly true rather than doubtful.
  std::string Favoured(SlotRecord& out) const {
    if (!reliability_ || out.confidence < rules_.reliability.contested_favoured) return "";
    out.credibility = std::min(out.credibility, rules_.reliability.favoured_credibility);
    return fmt::format(", the more reliable sources favour {}", Quoted(*out.value));
  }

  std::string slot_;
  SlotType type_;
  std::vector<Position> positions_;
  std::vector<const Verdict*> verdicts_;
  const Policy& policy_;
  const Rulebook& rules_;
  const Conflict* conflict_;
  const SourceReliability* reliability_;
  std::vector<const Position*> supports_, denials_, silent_;
  std::vector<std::pair<const Verdict*, SlotValue>> refuted_;
  std::vector<const Position*> refuted_support_;
};

}  // namespace

IncidentRecord Reconcile(const ReconcileInput& input) {
  const Rulebook& rules = input.rules;
  const Conflict* conflict = ConflictOfIncident(input.incident, rules);
  const ConfidenceWeights& w = rules.policy.weights;

  IncidentRecord record;
  record.incident = input.incident.id;
  record.key = input.incident.key;
  record.title = input.incident.title.empty() ? DescribeIncident(input.incident)
                                              : input.incident.title;
  record.place = input.incident.place;
  record.date = input.incident.date;
  record.event_type = input.incident.event_type;
  record.actors = input.incident.actors;
  record.claims = static_cast<int64_t>(input.claims.size());

  std::vector<const Claim*> claims;
  claims.reserve(input.claims.size());
  std::vector<std::string_view> reports;  // distinct; an incident has few reports
  for (const Claim& c : input.claims) {
    claims.push_back(&c);
    std::string_view r = c.report.value();
    if (std::find(reports.begin(), reports.end(), r) == reports.end()) reports.push_back(r);
  }
  record.reports = static_cast<int64_t>(reports.size());
  std::stable_sort(claims.begin(), claims.end(),
                   [](const Claim* a, const Claim* b) { return a->id < b->id; });

  // Each claim speaks to its slot, and to the slots its content implies; an
  // implied fact is read as a claim of the same claimant on that slot.
  std::map<std::string_view, std::vector<const Claim*>> by_slot;
  std::deque<Claim> implied;  // stable addresses
  for (const Claim* c : claims) {
    by_slot[c->slot].push_back(c);
    for (const ImpliedSlot& i : c->implied) {
      if (i.slot == c->slot) continue;
      Claim& view = implied.emplace_back(*c);
      view.slot = i.slot;
      view.value = i.value;
      view.implied.clear();
      by_slot[view.slot].push_back(&view);
    }
  }

  auto positions_of = [&](const std::vector<const Claim*>& slot_claims,
                          const SlotDefinition* def) {
    std::vector<Position> positions;
    positions.reserve(slot_claims.size());
    for (const Claim* c : slot_claims) {
      Position p;
      p.claim = c;
      if (IsSilence(c->stance)) {
        p.act = Act::kSilent;
      } else if (c->value) {
        // A clause that mixes both polarities ("militants burned the health
        // centre, no casualties reported") does not say whether its count or
        // text is affirmed or negated: it says nothing about such a value. Its
        // truth values (the event happened) stand as positive.
        if (c->polarity == Polarity::kMixed && !std::holds_alternative<bool>(*c->value)) continue;
        p.value = c->value;
        bool deny = c->stance == Stance::kDenies;
        if (c->polarity == Polarity::kNegative) {
          if (const bool* b = std::get_if<bool>(&*p.value)) {
            p.value = !*b;
          } else {
            deny = !deny;
          }
        }
        p.act = deny ? Act::kDeny : Act::kSupport;
      } else {
        continue;  // a non-silent claim without a value says nothing about the slot
      }
      std::string_view outlet;
      auto report = input.reports.find(c->report.value());
      if (report != input.reports.end()) {
        p.published = report->second.published;
        if (report->second.outlet) outlet = *report->second.outlet;
      }
      p.who = StakeholderOf(*c, rules, conflict);
      p.group = IndependenceGroupOf(*c, p.who, outlet, rules);
      p.interest = InterestOf(*c, p.who, def, rules, conflict);
      double weight = w.base;
      if (c->endorsement == Endorsement::kDistanced) weight *= w.distanced;
      if (c->modality == Modality::kProbable) weight *= w.probable;
      if (c->modality == Modality::kPossible || c->modality == Modality::kUnknown) {
        weight *= w.possible;
      }
      if (p.interest == Interest::kSelfServing) weight *= w.self_serving;
      if (p.interest == Interest::kAgainstInterest) weight *= w.against_interest;
      p.weight = weight;
      if (input.reliability) {
        p.source_index = input.reliability->IndexOf(p.who.source);
        double probability = rules.reliability.PriorFor(p.who.kind);
        p.letter = ReliabilityLetter::kF;
        if (p.source_index >= 0) {
          const SourceStanding& s = input.reliability->standing(p.source_index);
          probability = s.probability;
          p.letter = s.letter;
        }
        probability = std::clamp(probability, 0.001, 0.999);
        p.logit = std::log(probability / (1.0 - probability));
      }
      positions.push_back(std::move(p));
    }
    return positions;
  };

  std::map<std::string, std::vector<const Verdict*>> verdicts;
  for (const Verdict& v : input.verdicts) verdicts[v.slot].push_back(&v);
  for (auto& [slot, list] : verdicts) {
    std::stable_sort(list.begin(), list.end(), [](const Verdict* a, const Verdict* b) {
      if (a->recorded_at != b->recorded_at) return a->recorded_at < b->recorded_at;
      return a->id < b->id;
    });
  }

  std::set<std::string_view> slots;
  for (const auto& [slot, list] : by_slot) slots.insert(slot);
  for (const auto& [slot, list] : verdicts) slots.insert(slot);

  static const std::vector<const Claim*> kNone;
  for (std::string_view slot : slots) {
    SlotType type = rules.slots.TypeOf(slot);
    if (type == SlotType::kStatement) continue;
    const SlotDefinition* def = rules.slots.Find(slot);
    auto claims_here = by_slot.find(slot);
    auto verdicts_here = verdicts.find(std::string(slot));
    SlotReconciler reconciler(std::string(slot), type,
                              positions_of(claims_here == by_slot.end() ? kNone
                                                                        : claims_here->second,
                                           def),
                              verdicts_here == verdicts.end() ? std::vector<const Verdict*>{}
                                                              : verdicts_here->second,
                              rules, conflict, input.reliability);
    record.slots.push_back(reconciler.Run());
  }
  return record;
}

}  // namespace attest
