package org.cotkit.compressors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * TokenSkip-style pruning to a target ratio γ: keeps every forced word, then the highest-scoring
 * remaining words, until the kept share of tokens reaches γ. The share is never below γ and
 * exceeds it only by the last word added (or by the forced words alone). Ties in score keep the
 * earlier word, so the result is deterministic.
 */
public final class RatioPruner {

  /** Which words one ratio keeps, and the token counts behind its achieved ratio. */
  public record Selection(double ratio, boolean[] kept, int keptTokens, int totalTokens) {}

  private final TokenCounter tokenCounter;

  public RatioPruner(TokenCounter tokenCounter) {
    this.tokenCounter = tokenCounter;
  }

  /**
   * Selects the kept words for each ratio. The ranking is computed once and shared by all ratios.
   *
   * @throws IllegalArgumentException if a ratio is outside (0, 1] or the arrays differ in length
   */
  public List<Selection> select(List<Word> words, double[] scores, boolean[] forced, double... ratios) {
    int n = words.size();
    if (scores.length != n || forced.length != n) {
      throw new IllegalArgumentException(
          "expected " + n + " scores and forced marks, got " + scores.length + " and " + forced.length);
    }
    int[] tokens = new int[n];
    int totalTokens = 0;
    int forcedTokens = 0;
    for (int i = 0; i < n; i++) {
      tokens[i] = tokenCounter.count(words.get(i));
      totalTokens += tokens[i];
      if (forced[i]) {
        forcedTokens += tokens[i];
      }
    }
    int[] ranked = rankUnforced(scores, forced);

    List<Selection> selections = new ArrayList<>(ratios.length);
    for (double ratio : ratios) {
      if (!(ratio > 0 && ratio <= 1)) {
        throw new IllegalArgumentException("ratio must be in (0, 1], got " + ratio);
      }
      boolean[] kept = forced.clone();
      int keptTokens = forcedTokens;
      // the epsilon keeps 0.7 × 10 from becoming 8 through floating-point error; any positive
      // ratio of a non-empty text keeps at least one token
      long target = Math.max((long) Math.ceil(ratio * totalTokens - 1e-9), totalTokens > 0 ? 1 : 0);
      for (int r = 0; r < ranked.length && keptTokens < target; r++) {
        kept[ranked[r]] = true;
        keptTokens += tokens[ranked[r]];
      }
      selections.add(new Selection(ratio, kept, keptTokens, totalTokens));
    }
    return selections;
  }

  /**
   * Indices of unforced words, highest score first, earlier word first among equal scores. Sorts
   * primitives (each index packed under its score's rank) rather than boxed indices with a
   * comparator, which was a sixth of pruning when profiled.
   */
  private static int[] rankUnforced(double[] scores, boolean[] forced) {
    int count = 0;
    for (boolean f : forced) {
      if (!f) {
        count++;
      }
    }
    double[] ascending = new double[count];
    for (int i = 0, j = 0; i < forced.length; i++) {
      if (!forced[i]) {
        ascending[j++] = scores[i];
      }
    }
    Arrays.sort(ascending); // the order of Double.compare
    long[] keys = new long[count];
    for (int i = 0, j = 0; i < forced.length; i++) {
      if (!forced[i]) {
        // equal scores share a rank, so the index in the low bits breaks their tie
        long rankFromTop = count - 1 - firstPosition(ascending, scores[i]);
        keys[j++] = rankFromTop << 32 | i;
      }
    }
    Arrays.sort(keys);
    int[] ranked = new int[count];
    for (int j = 0; j < count; j++) {
      ranked[j] = (int) keys[j];
    }
    return ranked;
  }

  /** Position of the first element of {@code sorted} equal to {@code value} (which it holds). */
  private static int firstPosition(double[] sorted, double value) {
    int low = 0;
    int high = sorted.length - 1;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (Double.compare(sorted[middle], value) < 0) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }
}
