package org.cotkit.pipelines.sft;

import java.io.Serializable;
import java.util.List;

/**
 * One SFT training example, a row of the output dataset (see {@link SftSchema} for the columns).
 * Boxed fields are null where the example's mode does not define them.
 */
public record SftExample(
    String id,
    String sourceId,
    String split,
    String mode,
    String prompt,
    String completion,
    List<Message> messages,
    Double ratio,
    Double achievedRatio,
    String difficulty,
    String difficultySource,
    Double passRate,
    Integer tokenBudget,
    Integer cotTokens,
    Integer keptTokens,
    String answer,
    String answerSource,
    Boolean verified,
    String source,
    Double budgetScale)
    implements Serializable {

  /** A chat turn. */
  public record Message(String role, String content) implements Serializable {}

}
