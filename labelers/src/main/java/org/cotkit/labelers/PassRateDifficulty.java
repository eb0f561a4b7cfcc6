package org.cotkit.labelers;

import java.util.Optional;

/**
 * Simple when at least a share τ of the teacher's samples are correct (default τ = 0.75); without
 * graded samples, by the pass rate the dataset gives ({@code pass_rate_given}).
 */
public final class PassRateDifficulty implements DifficultyPolicy {

  public static final String SOURCE = "pass_rate";
  public static final String GIVEN_SOURCE = "pass_rate_given";
  public static final double DEFAULT_THRESHOLD = 0.75;

  private final double threshold;

  public PassRateDifficulty(double threshold) {
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("pass-rate threshold must be in [0, 1], got " + threshold);
    }
    this.threshold = threshold;
  }

  @Override
  public Optional<Decision> decide(QuestionEvidence evidence) {
    if (evidence.passRate() == null) {
      return Optional.empty();
    }
    return Optional.of(new Decision(evidence.passRate() >= threshold ? Difficulty.SIMPLE : Difficulty.COMPLEX,
        evidence.samples() == 0 ? GIVEN_SOURCE : SOURCE));
  }
}
