package org.cotkit.labelers;

import java.util.List;
import java.util.Optional;

/**
 * Combines policies: the first one whose evidence the question has decides. The default order
 * trusts sampled pass rates over the short CoT's correctness over length.
 */
public final class FirstApplicableDifficulty implements DifficultyPolicy {

  private final List<DifficultyPolicy> policies;

  public FirstApplicableDifficulty(List<DifficultyPolicy> policies) {
    this.policies = List.copyOf(policies);
  }

  /** Pass rate (τ), else short-CoT correctness, else long-CoT length below {@code lengthThreshold}. */
  public static FirstApplicableDifficulty standard(double passRateThreshold, int lengthThreshold) {
    return new FirstApplicableDifficulty(List.of(
        new PassRateDifficulty(passRateThreshold), new ShortCotDifficulty(), new LengthDifficulty(lengthThreshold)));
  }

  @Override
  public Optional<Decision> decide(QuestionEvidence evidence) {
    for (DifficultyPolicy policy : policies) {
      Optional<Decision> decision = policy.decide(evidence);
      if (decision.isPresent()) {
        return decision;
      }
    }
    return Optional.empty();
  }
}
