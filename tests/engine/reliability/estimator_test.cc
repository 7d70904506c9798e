#include "engine/reliability/estimator.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace attest {

namespace {

// Claims of a data-fusion table, item by item: (item, source, value).
struct Row {
  std::string item;
  std::string source;
  std::string value;
};

class Table {
 public:
  Table& Add(std::string item, std::string source, std::string value) {
    rows_.push_back({std::move(item), std::move(source), std::move(value)});
    return *this;
  }
  Table& Kind(std::string source, ClaimantKind kind) {
    kinds_.emplace_back(std::move(source), kind);
    return *this;
  }
  Table& Confirm(std::string item, std::string value) {
    verdicts_.push_back({std::move(item), std::move(value), true});
    return *this;
  }
  Table& Refute(std::string item, std::string value) {
    verdicts_.push_back({std::move(item), std::move(value), false});
    return *this;
  }
  Table& Type(SlotType type) {
    type_ = type;
    return *this;
  }
  std::vector<Row>& rows() { return rows_; }

  Evidence Build(const PlaceTree* places = nullptr) const {
    EvidenceBuilder b(places);
    std::vector<std::string> items;
    for (const Row& r : rows_) {
      if (std::find(items.begin(), items.end(), r.item) == items.end()) items.push_back(r.item);
    }
    uint32_t topic = b.TopicIndex("t");
    names_.clear();
    for (const std::string& item : items) {
      b.BeginItem(topic, type_);
      for (const Row& r : rows_) {
        if (r.item != item) continue;
        ClaimantKind kind = ClaimantKind::kUnknown;
        for (const auto& [s, k] : kinds_) kind = s == r.source ? k : kind;
        b.Support(b.SourceIndex(r.source, kind), Value(r.value));
      }
      for (const auto& v : verdicts_) {
        if (v.item == item) b.Judge(Value(v.value), v.confirmed);
      }
      if (b.EndItem()) names_.push_back(item);
    }
    return b.Finish();
  }

  // The probability of `value` for `item`, after estimation.
  double Probability(const Evidence& e, const ReliabilityEstimate& est, const std::string& item,
                     const std::string& value) const {
    size_t i = static_cast<size_t>(std::find(names_.begin(), names_.end(), item) - names_.begin());
    REQUIRE(i < e.items.size());
    for (uint32_t v = e.items[i].values_begin; v < e.items[i].values_end; ++v) {
      if (e.value_text[v] == value) return est.value_probability[v];
    }
    FAIL("no value " << value);
    return 0.0;
  }

  // The item's believed value and its probability, after estimation.
  std::pair<std::string, double> Leading(const Evidence& e, const ReliabilityEstimate& est,
                                         const std::string& item) const {
    size_t i = static_cast<size_t>(std::find(names_.begin(), names_.end(), item) - names_.begin());
    REQUIRE(i < e.items.size());
    uint32_t v = e.items[i].values_begin + est.leading[i];
    return {e.value_text[v], est.value_probability[v]};
  }

 private:
  SlotValue Value(const std::string& text) const {
    if (type_ == SlotType::kCount) return *ParseSlotValue(SlotType::kCount, text);
    return SlotValue(text);
  }
  struct Judged {
    std::string item, value;
    bool confirmed;
  };
  std::vector<Row> rows_;
  std::vector<std::pair<std::string, ClaimantKind>> kinds_;
  std::vector<Judged> verdicts_;
  SlotType type_ = SlotType::kText;
  mutable std::vector<std::string> names_;
};

const SourceEstimate& Named(const ReliabilityEstimate& est, const std::string& name) {
  auto it = std::find_if(est.sources.begin(), est.sources.end(),
                         [&](const SourceEstimate& s) { return s.name == name; });
  REQUIRE(it != est.sources.end());
  return *it;
}

// 120 items on which six independent sources agree, and a source "orig" that
// gives its own value on every third; `copies` sources repeat orig's every value;
// `independents` sources give the common value and, where orig departs, values
// of their own.
Table History(int copies, int independents) {
  Table t;
  for (int i = 0; i < 120; ++i) {
    std::string item = "h" + std::to_string(i);
    std::string common = "t" + std::to_string(i);
    for (const char* s : {"e1", "e2", "e3", "e4", "e5", "e6"}) t.Add(item, s, common);
    bool departs = i % 3 == 0;
    std::string orig = departs ? "o" + std::to_string(i) : common;
    t.Add(item, "orig", orig);
    for (int c = 0; c < copies; ++c) t.Add(item, "copy" + std::to_string(c), orig);
    for (int k = 0; k < independents; ++k) {
      t.Add(item, "ind" + std::to_string(k),
            departs ? "i" + std::to_string(k) + "-" + std::to_string(i) : common);
    }
  }
  return t;
}

}  // namespace

