#include "tests/support/big_table.h"

namespace attest::testing {

std::string BigTable(size_t rows, const std::string& prefix, const std::string& sources) {
  std::string out = "source\tobject\tattribute\tvalue\n";
  out.reserve(rows * 40);
  const char* attributes[] = {"fatalities", "occurred", "outcome"};
  for (size_t i = 0; i < rows; ++i) {
    size_t object = i / 10, source = i % 10;
    const char* attribute = attributes[source % 3];
    out += sources + "-" + std::to_string(source) + "\t" + prefix + "-" + std::to_string(object) + "\t" +
           attribute + "\t";
    if (source % 3 == 0) {
      out += std::to_string((object + source) % 40);
    } else if (source % 3 == 1) {
      out += (object + source) % 5 ? "true" : "false";
    } else {
      out += (object + source) % 2 ? "repelled" : "overrun";
    }
    out += "\n";
  }
  return out;
}

}  // namespace attest::testing
