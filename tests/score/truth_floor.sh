#!/usr/bin/env bash
# Fails unless ingest, `attest reconcile` and `export values` reach a precision
# floor on a truth-discovery benchmark, as scored by the shared scorer
# (../shared/tools/score_truth.py). The figures of every dataset, with time and
# memory, come from bench/truth.py.
# Usage: truth_floor.sh ATTEST SHARED_DIR DATASET MIN_PRECISION
set -euo pipefail
attest=$1 shared=$2 dataset=$3 floor=$4
data="$shared/data/truth/normalized/$dataset"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$attest" --db "$work/t.db" --now 2026-01-01 -q ingest --report "$dataset" "$data/claims.tsv" \
  >/dev/null
"$attest" --db "$work/t.db" --now 2026-01-02 -q reconcile >/dev/null
"$attest" --db "$work/t.db" export values --format tsv >"$work/values.tsv"
out=$(python3 "$shared/tools/score_truth.py" "$data/truth.tsv" "$work/values.tsv")
echo "$out"
p=$(echo "$out" | tail -1 | awk '{print $2}')
if awk -v p="$p" -v m="$floor" 'BEGIN { exit !(p + 0 < m + 0) }'; then
  echo "precision $p is below the floor $floor for $dataset" >&2
  exit 1
fi
echo "precision $p >= $floor"
