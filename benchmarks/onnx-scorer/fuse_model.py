#!/usr/bin/env python3
"""Applies ONNX Runtime's transformer fusions offline (onnxruntime.transformers.optimizer, BERT
patterns: Attention, SkipLayerNormalization, BiasGelu, EmbedLayerNormalization, ...) to a model
directory's model.onnx and writes a model directory cotkit can load: the fused model.onnx beside
copies of tokenizer.json and config.json. A user exporting an LLMLingua-2 model can run it the same
way (for XLM-RoBERTa-large: --heads 16 --hidden 1024). Needs pip install onnxruntime onnx.

Usage: fuse_model.py MODEL_DIR OUTPUT_DIR [--heads 12] [--hidden 768] [--opt-level 0|1|2|99]
  --opt-level 0 (default) applies only the Python fusions and leaves ONNX Runtime's own graph
  optimisations to the session that loads the model; higher levels bake those in too.
"""
import argparse
import os
import shutil

from onnxruntime.transformers.optimizer import optimize_model


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("model_dir")
    parser.add_argument("output_dir")
    parser.add_argument("--heads", type=int, default=12)
    parser.add_argument("--hidden", type=int, default=768)
    parser.add_argument("--opt-level", type=int, default=0)
    args = parser.parse_args()
    os.makedirs(args.output_dir, exist_ok=True)
    model = optimize_model(os.path.join(args.model_dir, "model.onnx"), model_type="bert", num_heads=args.heads,
                           hidden_size=args.hidden, opt_level=args.opt_level)
    print("fused operators:", {k: v for k, v in model.get_fused_operator_statistics().items() if v})
    model.save_model_to_file(os.path.join(args.output_dir, "model.onnx"))
    for name in ("tokenizer.json", "config.json"):
        if os.path.exists(os.path.join(args.model_dir, name)):
            shutil.copy(os.path.join(args.model_dir, name), args.output_dir)


if __name__ == "__main__":
    main()
