// SHA-256 of bytes, as lower-case hex (OpenSSL's libcrypto; docs/adr/0006).
#pragma once

#include <string>
#include <string_view>

namespace attest {

std::string Sha256Hex(std::string_view bytes);

}  // namespace attest
