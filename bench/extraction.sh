#!/usr/bin/env bash
# Extraction quality: runs `attest extract` on the seed fixture and on the
# passage sets of tests/data/extract/ and scores each with the shared scorer
# (through tests/score/extraction_floor.sh, with no floor).
# Usage: bench/extraction.sh [path/to/attest]   (default build/release/cli/attest)
# Prints one "set strict_f1 … detection_f1 …" line per set.
set -euo pipefail
cd "$(dirname "$0")/.."
attest=${1:-build/release/cli/attest}
shared=../shared
score() {  # name texts-dir
  echo "$1 $(tests/score/extraction_floor.sh "$attest" "$shared" 0 "$2" | grep '^strict_f1')"
}
score seed "$shared/fixtures/seed"
for dir in tests/data/extract/*/; do  # every passage set, in name order
  set=$(basename "$dir")
  score "$set" "tests/data/extract/$set"
done
