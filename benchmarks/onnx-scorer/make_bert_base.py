#!/usr/bin/env python3
"""Writes a BERT-base-sized token classifier with random weights, for scorer benchmarks.

Output directory: model.onnx (exported with dynamic batch and sequence axes), model.pt (the same
weights, for the PyTorch eager comparison), tokenizer.json (a BERT-style WordPiece vocabulary of
30,522 entries built from the words of the given texts) and config.json. Nothing is downloaded:
the only requirement is PyTorch (pip install torch; or Debian: apt-get install python3-torch
libopenblas0-pthread). The export uses the TorchScript exporter (dynamo=False on PyTorch 2.x, whose
default exporter needs onnxscript and writes a different graph), so every PyTorch writes the same
kind of graph.

Usage: make_bert_base.py TEXTS.jsonl FIELD OUTPUT_DIR
"""
import collections
import inspect
import json
import math
import os
import re
import sys

import torch
from torch import nn

VOCAB_SIZE, HIDDEN, LAYERS, HEADS, FF, MAX_POSITIONS = 30522, 768, 12, 12, 3072, 512
WORD = re.compile(r"\w+|[^\w\s]")


class Layer(nn.Module):
    def __init__(self):
        super().__init__()
        self.q, self.k, self.v, self.o = (nn.Linear(HIDDEN, HIDDEN) for _ in range(4))
        self.ln1, self.ln2 = nn.LayerNorm(HIDDEN), nn.LayerNorm(HIDDEN)
        self.ff1, self.ff2 = nn.Linear(HIDDEN, FF), nn.Linear(FF, HIDDEN)

    def forward(self, x, bias):
        b, s, _ = x.shape
        heads = lambda t: t.view(b, s, HEADS, HIDDEN // HEADS).transpose(1, 2)
        q, k, v = heads(self.q(x)), heads(self.k(x)), heads(self.v(x))
        attention = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(HIDDEN // HEADS) + bias, dim=-1)
        context = (attention @ v).transpose(1, 2).reshape(b, s, HIDDEN)
        x = self.ln1(x + self.o(context))
        return self.ln2(x + self.ff2(torch.nn.functional.gelu(self.ff1(x))))


class TokenClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.words = nn.Embedding(VOCAB_SIZE, HIDDEN)
        self.positions = nn.Embedding(MAX_POSITIONS, HIDDEN)
        self.types = nn.Embedding(2, HIDDEN)
        self.ln = nn.LayerNorm(HIDDEN)
        self.layers = nn.ModuleList(Layer() for _ in range(LAYERS))
        self.classifier = nn.Linear(HIDDEN, 2)

    def forward(self, input_ids, attention_mask, token_type_ids):
        positions = torch.arange(input_ids.shape[1]).unsqueeze(0)
        x = self.ln(self.words(input_ids) + self.positions(positions) + self.types(token_type_ids))
        bias = (1.0 - attention_mask[:, None, None, :].float()) * -10000.0
        for layer in self.layers:
            x = layer(x, bias)
        return self.classifier(x)


def vocabulary(texts):
    counts = collections.Counter(w.lower() for t in texts for w in WORD.findall(t))
    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    chars = sorted({c for w in counts for c in w})
    vocab = specials + chars + ["##" + c for c in chars]
    for word, _ in counts.most_common():
        if len(vocab) >= VOCAB_SIZE:
            break
        if word not in vocab:
            vocab.append(word)
    vocab += ["[unused%d]" % i for i in range(VOCAB_SIZE - len(vocab))]
    return vocab


def tokenizer_json(vocab):
    special = lambda i, t: {"id": i, "content": t, "single_word": False, "lstrip": False, "rstrip": False,
                            "normalized": False, "special": True}
    cls, sep = {"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"SpecialToken": {"id": "[SEP]", "type_id": 0}}
    return {
        "version": "1.0", "truncation": None, "padding": None,
        "added_tokens": [special(i, t) for i, t in enumerate(vocab[:5])],
        "normalizer": {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True,
                       "strip_accents": None, "lowercase": True},
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "post_processor": {"type": "TemplateProcessing",
                           "single": [cls, {"Sequence": {"id": "A", "type_id": 0}}, sep],
                           "pair": [cls, {"Sequence": {"id": "A", "type_id": 0}}, sep,
                                    {"Sequence": {"id": "B", "type_id": 1}},
                                    {"SpecialToken": {"id": "[SEP]", "type_id": 1}}],
                           "special_tokens": {"[CLS]": {"id": "[CLS]", "ids": [2], "tokens": ["[CLS]"]},
                                              "[SEP]": {"id": "[SEP]", "ids": [3], "tokens": ["[SEP]"]}}},
        "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                  "max_input_chars_per_word": 100, "vocab": {t: i for i, t in enumerate(vocab)}},
    }


def main():
    texts_file, field, out = sys.argv[1:4]
    texts = [json.loads(line)[field] for line in open(texts_file, encoding="utf-8") if line.strip()]
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "tokenizer.json"), "w", encoding="utf-8") as f:
        json.dump(tokenizer_json(vocabulary(texts)), f)
    with open(os.path.join(out, "config.json"), "w", encoding="utf-8") as f:
        json.dump({"id2label": {"0": "LABEL_0", "1": "LABEL_1"}, "hidden_size": HIDDEN,
                   "num_hidden_layers": LAYERS}, f)
    torch.manual_seed(0)
    model = TokenClassifier().eval()
    torch.save(model.state_dict(), os.path.join(out, "model.pt"))
    ids = torch.ones((2, 16), dtype=torch.long)
    axes = {0: "batch", 1: "sequence"}
    legacy = {"dynamo": False} if "dynamo" in inspect.signature(torch.onnx.export).parameters else {}
    torch.onnx.export(model, (ids, torch.ones_like(ids), torch.zeros_like(ids)), os.path.join(out, "model.onnx"),
                      input_names=["input_ids", "attention_mask", "token_type_ids"], output_names=["logits"],
                      dynamic_axes={"input_ids": axes, "attention_mask": axes, "token_type_ids": axes, "logits": axes},
                      opset_version=14, **legacy)
    print("wrote", out, file=sys.stderr)


if __name__ == "__main__":
    main()
