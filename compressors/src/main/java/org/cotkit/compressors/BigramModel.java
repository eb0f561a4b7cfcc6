package org.cotkit.compressors;

import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;

/**
 * An interpolated Kneser-Ney bigram language model over word keys.
 *
 * <p>{@code P(w|v) = max(c(v,w) − D, 0) / c(v) + D·N1+(v•) / c(v) · Pcont(w)}, where
 * {@code Pcont(w)} is the share of distinct histories that {@code w} follows, add-one smoothed so
 * that a word never seen in the corpus still gets a finite probability. A history never seen
 * falls back to {@code Pcont} alone. Immutable once {@link #fit fitted}; safe to share.
 */
public final class BigramModel implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The usual absolute discount for bigrams (Chen and Goodman). */
  public static final double DEFAULT_DISCOUNT = 0.75;

  private final double discount;
  private final BigramCounts counts;
  /** By word number ({@link BigramCounts#id}), as a history: total count of its bigrams. */
  private final long[] historyTotals;
  /** By word number, as a history: number of distinct words that follow it. */
  private final int[] historyFollowers;
  /** By word number: number of distinct histories it follows. */
  private final int[] continuations;
  /** By word number: how often it occurs (after any history, {@link BigramCounts#START} included). */
  private final long[] occurrences;
  private final long wordCount;
  private final int vocabularySize;
  private final double continuationDenominator;

  private BigramModel(double discount, BigramCounts counts) {
    this.discount = discount;
    this.counts = counts;
    int numbered = counts.numberedKeys();
    historyTotals = new long[numbered];
    historyFollowers = new int[numbered];
    continuations = new int[numbered];
    occurrences = new long[numbered];
    counts.forEachBigram((previous, word, count) -> {
      historyTotals[previous] += count;
      historyFollowers[previous] += 1;
      continuations[word] += 1;
      occurrences[word] += count;
    });
    long words = 0;
    for (long occurrence : occurrences) {
      words += occurrence;
    }
    wordCount = words;
    int followers = 0;
    for (int continuation : continuations) {
      followers += continuation > 0 ? 1 : 0;
    }
    vocabularySize = followers;
    // distinct bigram types + one pseudo-count per known word and one for every unknown word
    this.continuationDenominator = counts.distinctBigrams() + vocabularySize + 1.0;
  }

  public static BigramModel fit(BigramCounts counts) {
    return fit(counts, DEFAULT_DISCOUNT);
  }

  public static BigramModel fit(BigramCounts counts, double discount) {
    if (!(discount > 0 && discount < 1)) {
      throw new IllegalArgumentException("discount must be in (0, 1), got " + discount);
    }
    BigramCounts frozen = new BigramCounts().merge(counts); // later changes to counts must not leak in
    return new BigramModel(discount, frozen);
  }

  /** Natural-log probability of {@code word} following {@code previous}. */
  public double logProbability(String previous, String word) {
    return logProbability(wordNumber(previous), wordNumber(word));
  }

  /**
   * The number under which the model knows a word key, -1 for a word it never saw; for
   * {@link #logProbability(int, int)}, which spares a scorer looking each word up twice.
   */
  public int wordNumber(String key) {
    return counts.id(key);
  }

  /** How many word numbers there are: they run from 0 below this. */
  int numberedWords() {
    return occurrences.length;
  }

  /** The word key numbered {@code word}. */
  String key(int word) {
    return counts.key(word);
  }

  /** Natural-log probability of word number {@code word} following number {@code previous}. */
  public double logProbability(int previous, int word) {
    double continuation = ((word < 0 ? 0 : continuations[word]) + 1.0) / continuationDenominator;
    if (previous < 0 || historyFollowers[previous] == 0) {
      return Math.log(continuation);
    }
    long pairCount = counts.count(previous, word);
    double total = historyTotals[previous];
    double seen = Math.max(pairCount - discount, 0.0) / total;
    double backoffWeight = discount * historyFollowers[previous] / total;
    return Math.log(seen + backoffWeight * continuation);
  }

  /**
   * Natural-log probability of word number {@code word} on its own, whatever precedes it:
   * add-one smoothed, so that a word never seen gets the probability of one seen once less.
   */
  public double logUnigramProbability(int word) {
    double occurred = word < 0 ? 0 : occurrences[word];
    return Math.log((occurred + 1.0) / (wordCount + vocabularySize + 1.0));
  }

  /** Number of distinct word keys the model has seen after some history. */
  public int vocabularySize() {
    return vocabularySize;
  }

  /** Serialises as counts and discount only; the derived tables are rebuilt on reading. */
  @Serial
  private Object writeReplace() {
    return new SerializedForm(counts, discount);
  }

  @Serial
  private void readObject(ObjectInputStream in) throws java.io.InvalidObjectException {
    throw new java.io.InvalidObjectException("BigramModel is read through its serialized form");
  }

  private record SerializedForm(BigramCounts counts, double discount) implements Serializable {
    @Serial
    private Object readResolve() {
      return fit(counts, discount);
    }
  }
}
