// Reading the analysts' rule files (TOML, via toml++) with errors that name the
// file, the line and the field. Rule files are strict: an unknown key is an error,
// so that a misspelt field is not silently ignored.
#pragma once

#include <toml++/toml.h>

#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/error.h"

namespace attest {

class TomlReader {
 public:
  // Parses `path`. A syntax error is recorded in `diagnostics` (file:line) and
  // leaves the reader empty.
  TomlReader(const std::filesystem::path& path, Diagnostics& diagnostics);

  bool ok() const { return ok_; }
  const toml::table& root() const { return root_; }
  const std::string& file() const { return file_; }

  int64_t LineOf(const toml::node& node) const;

  // Records an error for `node` (or the whole file when null).
  void Fail(const toml::node* node, std::string field, std::string message) const;

  // Each key of `table` must be one of `allowed`; others are errors.
  void CheckKeys(const toml::table& table, std::initializer_list<std::string_view> allowed,
                 std::string_view context) const;

  // Field readers: a missing required field or a value of the wrong type is
  // recorded as an error naming the field, and nullopt is returned.
  std::optional<std::string> String(const toml::table& table, std::string_view key,
                                     bool required) const;
  std::optional<int64_t> Integer(const toml::table& table, std::string_view key,
                                 bool required) const;
  std::optional<double> Number(const toml::table& table, std::string_view key,
                               bool required) const;
  std::optional<bool> Boolean(const toml::table& table, std::string_view key) const;
  // An array of strings; a single string is accepted as a one-element list.
  std::vector<std::string> Strings(const toml::table& table, std::string_view key) const;
  // An array of tables (`[[key]]`); empty when absent.
  std::vector<const toml::table*> Tables(const toml::table& table, std::string_view key) const;
  const toml::table* Table(const toml::table& table, std::string_view key) const;

 private:
  std::string file_;
  Diagnostics& diagnostics_;
  toml::table root_;
  bool ok_ = false;
};

}  // namespace attest
