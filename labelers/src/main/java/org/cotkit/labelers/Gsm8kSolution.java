package org.cotkit.labelers;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A GSM8K reference solution split into its reasoning and its final answer: the text before the
 * {@code #### N} line without the {@code <<48/2=24>>} calculator notes, and {@code N} without
 * thousands separators.
 *
 * @param reasoning the worked solution, stripped
 * @param answer the final answer
 */
public record Gsm8kSolution(String reasoning, String answer) {

  private static final Pattern CALCULATOR_NOTE = Pattern.compile("<<[^<>]*>>");

  /** Splits a solution at its last {@code ####}; empty when there is none, or nothing on a side. */
  public static Optional<Gsm8kSolution> parse(String solution) {
    int marker = solution == null ? -1 : solution.lastIndexOf("####");
    if (marker < 0) {
      return Optional.empty();
    }
    String answer = solution.substring(marker + 4).strip().replace(",", "");
    String reasoning = withoutCalculatorNotes(solution.substring(0, marker)).strip();
    return answer.isEmpty() || reasoning.isEmpty()
        ? Optional.empty()
        : Optional.of(new Gsm8kSolution(reasoning, answer));
  }

  /** The text without GSM8K's {@code <<a*b=c>>} calculator annotations. */
  public static String withoutCalculatorNotes(String text) {
    return CALCULATOR_NOTE.matcher(text).replaceAll("");
  }
}
