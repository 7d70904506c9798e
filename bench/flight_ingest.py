#!/usr/bin/env python3
"""Ingest speed, show/history latency and reconciliation precision on flight-all.

Measures, in one run on this machine:
  1. `zcat claims.tsv.gz | sqlite3 db ".import"` (the baseline) and
     `zcat claims.tsv.gz | attest ingest --format tsv -`, alternated, N times each;
     prints the medians and their ratio (the goal is attest <= 2x the baseline);
  2. the wall time of `attest show KEY` and `attest history KEY` over many runs
     (a whole process each: start, rules, open, read, print; goal: show < 20 ms);
  3. `attest export values` scored against the gold with shared/tools/score_truth.py,
     beside the majority-vote baseline of shared/tools/vote_truth.py.

Usage: bench/flight_ingest.py [--attest build/release/cli/attest] [--runs 3]
Writes bench/out/flight.json. Needs ../shared, sqlite3, python3.
"""
import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
DATA = os.path.join(SHARED, "data/truth/normalized/flight-all")


def timed(cmd, **kw):
    start = time.perf_counter()
    subprocess.run(cmd, shell=isinstance(cmd, str), check=True, **kw)
    return time.perf_counter() - start


def fresh(path):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--attest", default=os.path.join(ROOT, "build/release/cli/attest"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--latency-runs", type=int, default=60)
    ap.add_argument("--out", default=os.path.join(ROOT, "bench/out"))
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    claims = os.path.join(DATA, "claims.tsv.gz")
    attest = os.path.abspath(args.attest)
    if not os.path.exists(attest):
        sys.exit(f"{attest}: not built; run cmake --preset release && cmake --build --preset release")
    if not shutil.which("sqlite3"):
        sys.exit("sqlite3 is needed for the baseline (apt-get install sqlite3)")
    import_db = os.path.join(args.out, "import.db")
    attest_db = os.path.join(args.out, "flight.db")
    env = dict(os.environ, ATTEST_RULES=os.path.join(ROOT, "rules"))

    baseline, ours = [], []
    for run in range(args.runs):
        fresh(import_db)
        baseline.append(timed(f"zcat '{claims}' | sqlite3 '{import_db}' '.mode tabs' "
                              f"'.import /dev/stdin claims'"))
        fresh(attest_db)
        ours.append(timed(f"zcat '{claims}' | '{attest}' --db '{attest_db}' --now 2026-01-01 -q "
                          f"ingest --format tsv --report flight-all - > /dev/null", env=env))
        print(f"run {run + 1}: sqlite3 .import {baseline[-1]:.2f} s, attest ingest {ours[-1]:.2f} s",
              flush=True)
    b, o = statistics.median(baseline), statistics.median(ours)
    rows = int(subprocess.run(["sqlite3", import_db, "SELECT count(*) FROM claims"],
                              capture_output=True, text=True, check=True).stdout) - 1

    keys = subprocess.run(["sqlite3", attest_db,
                           "SELECT incident_key FROM incidents ORDER BY id"],
                          capture_output=True, text=True, check=True).stdout.split()
    rng = random.Random(7)
    latency = {}
    for verb in ("show", "history"):
        times = []
        for _ in range(args.latency_runs):
            key = rng.choice(keys)
            times.append(timed([attest, "--db", attest_db, verb, key], env=env,
                               stdout=subprocess.DEVNULL))
        times.sort()
        latency[verb] = {"median_ms": round(1000 * statistics.median(times), 1),
                         "p95_ms": round(1000 * times[int(0.95 * (len(times) - 1))], 1)}

    values = os.path.join(args.out, "flight.values.tsv")
    with open(values, "w") as f:
        subprocess.run([attest, "--db", attest_db, "export", "values"], env=env, stdout=f, check=True)
    score = subprocess.run([sys.executable, os.path.join(SHARED, "tools/score_truth.py"),
                            os.path.join(DATA, "truth.tsv"), values],
                           capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
    plain = os.path.join(args.out, "flight-all.claims.tsv")
    subprocess.run(f"zcat '{claims}' > '{plain}'", shell=True, check=True)
    vote = os.path.join(args.out, "flight.vote.tsv")
    with open(vote, "w") as f:
        subprocess.run([sys.executable, os.path.join(SHARED, "tools/vote_truth.py"), plain],
                       stdout=f, check=True)
    vote_score = subprocess.run([sys.executable, os.path.join(SHARED, "tools/score_truth.py"),
                                 os.path.join(DATA, "truth.tsv"), vote],
                                capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
    os.remove(plain)

    result = {
        "rows": rows,
        "sqlite3_import_s": round(b, 2),
        "attest_ingest_s": round(o, 2),
        "ratio": round(o / b, 2),
        "runs": args.runs,
        "attest_db_bytes": os.path.getsize(attest_db),
        "import_db_bytes": os.path.getsize(import_db),
        "latency": latency,
        "export_values_precision": score,
        "majority_vote_precision": vote_score,
    }
    with open(os.path.join(args.out, "flight.json"), "w") as f:
        json.dump(result, f, indent=2)
    print(f"\nflight-all: {rows} claims")
    print(f"  sqlite3 .import   {b:6.2f} s (median of {args.runs})")
    print(f"  attest ingest     {o:6.2f} s (median of {args.runs})   ratio {o / b:.2f}x (goal <= 2x)")
    for verb, l in latency.items():
        print(f"  attest {verb:<8}  median {l['median_ms']} ms, p95 {l['p95_ms']} ms "
              f"over {args.latency_runs} runs")
    print(f"  export values vs gold: {score}")
    print(f"  majority vote vs gold: {vote_score}")


if __name__ == "__main__":
    main()
