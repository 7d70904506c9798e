#!/usr/bin/env bash
# Extraction quality: runs `attest extract` on the seed fixture and on the
# passage sets of tests/data/extract/ and scores each with the shared scorer.
# Usage: bench/extraction.sh [path/to/attest]   (default build/release/cli/attest)
# Prints one "set strict_f1 detection_f1" line per set; exits non-zero if
# extraction fails.
set -euo pipefail
cd "$(dirname "$0")/.."
attest=${1:-build/release/cli/attest}
shared=../shared
score() {  # name gold-glob texts-dir
  local name=$1 texts=$3 pred
  pred=$(mktemp)
  for f in "$texts"/*.txt; do "$attest" extract "$f" --format jsonl >> "$pred"; done
  # shellcheck disable=SC2086
  line=$(python3 "$shared/tools/score_extraction.py" --gold $2 --pred "$pred" --texts "$texts" | tail -1)
  echo "$name $line"
  rm -f "$pred"
}
score seed "$shared/fixtures/seed/*.gold.jsonl" "$shared/fixtures/seed"
for set in dev blind blind3 blind4; do
  score "$set" "tests/data/extract/$set/*.gold.jsonl" "tests/data/extract/$set"
done
