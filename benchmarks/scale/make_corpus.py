#!/usr/bin/env python3
"""Makes an N-times GSM8K corpus for the scale benchmark (benchmarks/scale/run.sh).

Usage: make_corpus.py --factor N --output FILE [--shards K] [--seed S] [--input GSM8K_JSONL]

Writes N copies of every record, copy-major (all of copy 0, then all of copy 1, ...), each with an
`id` field "gsm8k-train-<line>-r<copy>" (line is 1-based). Copy 0 is the original record. Later
copies are varied so that no two copies of a question are equal, even after cotkit's
normalisation (trim, lower-case, collapse whitespace), which derived ids and the split hash:
  1. first names from a fixed, gendered list are swapped for other names of the same gender
     (so pronouns still agree), consistently in question and solution (solutions name people too);
  2. a few filler words of the question are swapped for synonyms ("bought" -> "purchased");
  3. only when 1 and 2 give no new question (no names, or their variants are used up), the
     question gets a lead-in and/or closing sentence of the kind prompt datasets carry.
Digits, operators and the "#### N" line are never touched, so the reference answer stays right.
The output depends only on the input, --factor and --seed.

With --shards K > 1, FILE's records are split into K contiguous files named
<FILE without .jsonl>-00000-of-0000K.jsonl, ...; the glob to pass to --input is printed.
"""
import argparse
import hashlib
import json
import os
import random
import re
import sys

# Names common in GSM8K that are not also ordinary words, months or places (no May, Bill, Rose,
# Miles, Austin) and not used for both sexes (no Sam, Alex, Chris), so swapping them cannot turn
# "the bill" into "the Tom" or make "she" refer to a man.
FEMALE = """Natalia Mary Sarah Lisa Martha Janet Carla Anna Jane Jill Emily Betty Sally Karen Jenny
Rachel Susan Tina Julia Maria Alice Lucy Jessica Amanda Annie Amy Monica Beth Jenna Nancy Megan
Katie Mandy Kate Hannah Julie Kendra Emma Stephanie Nicole Rebecca Michelle Angela Brenda Donna
Helen Samantha Diane Barbara Sandra Linda Laura Nina Carrie Janice Madeline Joan Wendy Susie
Jennifer Sara Kylie Abigail Jasmine Olivia Gina Molly Melissa Tiffany Kayla Diana Brittany Claire
Rita Stella Haley Carmen Cheryl Erin Leila Carly Bella Carolyn Tara Elsa Dorothy""".split()
MALE = """John James Bob Tom Mike Peter Matt Jerry Harry Jim Joe Billy Jason Steve Michael Andrew
Mark Albert Paul Carl Ben Kevin Jacob Ryan Jake Tony Ken Jimmy Greg Tim Kyle Adam George Brian Jeff
Rick Andy Josh Randy David Gerald Dave William Fred Patrick Marcus Henry Thomas Roger Bobby Pete
Caleb Simon Jeremy Robert Brad Carlos Alan Daniel Ted Barry Lucas Neil Tommy Phil Oliver Samuel
Tyler Brandon Gary Joseph Anthony Aaron Luke Eric Trevor Steven Richard Derek Johnny Toby Martin
Danny Bryan Sean Jerome Kenny Calvin Ian Nick Charles Nathan Jared Ralph Arthur Hank Noah Larry Juan
Jose Javier Diego Ivan Joel Zach Malcolm Chad""".split()
SAME_GENDER = {name: names for names in (FEMALE, MALE) for name in names}
NAME = re.compile(r"\b(" + "|".join(SAME_GENDER) + r")\b")
# "Mr. Thomas" is a surname; a name that ever follows a title is left alone in that record, since
# swapping only its bare uses would make them two people.
TITLED = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Miss)\.? (" + "|".join(SAME_GENDER) + r")\b")
ANY_WORD = re.compile(r"\b[A-Za-z]+\b")

# Question-only synonym swaps that read correctly wherever the word stands.
FILLERS = {"altogether": "in total", "in total": "altogether", "bought": "purchased",
           "buys": "purchases", "purchased": "bought"}
FILLER = re.compile(r"\b(" + "|".join(FILLERS) + r")\b")

# 10 x 10 framings (plus none): enough for 100 distinct copies of a question with nothing to swap.
LEAD_INS = ["", "Solve the following problem. ", "Here is a word problem. ",
            "Answer the question below. ", "Read carefully. ", "Math problem: ", "Question: ",
            "Consider this situation. ", "Work out the answer. ", "A quick one. ",
            "Try this problem. "]
