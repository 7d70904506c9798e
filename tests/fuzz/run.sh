#!/usr/bin/env bash
# Runs fuzz targets built by the `fuzz` preset, one after the other, each for
# SECONDS (default 600), on one core: the seed corpus is read from
# tests/fuzz/corpus/<target>/ and left as committed; new inputs go to
# build/fuzz/work/<target>/, crashes to build/fuzz/artifacts/<target>/, the log
# to build/fuzz/logs/<target>.log. Prints one line of figures per target.
# Usage: tests/fuzz/run.sh [SECONDS] [TARGET…]   (docs/fuzzing.md)
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-600}
shift || true
targets=${*:-front_matter text_extraction jsonl_ingest csv_ingest rules_loader}
build=build/fuzz
root=$PWD
for t in $targets; do
  mkdir -p "$build/work/$t" "$build/artifacts/$t" "$build/logs/$t"
  log="$root/$build/logs/$t.log"
  status=0
  # With -jobs, libFuzzer writes the job's own output to fuzz-0.log in the
  # working folder: the target runs in its log folder.
  (cd "$build/logs/$t" && "$root/$build/tests/fuzz/${t}_fuzz" "$root/$build/work/$t" \
      "$root/tests/fuzz/corpus/$t" -max_total_time="$seconds" -jobs=1 -workers=1 \
      -print_final_stats=1 -artifact_prefix="$root/$build/artifacts/$t/") > "$log" 2>&1 || status=$?
  if [ -f "$build/logs/$t/fuzz-0.log" ]; then
    cat "$build/logs/$t/fuzz-0.log" >> "$log"
    rm -f "$build/logs/$t/fuzz-0.log"
  fi
  runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | tail -1 | awk '{print $2}')
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | tail -1 | awk '{print $2}')
  cov=$(grep -Eo 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+' "$log" | tail -1)
  crashes=$(find "$build/artifacts/$t" -type f | wc -l)
  echo "$t: ${seconds}s, ${runs:-?} runs, ${rate:-?} exec/s, ${cov:-?}, crashes: $crashes, exit $status"
done
