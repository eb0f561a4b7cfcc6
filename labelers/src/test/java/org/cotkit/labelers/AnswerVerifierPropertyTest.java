package org.cotkit.labelers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Locale;
import java.util.Random;
import org.cotkit.labelers.AnswerVerifier.Verdict;
import org.cotkit.testkit.PropertyCheck;
import org.cotkit.testkit.Texts;
import org.junit.jupiter.api.Test;

/**
 * Properties of {@link AnswerVerifier} on arbitrary answers: it never throws, not even on answers
 * nested thousands deep; the order of predicted and gold answer does not matter; an answer is never
 * incorrect against itself; and the rewritings {@link AnswerNormalizer} documents verify as correct.
 */
class AnswerVerifierPropertyTest {

  private static final AnswerVerifier VERIFIER = new AnswerVerifier();

  private static final String[] LATEX = {
    "\\frac{", "\\dfrac", "\\sqrt", "\\pi", "\\left(", "\\right)", "\\text{", "\\{", "\\}", "^\\circ", "\\%", "$",
    "{", "}", "(", ")", "[", "]", ",", "/", "-", ".", "1,000", "0", "/0", "\\infty", "\\cdot", "x", " "
  };

  /** An answer: arbitrary text, LaTeX-ish text, or a tuple nested up to a hundred levels. */
  private static String answer(Random random, int size) {
    return switch (random.nextInt(5)) {
      case 0 -> Texts.any(random, size);
      case 1, 2 -> Texts.any(random, size, LATEX);
      case 3 -> Texts.wellFormed(random, size / 4 + 1, LATEX);
      default -> nested(random.nextInt(1 + size), Integer.toString(random.nextInt(3)));
    };
  }

  /** {@code (1,(1,(…(1,leaf)…)))}: a tuple whose last element is a tuple, {@code depth} times. */
  static String nested(int depth, String leaf) {
    return "(1,".repeat(depth) + leaf + ")".repeat(depth);
  }

  /**
   * A predicted and a gold answer: unrelated, or (as in most real pairs) the same answer but for a
   * digit, which takes the comparison down to where they differ.
   */
  private static String[] answerPair(Random random, int size) {
    String predicted = answer(random, size);
    if (random.nextBoolean()) {
      return new String[] {predicted, answer(random, size)};
    }
    int digit = -1;
    for (int i = 0; i < predicted.length(); i++) {
      digit = predicted.charAt(i) >= '0' && predicted.charAt(i) <= '9' && random.nextInt(3) > 0 ? i : digit;
    }
    String gold = digit < 0 ? predicted + "1"
        : predicted.substring(0, digit) + (char) ('0' + (predicted.charAt(digit) - '0' + 1) % 10) + predicted.substring(digit + 1);
    return new String[] {predicted, gold};
  }

  @Test
  void neverThrowsAndIsSymmetric() {
    PropertyCheck.forAll("verification never throws and is symmetric", 300, AnswerVerifierPropertyTest::answerPair,
        answers -> assertEquals(VERIFIER.verify(answers[0], answers[1]), VERIFIER.verify(answers[1], answers[0]),
            "verify(p, g) differs from verify(g, p)"));
  }

  @Test
  void deeplyNestedAnswersAreVerifiedWithoutError() {
    // what a runaway generation can box: up to 30,000 levels, where some thousands overflowed a
    // worker's stack; few tries, each answer being long
    PropertyCheck.forAll("deeply nested answers verify without error", 10,
        (random, size) -> new String[] {nested(size * 300, "1"), nested(size * 300 - random.nextInt(2), "2")},
        answers -> assertNotEquals(Verdict.CORRECT, VERIFIER.verify(answers[0], answers[1])));
  }

  @Test
  void anAnswerIsNeverIncorrectAgainstItself() {
    PropertyCheck.forAll("an answer is never incorrect against itself", 300, AnswerVerifierPropertyTest::answer,
        answer -> assertNotEquals(Verdict.INCORRECT, VERIFIER.verify(answer, answer)));
  }

  /** A number and one way of writing it that the normaliser documents as the same answer. */
  private static String[] numberAndRewriting(Random random, int size) {
    long n = random.nextInt(3) == 0 ? random.nextLong() % 10_000_000L : random.nextInt(1 + size * 10);
    String plain = Long.toString(n);
    String rewritten = switch (random.nextInt(9)) {
      case 0 -> "$" + plain + "$";
      case 1 -> String.format(Locale.ROOT, "%,d", n);
      case 2 -> plain + ".";
      case 3 -> plain + ".00";
      case 4 -> "\\text{" + plain + "}";
      case 5 -> plain + " " + Texts.oneOf(random, "dollars", "pints", "cm", "apples");
      case 6 -> plain + Texts.oneOf(random, "^\\circ", "^{\\circ}", "\\%", "%", "°");
      case 7 -> "\\$" + plain;
      default -> "\\frac{" + (2 * n) + "}{2}";
    };
    return new String[] {plain, rewritten};
  }

  @Test
  void documentedRewritingsOfANumberVerifyAsCorrect() {
    PropertyCheck.forAll("rewritings of a number verify as correct", 400,
        AnswerVerifierPropertyTest::numberAndRewriting,
        pair -> assertEquals(Verdict.CORRECT, VERIFIER.verify(pair[1], pair[0])));
  }
}
