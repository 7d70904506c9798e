#include <catch2/catch.hpp>

#include "engine/claims/vocabulary.h"

namespace attest {

TEST_CASE("factuality follows modality and polarity, and a denial flips its sign",
          "[claims]") {
  struct Case {
    Stance stance;
    Modality modality;
    Polarity polarity;
    Factuality expected;
  };
  auto c = GENERATE(
      Case{Stance::kAsserts, Modality::kCertain, Polarity::kPositive, Factuality::kCTPlus},
      Case{Stance::kAsserts, Modality::kCertain, Polarity::kNegative, Factuality::kCTMinus},
      Case{Stance::kAsserts, Modality::kProbable, Polarity::kPositive, Factuality::kPRPlus},
      Case{Stance::kAsserts, Modality::kPossible, Polarity::kNegative, Factuality::kPSMinus},
      Case{Stance::kAcknowledges, Modality::kCertain, Polarity::kPositive, Factuality::kCTPlus},
      Case{Stance::kDenies, Modality::kCertain, Polarity::kPositive, Factuality::kCTMinus},
      Case{Stance::kDenies, Modality::kCertain, Polarity::kNegative, Factuality::kCTPlus},
      Case{Stance::kAsserts, Modality::kCertain, Polarity::kMixed, Factuality::kCTPlus},
      Case{Stance::kDeclines, Modality::kUnknown, Polarity::kPositive, Factuality::kUu},
      Case{Stance::kNotConfirmed, Modality::kCertain, Polarity::kPositive, Factuality::kUu});
  CAPTURE(ToString(c.stance), ToString(c.modality), ToString(c.polarity));
  CHECK(FactualityOf(c.stance, c.modality, c.polarity) == c.expected);
}

TEST_CASE("every vocabulary spelling reads back to the value it was written from",
          "[claims]") {
  for (auto s : {Stance::kAsserts, Stance::kAcknowledges, Stance::kConfirms, Stance::kDenies,
                 Stance::kDeclines, Stance::kNotConfirmed}) {
    CHECK(ParseStance(ToString(s)) == s);
  }
  for (auto k : {ClaimantKind::kOutlet, ClaimantKind::kArmedGroup, ClaimantKind::kState,
                 ClaimantKind::kAnonymousSources, ClaimantKind::kUnknown}) {
    CHECK(ParseClaimantKind(ToString(k)) == k);
  }
  CHECK_FALSE(ParseStance("maybe").has_value());
  CHECK(ToString(Factuality::kUu) == "Uu");
}

}  // namespace attest
