// SHA-256 of bytes, as lower-case hex (OpenSSL's libcrypto; docs/adr/0006).
#pragma once

#include <string>
#include <string_view>

namespace attest {

std::string Sha256Hex(std::string_view bytes);

// SHA-256 over several pieces, as if they were one string.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  Sha256& Update(std::string_view bytes);
  std::string HexDigest();  // ends the computation

 private:
  struct State;
  State* state_;
};

}  // namespace attest
