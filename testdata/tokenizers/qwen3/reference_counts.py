#!/usr/bin/env python3
"""Writes reference_counts.jsonl: texts from testdata/ and their length in Qwen3 tokens, counted
by Hugging Face's own `tokenizers` library (no special tokens), so that the Java tests check
cotkit's counts against an implementation other than the one they run.

usage: python3 testdata/tokenizers/qwen3/reference_counts.py   (needs `pip install tokenizers`)
"""
import gzip
import json
import pathlib

from tokenizers import Tokenizer

here = pathlib.Path(__file__).resolve().parent
testdata = here.parent.parent
tokenizer = Tokenizer.from_str(gzip.decompress((here / "tokenizer.json.gz").read_bytes()).decode("utf-8"))

texts = []
with open(testdata / "gsm8k" / "train.jsonl", encoding="utf-8") as f:
    for i, line in enumerate(f):
        if i % 150 == 0:
            record = json.loads(line)
            texts += [record["question"], record["answer"]]
with open(testdata / "math500" / "test.jsonl", encoding="utf-8") as f:
    for i, line in enumerate(f):
        if i % 10 == 0:
            record = json.loads(line)
            texts += [record["problem"], record["solution"]]
# text outside the Basic Multilingual Plane, CJK, line ends and runs of spaces
texts += [
    "The area is 𝜋r² ≈ 3.14 × 4 = 12.56 😀 done.",
    "计算：3 加 4 等于 7。\r\nSo the answer is 7.",
    "  leading spaces,\ttabs\tand   runs   of spaces  \n\n\nthen lines\n",
    "",
]
with open(here / "reference_counts.jsonl", "w", encoding="utf-8") as out:
    for text in texts:
        tokens = len(tokenizer.encode(text, add_special_tokens=False).ids)
        out.write(json.dumps({"text": text, "tokens": tokens}, ensure_ascii=False) + "\n")
print(f"{len(texts)} texts")
