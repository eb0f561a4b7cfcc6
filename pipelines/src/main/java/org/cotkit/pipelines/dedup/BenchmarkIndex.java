package org.cotkit.pipelines.dedup;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The benchmarks' questions as a training question is checked against them: every word n-gram of
 * every benchmark question, and the MinHash band keys and shingles of each for near duplicates.
 * Built once per run in the corpus pass and read once per worker.
 */
public final class BenchmarkIndex implements Serializable {

  private static final long serialVersionUID = 1L;

  /** How a training question overlaps a benchmark question. */
  public record Contamination(int benchmark, String file, String questionId, String ngram, Double jaccard) {}

  private final int ngram;
  private final int minWords;
  private final double jaccardThreshold;
  private final String[] files;
  private final int[] benchmarkOf;
  private final String[] ids;
  private final long[][] shingles;
  private final int[] questionsPerBenchmark;
  private final LongIntTable ngrams = new LongIntTable();
  private final LongIntTable bands = new LongIntTable();
  /** The lengths below {@code ngram} of benchmark questions indexed whole, so training windows of them are looked up too. */
  private final TreeSet<Integer> shortLengths = new TreeSet<>();

  /**
   * @param ngram words per n-gram; a benchmark question shorter than that is one n-gram of all its
   *     words when it has at least half as many, and is checked only for near duplicates otherwise
   */
  public BenchmarkIndex(List<BenchmarkQuestions.Benchmark> benchmarks, int ngram, double jaccardThreshold) {
    this.ngram = ngram;
    this.minWords = Math.max(1, (ngram + 1) / 2);
    this.jaccardThreshold = jaccardThreshold;
    int total = benchmarks.stream().mapToInt(b -> b.questions().size()).sum();
    files = new String[benchmarks.size()];
    questionsPerBenchmark = new int[benchmarks.size()];
    benchmarkOf = new int[total];
    ids = new String[total];
    shingles = new long[total][];
    int q = 0;
    for (int b = 0; b < benchmarks.size(); b++) {
      files[b] = benchmarks.get(b).file();
      questionsPerBenchmark[b] = benchmarks.get(b).questions().size();
      for (BenchmarkQuestions.Question question : benchmarks.get(b).questions()) {
        long[] words = WordGrams.wordHashes(QuestionWords.of(question.text()));
        benchmarkOf[q] = b;
        ids[q] = question.id();
        for (long gram : WordGrams.ngrams(words, ngram, minWords)) {
          ngrams.putIfAbsent(gram, q);
        }
        if (words.length < ngram && words.length >= minWords) {
          shortLengths.add(words.length);
        }
        shingles[q] = WordGrams.shingles(words);
        for (long key : MinHashBands.keys(shingles[q])) {
          bands.putIfAbsent(key, q);
        }
        q++;
      }
    }
  }

  /** The benchmark files, in the order contamination counts name them. */
  public List<String> files() {
    return List.of(files);
  }

  public int questions(int benchmark) {
    return questionsPerBenchmark[benchmark];
  }

  /**
   * The first benchmark question the training question shares an n-gram with, or else the most
   * similar one it is a near duplicate of; empty when it is clean.
   */
  public Optional<Contamination> find(List<String> words) {
    long[] hashes = WordGrams.wordHashes(words);
    Optional<Contamination> shared = sharedNgram(words, hashes, ngram, minWords);
    for (int n : shortLengths) {
      if (shared.isPresent()) {
        break;
      }
      shared = sharedNgram(words, hashes, n, n);
    }
    if (shared.isPresent()) {
      return shared;
    }
    long[] own = WordGrams.shingles(hashes);
    int best = -1;
    double bestJaccard = 0;
    for (long key : MinHashBands.keys(own)) {
      int q = bands.get(key);
      if (q != LongIntTable.MISSING) {
        double jaccard = WordGrams.jaccard(own, shingles[q]);
        if (jaccard >= jaccardThreshold && (jaccard > bestJaccard || (jaccard == bestJaccard && q < best))) {
          best = q;
          bestJaccard = jaccard;
        }
      }
    }
    return best < 0 ? Optional.empty()
        : Optional.of(new Contamination(benchmarkOf[best], files[benchmarkOf[best]], ids[best], null, bestJaccard));
  }

  private Optional<Contamination> sharedNgram(List<String> words, long[] hashes, int n, int min) {
    long[] grams = WordGrams.ngrams(hashes, n, min);
    for (int i = 0; i < grams.length; i++) {
      int q = ngrams.get(grams[i]);
      if (q != LongIntTable.MISSING) {
        return Optional.of(
            new Contamination(benchmarkOf[q], files[benchmarkOf[q]], ids[q], WordGrams.text(words, i, n), null));
      }
    }
    return Optional.empty();
  }
}
