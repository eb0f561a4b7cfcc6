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

# a 3-record input gives each side's fixed cost (JVM, Beam start-up and teardown)
head -n 3 "$input" > "$work/tiny.jsonl"
for i in $(seq "$runs"); do
  rm -rf "$work/beam" "$work/plain" "$work/beam-tiny" "$work/plain-tiny"
  measure beam java -jar cli/target/cotkit.jar compress --input "$input" --preset gsm8k --output "$work/beam"
  measure plain java -cp benchmarks/target/cotkit-benchmarks.jar org.cotkit.benchmarks.PlainLoopCompress "$input" "$work/plain" gsm8k
  measure beam-3-records java -jar cli/target/cotkit.jar compress --input "$work/tiny.jsonl" --preset gsm8k --output "$work/beam-tiny"
  measure plain-3-records java -cp benchmarks/target/cotkit-benchmarks.jar org.cotkit.benchmarks.PlainLoopCompress "$work/tiny.jsonl" "$work/plain-tiny" gsm8k
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
med = {label: statistics.median(w for w, _ in values) for label, values in by.items()}
print(f"beam / plain wall-time ratio (medians): {med['beam'] / med['plain']:.2f}")
print(f"beam / plain ratio of the time beyond each side's 3-record run: "
      f"{(med['beam'] - med['beam-3-records']) / (med['plain'] - med['plain-3-records']):.2f}")
PY