TEST_CASE("a source that copies another adds no independent weight to the values it repeats",
          "[reliability]") {
  int copies = GENERATE(1, 2, 4);
  CAPTURE(copies);
  ReliabilityPolicy policy;

  // The probability of the value orig gives on a fresh item, against e1 alone,
  // with `repeating` others giving it too.
  auto probability_of_orig = [&](Table t, const std::string& others, int repeating) {
    t.Add("x", "orig", "mine").Add("x", "e1", "theirs");
    for (int c = 0; c < repeating; ++c) t.Add("x", others + std::to_string(c), "mine");
    Evidence e = t.Build();
    return t.Probability(e, EstimateReliability(e, policy), "x", "mine");
  };
  double alone = probability_of_orig(History(0, 0), "", 0);
  double copied = probability_of_orig(History(copies, 0), "copy", copies);
  CHECK(copied == Approx(alone).epsilon(0.1));

  // Sources with the same record that do not copy do add weight.
  double independent = probability_of_orig(History(0, copies), "ind", copies);
  CHECK(independent > 3 * copied);

  // The copying is found and reported; the independent sources are not linked.
  Table t = History(copies, copies);
  Evidence e = t.Build();
  ReliabilityEstimate est = EstimateReliability(e, policy);
  int found = 0;
  for (const CopyRelation& c : est.copies) {
    std::string a = e.sources[c.a].name, b = e.sources[c.b].name;
    CAPTURE(a, b);
    bool family =
        (a == "orig" || a.rfind("copy", 0) == 0) && (b == "orig" || b.rfind("copy", 0) == 0);
    CHECK(family);
    CHECK(c.dependence > 0.9);
    CHECK(c.same == c.shared);
    if (a == "orig" || b == "orig") ++found;
  }
  CHECK(found == copies);
}

TEST_CASE("a source with a single claim stays near the prior of its kind and is graded F",
          "[reliability]") {
  auto kind = GENERATE(ClaimantKind::kOutlet, ClaimantKind::kArmedGroup, ClaimantKind::kUnknown,
                       ClaimantKind::kAnonymousSources);
  auto agrees = GENERATE(true, false);
  CAPTURE(ToString(kind), agrees);
  ReliabilityPolicy policy;
  Table t = History(0, 0);
  t.Add("new", "e1", "a").Add("new", "e2", "a").Add("new", "newcomer", agrees ? "a" : "b");
  t.Kind("newcomer", kind);
  Evidence e = t.Build();
  ReliabilityEstimate est = EstimateReliability(e, policy);
  const SourceEstimate& s = Named(est, "newcomer");
  CHECK(s.prior == policy.PriorFor(kind));
  CHECK(std::abs(s.probability - s.prior) <= 1.0 / (1.0 + policy.prior_strength));
  CHECK(s.letter == ReliabilityLetter::kF);
  CHECK(s.claims == 1);
  // The established sources have a record to be judged by.
  CHECK(Named(est, "e1").letter != ReliabilityLetter::kF);
}

