package org.cotkit.labelers;

import java.util.Arrays;
import java.util.Optional;

/**
 * Simple when the long CoT is shorter than a token threshold: a fixed number, or a percentile of
 * the corpus's long-CoT lengths that the caller computes (see {@link #percentile}).
 */
public final class LengthDifficulty implements DifficultyPolicy {

  public static final String SOURCE = "length";

  private final int thresholdTokens;

  public LengthDifficulty(int thresholdTokens) {
    if (thresholdTokens < 1) {
      throw new IllegalArgumentException("length threshold must be at least 1 token, got " + thresholdTokens);
    }
    this.thresholdTokens = thresholdTokens;
  }

  @Override
  public Optional<Decision> decide(QuestionEvidence evidence) {
    if (evidence.longCotTokens() == null) {
      return Optional.empty();
    }
    return Optional.of(new Decision(
        evidence.longCotTokens() < thresholdTokens ? Difficulty.SIMPLE : Difficulty.COMPLEX, SOURCE));
  }

  /**
   * The nearest-rank percentile {@code q} (0–100) of {@code lengths}: a length threshold such that
   * about q% of the corpus is shorter than or as long as it.
   */
  public static int percentile(int[] lengths, double q) {
    if (lengths.length == 0) {
      throw new IllegalArgumentException("no lengths to take a percentile of");
    }
    if (!(q > 0 && q <= 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100], got " + q);
    }
    int[] sorted = lengths.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(q / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }
}
