#include "engine/rulebook/toml_reader.h"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "engine/text/utf8.h"

namespace attest {

TomlReader::TomlReader(const std::filesystem::path& path, Diagnostics& diagnostics)
    : file_(path.string()), diagnostics_(diagnostics) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diagnostics_.Error(file_, 0, "", "cannot read this rules file; check that it exists");
    return;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string content = buffer.str();
  if (auto problem = FindTextProblem(content)) {
    int64_t line = 1;
    for (size_t i = 0; i < problem->offset; ++i) line += content[i] == '\n';
    diagnostics_.Error(file_, line, "", problem->message);
    return;
  }
  try {
    root_ = toml::parse(content, file_);
    ok_ = true;
  } catch (const toml::parse_error& e) {
    diagnostics_.Error(file_, e.source().begin.line, "",
                       fmt::format("TOML syntax: {}", e.description()));
  }
}

int64_t TomlReader::LineOf(const toml::node& node) const {
  return static_cast<int64_t>(node.source().begin.line);
}

void TomlReader::Fail(const toml::node* node, std::string field, std::string message) const {
  diagnostics_.Error(file_, node ? LineOf(*node) : 0, std::move(field), std::move(message));
}

void TomlReader::CheckKeys(const toml::table& table,
                           std::initializer_list<std::string_view> allowed,
                           std::string_view context) const {
  for (const auto& [key, node] : table) {
    bool known = false;
    for (auto a : allowed) known = known || key.str() == a;
    if (!known) {
      std::string choices;
      for (auto a : allowed) choices += (choices.empty() ? "" : ", ") + std::string(a);
      Fail(&node, std::string(key.str()),
           fmt::format("unknown field in {}; expected one of: {}", context, choices));
    }
  }
}

std::optional<std::string> TomlReader::String(const toml::table& table, std::string_view key,
                                              bool required) const {
  const toml::node* node = table.get(key);
  if (!node) {
    if (required) Fail(&table, std::string(key), "missing; this field is required");
    return std::nullopt;
  }
  if (auto s = node->value<std::string>()) return NormalizeNfc(*s);
  Fail(node, std::string(key), "must be a string (in double quotes)");
  return std::nullopt;
}

std::optional<int64_t> TomlReader::Integer(const toml::table& table, std::string_view key,
                                           bool required) const {
  const toml::node* node = table.get(key);
  if (!node) {
    if (required) Fail(&table, std::string(key), "missing; this field is required");
    return std::nullopt;
  }
  if (node->is_integer()) return node->value<int64_t>();
  Fail(node, std::string(key), "must be a whole number");
  return std::nullopt;
}

std::optional<double> TomlReader::Number(const toml::table& table, std::string_view key,
                                         bool required) const {
  const toml::node* node = table.get(key);
  if (!node) {
    if (required) Fail(&table, std::string(key), "missing; this field is required");
    return std::nullopt;
  }
  if (node->is_number()) return node->value<double>();
  Fail(node, std::string(key), "must be a number");
  return std::nullopt;
}

std::optional<bool> TomlReader::Boolean(const toml::table& table, std::string_view key) const {
  const toml::node* node = table.get(key);
  if (!node) return std::nullopt;
  if (node->is_boolean()) return node->value<bool>();
  Fail(node, std::string(key), "must be true or false");
  return std::nullopt;
}

std::vector<std::string> TomlReader::Strings(const toml::table& table,
                                             std::string_view key) const {
  std::vector<std::string> out;
  const toml::node* node = table.get(key);
  if (!node) return out;
  if (auto s = node->value<std::string>()) {
    out.push_back(NormalizeNfc(*s));
    return out;
  }
  const toml::array* array = node->as_array();
  if (!array) {
    Fail(node, std::string(key), "must be a list of strings, like [\"a\", \"b\"]");
    return out;
  }
  for (const auto& item : *array) {
    if (auto s = item.value<std::string>()) {
      out.push_back(NormalizeNfc(*s));
    } else {
      Fail(&item, std::string(key), "every item must be a string");
    }
  }
  return out;
}

std::vector<const toml::table*> TomlReader::Tables(const toml::table& table,
                                                   std::string_view key) const {
  std::vector<const toml::table*> out;
  const toml::node* node = table.get(key);
  if (!node) return out;
  const toml::array* array = node->as_array();
  if (!array) {
    Fail(node, std::string(key), fmt::format("must be a list of tables, written [[{}]]", key));
    return out;
  }
  for (const auto& item : *array) {
    if (const toml::table* t = item.as_table()) {
      out.push_back(t);
    } else {
      Fail(&item, std::string(key), fmt::format("every item must be a table, written [[{}]]", key));
    }
  }
  return out;
}

const toml::table* TomlReader::Table(const toml::table& table, std::string_view key) const {
  const toml::node* node = table.get(key);
  if (!node) return nullptr;
  if (const toml::table* t = node->as_table()) return t;
  Fail(node, std::string(key), "must be a table");
  return nullptr;
}

}  // namespace attest
