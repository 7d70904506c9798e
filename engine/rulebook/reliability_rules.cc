#include "engine/rulebook/reliability_rules.h"

#include <fmt/format.h>

#include <fstream>
#include <map>
#include <sstream>

#include "engine/rulebook/toml_reader.h"
#include "engine/text/utf8.h"

namespace attest {

namespace {

void ReadProbability(const TomlReader& r, const toml::table& t, std::string_view key,
                     double& into) {
  if (auto v = r.Number(t, key, false)) {
    if (*v <= 0.0 || *v >= 1.0) {
      r.Fail(t.get(key), std::string(key), "a probability here must lie strictly between 0 and 1");
    } else {
      into = *v;
    }
  }
}

void ReadRange(const TomlReader& r, const toml::table& t, std::string_view key, double low,
               double high, double& into) {
  if (auto v = r.Number(t, key, false)) {
    if (*v < low || *v > high) {
      r.Fail(t.get(key), std::string(key), fmt::format("must lie between {} and {}", low, high));
    } else {
      into = *v;
    }
  }
}

}  // namespace

ReliabilityPolicy ReadReliabilityPolicy(const std::filesystem::path& path,
                                        Diagnostics& diagnostics) {
  ReliabilityPolicy p;
  TomlReader r(path, diagnostics);
  if (!r.ok()) return p;
  r.CheckKeys(r.root(), {"prior", "copying", "similarity", "estimation", "letters", "credibility"},
              "the reliability file");
  if (const toml::table* t = r.Table(r.root(), "prior")) {
    r.CheckKeys(*t,
                {"strength", "outlet", "armed_group", "state", "international", "civil_society",
                 "witness", "anonymous_sources", "person", "unknown"},
                "[prior]");
    ReadRange(r, *t, "strength", 0.0, 1000.0, p.prior_strength);
    for (size_t k = 0; k < p.priors.size(); ++k) {
      ReadProbability(r, *t, ToString(static_cast<ClaimantKind>(k)), p.priors[k]);
    }
  }
  if (const toml::table* t = r.Table(r.root(), "copying")) {
    r.CheckKeys(*t, {"rate", "reported"}, "[copying]");
    ReadProbability(r, *t, "rate", p.copy_rate);
    ReadProbability(r, *t, "reported", p.copy_reported);
  }
  if (const toml::table* t = r.Table(r.root(), "similarity")) {
    r.CheckKeys(*t, {"share", "closeness", "less_specific_credit"}, "[similarity]");
    ReadRange(r, *t, "share", 0.0, 1.0, p.similarity);
    ReadRange(r, *t, "closeness", 0.001, 10.0, p.closeness);
    ReadRange(r, *t, "less_specific_credit", 0.0, 1.0, p.less_specific_credit);
  }
  if (const toml::table* t = r.Table(r.root(), "estimation")) {
    r.CheckKeys(*t, {"max_iterations", "tolerance"}, "[estimation]");
    if (auto v = r.Integer(*t, "max_iterations", false)) {
      if (*v < 1 || *v > 1000) {
        r.Fail(t->get("max_iterations"), "max_iterations", "must lie between 1 and 1000");
      } else {
        p.max_iterations = static_cast<int>(*v);
      }
    }
    ReadRange(r, *t, "tolerance", 1e-9, 0.1, p.tolerance);
  }
  if (const toml::table* t = r.Table(r.root(), "letters")) {
    r.CheckKeys(*t, {"min_evidence", "min_incidents", "a", "a_evidence", "b", "c", "d"},
                "[letters]");
    ReadRange(r, *t, "min_evidence", 0.0, 1e6, p.min_evidence);
    ReadRange(r, *t, "min_incidents", 0.0, 1e6, p.min_incidents);
    ReadRange(r, *t, "a_evidence", 0.0, 1e6, p.a_evidence);
    ReadProbability(r, *t, "a", p.a);
    ReadProbability(r, *t, "b", p.b);
    ReadProbability(r, *t, "c", p.c);
    ReadProbability(r, *t, "d", p.d);
    if (!(p.a >= p.b && p.b >= p.c && p.c >= p.d)) {
      r.Fail(t, "letters", "the thresholds must not increase from a to d (a >= b >= c >= d)");
    }
  }
  if (const toml::table* t = r.Table(r.root(), "credibility")) {
    r.CheckKeys(*t, {"contested_favoured", "favoured", "doubtful"}, "[credibility]");
    ReadProbability(r, *t, "contested_favoured", p.contested_favoured);
    auto grade = [&](std::string_view key, int& into) {
      if (auto v = r.Integer(*t, key, false)) {
        if (*v < 1 || *v > 6) {
          r.Fail(t->get(key), std::string(key), "credibility runs from 1 (best) to 6");
        } else {
          into = static_cast<int>(*v);
        }
      }
    };
    grade("favoured", p.favoured_credibility);
    grade("doubtful", p.doubtful_credibility);
  }
  return p;
}

PlaceTree PlaceTreeOf(const PlaceGazetteer& gazetteer) {
  PlaceTree tree;
  std::map<std::string, uint32_t> areas;  // "country", "country/admin1", … → node
  auto area = [&](const std::string& key, std::string_view name,
                  std::optional<uint32_t> parent) -> uint32_t {
    auto it = areas.find(key);
    if (it != areas.end()) return it->second;
    uint32_t node = tree.Add(name, parent);
    areas.emplace(key, node);
    return node;
  };
  for (const Place& p : gazetteer.places()) {
    std::optional<uint32_t> parent;
    std::string key = FoldForMatch(p.country);
    if (!p.country.empty()) parent = area(key, p.country, std::nullopt);
    if (p.admin1) {
      key += '/';
      key += FoldForMatch(*p.admin1);
      parent = area(key, *p.admin1, parent);
      if (p.admin2) {
        key += '/';
        key += FoldForMatch(*p.admin2);
        parent = area(key, *p.admin2, parent);
      }
    }
    uint32_t node = tree.Add(p.name, parent);
    for (const auto& v : p.variants) tree.AddName(node, v);
  }
  return tree;
}

void ReadPlaceTable(const std::filesystem::path& path, PlaceTree& tree, Diagnostics& diagnostics) {
  std::string file = path.string();
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diagnostics.Error(file, 0, "", "cannot read this place table; check that it exists");
    return;
  }
  struct Row {
    std::string name, parent;
    int64_t line;
  };
  std::map<std::string, Row> rows;
  std::vector<std::string> order;
  std::string line;
  int64_t line_no = 0;
  bool header = false;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    if (FindInvalidUtf8(line)) {
      diagnostics.Error(file, line_no, "", "invalid UTF-8; save the file as UTF-8");
      continue;
    }
    std::vector<std::string> fields;
    std::stringstream split(line);
    for (std::string f; std::getline(split, f, '\t');) fields.push_back(f);
    if (line.back() == '\t') fields.emplace_back();
    if (!header) {
      header = true;
      if (fields != std::vector<std::string>{"id", "name", "parent"}) {
        diagnostics.Error(file, line_no, "",
                          "the first line must be the header id<TAB>name<TAB>parent");
        return;
      }
      continue;
    }
    if (fields.size() != 3) {
      diagnostics.Error(
          file, line_no, "",
          fmt::format("{} fields where the header has 3 (id, name, parent)", fields.size()));
      continue;
    }
    if (fields[0].empty()) {
      diagnostics.Error(file, line_no, "id", "empty; every place needs an id");
      continue;
    }
    if (rows.count(fields[0])) {
      diagnostics.Error(
          file, line_no, "id",
          fmt::format("'{}' is given twice (first on line {})", fields[0], rows[fields[0]].line));
      continue;
    }
    std::string parent = fields[2] == "-1" ? "" : fields[2];
    rows.emplace(fields[0], Row{fields[1], parent, line_no});
    order.push_back(fields[0]);
  }
  for (const auto& id : order) {
    const Row& row = rows[id];
    if (!row.parent.empty() && !rows.count(row.parent)) {
      diagnostics.Error(
          file, row.line, "parent",
          fmt::format("'{}' is not an id of this table; use -1 for a root", row.parent));
    }
  }
  if (diagnostics.HasErrors()) return;
  // Parents first, whatever the order of the rows; a row whose chain of parents
  // never reaches a root is part of a cycle.
  std::map<std::string, uint32_t> node;
  for (const auto& id : order) {
    std::vector<std::string> chain;
    std::string at = id;
    while (!at.empty() && !node.count(at)) {
      if (chain.size() > rows.size()) {
        diagnostics.Error(file, rows[id].line, "parent",
                          "its parents lead back to it (a cycle); every chain must end at a root");
        return;
      }
      chain.push_back(at);
      at = rows[at].parent;
    }
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      const Row& row = rows[*it];
      std::optional<uint32_t> parent;
      if (!row.parent.empty()) parent = node.at(row.parent);
      node.emplace(*it, tree.Add(row.name, parent));
    }
  }
}

}  // namespace attest