CLOSINGS = ["", " Show your work.", " Explain your reasoning.", " Think step by step.",
            " Give the answer as a number.", " Explain each step.", " Show each calculation.",
            " Be careful with the units.", " Write out your reasoning.", " Justify your answer.",
            " Answer with a short explanation."]

MAX_ATTEMPTS = 2000


def normalise(question):
    """cotkit's QuestionText.normalise: copies equal under it would count as one question."""
    return " ".join(question.split()).lower()


def digest(question):
    return hashlib.blake2b(normalise(question).encode(), digest_size=8).digest()


class Variants:
    """The copies of one record; remembers its questions so that no copy repeats an earlier one."""

    def __init__(self, line, record, seed):
        self.line = line
        self.record = record
        self.seed = seed
        text = record["question"] + "\n" + record["answer"]
        titled = set(TITLED.findall(text))
        self.names = sorted(set(NAME.findall(text)) - titled)
        self.words = set(ANY_WORD.findall(text))
        self.fillers = sorted(set(FILLER.findall(record["question"])))
        self.seen = {digest(record["question"])}

    def copy(self, r):
        if r == 0:
            return dict(self.record)
        rng = random.Random(f"{self.seed}:{self.line}:{r}")
        # Swaps first; framing only once swaps alone stop giving new questions.
        for attempt in range(MAX_ATTEMPTS):
            question, answer = self._swap(rng)
            if attempt >= 20 or question == self.record["question"]:
                lead, close = rng.choice(LEAD_INS), rng.choice(CLOSINGS)
                question = lead + question + close
            key = digest(question)
            if key not in self.seen:
                self.seen.add(key)
                return {**self.record, "question": question, "answer": answer}
        raise SystemExit(f"line {self.line}: no new variant for copy {r}; use a smaller --factor")

    def _swap(self, rng):
        question, answer = self.record["question"], self.record["answer"]
        if self.names:
            mapping = {}
            for name in self.names:
                # never a name the record already uses, nor one already chosen: two people stay two
                taken = self.words | set(mapping.values())
                choices = [n for n in SAME_GENDER[name] if n not in taken]
                mapping[name] = rng.choice(choices)
            swap = lambda m: mapping.get(m.group(1), m.group(1))  # titled names stay
            question, answer = NAME.sub(swap, question), NAME.sub(swap, answer)
        if self.fillers:
            # one pass, so that "altogether" -> "in total" is not turned back by "in total" -> ...
            chosen = {word for word in self.fillers if rng.random() < 0.5}
            question = FILLER.sub(lambda m: FILLERS[m.group(1)] if m.group(1) in chosen else m.group(1),
                                  question)
        return question, answer


def shard_paths(output, shards):
    if shards == 1:
        return [output], output
    stem = output[:-len(".jsonl")] if output.endswith(".jsonl") else output
    return ([f"{stem}-{i:05d}-of-{shards:05d}.jsonl" for i in range(shards)],
            f"{stem}-*-of-{shards:05d}.jsonl")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--factor", type=int, required=True,
                        help="copies of every record (1 = the original set)")
    parser.add_argument("--output", required=True,
                        help="output .jsonl file (the name stem with --shards)")
    parser.add_argument("--shards", type=int, default=1, help="number of output files (default 1)")
    parser.add_argument("--seed", type=int, default=42, help="seed of the variations (default 42)")
    parser.add_argument("--input", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                        "../../../shared/data/gsm8k/train.jsonl"),
                        help="GSM8K train JSONL (default: the shared copy)")
    args = parser.parse_args()
    if args.factor < 1 or args.shards < 1:
        parser.error("--factor and --shards must be at least 1")

    with open(args.input, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    variants = [Variants(i + 1, {"id": f"gsm8k-train-{i + 1}", **record}, args.seed)
                for i, record in enumerate(records)]
    total = len(records) * args.factor
    paths, glob = shard_paths(args.output, args.shards)

    # Shards are written under temporary names and renamed at the end: an interrupted run leaves no
    # file that looks complete.
    temps = [f"{p}.tmp" for p in paths]
    outs = [open(t, "w", encoding="utf-8") for t in temps]
    written = 0
    for r in range(args.factor):
        for v in variants:
            record = v.copy(r)
            record["id"] = f"{record['id']}-r{r}"
            outs[written * args.shards // total].write(json.dumps(record) + "\n")
            written += 1
    for out in outs:
        out.close()
    for temp, path in zip(temps, paths):
        os.replace(temp, path)
    print(f"wrote {written} records to {glob}")


if __name__ == "__main__":
    sys.exit(main())
