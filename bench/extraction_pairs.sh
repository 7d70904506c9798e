#!/usr/bin/env bash
# Paired throughput comparison of two builds of bench/extraction_speed.
#
# On a shared machine the speed drifts from one minute to the next, so two
# programs are compared by runs taken in turn: one run of A, one of B, N times,
# and the ratio B/A of each pair. Prints each pair, then the medians and the
# median and geometric mean of the ratios.
#
# Usage: bench/extraction_pairs.sh A B [N=20] [CORPUS_MB=4]
#   e.g. bench/extraction_pairs.sh /tmp/old/build/release/bench/extraction_speed \
#                                  build/release/bench/extraction_speed
set -euo pipefail
a=${1:?usage: extraction_pairs.sh A B [N] [CORPUS_MB]}
b=${2:?usage: extraction_pairs.sh A B [N] [CORPUS_MB]}
n=${3:-20}
mb=${4:-4}
speed() {  # the "read + extract claims" MB/s of one run of program $1
  "$1" --corpus-mb "$mb" --runs 3 | awk '/read \+ extract/{print $(NF-4)}'
}
for _ in $(seq "$n"); do
  echo "$(speed "$a") $(speed "$b")"
done | python3 -c '
import math, statistics, sys
rows = [tuple(map(float, line.split())) for line in sys.stdin if line.strip()]
for x, y in rows:
    print(f"{x:6.1f} {y:6.1f}  {y / x:.3f}")
ratios = [y / x for x, y in rows]
print(f"A median {statistics.median(x for x, _ in rows):.1f} MB/s, "
      f"B median {statistics.median(y for _, y in rows):.1f} MB/s")
print(f"B/A: median {statistics.median(ratios):.3f}, "
      f"geometric mean {math.exp(sum(map(math.log, ratios)) / len(ratios)):.3f}, "
      f"{len(ratios)} pairs")
'
