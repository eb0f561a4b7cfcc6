package org.cotkit.labelers;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A reasoning model's generation split into its thought and its final response, at the markers
 * the published datasets use:
 * <ul>
 *   <li>R1-style {@code <think>…</think>} then the response. The opening {@code <think>} is
 *       optional, since many serving stacks put it in the prompt and the generation starts inside
 *       the thought.
 *   <li>OpenThoughts / Bespoke-Stratos {@code <|begin_of_thought|>…<|end_of_thought|>} then
 *       {@code <|begin_of_solution|>…<|end_of_solution|>}: the solution, without its markers, is
 *       the response.
 * </ul>
 *
 * @param thinking the reasoning, without the markers, stripped
 * @param response what follows the thought's closing marker (the solution inside its markers),
 *     stripped; empty when there is no closing marker
 * @param hadThinkTags whether the text carried a closing marker at all
 */
public record ThinkTrace(String thinking, String response, boolean hadThinkTags) {

  /** An opening and a closing marker. */
  private record Markers(String open, String close) {}

  private static final List<Markers> THOUGHT = List.of(
      new Markers("<think>", "</think>"),
      new Markers("<|begin_of_thought|>", "<|end_of_thought|>"));
  private static final Markers SOLUTION = new Markers("<|begin_of_solution|>", "<|end_of_solution|>");

  /** Splits {@code text}; a text without a closing marker is all reasoning. */
  public static ThinkTrace split(String text) {
    for (Markers markers : THOUGHT) {
      int close = text.indexOf(markers.close());
      if (close >= 0) {
        String before = text.substring(0, close);
        int open = before.indexOf(markers.open());
        String thinking = open < 0 ? before : before.substring(open + markers.open().length());
        return new ThinkTrace(thinking.strip(), solution(text.substring(close + markers.close().length())), true);
      }
    }
    String thinking = text.strip();
    for (Markers markers : THOUGHT) {
      if (thinking.startsWith(markers.open())) {
        thinking = thinking.substring(markers.open().length()).strip();
      }
    }
    return new ThinkTrace(thinking, "", false);
  }

  /**
   * What {@code rules} find in the final response of a reasoning trace, else in the whole text: a
   * model states its answer after its thought, and what the thought tried on the way is no answer.
   */
  static Optional<ExtractedAnswer> responseFirst(String text, Function<String, Optional<ExtractedAnswer>> rules) {
    ThinkTrace trace = split(text);
    if (trace.hadThinkTags() && !trace.response().isEmpty()) {
      Optional<ExtractedAnswer> fromResponse = rules.apply(trace.response());
      if (fromResponse.isPresent()) {
        return fromResponse;
      }
    }
    return rules.apply(text);
  }

  /** The response without the solution markers around it, when it has them. */
  private static String solution(String response) {
    int open = response.indexOf(SOLUTION.open());
    if (open < 0) {
      return response.strip();
    }
    int from = open + SOLUTION.open().length();
    int close = response.indexOf(SOLUTION.close(), from);
    return response.substring(from, close < 0 ? response.length() : close).strip();
  }
}
