#!/usr/bin/env python3
"""What the records conclude on the texts we have: each report of the seed
fixture and of the passage sets (tests/data/extract/*) is ingested alone into a
fresh database, and the status of one slot (default `occurred`) is read from
every incident record it makes (`attest show --format json`).

A record that calls an attack's occurrence `contested` or `denied` when no
party disputes it is a wrong public conclusion; this counts them.

Usage: bench/slot_statuses.py [--attest build/release/cli/attest] [--slot occurred]
Prints one line per incident (file, incident, status), then the count per
status. Scratch databases go to bench/out/. Needs ../shared.
"""
import argparse
import collections
import glob
import json
import os
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--attest", default=os.path.join(ROOT, "build/release/cli/attest"))
    ap.add_argument("--slot", default="occurred")
    args = ap.parse_args()
    texts = sorted(glob.glob(os.path.join(ROOT, "../shared/fixtures/seed/*.txt")))
    for set_dir in sorted(glob.glob(os.path.join(ROOT, "tests/data/extract/*/"))):
        texts += sorted(glob.glob(set_dir + "*.txt") + glob.glob(set_dir + "*.md"))
    out = os.path.join(ROOT, "bench/out")
    os.makedirs(out, exist_ok=True)
    db = os.path.join(out, "slot-statuses.db")
    env = dict(os.environ, ATTEST_RULES=os.path.join(ROOT, "rules"))
    counts = collections.Counter()
    for text in texts:
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
        base = [args.attest, "--db", db, "--now", "2026-01-01"]
        subprocess.run(base + ["-q", "ingest", text], env=env, check=True,
                       capture_output=True)
        incidents = json.loads(subprocess.run(base + ["--format", "json", "incidents"], env=env,
                                              check=True, capture_output=True, text=True).stdout)
        for inc in incidents:
            record = json.loads(subprocess.run(
                base + ["--format", "json", "show", f"#{inc['incident']}"], env=env, check=True,
                capture_output=True, text=True).stdout)
            for slot in record["slots"]:
                if slot["slot"] == args.slot:
                    name = os.path.relpath(text, ROOT)
                    print(f"{name}\t#{inc['incident']}\t{slot['status']}")
                    counts[slot["status"]] += 1
    print("\n" + ", ".join(f"{status} {n}" for status, n in sorted(counts.items())))


if __name__ == "__main__":
    main()
