#include "engine/versions/chain.h"

#include <fmt/format.h>

#include <charconv>

namespace attest {

namespace {

// How far from its stored number a moved version is looked for.
constexpr int64_t kMovedSearch = 1000;

}  // namespace

std::optional<ChainProblem> ChainCheck::Next(const SerializedVersion& v, const std::string& hash) {
  ++versions_;
  if (v.incident != incident_ || incidents_ == 0) {
    incident_ = v.incident;
    expected_ = 1;
    previous_hash_.clear();
    broken_ = false;
    ++incidents_;
  }
  if (broken_) return std::nullopt;
  auto problem = [&](int64_t version, const std::string& what) {
    broken_ = true;
    return ChainProblem{v.incident, version,
                        fmt::format("incident #{} version {}: {}", v.incident, version, what)};
  };
  bool intact = HashVersion(v) == hash;
  if (!intact) {
    // Moved: the content is a version's, under another number.
    SerializedVersion moved = v;
    for (int64_t k = 1; k <= v.version + kMovedSearch; ++k) {
      if (k == v.version) continue;
      moved.version = k;
      if (HashVersion(moved) == hash) {
        return problem(v.version, fmt::format("holds what was recorded as version {}; the "
                                              "history was reordered",
                                              k));
      }
    }
  }
  if (v.version < expected_) {
    return problem(v.version, "is out of order; versions are numbered 1, 2, 3…");
  }
  if (v.version > expected_) {
    broken_ = true;
    std::string missing = v.version == expected_ + 1
                              ? fmt::format("version {} is missing", expected_)
                              : fmt::format("versions {} to {} are missing", expected_,
                                            v.version - 1);
    return ChainProblem{v.incident, expected_,
                        fmt::format("incident #{}: {} (version {} comes next); it was deleted",
                                    v.incident, missing, v.version)};
  }
  if (!intact) {
    return problem(v.version, "stored content does not match its hash; it was altered after it "
                              "was recorded");
  }
  if (v.prev_hash != previous_hash_ && v.version == 1) {
    return problem(1, "links to a version before the first; it was altered");
  }
  if (v.prev_hash != previous_hash_) {
    return problem(v.version - 1,
                   fmt::format("is not the version that version {} follows (its hash differs "
                               "from the one version {} recorded); it was replaced",
                               v.version, v.version));
  }
  previous_hash_ = hash;
  ++expected_;
  return std::nullopt;
}

std::string Checkpoint::ToString() const { return fmt::format("{}:{}", versions, digest); }

std::optional<Checkpoint> Checkpoint::Parse(std::string_view text) {
  auto colon = text.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  Checkpoint c;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + colon, c.versions);
  if (ec != std::errc() || ptr != text.data() + colon || c.versions < 0) return std::nullopt;
  c.digest = std::string(text.substr(colon + 1));
  if (c.digest.size() != 64) return std::nullopt;
  for (char ch : c.digest) {
    if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) return std::nullopt;
  }
  return c;
}

CheckpointDigest::CheckpointDigest() { sha_.Update("attest-checkpoint-1\n"); }

void CheckpointDigest::Add(int64_t incident, int64_t version, const std::string& hash) {
  sha_.Update(fmt::format("{}\t{}\t", incident, version)).Update(hash).Update("\n");
  ++count_;
}

Checkpoint CheckpointDigest::Finish() { return Checkpoint{count_, sha_.HexDigest()}; }

}  // namespace attest
