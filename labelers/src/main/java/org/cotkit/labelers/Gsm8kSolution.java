package org.cotkit.labelers;

import java.util.Optional;

/**
 * A GSM8K reference solution split into its reasoning and its final answer: the text before the
 * {@code #### N} line without the {@code <<48/2=24>>} calculator notes, and {@code N} without
 * thousands separators.
 *
 * @param reasoning the worked solution, stripped
 * @param answer the final answer
 */
public record Gsm8kSolution(String reasoning, String answer) {

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

  /**
   * The text without GSM8K's {@code <<a*b=c>>} calculator annotations: each {@code <<} followed by
   * text without {@code <} or {@code >} and then {@code >>}, as the regex {@code <<[^<>]*>>}
   * would remove them. Scanned by hand, since every GSM8K record passes here (the regex's profiled
   * cost is in BENCHMARKS.md).
   */
  public static String withoutCalculatorNotes(String text) {
    int open = text.indexOf("<<");
    if (open < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    while (open >= 0) {
      int end = open + 2;
      while (end < text.length() && text.charAt(end) != '<' && text.charAt(end) != '>') {
        end++;
      }
      if (text.startsWith(">>", end)) {
        out.append(text, copied, open);
        copied = end + 2;
        open = text.indexOf("<<", copied);
      } else {
        open = text.indexOf("<<", open + 1);
      }
    }
    return copied == 0 ? text : out.append(text, copied, text.length()).toString();
  }
}