TEST_CASE("claims about a single incident are no track record: the source stays F",
          "[reliability]") {
  auto incidents = GENERATE(1, 2, 3);
  CAPTURE(incidents);
  ReliabilityPolicy policy;
  EvidenceBuilder b;
  uint32_t topic = b.TopicIndex("t");
  // Twelve slots of `incidents` incidents on which two sources agree.
  for (int i = 0; i < 12; ++i) {
    b.BeginItem(topic, SlotType::kText, i / (12 / incidents));  // an incident's slots together
    b.Support(b.SourceIndex("one", ClaimantKind::kOutlet), SlotValue("v" + std::to_string(i)));
    b.Support(b.SourceIndex("two", ClaimantKind::kOutlet), SlotValue("v" + std::to_string(i)));
    b.EndItem();
  }
  ReliabilityEstimate est = EstimateReliability(b.Finish(), policy);
  const SourceEstimate& one = Named(est, "one");
  CHECK(one.checked == 12);
  CHECK(one.checked_incidents == incidents);
  CHECK((one.letter == ReliabilityLetter::kF) == (incidents < policy.min_incidents));
}

TEST_CASE("a claim nobody else speaks to leaves its source at its prior", "[reliability]") {
  ReliabilityPolicy policy;
  Table t;
  for (int i = 0; i < 30; ++i) t.Add("i" + std::to_string(i), "lonely", "v");
  Evidence e = t.Build();
  ReliabilityEstimate est = EstimateReliability(e, policy);
  const SourceEstimate& s = Named(est, "lonely");
  CHECK(s.probability == Approx(policy.PriorFor(ClaimantKind::kUnknown)));
  CHECK(s.checked == 0.0);
  CHECK(s.letter == ReliabilityLetter::kF);
  // With one claim, a value is as likely as its source is reliable.
  CHECK(t.Leading(e, est, "i0").second == Approx(s.probability));
}

TEST_CASE("the same evidence gives the same estimate, whatever order sources were met in",
          "[reliability]") {
  int copies = GENERATE(0, 2);
  CAPTURE(copies);
  ReliabilityPolicy policy;
  Table t = History(copies, 2);
  Evidence e = t.Build();
  ReliabilityEstimate first = EstimateReliability(e, policy);
  ReliabilityEstimate second = EstimateReliability(e, policy);
  CHECK(first.sources == second.sources);
  CHECK(first.copies == second.copies);
  CHECK(first.value_probability == second.value_probability);
  CHECK(first.leading == second.leading);

  // The rows of each item in reverse: sources get other indices, same results.
  Table reversed = t;
  std::reverse(reversed.rows().begin(), reversed.rows().end());
  Evidence re = reversed.Build();
  ReliabilityEstimate third = EstimateReliability(re, policy);
  for (const SourceEstimate& s : first.sources) {
    const SourceEstimate& r = Named(third, s.name);
    CHECK(r.probability == Approx(s.probability).margin(1e-9));
    CHECK(r.letter == s.letter);
    CHECK(r.held == s.held);
  }
}

TEST_CASE("an analyst's verdict is ground truth for the sources' track records", "[reliability]") {
  ReliabilityPolicy policy;
  Table t;
  // Two sources that always disagree: only verdicts can tell them apart.
  for (int i = 0; i < 12; ++i) {
    std::string item = "i" + std::to_string(i);
    t.Add(item, "right", "r" + std::to_string(i)).Add(item, "wrong", "w" + std::to_string(i));
    if (i % 2 == 0) t.Confirm(item, "r" + std::to_string(i));
    if (i % 2 == 1) t.Refute(item, "w" + std::to_string(i));
  }
  Evidence e = t.Build();
  ReliabilityEstimate est = EstimateReliability(e, policy);
  const SourceEstimate& right = Named(est, "right");
  const SourceEstimate& wrong = Named(est, "wrong");
  CHECK(right.confirmed == 6);
  CHECK(right.refuted == 0);
  CHECK(wrong.confirmed == 0);
  CHECK(wrong.refuted == 12);
  CHECK(right.probability > right.prior);
  CHECK(wrong.probability < 0.5);
  CHECK(wrong.letter == ReliabilityLetter::kE);
  // A confirmed value is certain; a refuted one is out.
  CHECK(t.Leading(e, est, "i0") == std::pair<std::string, double>{"r0", 1.0});
  CHECK(t.Leading(e, est, "i1").first == "r1");
}

