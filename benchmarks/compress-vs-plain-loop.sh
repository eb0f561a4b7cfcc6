#!/usr/bin/env bash
# Wall time and peak RSS of `cotkit compress` (Beam, direct runner) against the same work done by
# a plain single-threaded Java loop (PlainLoopCompress), alternating runs in one sitting.
# Usage: benchmarks/compress-vs-plain-loop.sh [RUNS=5] [INPUT=../shared/data/gsm8k/train.jsonl]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs=${1:-5}
input=${2:-../shared/data/gsm8k/train.jsonl}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mvn -B -q -DskipTests -pl cli,benchmarks -am package >&2

measure() { # label command... ; appends "label wall_s maxrss_kb" to $work/results
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > /dev/null 2> "$work/log" || { cat "$work/log" >&2; exit 1; }
  echo "$label $(cat "$work/time")" >> "$work/results"
}

for i in $(seq "$runs"); do
  rm -rf "$work/beam" "$work/plain"
  measure beam java -jar cli/target/cotkit.jar compress --input "$input" --preset gsm8k --output "$work/beam"
  measure plain java -cp benchmarks/target/cotkit-benchmarks.jar org.cotkit.benchmarks.PlainLoopCompress "$input" "$work/plain" gsm8k
done

python3 - "$work/results" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
by = {}
for label, wall, rss in rows:
    by.setdefault(label, []).append((float(wall), int(rss)))
for label, values in by.items():
    walls = [w for w, _ in values]
    rss = [r for _, r in values]
    print(f"{label}: wall median {statistics.median(walls):.2f} s (runs {', '.join(f'{w:.2f}' for w in walls)}), "
          f"peak RSS median {statistics.median(rss) / 1024:.0f} MiB")
ratio = statistics.median(w for w, _ in by["beam"]) / statistics.median(w for w, _ in by["plain"])
print(f"beam / plain wall-time ratio (medians): {ratio:.2f}")
PY
