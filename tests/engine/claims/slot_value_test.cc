#include <catch2/catch.hpp>

#include "engine/claims/slot_value.h"

namespace attest {

TEST_CASE("a plain numeral is keyed by its number, so 30 and 30.0 are one value", "[claims]") {
  struct Case {
    const char* a;
    const char* b;
    bool same;
  };
  auto c = GENERATE(Case{"30", "30.0", true}, Case{"30", "30.00", true},
                    Case{"29.90", "29.9", true}, Case{"+5", "5", true}, Case{"-0", "0", true},
                    Case{"-0.0", "0", true}, Case{"-5", "5", false}, Case{"30.1", "30.01", false},
                    Case{"30.5", "305", false}, Case{"007", "7", false}, Case{"1e3", "1000", false},
                    Case{"Gao", "GAO", true}, Case{"12 km", "12.0 km", false});
  CAPTURE(c.a, c.b);
  SlotValue a = std::string(c.a);
  SlotValue b = std::string(c.b);
  CHECK((ValueKey(a) == ValueKey(b)) == c.same);
  CHECK(Compatible(a, b) == c.same);
}

}  // namespace attest
