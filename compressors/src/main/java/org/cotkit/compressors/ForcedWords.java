package org.cotkit.compressors;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides which words pruning must never drop: words with a digit, math operators and relations
 * (also in LaTeX or words between two numbers: {@code \times}, {@code times}, {@code divided by}),
 * the final answer, and tokens the user forces. Dropping any of these breaks the arithmetic a
 * student is meant to learn, whatever the importance scorer says. A list item's {@code -} is
 * markup, not a minus sign, and competes like any other word.
 */
public final class ForcedWords implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Characters that make a word an operator or relation (also the minus sign and dots that typeset ones use). */
  public static final String OPERATORS = "+-*/×÷=<>≤≥≠−·⋅";

  private final boolean keepDigitsAndOperators;
  private final List<String> forceTokens;

  /**
   * @param keepDigitsAndOperators force every word containing a digit or an operator
   * @param forceTokens extra tokens to keep wherever they occur inside a word, at word boundaries
   */
  public ForcedWords(boolean keepDigitsAndOperators, List<String> forceTokens) {
    this.keepDigitsAndOperators = keepDigitsAndOperators;
    this.forceTokens = forceTokens.stream().filter(t -> !t.isBlank()).map(String::strip).toList();
  }

  /** Marks the forced words of one text whose source is not at hand (no list markers are told apart). */
  public boolean[] mark(List<Word> words, String answer) {
    return mark(null, words, answer);
  }

  /**
   * Marks the forced words of one text; {@code answer} may be null when unknown.
   *
   * @param text the text the words were cut from, which tells a list item's {@code -} from a minus
   *     sign; null when unknown
   */
  public boolean[] mark(String text, List<Word> words, String answer) {
    List<String> answerParts =
        answer == null || answer.isBlank() ? List.of() : List.of(answer.strip().split("\\s+"));
    BigDecimal answerValue = answerParts.size() == 1 ? numericValue(answerParts.get(0)) : null;
    boolean[] forced = new boolean[words.size()];
    for (int i = 0; i < forced.length; i++) {
      String word = words.get(i).text();
      forced[i] =
          (keepDigitsAndOperators && (hasDigit(word) || (hasOperator(word) && !isListMarker(text, words, i))
              || isOperatorBetweenNumbers(words, i)))
              || (answerParts.size() == 1 && containsAny(word, answerParts))
              || isSameNumber(answerValue, word)
              || containsAny(word, forceTokens);
    }
    if (answerParts.size() > 1) {
      markAnswerRuns(words, answerParts, forced);
    }
    return forced;
  }

  /**
   * A multi-word answer ("Blue Whale", "10 apples") is kept where its words stand together, in
   * order; its words elsewhere ("the" of "the cat") are ordinary words.
   */
  private static void markAnswerRuns(List<Word> words, List<String> parts, boolean[] forced) {
    for (int start = 0; start + parts.size() <= words.size(); start++) {
      boolean run = true;
      for (int j = 0; j < parts.size() && run; j++) {
        run = containsAny(words.get(start + j).text(), List.of(parts.get(j)));
      }
      if (run) {
        for (int j = 0; j < parts.size(); j++) {
          forced[start + j] = true;
        }
      }
    }
  }

  /**
   * Operators written as words or LaTeX commands, kept where they stand between two numbers, or
   * a number and its quantity and a number: GSM8K's {@code 2 x 16} and {@code 2 trees x 2}, MATH's
   * {@code 8 \times 4}, R1's {@code 0.2 times 50} and {@code 20% of 50}. A lone word
   * ({@code times} in "three times", {@code of} in prose) is an ordinary word.
   */
  private static final Set<String> WORD_OPERATORS =
      Set.of("x", "X", "\\times", "\\cdot", "\\div", "\\pm", "times", "plus", "minus", "over", "of");

  /** Two-word operators, kept together between two numbers: {@code 48 divided by 2}. */
  private static final Set<String> OPERATORS_BEFORE_BY = Set.of("divided", "multiplied");

  static boolean isOperatorBetweenNumbers(List<Word> words, int i) {
    String word = bare(words.get(i).text());
    if (WORD_OPERATORS.contains(word)) {
      // "of" only between two numbers: "5 apples of 3 baskets" is prose
      return i + 1 < words.size() && hasDigit(words.get(i + 1).text())
          && (word.equals("of") ? i > 0 && hasDigit(words.get(i - 1).text()) : numberOrQuantityBefore(words, i));
    }
    if (OPERATORS_BEFORE_BY.contains(word)) {
      return i + 2 < words.size() && bare(words.get(i + 1).text()).equals("by")
          && numberOrQuantityBefore(words, i) && hasDigit(words.get(i + 2).text());
    }
    if (word.equals("by")) {
      return i > 1 && i + 1 < words.size() && OPERATORS_BEFORE_BY.contains(bare(words.get(i - 1).text()))
          && numberOrQuantityBefore(words, i - 1) && hasDigit(words.get(i + 1).text());
    }
    return false;
  }

  /**
   * Whether a number, or a number and the quantity it counts, stands right before word i:
   * {@code 2 x}, and GSM8K's {@code 2 trees x 2 = 4}.
   */
  private static boolean numberOrQuantityBefore(List<Word> words, int i) {
    if (i < 1) {
      return false;
    }
    if (hasDigit(words.get(i - 1).text())) {
      return true;
    }
    return i >= 2 && hasDigit(words.get(i - 2).text()) && isLetters(words.get(i - 1).text());
  }

  /** Whether a word is letters only (and not empty). */
  static boolean isLetters(String text) {
    for (int c = 0; c < text.length(); c++) {
      if (!Character.isLetter(text.charAt(c))) {
        return false;
      }
    }
    return !text.isEmpty();
  }

  /** The word without the math delimiters around it: {@code $\times} is {@code \times}; {@code x.} ends a sentence. */
  private static String bare(String word) {
    return strip(word, "$({[", "$)}]");
  }

  /**
   * {@code word} without the run of {@code leading} characters it starts with and the run of
   * {@code trailing} ones it ends with.
   */
  static String strip(String word, String leading, String trailing) {
    int start = 0;
    int end = word.length();
    while (start < end && leading.indexOf(word.charAt(start)) >= 0) {
      start++;
    }
    while (end > start && trailing.indexOf(word.charAt(end - 1)) >= 0) {
      end--;
    }
    return word.substring(start, end);
  }

  /**
   * A {@code -}, {@code *} or {@code +} that starts a line and stands alone is a list item's
   * marker (markdown), not an operator: it competes like any other word.
   */
  private static boolean isListMarker(String source, List<Word> words, int i) {
    String word = words.get(i).text();
    if (source == null || !(word.equals("-") || word.equals("*") || word.equals("+"))) {
      return false;
    }
    for (int at = words.get(i).start() - 1; at >= 0; at--) {
      char c = source.charAt(at);
      if (c == '\n' || c == '\r') {
        return true;
      }
      if (!Character.isWhitespace(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The number a word or answer states, ignoring currency, percent, thousands separators and
   * sentence punctuation ({@code $1,000.00.} is 1000); null when it is not a plain number.
   */
  static BigDecimal numericValue(String text) {
    String number = strip(text, "$€£(", ".,;:!?)%").replace(",", "");
    if (number.isEmpty() || !number.matches("-?\\d+(\\.\\d+)?")) {
      return null;
    }
    return new BigDecimal(number);
  }

  /**
   * Whether any number written in {@code text} equals {@code value}: {@code $990.00} and
   * {@code =$224.00} state 990 and 224, {@code 280-56=224} states 280, 56 and 224. A minus sign
   * counts only where it cannot be an operator (at the start, or after another operator).
   */
  private static boolean isSameNumber(BigDecimal value, String text) {
    if (value == null || !hasDigit(text)) {
      return false;
    }
    for (Matcher m = NUMBER_IN_WORD.matcher(text); m.find(); ) {
      BigDecimal stated = new BigDecimal(m.group().replace(",", ""));
      boolean negative = m.start() > 0 && text.charAt(m.start() - 1) == '-'
          && (m.start() == 1 || OPERATORS.indexOf(text.charAt(m.start() - 2)) >= 0 || text.charAt(m.start() - 2) == '$');
      if ((negative ? stated.negate() : stated).compareTo(value) == 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * A whole number inside a word: digits with thousands separators and a decimal part, not glued
   * to letters or further digits ({@code 18th}, {@code a18}, {@code 1,0000} state no 18 or 1000);
   * a trailing "." or "," is punctuation.
   */
  private static final Pattern NUMBER_IN_WORD =
      Pattern.compile("(?<![\\p{L}\\p{N}.,])\\d+(?:,\\d{3})*(?:\\.\\d+)?(?![\\p{L}\\p{N}]|[.,]\\d)");

  private static boolean containsAny(String text, List<String> tokens) {
    if (tokens.isEmpty()) {
      return false;
    }
    String withoutSeparators = text.indexOf(',') >= 0 ? text.replace(",", "") : text;
    for (String token : tokens) {
      if (containsAtBoundary(text, token) || containsAtBoundary(withoutSeparators, token.replace(",", ""))) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when {@code token} occurs in {@code text} not glued to other letters or digits, so that
   * the answer {@code 18} matches {@code $18.} but not {@code 180} or {@code 0.18}.
   */
  static boolean containsAtBoundary(String text, String token) {
    if (token.isEmpty()) {
      // a token of separators only ("," stripped of its commas) names no word, and indexOf("")
      // finds it again at the end of the text forever
      return false;
    }
    for (int at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1)) {
      int after = at + token.length();
      if (isBoundaryBefore(text, at) && isBoundaryAfter(text, after)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isBoundaryBefore(String text, int at) {
    if (at == 0) {
      return true;
    }
    char previous = text.charAt(at - 1);
    if (Character.isLetterOrDigit(previous)) {
      return false;
    }
    boolean numberSeparator = previous == '.' || previous == ',';
    return !(numberSeparator && at >= 2 && Character.isDigit(text.charAt(at - 2)));
  }

  private static boolean isBoundaryAfter(String text, int after) {
    if (after >= text.length()) {
      return true;
    }
    char next = text.charAt(after);
    if (Character.isLetterOrDigit(next)) {
      return false;
    }
    boolean numberSeparator = next == '.' || next == ',';
    return !(numberSeparator && after + 1 < text.length() && Character.isDigit(text.charAt(after + 1)));
  }

  static boolean hasDigit(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isDigit(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a word holds a math operator. Not math: a hyphen or slash between two letters
   * ({@code well-known}, {@code and/or}), markdown emphasis ({@code **Step}), rules
   * ({@code ---}) and HTML tags ({@code <br>}), which R1-style traces are full of.
   */
  private static boolean hasOperator(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (OPERATORS.indexOf(c) < 0) {
        continue;
      }
      boolean joinsLetters =
          (c == '-' || c == '/')
              && i > 0
              && i + 1 < text.length()
              && Character.isLetter(text.charAt(i - 1))
              && Character.isLetter(text.charAt(i + 1));
      boolean emphasis =
          c == '*' && ((i > 0 && text.charAt(i - 1) == '*') || (i + 1 < text.length() && text.charAt(i + 1) == '*'));
      if (!joinsLetters && !emphasis) {
        // matched only now: most words hold no operator, and the pattern is costly per word
        return !MARKUP.matcher(text).matches();
      }
    }
    return false;
  }

  private static final Pattern MARKUP = Pattern.compile("-{3,}|={3,}|</?[A-Za-z][A-Za-z0-9]*\\s*/?>");
}
