#!/usr/bin/env python3
"""Truth discovery on the public benchmarks: precision, time and peak memory.

For each dataset of ../shared/data/truth/normalized/, in one run on this machine:
  1. into a fresh database, `attest ingest` the claims table (claims.tsv, or
     `zcat claims.tsv.gz |` for flight-all), `attest reconcile` (estimate source
     reliability, re-reconcile every incident) and `attest export values --format
     tsv`, each step under /usr/bin/time -v: wall time of the three together,
     their CPU time (user + system), peak resident memory (the largest of the
     three), and the load average (the machine may be shared);
  2. score the exported values against truth.tsv with shared/tools/score_truth.py;
  3. the majority vote of shared/tools/vote_truth.py on the same claims, scored
     the same way, as the baseline.

Datasets that come with a place hierarchy (birthplaces, heritages) get a copy of
the rules in which the hierarchy is common/place_tree.tsv and their attributes
are declared place slots; that is the dataset's own schema, nothing fitted.

Usage: bench/truth.py [--attest build/release/cli/attest] [--datasets a,b] [--runs 1]
Prints one line per dataset and a table; writes bench/out/truth/truth.json.
Needs python3 (standard library), /usr/bin/time and ../shared.
"""
import argparse
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
DATA = os.path.join(SHARED, "data/truth/normalized")
TOOLS = os.path.join(SHARED, "tools")
DATASETS = ["flight-20111208", "flight-all", "population", "book", "weather", "birthplaces",
            "heritages"]
# The acceptance floors of the issue, where it sets one.
GOALS = {"flight-20111208": 0.90, "flight-all": 0.93, "population": 0.85, "book": 0.85}
# The published or measured figures the issue compares with (precision).
REFERENCE = {"flight-20111208": "PooledInvestment 0.847", "flight-all": "PooledInvestment 0.933"}


def fresh(path):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)


def precision(truth, predicted):
    out = subprocess.run([sys.executable, os.path.join(TOOLS, "score_truth.py"), truth, predicted],
                         capture_output=True, text=True, check=True).stdout
    m = re.search(r"^precision ([0-9.]+) \((\d+)/(\d+)\)$", out, re.M)
    return float(m.group(1)), int(m.group(2)), int(m.group(3))


def timed_step(argv, stdin=None, stdout=None, env=None, shell_input=None):
    """Runs argv under /usr/bin/time -v; returns (wall s, max RSS KiB, CPU s)."""
    report = os.path.join(OUT, "time.txt")
    cmd = ["/usr/bin/time", "-v", "-o", report] + argv
    start = time.perf_counter()
    if shell_input:  # a producer piped into the step (zcat for flight-all)
        producer = subprocess.Popen(shell_input, stdout=subprocess.PIPE)
        subprocess.run(cmd, stdin=producer.stdout, stdout=stdout, env=env, check=True)
        producer.stdout.close()
        if producer.wait() != 0:
            sys.exit(f"{' '.join(shell_input)} failed")
    else:
        subprocess.run(cmd, stdin=stdin, stdout=stdout, env=env, check=True)
    wall = time.perf_counter() - start
    with open(report) as f:
        text = f.read()
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    cpu = sum(float(re.search(rf"{what} time \(seconds\): ([0-9.]+)", text).group(1))
              for what in ("User", "System"))
    return wall, rss, cpu


