#!/usr/bin/env python3
"""ONNX Runtime's own Python API on the model.onnx the Java scorer runs, on the very token sequences
it ran (dumped by OnnxScorerThroughput, already sorted by length), batched the same way, with the
same thread count: the same graph with no Java around it. Times only session.run, like bench_torch.py.

Usage: bench_ort.py MODEL.onnx SEQUENCES.txt WORDS THREADS BATCH [BATCH...]
  env ORT_OPT=disable|basic|extended|all (default all, as cotkit), ORT_INTER_OP=N (default: ORT's),
  ORT_SPIN=0|1 (default: ORT's, spinning on), RUNS=N timed runs per batch size (default 3)
Prints one line per batch size: batch, seconds (median of the runs), tokens/s, words/s, padding share.
"""
import os
import statistics
import sys
import time

import numpy as np
import onnxruntime as ort

LEVELS = {"disable": ort.GraphOptimizationLevel.ORT_DISABLE_ALL, "basic": ort.GraphOptimizationLevel.ORT_ENABLE_BASIC,
          "extended": ort.GraphOptimizationLevel.ORT_ENABLE_EXTENDED, "all": ort.GraphOptimizationLevel.ORT_ENABLE_ALL}


def session(model, threads):
    options = ort.SessionOptions()
    options.graph_optimization_level = LEVELS[os.environ.get("ORT_OPT", "all")]
    options.intra_op_num_threads = threads
    if "ORT_INTER_OP" in os.environ:
        options.inter_op_num_threads = int(os.environ["ORT_INTER_OP"])
    if "ORT_SPIN" in os.environ:
        options.add_session_config_entry("session.intra_op.allow_spinning", os.environ["ORT_SPIN"])
    return ort.InferenceSession(model, options, providers=["CPUExecutionProvider"])


def main():
    model, sequences_file, words, threads = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    sess = session(model, threads)
    names = {i.name for i in sess.get_inputs()}
    sequences = [[int(t) for t in line.split()] for line in open(sequences_file) if line.strip()]
    tokens = sum(len(s) for s in sequences)
    print(f"ort {ort.__version__}, opt {os.environ.get('ORT_OPT', 'all')}, intra-op {threads}, "
          f"inter-op {os.environ.get('ORT_INTER_OP', 'default')}, spin {os.environ.get('ORT_SPIN', 'default')}, "
          f"model {model}", flush=True)
    for batch in (int(b) for b in sys.argv[5:]):
        feeds, slots = [], 0
        for i in range(0, len(sequences), batch):
            group = sequences[i:i + batch]
            width = max(len(s) for s in group)
            slots += width * len(group)
            ids = np.zeros((len(group), width), dtype=np.int64)
            mask = np.zeros((len(group), width), dtype=np.int64)
            for row, s in enumerate(group):
                ids[row, :len(s)] = s
                mask[row, :len(s)] = 1
            feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            feeds.append({k: v for k, v in feed.items() if k in names})
        sess.run(None, feeds[0])  # warm-up
        runs = []
        for _ in range(int(os.environ.get("RUNS", "3"))):
            start = time.perf_counter()
            for feed in feeds:
                sess.run(None, feed)
            runs.append(time.perf_counter() - start)
        seconds = statistics.median(runs)
        print(f"ort batch {batch}: {seconds:.2f} s (runs {', '.join(f'{r:.2f}' for r in runs)}), "
              f"{tokens / seconds:.0f} tokens/s, {words / seconds:.0f} words/s, padding {1 - tokens / slots:.3f}", flush=True)


if __name__ == "__main__":
    main()
