#include "engine/base/sha256.h"

#include <openssl/evp.h>

#include "engine/base/error.h"

namespace attest {

namespace {

std::string Hex(const unsigned char* digest, unsigned int size) {
  static constexpr char kHex[] = "0123456789abcdef";
  // (Written in place: appending a character at a time checks the capacity every
  // time, and a digest is taken per report.)
  std::string hex(size_t{size} * 2, '0');
  for (unsigned int i = 0; i < size; ++i) {
    hex[2 * i] = kHex[digest[i] >> 4];
    hex[2 * i + 1] = kHex[digest[i] & 0xF];
  }
  return hex;
}

// SHA-256 fetched from libcrypto once per process: naming the algorithm at
// every start (EVP_sha256()) makes OpenSSL 3 look it up again each time, which
// costs more than hashing a short report. Fetched algorithms are thread-safe to
// share; this one lives as long as the process.
const EVP_MD* Sha256Algorithm() {
  static const EVP_MD* const md = EVP_MD_fetch(nullptr, "SHA2-256", nullptr);
  if (!md) throw Error("SHA-256 is not available in libcrypto");
  return md;
}

}  // namespace

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest, &size, Sha256Algorithm(), nullptr) != 1) {
    throw Error("SHA-256 failed in libcrypto");
  }
  return Hex(digest, size);
}

struct Sha256::State {
  EVP_MD_CTX* ctx = nullptr;
};

Sha256::Sha256() : state_(new State) {
  state_->ctx = EVP_MD_CTX_new();
  if (!state_->ctx || EVP_DigestInit_ex(state_->ctx, Sha256Algorithm(), nullptr) != 1) {
    EVP_MD_CTX_free(state_->ctx);
    delete state_;
    throw Error("SHA-256 cannot start in libcrypto");
  }
}

Sha256::~Sha256() {
  EVP_MD_CTX_free(state_->ctx);
  delete state_;
}

Sha256& Sha256::Update(std::string_view bytes) {
  if (EVP_DigestUpdate(state_->ctx, bytes.data(), bytes.size()) != 1) {
    throw Error("SHA-256 failed in libcrypto");
  }
  return *this;
}

std::string Sha256::HexDigest() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_DigestFinal_ex(state_->ctx, digest, &size) != 1) {
    throw Error("SHA-256 failed in libcrypto");
  }
  return Hex(digest, size);
}

}  // namespace attest
