// Numbers for generated test inputs: a linear congruential generator with a
// fixed seed, so that a test builds the same inputs on every run and a failure
// can be replayed. Not for anything but tests.
#pragma once

#include <cstdint>

namespace attest::testing {

class SeededNumbers {
 public:
  explicit SeededNumbers(uint64_t seed) : state_(seed) {}

  // The next number, from 0 to 2^31 - 1 (the high bits of the state, the
  // better mixed ones).
  uint32_t operator()() {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<uint32_t>(state_ >> 33);
  }

 private:
  uint64_t state_;
};

}  // namespace attest::testing
