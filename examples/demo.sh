#!/usr/bin/env bash
# The main job on the bundled example: build attest, ingest the Alkit reports
# into the default database (./attest.db), print the reconciled incident and its
# history; then read the same ambush from two text reports (examples/desk) into a
# second database (./desk.db). Run from anywhere; the databases go in the
# repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset release >/dev/null
cmake --build --preset release --target attest
attest=build/release/cli/attest
rm -f attest.db attest.db-wal attest.db-shm desk.db desk.db-wal desk.db-shm
export ATTEST_DB="$PWD/attest.db"
echo
echo "== ingest the first report (Alkit ambush, 14 July 2025) and the next day's follow-up"
"$attest" ingest examples/alkit/rfi-2025-07-14-alkit.jsonl --now 2025-07-14T20:00:00Z
"$attest" ingest examples/alkit/followup-2025-07-15.jsonl --now 2025-07-15T09:00:00Z
echo
echo "== the reconciled incident"
"$attest" show alkit-2025-07-14
echo
echo "== its history"
"$attest" history alkit-2025-07-14
echo
"$attest" verify
echo
echo "== text reports: the claims attest reads in the desk's English report of 14 July"
"$attest" extract examples/desk/desk-2025-07-14-alkit.md
echo
echo "== that report and the French follow-up of 15 July, ingested into desk.db: one incident"
"$attest" --db desk.db ingest examples/desk/desk-2025-07-14-alkit.md --now 2025-07-14T20:00:00Z
"$attest" --db desk.db ingest examples/desk/desk-2025-07-15-communique.md --now 2025-07-15T20:00:00Z
"$attest" --db desk.db show 1
