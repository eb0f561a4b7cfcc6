package org.cotkit.labelers;

/**
 * An R1-style generation split at {@code </think>}: the reasoning before it and the final
 * response after it. The opening {@code <think>} is optional, since many serving stacks put it in
 * the prompt and the generation starts inside the thought.
 *
 * @param thinking the reasoning, without the tags, stripped
 * @param response what follows {@code </think>}, stripped; empty when there is no closing tag
 * @param hadThinkTags whether the text carried {@code </think>} at all
 */
public record ThinkTrace(String thinking, String response, boolean hadThinkTags) {

  private static final String OPEN = "<think>";
  private static final String CLOSE = "</think>";

  /** Splits {@code text}; a text without {@code </think>} is all reasoning. */
  public static ThinkTrace split(String text) {
    int close = text.indexOf(CLOSE);
    if (close < 0) {
      String thinking = text.strip();
      if (thinking.startsWith(OPEN)) {
        thinking = thinking.substring(OPEN.length()).strip();
      }
      return new ThinkTrace(thinking, "", false);
    }
    String before = text.substring(0, close);
    int open = before.indexOf(OPEN);
    String thinking = open < 0 ? before : before.substring(open + OPEN.length());
    return new ThinkTrace(thinking.strip(), text.substring(close + CLOSE.length()).strip(), true);
  }
}
