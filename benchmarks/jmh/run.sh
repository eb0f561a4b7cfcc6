#!/usr/bin/env bash
# JMH microbenchmarks of the compressor stages (segment, score, prune) on GSM8K reference
# solutions: ops/s are words/s, and -prof gc's gc.alloc.rate.norm is bytes allocated per word.
# Defaults suit a shared 2-core machine; an option given on the command line replaces its default.
# Usage: benchmarks/jmh/run.sh [JMH options] [benchmark regex]
#   e.g. benchmarks/jmh/run.sh Pruning -p ratios=0.5      benchmarks/jmh/run.sh -i 10 -r 5s
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."   # the benchmarks read ../shared/data relative to the repository root

mvn -B -q -o -DskipTests -pl benchmarks package >&2

defaults=(-f 1 -wi 5 -w 2s -i 5 -r 2s -prof gc -rf json -rff benchmarks/target/jmh-result.json)
args=()
for ((i = 0; i < ${#defaults[@]}; i += 2)); do
  option=${defaults[i]}
  given=false
  for arg in "$@"; do
    [[ $arg == "$option" ]] && given=true
  done
  $given || args+=("$option" "${defaults[i + 1]}")
done

# JMH's forks reread the jar, so a rebuild during a run would break it: run a private copy
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp benchmarks/target/cotkit-benchmarks.jar "$work/"
java -cp "$work/cotkit-benchmarks.jar" org.openjdk.jmh.Main "${args[@]}" "$@"
