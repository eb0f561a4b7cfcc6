package org.cotkit.labelers;

/**
 * A final answer found in a generation, and where it was found.
 *
 * @param value the answer text as written (not normalised); for a choice {@link ChoiceExtractor}
 *     found, the option's upper-case letter
 * @param source how it was found: {@code boxed}, {@code final_answer_phrase}, {@code answer_phrase},
 *     {@code answer_label}, {@code gsm8k_marker}, {@code choice_line} (a choice on the last line), or
 *     {@code last_number} (a guess, marked so)
 */
public record ExtractedAnswer(String value, String source) {

  /** Whether the answer came from the last-number fallback rather than an explicit marker. */
  public boolean isFallback() {
    return FinalAnswerExtractor.LAST_NUMBER.equals(source);
  }
}