def rules_for(dataset, claims_path):
    """The rules folder for a dataset: the repository's, or a copy with its places."""
    hierarchy = os.path.join(DATA, dataset, "hierarchy.tsv")
    if not os.path.exists(hierarchy):
        return os.path.join(ROOT, "rules")
    rules = os.path.join(OUT, f"rules-{dataset}")
    if os.path.exists(rules):
        shutil.rmtree(rules)
    shutil.copytree(os.path.join(ROOT, "rules"), rules)
    shutil.copyfile(hierarchy, os.path.join(rules, "common", "place_tree.tsv"))
    attributes = set()
    with open(claims_path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        a = header.index("attribute")
        for line in f:
            attributes.add(line.rstrip("\n").split("\t")[a])
    with open(os.path.join(rules, "common", "slots.toml"), "a", encoding="utf-8") as f:
        f.write(f"\n# {dataset}: its values are places of its hierarchy (bench/truth.py).\n")
        for name in sorted(attributes):
            f.write(f'[[slot]]\nname = "{name}"\ntype = "place"\n'
                    f'about = "a place of the {dataset} hierarchy"\n\n')
    return rules


def run_dataset(dataset, attest, runs):
    folder = os.path.join(DATA, dataset)
    gz = os.path.join(folder, "claims.tsv.gz")
    claims = os.path.join(folder, "claims.tsv")
    plain = claims
    if not os.path.exists(claims):  # flight-all: decompressed once, for the vote and the rules
        plain = os.path.join(OUT, f"{dataset}.claims.tsv")
        if not os.path.exists(plain):
            with gzip.open(gz, "rb") as src, open(plain, "wb") as dst:
                shutil.copyfileobj(src, dst)
    truth = os.path.join(folder, "truth.tsv")
    env = dict(os.environ, ATTEST_RULES=rules_for(dataset, plain))
    db = os.path.join(OUT, f"{dataset}.db")
    values = os.path.join(OUT, f"{dataset}.values.tsv")
    walls, peaks, steps, cpus = [], [], [], []
    for _ in range(runs):
        fresh(db)
        base = [attest, "--db", db, "-q"]
        if os.path.exists(claims):
            w1, r1, c1 = timed_step(base + ["--now", "2026-01-01", "ingest", "--report", dataset,
                                            claims], stdout=subprocess.DEVNULL, env=env)
        else:
            w1, r1, c1 = timed_step(base + ["--now", "2026-01-01", "ingest", "--format", "tsv",
                                            "--report", dataset, "-"],
                                    stdout=subprocess.DEVNULL, env=env, shell_input=["zcat", gz])
        w2, r2, c2 = timed_step(base + ["--now", "2026-01-02", "reconcile"],
                                stdout=subprocess.DEVNULL, env=env)
        with open(values, "w") as out:
            w3, r3, c3 = timed_step([attest, "--db", db, "export", "values", "--format", "tsv"],
                                    stdout=out, env=env)
        walls.append(w1 + w2 + w3)
        peaks.append(max(r1, r2, r3))
        steps.append((w1, w2, w3))
        cpus.append((c1, c2, c3))
    p, correct, total = precision(truth, values)

    vote_values = os.path.join(OUT, f"{dataset}.vote.tsv")
    start = time.perf_counter()
    with open(vote_values, "w") as out:
        subprocess.run([sys.executable, os.path.join(TOOLS, "vote_truth.py"), plain], stdout=out,
                       check=True)
    vote_wall = time.perf_counter() - start
    vp, vcorrect, _ = precision(truth, vote_values)
    best = min(range(runs), key=lambda i: walls[i])
    return {
        "dataset": dataset,
        "precision": p, "correct": correct, "gold": total,
        "vote_precision": vp, "vote_correct": vcorrect,
        "goal": GOALS.get(dataset),
        "wall_s": statistics.median(walls),
        "walls_s": walls,
        "steps_s": {"ingest": steps[best][0], "reconcile": steps[best][1],
                    "export": steps[best][2]},
        "cpu_s": {"ingest": cpus[best][0], "reconcile": cpus[best][1], "export": cpus[best][2]},
        "load_average": os.getloadavg()[0],
        "peak_rss_mib": max(peaks) / 1024.0,
        "vote_wall_s": vote_wall,
        "runs": runs,
    }


def main():
    global OUT
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--attest", default=os.path.join(ROOT, "build/release/cli/attest"))
    ap.add_argument("--datasets", default=",".join(DATASETS))
    ap.add_argument("--runs", type=int, default=1, help="runs per dataset (median wall time)")
    ap.add_argument("--out", default=os.path.join(ROOT, "bench/out/truth"))
    args = ap.parse_args()
    OUT = os.path.abspath(args.out)
    os.makedirs(OUT, exist_ok=True)
    attest = os.path.abspath(args.attest)
    if not os.path.exists(attest):
        sys.exit(f"{attest}: not built; run cmake --preset release && cmake --build --preset release")
    if not os.path.exists("/usr/bin/time"):
        sys.exit("/usr/bin/time is needed for the peak memory (apt-get install time)")
    results = []
    for dataset in args.datasets.split(","):
        r = run_dataset(dataset, attest, args.runs)
        results.append(r)
        s = r["steps_s"]
        print(f"{dataset}: precision {r['precision']:.4f} ({r['correct']}/{r['gold']}), "
              f"vote {r['vote_precision']:.4f}; {r['wall_s']:.2f} s "
              f"(ingest {s['ingest']:.2f}, reconcile {s['reconcile']:.2f}, export {s['export']:.2f}),"
              f" CPU {sum(r['cpu_s'].values()):.2f} s, peak {r['peak_rss_mib']:.0f} MiB,"
              f" load average {r['load_average']:.1f}", flush=True)
    print()
    print(f"{'dataset':<16} {'precision':>9} {'vote':>7} {'goal':>6} {'wall s':>7} {'CPU s':>6} "
          f"{'peak MiB':>9}")
    for r in results:
        goal = f"{r['goal']:.2f}" if r["goal"] else "-"
        print(f"{r['dataset']:<16} {r['precision']:>9.4f} {r['vote_precision']:>7.4f} {goal:>6} "
              f"{r['wall_s']:>7.2f} {sum(r['cpu_s'].values()):>6.2f} {r['peak_rss_mib']:>9.0f}")
    with open(os.path.join(OUT, "truth.json"), "w") as f:
        json.dump({"results": results, "reference": REFERENCE}, f, indent=2)


OUT = ""

if __name__ == "__main__":
    main()
