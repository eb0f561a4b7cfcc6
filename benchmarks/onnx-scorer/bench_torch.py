#!/usr/bin/env python3
"""PyTorch eager throughput of the model make_bert_base.py wrote, on the very token sequences the
Java scorer runs (dumped by OnnxScorerThroughput, already sorted by length), batched the same way.

Usage: bench_torch.py MODEL_DIR SEQUENCES.txt WORDS THREADS BATCH [BATCH...]
env RUNS=N: timed runs per batch size (default 3; run.sh's interleaved rounds use 1).
Prints one line per batch size: batch, seconds (median of the runs), tokens/s, words/s, padding share.
"""
import os
import statistics
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(__file__))
from make_bert_base import TokenClassifier  # noqa: E402


def main():
    model_dir, sequences_file, words, threads = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    torch.set_num_threads(threads)
    model = TokenClassifier()
    model.load_state_dict(torch.load(model_dir + "/model.pt"))
    model.eval()
    sequences = [[int(t) for t in line.split()] for line in open(sequences_file) if line.strip()]
    tokens = sum(len(s) for s in sequences)
    for batch in (int(b) for b in sys.argv[5:]):
        groups = [sequences[i:i + batch] for i in range(0, len(sequences), batch)]
        tensors, slots = [], 0
        for group in groups:
            width = max(len(s) for s in group)
            slots += width * len(group)
            ids = torch.zeros((len(group), width), dtype=torch.long)
            mask = torch.zeros((len(group), width), dtype=torch.long)
            for row, s in enumerate(group):
                ids[row, :len(s)] = torch.tensor(s)
                mask[row, :len(s)] = 1
            tensors.append((ids, mask, torch.zeros_like(ids)))
        runs = []
        with torch.no_grad():
            model(*tensors[0])  # warm-up
            for _ in range(int(os.environ.get("RUNS", "3"))):
                start = time.perf_counter()
                for t in tensors:
                    model(*t)
                runs.append(time.perf_counter() - start)
        seconds = statistics.median(runs)
        print(f"torch batch {batch}: {seconds:.2f} s (runs {', '.join(f'{r:.2f}' for r in runs)}), "
              f"{tokens / seconds:.0f} tokens/s, {words / seconds:.0f} words/s, padding {1 - tokens / slots:.3f}", flush=True)


if __name__ == "__main__":
    main()
