package org.cotkit.labelers;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells the questions whose answer cannot be checked by matching a final answer: a generation's
 * "answer" to them proves nothing either way, so they are never given a guessed correct or
 * incorrect verdict, and the difficulty policies that need one (short-CoT correctness, pass rates
 * of ungraded samples) step aside for the next (length).
 *
 * <p>A question is not verifiable when
 * <ul>
 *   <li>its gold answer is missing or blank ({@link Reason#NO_GOLD});
 *   <li>it asks for a proof: the question says "Prove that", "Prove:", "Show that" or "Prove or
 *       disprove" at the start of a sentence or line, or the gold answer starts with "Proof" or
 *       {@code \begin{proof}} or ends with a Q.E.D. mark ({@code Q.E.D.}, {@code ∎}, {@code □},
 *       {@code \blacksquare}, {@code \qed}) ({@link Reason#PROOF}). A proof question that also asks
 *       for a value is not verified either: its final value says nothing of the proof;
 *   <li>its gold answer is code: a fenced block, or a line that starts like a definition, import or
 *       statement of a common language ({@code def f(}, {@code import x}, {@code #include},
 *       {@code public …}, {@code function f(}, {@code return …;}) ({@link Reason#CODE});
 *   <li>its gold answer is free text: more than {@value #MAX_PROSE_WORDS} words of prose, counted
 *       outside {@code $…$} math and LaTeX commands, so {@code \text{Evelyn}} or
 *       {@code \begin{pmatrix}…} count as one word or none ({@link Reason#FREE_TEXT}).
 * </ul>
 * A multiple-choice gold answer ({@link MultipleChoiceAnswer#ofGold}) is verifiable by its letter
 * however long its option text.
 */
public final class NotVerifiable {

  /** Why a question cannot be verified; {@link #label()} names it in counts. */
  public enum Reason {
    NO_GOLD,
    PROOF,
    CODE,
    FREE_TEXT;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A short answer (a name, "no solution", "all real numbers") still compares as a string; past
   * this many words a sentence written another way is a different string, and a mismatch a guess.
   */
  static final int MAX_PROSE_WORDS = 3;

  private static final Pattern PROOF_QUESTION = Pattern.compile(
      "(?i)(?:^|[.!?:;]\\s+|\\n\\s*|\\(\\s*[a-z0-9]{1,3}\\s*\\)\\s*|\\b(?:then|hence|and|also)\\s+)"
          + "(?:prove\\s+or\\s+disprove\\b|prove\\s*:|(?:prove|show)\\s+that\\b)");
  private static final Pattern PROOF_GOLD_START = Pattern.compile("(?i)^\\W*(?:proof\\b|\\\\begin\\{proof})");
  private static final Pattern PROOF_GOLD_END =
      Pattern.compile("(?i)(?:\\bq\\.?\\s?e\\.?\\s?d\\b\\.?|\\\\qed|\\\\blacksquare|\\\\square|\\\\Box|∎|□|\\\\end\\{proof})[\\s$.]*$");
  private static final Pattern CODE_LINE = Pattern.compile(
      "(?m)^\\s*(?:def\\s+\\w+\\s*\\(|class\\s+\\w+\\s*[:({]|import\\s+[\\w.]+|from\\s+[\\w.]+\\s+import\\b|#include\\b"
          + "|public\\s+\\w|private\\s+\\w|function\\s+\\w*\\s*\\(|(?:const|let|var)\\s+\\w+\\s*=|return\\b.*;\\s*$)");
  private static final Pattern MATH = Pattern.compile("\\$\\$.*?\\$\\$|\\$[^$]*\\$|\\\\(?:begin|end)\\{[^}]*}|\\\\[A-Za-z]+",
      Pattern.DOTALL);
  private static final Pattern PROSE_WORD = Pattern.compile("(?<![\\p{L}\\\\])\\p{L}{2,}(?:'\\p{L}+)?(?!\\p{L})");

  private NotVerifiable() {}

  /** Why the question cannot be verified against {@code gold}; empty when it can. */
  public static Optional<Reason> reason(String question, String gold) {
    if (gold == null || gold.isBlank()) {
      return Optional.of(Reason.NO_GOLD);
    }
    if (question != null && PROOF_QUESTION.matcher(question).find()) {
      return Optional.of(Reason.PROOF);
    }
    if (MultipleChoiceAnswer.ofGold(gold).isPresent()) {
      return Optional.empty();
    }
    String g = gold.strip();
    if (PROOF_GOLD_START.matcher(g).find() || PROOF_GOLD_END.matcher(g).find()) {
      return Optional.of(Reason.PROOF);
    }
    if (g.contains("```") || CODE_LINE.matcher(g).find()) {
      return Optional.of(Reason.CODE);
    }
    return proseWords(g) > MAX_PROSE_WORDS ? Optional.of(Reason.FREE_TEXT) : Optional.empty();
  }

  /** Words of two letters or more outside math: "5 apples per day" has three, {@code x^2+1} none. */
  static int proseWords(String text) {
    String prose = MATH.matcher(text).replaceAll(" ");
    int words = 0;
    for (Matcher m = PROSE_WORD.matcher(prose); m.find(); ) {
      words++;
    }
    return words;
  }
}
