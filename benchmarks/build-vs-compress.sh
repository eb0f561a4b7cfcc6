#!/usr/bin/env bash
# Wall time and peak RSS of `cotkit build` (labels + TokenSkip + adaptive rows) against
# `cotkit compress` (TokenSkip rows only) on the same teacher file, alternating runs in one sitting.
# The default input is the full GSM8K test set in teacher form (long CoT, short CoT, 4 graded
# samples per question), made by samples/make_gsm8k_teacher.py.
# Usage: benchmarks/build-vs-compress.sh [RUNS=5] [INPUT=<GSM8K test, 1,319 records>]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
input=${2:-$work/gsm8k-test-teacher.jsonl}
if [ -z "${2:-}" ]; then
  python3 samples/make_gsm8k_teacher.py --count 100000 --output "$input"
fi

mvn -B -q -DskipTests -pl cli -am package >&2

measure() { # label command... ; appends "label wall_s maxrss_kb" to $work/results
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > /dev/null 2> "$work/log" || { cat "$work/log" >&2; exit 1; }
  echo "$label $(cat "$work/time")" >> "$work/results"
}

for i in $(seq "$runs"); do
  rm -rf "$work/build" "$work/compress" "$work/label"
  measure build java -jar cli/target/cotkit.jar build --input "$input" --output "$work/build"
  measure compress java -jar cli/target/cotkit.jar compress --input "$input" --output "$work/compress"
  measure label java -jar cli/target/cotkit.jar label --input "$input" --output "$work/label"
done

python3 - "$work/results" <<'PY'
import statistics, sys
by = {}
for label, wall, rss in (line.split() for line in open(sys.argv[1])):
    by.setdefault(label, []).append((float(wall), int(rss)))
for label, values in by.items():
    walls = [w for w, _ in values]
    print(f"{label}: wall median {statistics.median(walls):.2f} s (runs {', '.join(f'{w:.2f}' for w in walls)}), "
          f"peak RSS median {statistics.median(r for _, r in values) / 1024:.0f} MiB")
med = {label: statistics.median(w for w, _ in values) for label, values in by.items()}
print(f"build / compress wall-time ratio (medians): {med['build'] / med['compress']:.2f}")
PY
