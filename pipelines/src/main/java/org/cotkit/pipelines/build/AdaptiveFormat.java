package org.cotkit.pipelines.build;

import java.io.Serializable;
import org.cotkit.labelers.Difficulty;
import org.cotkit.pipelines.compress.TokenSkipFormat;

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

  public AdaptiveFormat(String simpleTag, String complexTag, TagPosition position, String separator) {
    if (simpleTag.isBlank() || complexTag.isBlank() || simpleTag.equals(complexTag)) {
      throw new IllegalArgumentException(
          "--tags needs two different, non-empty tags, got '" + simpleTag + "' and '" + complexTag + "'");
    }
    this.simpleTag = simpleTag;
    this.complexTag = complexTag;
    this.position = position;
    this.separator = separator;
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

  public String prompt(String question, Difficulty difficulty) {
    return position == TagPosition.PROMPT ? question + separator + tag(difficulty) + separator : question;
  }

  public String completion(String cot, String answer, Difficulty difficulty) {
    String body = answerLayout.completion(cot, answer);
    return position == TagPosition.COMPLETION ? tag(difficulty) + "\n" + body : body;
  }
}