TEST_CASE("similar figures support each other, distinct ones do not", "[reliability]") {
  struct Case {
    std::vector<std::string> close;  // one source each
    std::string apart;               // given by two sources
    bool close_wins;
  };
  auto c = GENERATE(Case{{"100", "101", "102", "103"}, "150", true},    // within 3%: they agree
                    Case{{"100", "300", "900", "2700"}, "150", false},  // far apart: no support
                    Case{{"1000", "1010"}, "5000", false});  // close, but not the same figure
  CAPTURE(c.close, c.apart);
  ReliabilityPolicy policy;
  Table t;
  t.Type(SlotType::kCount);
  for (size_t i = 0; i < c.close.size(); ++i) t.Add("n", "s" + std::to_string(i), c.close[i]);
  t.Add("n", "a1", c.apart).Add("n", "a2", c.apart);
  Evidence e = t.Build();
  auto leading = t.Leading(e, EstimateReliability(e, policy), "n").first;
  CHECK((leading != c.apart) == c.close_wins);

  // Without similarity, the value two sources give leads.
  policy.similarity = 0.0;
  CHECK(t.Leading(e, EstimateReliability(e, policy), "n").first == c.apart);
}

TEST_CASE("a place and an area around it do not contradict each other", "[reliability]") {
  PlaceTree tree;
  uint32_t mali = tree.Add("Mali", std::nullopt);
  uint32_t gao_region = tree.Add("Gao region", mali);
  tree.Add("Gao", gao_region);
  tree.Add("Kidal", mali);
  tree.Add("Niamey", tree.Add("Niger", std::nullopt));
  CHECK(tree.Contains("Mali", "Gao"));
  CHECK(tree.Contains("mali", "GAO"));  // names compare folded
  CHECK_FALSE(tree.Contains("Gao", "Mali"));
  CHECK_FALSE(tree.Contains("Kidal", "Gao"));
  CHECK_FALSE(tree.Contains("Mali", "Niamey"));

  ReliabilityPolicy policy;
  Table t = History(0, 0);
  t.Type(SlotType::kPlace);
  t.Add("where", "e1", "Gao").Add("where", "e2", "Mali").Add("where", "e3", "Niamey");
  Evidence e = t.Build(&tree);
  ReliabilityEstimate est = EstimateReliability(e, policy);
  // Gao has e1 and, through Mali, e2 behind it: it leads, and e2 was right too.
  auto [value, p] = t.Leading(e, est, "where");
  CHECK(value == "Gao");
  CHECK(p > 0.5);
  // Without the tree the three values are three contradicting answers.
  Evidence flat = t.Build();
  CHECK(t.Leading(flat, EstimateReliability(flat, policy), "where").second < p);
}

TEST_CASE("Admiralty letters follow the probability once enough claims were checked",
          "[reliability]") {
  struct Case {
    double probability, checked;
    ReliabilityLetter letter;
  };
  auto c = GENERATE(Case{0.99, 100, ReliabilityLetter::kA}, Case{0.99, 10, ReliabilityLetter::kB},
                    Case{0.9, 100, ReliabilityLetter::kB}, Case{0.75, 100, ReliabilityLetter::kC},
                    Case{0.6, 100, ReliabilityLetter::kD}, Case{0.2, 100, ReliabilityLetter::kE},
                    Case{0.2, 4, ReliabilityLetter::kF}, Case{0.99, 0, ReliabilityLetter::kF});
  CAPTURE(c.probability, c.checked);
  CHECK(LetterFor(c.probability, c.checked, 100, ReliabilityPolicy{}) == c.letter);
}

}  // namespace attest
