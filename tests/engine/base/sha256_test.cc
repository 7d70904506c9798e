// SHA-256 (engine/base/sha256.h): the digests of the standard's test messages,
// and the same digest whether the bytes come at once or in pieces.
#include <catch2/catch.hpp>
#include <string>

#include "engine/base/sha256.h"

namespace attest {

TEST_CASE("the SHA-256 of the standard's test messages is the published digest", "[base]") {
  CHECK(Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST_CASE("a SHA-256 given in pieces equals the SHA-256 of the whole, again and again",
          "[base]") {
  std::string text(10000, 'x');
  for (size_t i = 0; i < text.size(); ++i) text[i] = static_cast<char>('a' + i % 26);
  std::string whole = Sha256Hex(text);
  for (int round = 0; round < 3; ++round) {
    Sha256 sha;
    sha.Update(std::string_view(text).substr(0, 3)).Update(std::string_view(text).substr(3, 5000));
    sha.Update(std::string_view(text).substr(5003));
    CHECK(sha.HexDigest() == whole);
    CHECK(Sha256Hex(text) == whole);
  }
  CHECK(Sha256Hex(text.substr(1)) != whole);
}

}  // namespace attest
