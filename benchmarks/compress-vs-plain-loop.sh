#!/usr/bin/env bash
# Wall time, CPU time (user + sys) and peak RSS of `cotkit compress` (Beam, direct runner, run with
# the ./cotkit launcher's defaults) against the same work done by a plain single-threaded Java loop
# (PlainLoopCompress), alternating runs in one sitting.
# Usage: benchmarks/compress-vs-plain-loop.sh [RUNS=5] [INPUT=../shared/data/gsm8k/train.jsonl] [PLAIN_HEAP=8g]
#   The plain loop holds the whole corpus in memory: give it a heap to match (8g for 100x GSM8K).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs=${1:-5}
input=${2:-../shared/data/gsm8k/train.jsonl}
plain_heap=${3:-8g}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unset JAVA_OPTS

./cotkit --version >&2 # builds the jar first if sources changed, outside the measurements
mvn -B -q -o -DskipTests -pl benchmarks package >&2

measure() { # label command... ; appends "label wall_s maxrss_kb user_s sys_s" to $work/results
  local label=$1; shift
  /usr/bin/time -f "%e %M %U %S" -o "$work/time" "$@" > /dev/null 2> "$work/log" || { cat "$work/log" >&2; exit 1; }
  echo "$label $(cat "$work/time")" >> "$work/results"
}

# a 3-record input gives each side's fixed cost (JVM, Beam start-up and teardown)
head -n 3 "$input" > "$work/tiny.jsonl"
for i in $(seq "$runs"); do
  rm -rf "$work/beam" "$work/plain" "$work/beam-tiny" "$work/plain-tiny"
  measure beam ./cotkit compress --input "$input" --preset gsm8k --output "$work/beam" --quiet
  rm -rf "$work/beam"
  measure plain java -Xmx"$plain_heap" -cp benchmarks/target/cotkit-benchmarks.jar \
    org.cotkit.benchmarks.PlainLoopCompress "$input" "$work/plain" gsm8k
  rm -rf "$work/plain"
  measure beam-3-records ./cotkit compress --input "$work/tiny.jsonl" --preset gsm8k --output "$work/beam-tiny" --quiet
  measure plain-3-records java -cp benchmarks/target/cotkit-benchmarks.jar org.cotkit.benchmarks.PlainLoopCompress \
    "$work/tiny.jsonl" "$work/plain-tiny" gsm8k
done

echo "$(nproc) cores; input $input ($(wc -l < "$input") lines)"
python3 - "$work/results" <<'PY'
import statistics, sys
by = {}
for label, wall, rss, user, sys_ in (line.split() for line in open(sys.argv[1])):
    by.setdefault(label, []).append((float(wall), int(rss), float(user) + float(sys_)))
med = {}
for label, values in by.items():
    walls, rss, cpu = ([v[i] for v in values] for i in range(3))
    med[label] = (statistics.median(walls), statistics.median(cpu))
    print(f"{label}: wall median {med[label][0]:.2f} s (runs {', '.join(f'{w:.2f}' for w in walls)}), "
          f"CPU (user + sys) median {med[label][1]:.1f} s (runs {', '.join(f'{c:.1f}' for c in cpu)}), "
          f"peak RSS median {statistics.median(rss) / 1024:.0f} MiB")
print(f"beam / plain, medians: wall {med['beam'][0] / med['plain'][0]:.2f}, CPU {med['beam'][1] / med['plain'][1]:.2f}")
print(f"beam / plain beyond each side's 3-record run: wall "
      f"{(med['beam'][0] - med['beam-3-records'][0]) / (med['plain'][0] - med['plain-3-records'][0]):.2f}, CPU "
      f"{(med['beam'][1] - med['beam-3-records'][1]) / (med['plain'][1] - med['plain-3-records'][1]):.2f}")
PY
