#!/usr/bin/env python3
"""Builds samples/gsm8k-teacher.jsonl from the GSM8K test split in ../shared/data/gsm8k.

Re-runnable and deterministic: it takes the first N test problems (default 200) in file order.
For each: answer = the number after '####'; short_cot = the reference solution; long_cot = the
socratic solution (sub-question ** answer steps); samples = the four model solutions of
example_model_solutions.jsonl with their is_correct. Every CoT is cleaned the same way: the
'#### N' line and the '<<a*b=c>>' calculator notes are removed.

Usage: python3 samples/make_gsm8k_teacher.py [--data ../shared/data/gsm8k] [--count 200]
"""
import argparse
import json
import os
import re

CALCULATOR_NOTE = re.compile(r"<<[^<>]*>>")
MODEL_KEYS = ["6b_finetuning", "6b_verification", "175b_finetuning", "175b_verification"]


def clean(solution):
    lines = [line for line in solution.split("\n") if not line.startswith("####")]
    return CALCULATOR_NOTE.sub("", "\n".join(lines)).strip()


def final_number(solution):
    marker = solution.rindex("####")
    return solution[marker + 4:].strip().replace(",", "")


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=os.path.join(here, "..", "..", "shared", "data", "gsm8k"))
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--output", default=os.path.join(here, "gsm8k-teacher.jsonl"))
    args = parser.parse_args()

    test = read_jsonl(os.path.join(args.data, "test.jsonl"))
    socratic = read_jsonl(os.path.join(args.data, "test_socratic.jsonl"))
    models = read_jsonl(os.path.join(args.data, "example_model_solutions.jsonl"))
    assert len(test) == len(socratic) == len(models), "GSM8K test files differ in length"

    with open(args.output, "w", encoding="utf-8") as out:
        for index in range(min(args.count, len(test))):
            reference, steps, solutions = test[index], socratic[index], models[index]
            assert reference["question"] == steps["question"] == solutions["question"], index
            record = {
                "id": "gsm8k-test-%04d" % index,
                "question": reference["question"],
                "answer": final_number(reference["answer"]),
                "short_cot": clean(reference["answer"]),
                "long_cot": clean(steps["answer"]),
                "samples": [
                    {"cot": clean(solutions[key]["solution"]), "correct": solutions[key]["is_correct"]}
                    for key in MODEL_KEYS if key in solutions
                ],
                "source": "gsm8k/test",
                "domain": "math",
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
