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
      long target = targetTokens(ratio, totalTokens);
      for (int r = 0; r < ranked.length && keptTokens < target; r++) {
        kept[ranked[r]] = true;
        keptTokens += tokens[ranked[r]];
      }
      selections.add(new Selection(ratio, kept, keptTokens, totalTokens));
    }
    return selections;
  }

  /**
   * The fewest tokens whose share of {@code total}, computed as the achieved ratio is
   * ({@code kept / total} in doubles), reaches γ; at least one token of a non-empty text. The
   * product γ × total alone is not enough: it rounds in binary, so that 0.7 × 10 is
   * 7.000000000000001, and a γ just above k / total (the double after 0.75, of 4 tokens) must keep
   * k + 1, not k.
   */
  static long targetTokens(double ratio, int total) {
    if (total == 0) {
      return 0;
    }
    long target = Math.max(1, (long) Math.ceil(ratio * total));
    while (target > 1 && (double) (target - 1) / total >= ratio) {
      target--;
    }
    while (target < total && (double) target / total < ratio) {
      target++;
    }
    return target;
  }

  /** Indices of unforced words, highest score first, earlier word first among equal scores. */
  private static int[] rankUnforced(double[] scores, boolean[] forced) {
    int count = 0;
    for (boolean f : forced) {
      if (!f) {
        count++;
      }
    }
    Integer[] order = new Integer[count];
    for (int i = 0, j = 0; i < forced.length; i++) {
      if (!forced[i]) {
        order[j++] = i;
      }
    }
    Arrays.sort(order, (a, b) -> {
      int byScore = Double.compare(scores[b], scores[a]);
      return byScore != 0 ? byScore : Integer.compare(a, b);
    });
    int[] ranked = new int[count];
    for (int j = 0; j < count; j++) {
      ranked[j] = order[j];
    }
    return ranked;
  }
}
