#!/usr/bin/env bash
# How `cotkit compress` (Beam, direct runner) scales with the corpus: wall time, throughput, peak
# RSS and heap after GC (from -Xlog:gc) on 1x, 10x and 100x GSM8K train, against CopyToParquet,
# the same reader and Parquet writer with no compression work (the I/O floor), alternating the two
# in one sitting.
# Usage: benchmarks/scale/run.sh [FACTORS="1 10 100"] [RUNS=3]
#   (either positional or as environment variables; also HEAP=2g for both JVMs' -Xmx, SHARDS=1
#   input files per corpus, CORPORA=<dir> where corpora are made once and reused)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
factors=${1:-${FACTORS:-1 10 100}}
runs=${2:-${RUNS:-3}}
heap=${HEAP:-2g}
shards=${SHARDS:-1}
corpora=${CORPORA:-${TMPDIR:-/tmp}/cotkit-scale-corpora}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [[ ! -f cli/target/cotkit.jar || ! -f benchmarks/target/cotkit-benchmarks.jar ]]; then
  mvn -B -q -o -DskipTests -pl cli,benchmarks package >&2
fi
# both JVMs get the options the ./cotkit launcher adds (transparent huge pages where offered)
jvm=(-Xmx"$heap")
if grep -qs '\[\(always\|madvise\)\]' /sys/kernel/mm/transparent_hugepage/enabled; then
  jvm+=(-XX:+UseTransparentHugePages)
fi
# --quiet (no progress lines) where this build of the CLI has it
quiet=()
if java -jar cli/target/cotkit.jar compress --help 2>&1 | grep -q -- '--quiet'; then
  quiet=(--quiet)
fi

# corpus FACTOR: makes the corpus once (a .count file marks it complete); sets $input and $records
corpus() {
  local base="$corpora/gsm8k-$1x"
  if ((shards == 1)); then input="$base.jsonl"; else input="$base-*-of-$(printf %05d "$shards").jsonl"; fi
  if [[ ! -f "$base-s$shards.count" ]]; then
    mkdir -p "$corpora"
    python3 benchmarks/scale/make_corpus.py --factor "$1" --shards "$shards" --output "$base.jsonl" >&2
    # shellcheck disable=SC2086 # $input is a glob when sharded
    cat $input | wc -l > "$base-s$shards.count"
  fi
  records=$(cat "$base-s$shards.count")
}

