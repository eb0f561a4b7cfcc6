package org.cotkit.compressors;

import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

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
  /** Per history: {total count, number of distinct followers}. */
  private final HashMap<String, long[]> histories;
  /** Per word: number of distinct histories it follows. */
  private final HashMap<String, Long> continuations;
  private final double continuationDenominator;

  private BigramModel(
      double discount,
      BigramCounts counts,
      HashMap<String, long[]> histories,
      HashMap<String, Long> continuations) {
    this.discount = discount;
    this.counts = counts;
    this.histories = histories;
    this.continuations = continuations;
    // distinct bigram types + one pseudo-count per known word and one for every unknown word
    this.continuationDenominator = counts.distinctBigrams() + continuations.size() + 1.0;
  }

  public static BigramModel fit(BigramCounts counts) {
    return fit(counts, DEFAULT_DISCOUNT);
  }

  public static BigramModel fit(BigramCounts counts, double discount) {
    if (!(discount > 0 && discount < 1)) {
      throw new IllegalArgumentException("discount must be in (0, 1), got " + discount);
    }
    BigramCounts frozen = new BigramCounts().merge(counts); // later changes to counts must not leak in
    HashMap<String, long[]> histories = new HashMap<>();
    HashMap<String, Long> continuations = new HashMap<>();
    for (Map.Entry<String, Long> entry : frozen.asMap().entrySet()) {
      String pair = entry.getKey();
      int split = pair.indexOf(BigramCounts.SEPARATOR);
      String previous = pair.substring(0, split);
      String word = pair.substring(split + 1);
      long[] history = histories.computeIfAbsent(previous, k -> new long[2]);
      history[0] += entry.getValue();
      history[1] += 1;
      continuations.merge(word, 1L, Long::sum);
    }
    return new BigramModel(discount, frozen, histories, continuations);
  }

  /** Natural-log probability of {@code word} following {@code previous}. */
  public double logProbability(String previous, String word) {
    double continuation = (continuations.getOrDefault(word, 0L) + 1.0) / continuationDenominator;
    long[] history = histories.get(previous);
    if (history == null) {
      return Math.log(continuation);
    }
    long pairCount = counts.count(previous, word);
    double total = history[0];
    double seen = Math.max(pairCount - discount, 0.0) / total;
    double backoffWeight = discount * history[1] / total;
    return Math.log(seen + backoffWeight * continuation);
  }

  /** Number of distinct word keys the model has seen after some history. */
  public int vocabularySize() {
    return continuations.size();
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
