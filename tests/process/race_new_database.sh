#!/bin/bash
# Eight `attest ingest` started at once into a new database, ROUNDS times, with
# two busy loops beside them to make the machine as loaded as a CI run; counts
# the rounds in which any of them said "database is locked". Not part of ctest
# (it takes minutes and measures a rate); docs/reliability.md quotes its figures.
#
#   tests/process/race_new_database.sh ATTEST [ROUNDS]
set -euo pipefail
attest=$(realpath "$1")
rounds=${2:-100}
rules=$(realpath "$(dirname "$0")/../../rules")
work=$(mktemp -d)
trap 'kill $hogs 2>/dev/null || true; rm -rf "$work"' EXIT
cd "$work"
for i in 0 1 2 3 4 5 6 7; do
  printf '{"report": {"id": "wire-%d", "outlet": "Wire", "published": "2025-07-14"}, "claimant": "FLA", "stance": "asserts", "incident": {"key": "kidal-2025-07-14"}, "slot": "fatalities", "value": %d}\n' \
    "$i" $((10 + i)) >"w$i.jsonl"
done
hogs=""
for _ in 1 2; do (while :; do :; done) & hogs="$hogs $!"; done
failed=0
for _ in $(seq 1 "$rounds"); do
  rm -f s.db s.db-wal s.db-shm
  pids=()
  for i in 0 1 2 3 4 5 6 7; do
    "$attest" --db s.db --rules "$rules" --now 2025-07-16T00:00:00Z ingest "w$i.jsonl" \
      >/dev/null 2>"err$i" &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || true; done
  if grep -q locked err*; then failed=$((failed + 1)); fi
done
echo "$attest: $failed of $rounds rounds had a \"database is locked\""