# label factor records command... (a java command; its GC log goes to $work/gc.log); appends
# "label factor records wall_s maxrss_kb heap_after_gc_median_mib heap_after_gc_max_mib" to $work/results
measure() {
  local label=$1 factor=$2 n=$3 java=$4; shift 4
  rm -f "$work/gc.log"
  /usr/bin/time -f "%e %M" -o "$work/time" "$java" -Xlog:gc:file="$work/gc.log" "$@" > "$work/stdout" 2> "$work/log" \
    || { cat "$work/log" >&2; exit 1; }
  # heap after each collection, from lines like "... Pause Young (Normal) (G1 Evacuation Pause) 300M->120M(1024M) 5.1ms"
  local heap
  heap=$(python3 -c '
import re, statistics, sys
after = [int(m.group(1)) for m in re.finditer(r"->(\d+)M\(", open(sys.argv[1]).read())]
print(f"{statistics.median(after)} {max(after)}" if after else "0 0")' "$work/gc.log")
  echo "$label $factor $n $(cat "$work/time") $heap" >> "$work/results"
}

fail() { echo "$*" >&2; exit 1; }

# a 3-record input gives each job's fixed cost (JVM, Beam start-up and teardown), so the cost per
# record beyond it can be compared across sizes too
corpus 1
head -n 3 "$input" > "$work/tiny.jsonl"
for i in $(seq "$runs"); do
  rm -rf "$work/compress" "$work/copy"
  measure compress 0 3 java "${jvm[@]}" -jar cli/target/cotkit.jar compress \
    --input "$work/tiny.jsonl" --preset gsm8k --output "$work/compress" "${quiet[@]}"
  measure copy 0 3 java "${jvm[@]}" -cp benchmarks/target/cotkit-benchmarks.jar \
    org.cotkit.benchmarks.CopyToParquet "$work/tiny.jsonl" "$work/copy"
done
rm -rf "$work/compress" "$work/copy"

for factor in $factors; do
  corpus "$factor"
  for i in $(seq "$runs"); do
    rm -rf "$work/compress" "$work/copy"
    measure compress "$factor" "$records" java "${jvm[@]}" -jar cli/target/cotkit.jar compress \
      --input "$input" --preset gsm8k --output "$work/compress" "${quiet[@]}"
    python3 - "$work/compress/manifest.json" "$records" <<'PY' || fail "compress ${factor}x: manifest counts differ from the corpus"
import json, sys
counts = json.load(open(sys.argv[1]))["counts"]
n = int(sys.argv[2])
ok = counts["records_read"] == n and counts["records_written"] == n and counts["dead_lettered"] == 0
print(f"manifest: read {counts['records_read']}, written {counts['records_written']}, "
      f"dead-lettered {counts['dead_lettered']} (corpus {n})", file=sys.stderr)
sys.exit(0 if ok else 1)
PY
    measure copy "$factor" "$records" java "${jvm[@]}" -cp benchmarks/target/cotkit-benchmarks.jar \
      org.cotkit.benchmarks.CopyToParquet "$input" "$work/copy"
    copied=$(awk '$1 == "rows_written" {print $2}' "$work/stdout")
    [[ "$copied" == "$records" ]] || fail "copy ${factor}x: wrote ${copied:-no} rows, corpus has $records"
    rm -rf "$work/compress" "$work/copy" # a 100x output is gigabytes
  done
done

echo "$(nproc) cores, JVM options ${jvm[*]}, $shards input file(s) per corpus, $runs run(s) each"
python3 - "$work/results" <<'PY'
import statistics, sys
by = {}
for line in open(sys.argv[1]):
    label, factor, records, wall, rss, heap_median, heap_max = line.split()
    by.setdefault((int(factor), label), (int(records), []))[1].append(
        (float(wall), int(rss), float(heap_median), int(heap_max)))
fixed = {label: statistics.median(v[0] for v in values) for (factor, label), (_, values) in by.items() if factor == 0}
print("fixed cost (3 records): " + ", ".join(f"{label} {wall:.2f} s" for label, wall in sorted(fixed.items())))
by = {key: value for key, value in by.items() if key[0] != 0}
us = {}  # median µs per record, by (factor, label)
beyond = {}  # median µs per record beyond the fixed cost
for (factor, label), (records, values) in sorted(by.items()):
    walls = [v[0] for v in values]
    wall = statistics.median(walls)
    us[factor, label] = wall / records * 1e6
    beyond[factor, label] = (wall - fixed[label]) / records * 1e6
    print(f"{factor}x {label}: {records} records, wall median {wall:.2f} s "
          f"(runs {', '.join(f'{w:.2f}' for w in walls)}), {records / wall:,.0f} records/s, "
          f"{us[factor, label]:.1f} µs/record ({beyond[factor, label]:.1f} beyond the fixed cost), peak RSS median "
          f"{statistics.median(v[1] for v in values) / 1024:.0f} MiB, heap after GC median "
          f"{statistics.median(v[2] for v in values):.0f} MiB, max {max(v[3] for v in values)} MiB")
for factor in sorted({f for f, _ in by}):
    vs1 = ", ".join(f"{label} {us[factor, label] / us[1, label]:.2f} ({beyond[factor, label] / beyond[1, label]:.2f} "
                    f"beyond the fixed cost)" for label in ("compress", "copy") if (1, label) in us)
    print(f"{factor}x: per-record cost vs 1x: {vs1 or 'n/a (1x not run)'}; compress / copy throughput "
          f"{us[factor, 'copy'] / us[factor, 'compress']:.2f} "
          f"({beyond[factor, 'copy'] / beyond[factor, 'compress']:.2f} beyond the fixed cost)")
PY
