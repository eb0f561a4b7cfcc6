package org.cotkit.pipelines.build;

import java.io.Serializable;
import java.util.List;
import org.cotkit.labelers.Difficulty;
import org.cotkit.pipelines.compress.TokenSkipFormat;
import org.cotkit.pipelines.sft.Instruction;
import org.cotkit.pipelines.sft.SftExample;

/**
 * The layout of adaptive (L2) examples: a difficulty tag ({@code [simple]}/{@code [complex]} by
 * default) either in the prompt, as a condition the user sets at inference (C3oT-style:
 * {@code {question}{sep}{tag}{sep}}, the slot where TokenSkip puts γ), or as the first line of the
 * completion, so the student learns to choose (Thinkless-style). The completion ends with the
 * answer line TokenSkip rows use.
 */
public final class AdaptiveFormat implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final String DEFAULT_SIMPLE_TAG = "[simple]";
  public static final String DEFAULT_COMPLEX_TAG = "[complex]";

  /** Where the tag goes. */
  public enum TagPosition {
    PROMPT,
    COMPLETION
  }

  private final String simpleTag;
  private final String complexTag;
  private final TagPosition position;
  private final TokenSkipFormat answerLayout;
  private final String separator;

  private final Instruction instruction;

  public AdaptiveFormat(String simpleTag, String complexTag, TagPosition position, String separator) {
    this(simpleTag, complexTag, position, separator, Instruction.NONE);
  }

  /** @param instruction the instruction before every question */
  public AdaptiveFormat(String simpleTag, String complexTag, TagPosition position, String separator,
      Instruction instruction) {
    if (simpleTag.isBlank() || complexTag.isBlank() || simpleTag.equals(complexTag)) {
      throw new IllegalArgumentException(
          "--tags needs two different, non-empty tags, got '" + simpleTag + "' and '" + complexTag + "'");
    }
    this.simpleTag = simpleTag;
    this.complexTag = complexTag;
    this.position = position;
    this.separator = separator;
    this.instruction = instruction;
    this.answerLayout = new TokenSkipFormat(separator);
  }

  public TagPosition position() {
    return position;
  }

  public String simpleTag() {
    return simpleTag;
  }

  public String complexTag() {
    return complexTag;
  }

  public String separator() {
    return separator;
  }

  public String tag(Difficulty difficulty) {
    return difficulty == Difficulty.SIMPLE ? simpleTag : complexTag;
  }

  /** The {@code prompt} column: the instruction, if any, then the user's turn. */
  public String prompt(String question, Difficulty difficulty) {
    return instruction.prompt(userTurn(question, difficulty));
  }

  /** The {@code messages} column of a row with this completion. */
  public List<SftExample.Message> messages(String question, Difficulty difficulty, String completion) {
    return instruction.chat(userTurn(question, difficulty), completion);
  }

  private String userTurn(String question, Difficulty difficulty) {
    return position == TagPosition.PROMPT ? question + separator + tag(difficulty) + separator : question;
  }

  public String completion(String cot, String answer, Difficulty difficulty) {
    String body = answerLayout.completion(cot, answer);
    return position == TagPosition.COMPLETION ? tag(difficulty) + "\n" + body : body;
  }
}
