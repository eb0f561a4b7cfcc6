#!/usr/bin/env bash
# Every command at scale, run as a user runs it: the ./cotkit launcher with its own defaults (no
# JAVA_OPTS), on 1x, 10x and 100x GSM8K train (the corpora of run.sh), wall time, records/s and
# peak RSS under /usr/bin/time, alternating the commands in one sitting.
# Usage: benchmarks/scale/commands.sh [FACTORS="1 10 100"] [RUNS=3] [ONNX_FACTORS="1 10"]
#   (also CORPORA=<dir> where corpora are made once and reused, as in run.sh)
# The ONNX runs use the tiny token classifier the tests write (compressors' TinyTokenClassifier),
# so they measure the pipeline around the model, not a real model's speed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
factors=${1:-${FACTORS:-1 10 100}}
runs=${2:-${RUNS:-3}}
onnx_factors=${3:-${ONNX_FACTORS:-1 10}}
corpora=${CORPORA:-${TMPDIR:-/tmp}/cotkit-scale-corpora}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unset JAVA_OPTS

./cotkit --version >&2 # builds the jar first if sources changed, outside the measurements
mvn -B -q -o -DskipTests -pl compressors package >&2
model="$work/tiny-model"
cat > "$work/MakeTiny.java" <<'JAVA'
public class MakeTiny {
  public static void main(String[] args) throws Exception {
    org.cotkit.compressors.onnx.TinyTokenClassifier.write(java.nio.file.Path.of(args[0]), true);
  }
}
JAVA
java -cp "compressors/target/cotkit-compressors-0.1.0-SNAPSHOT-tests.jar:cli/target/cotkit.jar" \
  "$work/MakeTiny.java" "$model"

corpus() { # FACTOR: sets $input and $records, making the corpus once
  input="$corpora/gsm8k-$1x.jsonl"
  if [[ ! -f "$corpora/gsm8k-$1x-s1.count" ]]; then
    mkdir -p "$corpora"
    python3 benchmarks/scale/make_corpus.py --factor "$1" --output "$input" >&2
    wc -l < "$input" > "$corpora/gsm8k-$1x-s1.count"
  fi
  records=$(cat "$corpora/gsm8k-$1x-s1.count")
}

measure() { # label factor records command... ; appends "label factor records wall_s maxrss_kb"
  local label=$1 factor=$2 n=$3; shift 3
  rm -rf "$work/out"
  /usr/bin/time -f "%e %M" -o "$work/time" ./cotkit "$@" --output "$work/out" --quiet > /dev/null 2> "$work/log" \
    || { cat "$work/log" >&2; exit 1; }
  python3 - "$work/out/manifest.json" "$n" "$label $factor" <<'PY' || { cat "$work/log" >&2; exit 1; }
import json, sys
counts = json.load(open(sys.argv[1]))["counts"]
ok = counts["records_read"] == int(sys.argv[2]) and counts["balanced"] and counts["dead_lettered"] == 0
print(f"{sys.argv[3]}: read {counts['records_read']}, written {counts['records_written']}, "
      f"filtered {counts['filtered']}, balanced {counts['balanced']}", file=sys.stderr)
sys.exit(0 if ok else 1)
PY
  echo "$label $factor $n $(cat "$work/time")" >> "$work/results"
  rm -rf "$work/out" # a 100x output is gigabytes
}

for factor in $factors; do
  corpus "$factor"
  for i in $(seq "$runs"); do
    measure compress "$factor" "$records" compress --input "$input" --preset gsm8k
    measure build "$factor" "$records" build --input "$input" --preset gsm8k
    measure label "$factor" "$records" label --input "$input" --preset gsm8k
    if [[ " $onnx_factors " == *" $factor "* ]]; then
      measure compress-onnx "$factor" "$records" compress --input "$input" --preset gsm8k \
        --scorer onnx --model-dir "$model" --max-tokens 64
    fi
  done
done

echo "$(nproc) cores, launcher defaults (JVM options: $(bash -x ./cotkit --version 2>&1 \
  | sed -n 's/^+ exec java \(.*\) -jar .*/\1/p')), $runs run(s) each"
python3 - "$work/results" <<'PY'
import statistics, sys
by = {}
for line in open(sys.argv[1]):
    label, factor, records, wall, rss = line.split()
    by.setdefault((label, int(factor)), (int(records), []))[1].append((float(wall), int(rss)))
print("| command | size | records | wall, median (runs) | records/s | µs/record | peak RSS, median (runs) |")
print("|---|---|---|---|---|---|---|")
med = {}
for (label, factor), (records, values) in sorted(by.items()):
    walls = [v[0] for v in values]; rss = [v[1] / 1024 for v in values]
    wall = statistics.median(walls)
    med[label, factor] = (wall / records * 1e6, statistics.median(rss))
    print(f"| {label} | {factor}× | {records:,} | {wall:.2f} s ({', '.join(f'{w:.2f}' for w in walls)}) | "
          f"{records / wall:,.0f} | {wall / records * 1e6:.1f} | {statistics.median(rss):.0f} MiB "
          f"({', '.join(f'{r:.0f}' for r in rss)}) |")
for label in sorted({l for l, _ in by}):
    if (label, 10) in med and (label, 100) in med:
        print(f"{label}: 100x / 10x per-record wall {med[label, 100][0] / med[label, 10][0]:.2f}, "
              f"peak RSS {med[label, 100][1] / med[label, 10][1]:.2f}")
PY
