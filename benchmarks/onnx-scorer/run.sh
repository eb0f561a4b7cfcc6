#!/usr/bin/env bash
# Scorer throughput on CPU: cotkit's batched ONNX scoring against PyTorch eager, same model (a
# BERT-base-sized token classifier with random weights, written here), same token sequences, same
# batches, at batch sizes 1, 8 and 32. Needs PyTorch: on Debian, apt-get install python3-torch
# libopenblas0-pthread (without OpenBLAS, Debian's torch runs on the slow reference BLAS).
# Usage: benchmarks/onnx-scorer/run.sh [COUNT=120] [THREADS=2]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
count=${1:-120}
threads=${2:-2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Debian's python3-torch lives in the system Python, which a pyenv or venv python3 may hide
py=python3
if ! "$py" -c 'import torch' 2>/dev/null; then py=/usr/bin/python3; fi

python3 samples/make_gsm8k_teacher.py --count "$count" --output "$work/texts.jsonl"
"$py" benchmarks/onnx-scorer/make_bert_base.py "$work/texts.jsonl" long_cot "$work/model"
mvn -B -q -DskipTests -pl benchmarks -am package >&2
words=$(java -cp benchmarks/target/cotkit-benchmarks.jar org.cotkit.benchmarks.OnnxScorerThroughput \
  "$work/model" "$work/texts.jsonl" long_cot "$count" "$threads" "$work/sequences.txt" 1 8 32 | tee /dev/stderr \
  | sed -n 's/^texts [0-9]*, words \([0-9]*\),.*/\1/p')
"$py" benchmarks/onnx-scorer/bench_torch.py "$work/model" "$work/sequences.txt" "$words" "$threads" 1 8 32
