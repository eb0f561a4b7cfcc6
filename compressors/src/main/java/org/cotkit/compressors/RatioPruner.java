package org.cotkit.compressors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * TokenSkip-style pruning to a target ratio γ: keeps every forced word, then the highest-scoring
 * remaining words, until the kept share of tokens reaches γ. The share is never below γ and
 * exceeds it only by the last word (or group of words kept together) added, or by the forced
 * words alone. Ties in score keep the earlier word, so the result is deterministic.
 *
 * <p>A word's cost in tokens may be an estimate (a subword tokenizer can split a word differently
 * once its neighbours are dropped); then a {@link KeptLength} measures each selection exactly: the
 * kept words are still the forced ones and a prefix of the ranking, one whose measured share
 * reaches γ and falls below it without its last word, found from the estimate by adding and
 * giving back words.
 */
public final class RatioPruner {

  /** Which words one ratio keeps, and the token counts behind its achieved ratio. */
  public record Selection(double ratio, boolean[] kept, int keptTokens, int totalTokens) {}

  /** The exact token length of the text that a selection of words renders to. */
  @FunctionalInterface
  public interface KeptLength {
    int of(boolean[] kept);
  }

  /**
   * Selects the kept words for each ratio, counting every word as one token.
   *
   * @throws IllegalArgumentException if a ratio is outside (0, 1] or the arrays differ in length
   */
  public List<Selection> select(List<Word> words, double[] scores, boolean[] forced, double... ratios) {
    int[] costs = new int[words.size()];
    Arrays.fill(costs, 1);
    return select(costs, scores, forced, null, null, ratios);
  }

  /**
   * Selects the kept words for each ratio, every word on its own. The ranking is computed once and
   * shared by all ratios.
   *
   * @param costs each word's tokens; the text's length is their sum
   * @param exact measures a selection when the costs are estimates; null when they add up exactly
   * @throws IllegalArgumentException if a ratio is outside (0, 1] or the arrays differ in length
   */
  public List<Selection> select(int[] costs, double[] scores, boolean[] forced, KeptLength exact, double... ratios) {
    return select(costs, scores, forced, null, exact, ratios);
  }

  /**
   * Selects the kept words for each ratio, keeping or dropping each group of words together
   * ({@link PairedWords#groups}): a group comes in with its highest-ranked word, and the share
   * exceeds γ only by the last word or group added. A group holding a forced word is forced whole.
   *
   * @param together the groups as a ring of next words; null when every word stands alone
   */
  public List<Selection> select(
      int[] costs, double[] scores, boolean[] forced, int[] together, KeptLength exact, double... ratios) {
    int n = costs.length;
    if (scores.length != n || forced.length != n || (together != null && together.length != n)) {
      throw new IllegalArgumentException(
          "expected " + n + " scores, forced marks and group links, got " + scores.length + ", " + forced.length
              + " and " + (together == null ? n : together.length));
    }
    boolean[] mustKeep = together == null ? forced : PairedWords.closeForced(forced.clone(), together);
    int totalTokens = 0;
    int forcedTokens = 0;
    for (int i = 0; i < n; i++) {
      totalTokens += costs[i];
      if (mustKeep[i]) {
        forcedTokens += costs[i];
      }
    }
    int[] ranked = rankUnforced(scores, mustKeep, together);

    List<Selection> selections = new ArrayList<>(ratios.length);
    for (double ratio : ratios) {
      if (!(ratio > 0 && ratio <= 1)) {
        throw new IllegalArgumentException("ratio must be in (0, 1], got " + ratio);
      }
      if (ratio >= 1.0) { // every word, the text itself: nothing to measure
        boolean[] all = new boolean[n];
        Arrays.fill(all, true);
        selections.add(new Selection(ratio, all, totalTokens, totalTokens));
        continue;
      }
      boolean[] kept = mustKeep.clone();
      long target = targetTokens(ratio, totalTokens);
      int estimated = forcedTokens;
      long wanted = target;
      int r = 0;
      int keptTokens;
      while (true) {
        for (; r < ranked.length && estimated < wanted; r++) {
          estimated += mark(kept, ranked[r], together, costs, true);
        }
        if (exact == null) {
          keptTokens = estimated;
          break;
        }
        keptTokens = exact.of(kept);
        if (keptTokens >= target || r == ranked.length) {
          break;
        }
        wanted = estimated + (target - keptTokens); // the estimate ran short by that much
      }
      // the measure can also come out above the estimate (a line break that was one token with a
      // dropped word's period is a token of its own now): then give back the last words added
      // while the share holds. A measure at or under the estimate needs no such check, which
      // saves a measurement per ratio in most texts.
      boolean measuredLong = exact != null && keptTokens > estimated;
      while (measuredLong && r > 0 && keptTokens >= target) {
        int last = ranked[r - 1];
        mark(kept, last, together, costs, false);
        int without = exact.of(kept);
        if (without < target) {
          mark(kept, last, together, costs, true);
          break;
        }
        keptTokens = without;
        r--;
      }
      selections.add(new Selection(ratio, kept, keptTokens, totalTokens));
    }
    return selections;
  }

  /** Keeps (or drops) word {@code first} and the rest of its group; returns the group's tokens. */
  private static int mark(boolean[] kept, int first, int[] together, int[] costs, boolean keep) {
    int tokens = 0;
    int word = first;
    do {
      kept[word] = keep;
      tokens += costs[word];
      word = together == null ? first : together[word];
    } while (word != first);
    return tokens;
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

  /**
   * Indices of unforced words, highest score first, earlier word first among equal scores; of a
   * group, only its highest-ranked word, which stands for the group.
   */
  private static int[] rankUnforced(double[] scores, boolean[] forced, int[] together) {
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
    boolean[] placed = together == null ? null : new boolean[forced.length];
    int units = 0;
    for (int j = 0; j < count; j++) {
      int word = order[j];
      if (placed != null) {
        if (placed[word]) {
          continue;
        }
        for (int member = together[word]; member != word; member = together[member]) {
          placed[member] = true;
        }
      }
      ranked[units++] = word;
    }
    return units == count ? ranked : Arrays.copyOf(ranked, units);
  }
}
