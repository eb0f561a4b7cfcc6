#!/usr/bin/env bash
# Scorer throughput on CPU: cotkit's batched ONNX scoring against PyTorch eager and against ONNX
# Runtime's own Python API, same model (a BERT-base-sized token classifier with random weights,
# written here), same token sequences, same batches, same threads, at batch sizes 1, 8 and 32.
# Needs a Python with torch and onnxruntime (and onnx for FUSED=1): pip install torch onnxruntime onnx
# (Debian's python3-torch also works for the PyTorch side, with libopenblas0-pthread).
# Usage: benchmarks/onnx-scorer/run.sh [COUNT=120] [THREADS=2] [BATCH...=1 8 32]
#   PYTHON=...     the Python to use (default: python3, else /usr/bin/python3, whichever has both)
#   JAR=...        a built cotkit-benchmarks.jar to use instead of building one
#   FUSED=1        also score with the model after ONNX Runtime's transformer fusions (fuse_model.py)
#   SIDES="java torch ort"  which sides to time (default all three)
#   JAVA_OPTS=...  options for the timed JVM (e.g. -Dort.raw=true: also a bare OrtSession, see OnnxScorerThroughput)
#   ROUNDS=N       N interleaved rounds of one timed run per side, then medians (default: 3 runs in a row)
#   LOCK=FILE      run each timed step under flock FILE, after waiting for running Maven builds to end
set -euo pipefail
export PYTHONDONTWRITEBYTECODE=1 # no __pycache__ in the source tree
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
count=${1:-120}
threads=${2:-2}
shift $(( $# < 2 ? $# : 2 ))
batches=${*:-1 8 32}
sides=${SIDES:-java torch ort}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

py=${PYTHON:-}
if [ -z "$py" ]; then
  for candidate in python3 /usr/bin/python3; do
    if "$candidate" -c 'import torch, onnxruntime' 2>/dev/null; then py=$candidate; break; fi
  done
  if [ -z "$py" ]; then
    echo "no python3 with torch and onnxruntime: pip install torch onnxruntime onnx (or set PYTHON)" >&2
    exit 1
  fi
fi

timed() {
  if [ -n "${LOCK:-}" ]; then
    while pgrep -f '[s]urefire|[p]lexus-classworlds' >/dev/null; do sleep 20; done
    flock "$LOCK" "$@"
  else
    "$@"
  fi
}

python3 samples/make_gsm8k_teacher.py --count "$count" --output "$work/texts.jsonl"
"$py" benchmarks/onnx-scorer/make_bert_base.py "$work/texts.jsonl" long_cot "$work/model"
models=("$work/model")
if [ "${FUSED:-0}" = 1 ]; then
  "$py" benchmarks/onnx-scorer/fuse_model.py "$work/model" "$work/fused"
  models+=("$work/fused")
fi
jar=${JAR:-}
if [ -z "$jar" ]; then
  mvn -B -q -DskipTests -pl benchmarks -am package >&2
  jar=benchmarks/target/cotkit-benchmarks.jar
fi
"$py" -c 'import sys, torch, onnxruntime; print("python", sys.version.split()[0], "torch", torch.__version__,
  "threads", torch.get_num_threads(), "onnxruntime", onnxruntime.__version__)'

# the Java scorer writes the token sequences the other two run (with no batch size it times nothing)
words=$(java -cp "$jar" org.cotkit.benchmarks.OnnxScorerThroughput "$work/model" "$work/texts.jsonl" long_cot \
  "$count" "$threads" "$work/sequences.txt" 2> >(grep -v '] INFO ' >&2) | sed -n 's/^texts [0-9]*, words \([0-9]*\),.*/\1/p')
side() { # side MODEL NAME
  local model=$1 name
  name=$(basename "$model")
  case $2 in
    java) timed java ${JAVA_OPTS:-} ${runs:+-Druns=$runs} -cp "$jar" org.cotkit.benchmarks.OnnxScorerThroughput "$model" \
            "$work/texts.jsonl" long_cot "$count" "$threads" "$work/sequences-$name.txt" $batches 2> >(grep -v '] INFO ' >&2) ;;
    torch) if [ "$model" = "$work/model" ]; then
             RUNS=${runs:-3} timed "$py" benchmarks/onnx-scorer/bench_torch.py "$model" "$work/sequences.txt" "$words" "$threads" $batches
           fi ;;
    ort) RUNS=${runs:-3} timed "$py" benchmarks/onnx-scorer/bench_ort.py "$model/model.onnx" "$work/sequences.txt" "$words" \
           "$threads" $batches ;;
  esac
}

# ROUNDS unset: each side times 3 runs in a row. ROUNDS=N: N rounds, each timing one run of every
# side in turn, then the median of the N per side (steadier on a machine whose speed drifts)
rounds=${ROUNDS:-1}
runs=
if [ -n "${ROUNDS:-}" ]; then runs=1; fi
for round in $(seq "$rounds"); do
  for model in "${models[@]}"; do
    for s in $sides; do
      echo "== round $round, model $(basename "$model"), $s"
      side "$model" "$s"
    done
  done
done | tee "$work/results.txt"
if [ -n "${ROUNDS:-}" ]; then
  echo "== medians of $rounds interleaved rounds"
  awk '/^== round/ { model = $5; sub(",", "", model) }
       /^(onnx|raw|torch|ort) batch [0-9]+: / { key = model " " $1 " batch " $3; sub(":", "", key)
         if (!(key in n)) order[++keys] = key; v[key, ++n[key]] = $4 }
       END { for (k = 1; k <= keys; k++) { key = order[k]; c = n[key]
               for (i = 1; i <= c; i++) a[i] = v[key, i]
               for (i = 1; i <= c; i++) for (j = i + 1; j <= c; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
               runs = v[key, 1]; for (i = 2; i <= c; i++) runs = runs ", " v[key, i]
               printf "%s: %.2f s (rounds %s)\n", key, a[int((c + 1) / 2)], runs } }' "$work/results.txt"
fi
