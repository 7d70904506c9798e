#!/usr/bin/env bash
# Fails unless `attest extract` reaches a strict F1 floor on a set of texts, as
# scored by the shared scorer (../shared/tools/score_extraction.py).
# Usage: extraction_floor.sh ATTEST SHARED_DIR MIN_F1 TEXTS_DIR
# TEXTS_DIR holds NAME.txt and NAME.gold.jsonl pairs.
set -euo pipefail
attest=$1 shared=$2 floor=$3 texts=$4
pred=$(mktemp)
trap 'rm -f "$pred"' EXIT
for f in "$texts"/*.txt; do "$attest" extract "$f" --format jsonl >>"$pred"; done
out=$(python3 "$shared/tools/score_extraction.py" --gold "$texts"/*.gold.jsonl --pred "$pred" \
      --texts "$texts")
echo "$out"
f1=$(echo "$out" | tail -1 | awk '{for (i = 1; i < NF; i++) if ($i == "strict_f1") print $(i + 1)}')
if [ -z "$f1" ]; then echo "no strict_f1 in the scorer's output" >&2; exit 1; fi
if awk -v f="$f1" -v m="$floor" 'BEGIN { exit !(f + 0 < m + 0) }'; then
  echo "strict F1 $f1 is below the floor $floor for $texts" >&2
  exit 1
fi
echo "strict F1 $f1 >= $floor"
