#!/usr/bin/env bash
# Re-creates testdata/ from the shared data folder: the GSM8K and MATH-500 files and the Qwen3
# tokenizer that the unit tests read. Re-runnable; overwrites the copies and checks their line counts.
#
# usage: testdata/copy_from_shared.sh [SHARED_DATA_DIR]   (default: ../shared/data from the repo root)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
src="${1:-$root/../shared/data}"

if [[ ! -d "$src" ]]; then
  echo "shared data folder not found: $src" >&2
  exit 1
fi

# path relative to the data folder, expected line count
files=(
  "gsm8k/train.jsonl 7473"
  "gsm8k/test.jsonl 1319"
  "gsm8k/example_model_solutions.jsonl 1319"
  "gsm8k/LICENSE 21"
  "math500/test.jsonl 500"
)

status=0
for entry in "${files[@]}"; do
  read -r rel expected <<<"$entry"
  mkdir -p "$here/$(dirname "$rel")"
  cp "$src/$rel" "$here/$rel"
  # count lines, including a last one without a newline
  actual=$(awk 'END { print NR }' "$here/$rel")
  if [[ "$actual" != "$expected" ]]; then
    echo "$rel: $actual lines, expected $expected" >&2
    status=1
  else
    echo "$rel: $actual lines"
  fi
done
# the Qwen3 tokenizer, compressed (11 MB as JSON, 2 MB gzipped); tests unpack it to a temp folder
mkdir -p "$here/tokenizers/qwen3"
gzip -9 -n -c "$src/tokenizers/qwen3/tokenizer.json" >"$here/tokenizers/qwen3/tokenizer.json.gz"
echo "tokenizers/qwen3/tokenizer.json.gz: $(wc -c <"$here/tokenizers/qwen3/tokenizer.json.gz") bytes"
# testdata/math500/LICENSE, testdata/tokenizers/qwen3/LICENSE and the reference counts
# (tokenizers/qwen3/reference_counts.py) are written here, not copied (the source ships none); it is not copied.
exit "$status"
