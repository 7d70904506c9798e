#!/usr/bin/env python3
"""Reconciliation of crowded slots: many claims about one slot of one incident.

A claim table can put thousands of claims on one slot (a rumour repeated by
every outlet, a crowd-sourced casualty count). This times `attest ingest` of
tables of N rows in five shapes, each against the baseline of the same N rows
spread ten to an object (the usual shape), in the same run:

  spread        N rows, 10 per object (the baseline)
  one value     N sources, one object, one count slot, all the same figure
  figures       N sources, one object, one count slot, N different figures
  ranges        N sources, one object, one count slot, N different ranges lo..lo+5
  overlapping   N sources, one object, one count slot, N ranges lo..lo+N that all overlap
  texts         N sources, one object, one text slot, N different texts

and prints, per shape, the median time and its ratio to the baseline. A ratio
that grows with N means a cost that grows faster than the claims.

Usage: python3 bench/crowded_slots.py [--attest PATH] [--sizes 2000,20000] [--runs 3]
                                      [--timeout 120]
Writes its tables and databases in bench/out/crowded/.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench", "out", "crowded")


def table(shape, n):
    rows = ["source\tobject\tattribute\tvalue"]
    for i in range(n):
        if shape == "spread":
            rows.append(f"src-{i % 10}\tobj-{i // 10}\tfatalities\t{(i // 10) % 40}")
        elif shape == "one value":
            rows.append(f"src-{i}\tobj\tfatalities\t12")
        elif shape == "figures":
            rows.append(f"src-{i}\tobj\tfatalities\t{i}")
        elif shape == "ranges":
            rows.append(f"src-{i}\tobj\tfatalities\t{i}..{i + 5}")
        elif shape == "overlapping":
            rows.append(f"src-{i}\tobj\tfatalities\t{i}..{i + n}")
        elif shape == "texts":
            rows.append(f"src-{i}\tobj\toutcome\toutcome {i}")
    return "\n".join(rows) + "\n"


def run(attest, path, timeout):
    db = path + ".db"
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    env = dict(os.environ, ATTEST_RULES=os.path.join(ROOT, "rules"))
    start = time.monotonic()
    try:
        subprocess.run([attest, "--db", db, "--now", "2026-01-01", "-q", "ingest", path],
                       check=True, stdout=subprocess.DEVNULL, env=env, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    return time.monotonic() - start


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--attest", default=os.path.join(ROOT, "build", "release", "cli", "attest"))
    p.add_argument("--sizes", default="2000,20000")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--timeout", type=float, default=120)
    args = p.parse_args()
    os.makedirs(OUT, exist_ok=True)
    print(f"attest: {args.attest}")
    print(f"{'N':>7} {'shape':<11} {'median s':>9} {'ratio to spread':>16}")
    for n in [int(s) for s in args.sizes.split(",")]:
        base = None
        for shape in ("spread", "one value", "figures", "ranges", "overlapping", "texts"):
            path = os.path.join(OUT, f"{shape.replace(' ', '-')}-{n}.tsv")
            with open(path, "w") as f:
                f.write(table(shape, n))
            times = []
            for _ in range(args.runs):
                t = run(args.attest, path, args.timeout)
                if t is None:
                    break
                times.append(t)
            if len(times) < args.runs:
                print(f"{n:>7} {shape:<11} {'>' + str(int(args.timeout)):>9} {'(timed out)':>16}")
                continue
            median = statistics.median(times)
            if shape == "spread":
                base = median
            ratio = f"{median / base:.2f}x" if base else "-"
            print(f"{n:>7} {shape:<11} {median:>9.3f} {ratio:>16}")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
