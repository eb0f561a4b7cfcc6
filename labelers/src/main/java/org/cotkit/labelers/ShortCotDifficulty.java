package org.cotkit.labelers;

import java.util.Optional;

/** Simple when the teacher's short CoT already reaches the right answer. */
public final class ShortCotDifficulty implements DifficultyPolicy {

  public static final String SOURCE = "short_cot";

  @Override
  public Optional<Decision> decide(QuestionEvidence evidence) {
    if (evidence.shortCotCorrect() == null) {
      return Optional.empty();
    }
    return Optional.of(new Decision(
        evidence.shortCotCorrect() ? Difficulty.SIMPLE : Difficulty.COMPLEX, SOURCE));
  }
}
