#!/usr/bin/env python3
"""Import of the ACLED Mali table: time, incidents, merges, and the round trip.

Measures, in one run on this machine:
  1. `sqlite3 db ".import --csv"` of the table (the baseline: storing the rows and
     nothing else) and `attest ingest --format acled` of it (every row checked,
     its notes read by the extraction, its claims matched, reconciled and
     versioned), alternated, N times each; prints the medians, their ratio, and
     attest's median against the goal of 30 s, and its CPU time (user + system,
     steadier than wall time on a shared machine);
  2. what the import made: events, reports, claims, incidents, and the rows
     merged into the incident of an earlier row, with the reason attest gives;
  3. the round trip: `attest export acled` read back, and for how many events the
     exported fatalities equal ACLED's coded figure;
  4. the periodic report of every imported incident as HTML, twice: its time,
     its size, and whether the two runs wrote the same bytes.

Usage: bench/acled_ingest.py [--attest build/release/cli/attest] [--runs 3]
Writes bench/out/acled.json. Needs ../shared, sqlite3, python3.
"""
import argparse
import csv
import io
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
TABLE = os.path.join(SHARED, "data/events/acled_mali_2017_2020.csv")


def cpu_of_children():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def timed(cmd, **kw):
    start = time.perf_counter()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)
    return time.perf_counter() - start, out.stdout


CPU = []  # CPU seconds (user + system) of each attest import


def fresh(path):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)


def scalar(db, sql):
    out = subprocess.run(["sqlite3", db, sql], capture_output=True, text=True, check=True)
    return int(out.stdout.strip())


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--attest", default=os.path.join(ROOT, "build/release/cli/attest"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--out", default=os.path.join(ROOT, "bench/out"))
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    attest = os.path.abspath(args.attest)
    if not os.path.exists(attest):
        sys.exit(f"{attest}: not built; run cmake --preset release && cmake --build --preset release")
    if not shutil.which("sqlite3"):
        sys.exit("sqlite3 is needed for the baseline (apt-get install sqlite3)")
    import_db = os.path.join(args.out, "acled-import.db")
    attest_db = os.path.join(args.out, "acled.db")
    env = dict(os.environ, ATTEST_RULES=os.path.join(ROOT, "rules"))

    baseline, ours, summary = [], [], ""
    for run in range(args.runs):
        fresh(import_db)
        t, _ = timed(["sqlite3", import_db, f".import --csv {TABLE} events"])
        baseline.append(t)
        fresh(attest_db)
        cpu = cpu_of_children()
        t, summary = timed([attest, "--db", attest_db, "--now", "2026-01-01T00:00:00Z",
                            "ingest", "--format", "acled", TABLE], env=env)
        ours.append(t)
        CPU.append(cpu_of_children() - cpu)
        print(f"run {run + 1}: sqlite3 .import {baseline[-1]:.2f} s, "
              f"attest ingest --format acled {ours[-1]:.2f} s ({CPU[-1]:.2f} s of CPU)",
              flush=True)
    b, o = statistics.median(baseline), statistics.median(ours)

    rows = scalar(import_db, "SELECT count(*) FROM events")
    made = {
        "reports": scalar(attest_db, "SELECT count(*) FROM reports"),
        "claims": scalar(attest_db, "SELECT count(*) FROM claims"),
        "incidents": scalar(attest_db, "SELECT count(*) FROM incidents"),
        "versions": scalar(attest_db, "SELECT count(*) FROM incident_versions"),
    }
    merges = [line.strip() for line in summary.splitlines() if line.startswith("  line ")]

    with open(TABLE, encoding="utf-8", newline="") as f:
        source = {r["event_id_cnty"]: int(r["fatalities"]) for r in csv.DictReader(f)}
    exported = subprocess.run([attest, "--db", attest_db, "export", "acled"], env=env,
                              capture_output=True, text=True, check=True).stdout
    back = {r["event_id_cnty"]: int(r["fatalities"]) for r in csv.DictReader(io.StringIO(exported))}
    same = sum(1 for k, v in back.items() if source.get(k) == v)
    higher = sum(1 for k, v in back.items() if k in source and v > source[k])
    lower = sum(1 for k, v in back.items() if k in source and v < source[k])

    report_times, digests = [], set()
    for n in range(2):
        page = os.path.join(args.out, f"acled-report-{n}.html")
        t, _ = timed([attest, "--db", attest_db, "report", "--since", "2026-01-01",
                      "--format", "html", "-o", page], env=env)
        report_times.append(t)
        with open(page, "rb") as f:
            data = f.read()
        digests.add(hash(data))
        size = len(data)

    result = {
        "rows": rows,
        "sqlite3_import_s": round(b, 3),
        "attest_ingest_s": round(o, 3),
        "attest_ingest_runs_s": [round(t, 3) for t in ours],
        "attest_ingest_cpu_s": round(statistics.median(CPU), 3),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "ratio": round(o / b, 1) if b else None,
        "goal_s": 30,
        "made": made,
        "merged_rows": len(merges),
        "merges": merges,
        "round_trip": {"events": len(back), "fatalities_equal": same,
                       "fatalities_higher": higher, "fatalities_lower": lower},
        "report_html": {"seconds": [round(t, 3) for t in report_times], "bytes": size,
                        "same_bytes_twice": len(digests) == 1},
    }
    with open(os.path.join(args.out, "acled.json"), "w") as f:
        json.dump(result, f, indent=2)
    print(summary.splitlines()[0] if summary else "")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
