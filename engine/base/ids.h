// Strong identifier types: a claim id cannot be passed where an incident id is
// expected. Ids are assigned by the store; 0 means "not stored yet".
#pragma once

#include <compare>
#include <cstdint>
#include <functional>
#include <string>

namespace attest {

template <typename Tag>
class NumericId {
 public:
  constexpr NumericId() = default;
  constexpr explicit NumericId(int64_t value) : value_(value) {}
  constexpr int64_t value() const { return value_; }
  constexpr bool stored() const { return value_ != 0; }
  auto operator<=>(const NumericId&) const = default;

 private:
  int64_t value_ = 0;
};

using ClaimId = NumericId<struct ClaimIdTag>;
using IncidentId = NumericId<struct IncidentIdTag>;

// A report's id as users know it: the front matter's `id`, the file name without
// extension, or `report.id` of structured claims (cli.md).
class ReportId {
 public:
  ReportId() = default;
  explicit ReportId(std::string value) : value_(std::move(value)) {}
  const std::string& value() const { return value_; }
  bool empty() const { return value_.empty(); }
  auto operator<=>(const ReportId&) const = default;

 private:
  std::string value_;
};

}  // namespace attest

template <typename Tag>
struct std::hash<attest::NumericId<Tag>> {
  size_t operator()(const attest::NumericId<Tag>& id) const noexcept {
    return std::hash<int64_t>{}(id.value());
  }
};
