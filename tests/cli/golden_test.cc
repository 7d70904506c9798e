#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "tests/support/golden.h"

namespace attest {

namespace {

std::vector<std::string> GoldenFiles(bool shared) {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(ATTEST_GOLDEN_DIR)) {
    if (entry.path().extension() != ".test") continue;
    bool uses_shared = entry.path().filename().string().find("shared") != std::string::npos;
    if (uses_shared == shared) out.push_back(entry.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

void CheckGolden(const std::string& file) {
  auto steps = testing::ParseGolden(file);
  testing::RunGolden(steps, ATTEST_RULES_DIR);
  const char* update = std::getenv("ATTEST_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    testing::WriteGolden(file, steps);
    return;
  }
  for (const auto& step : steps) {
    std::string where = file + ":" + std::to_string(step.line) + ": $ " + step.command;
    INFO(where);
    CHECK(step.actual_out == step.expected_out);
    CHECK(step.actual_err == step.expected_err);
    CHECK(step.actual_exit == step.expected_exit);
  }
}

}  // namespace

TEST_CASE("every golden session prints what it recorded and exits as it recorded",
          "[cli][golden]") {
  auto files = GoldenFiles(false);
  REQUIRE_FALSE(files.empty());
  for (const auto& file : files) {
    DYNAMIC_SECTION(std::filesystem::path(file).filename().string()) { CheckGolden(file); }
  }
}

TEST_CASE("every golden session on the shared fixtures prints what it recorded",
          "[cli][golden][shared]") {
  for (const auto& file : GoldenFiles(true)) {
    DYNAMIC_SECTION(std::filesystem::path(file).filename().string()) { CheckGolden(file); }
  }
}

TEST_CASE("golden command lines split on spaces and keep quoted words together", "[cli]") {
  CHECK(testing::SplitWords("show 'a b' \"c d\" e") ==
        std::vector<std::string>{"show", "a b", "c d", "e"});
  CHECK(testing::SplitWords("  x  ").size() == 1);
}

}  // namespace attest
