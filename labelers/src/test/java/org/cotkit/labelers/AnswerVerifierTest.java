package org.cotkit.labelers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cotkit.labelers.AnswerVerifier.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerVerifierTest {

  private final AnswerVerifier verifier = new AnswerVerifier();
  private final FinalAnswerExtractor extractor = new FinalAnswerExtractor();

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', value = {
    "1,000 | 1000",
    "$18 | 18",
    "\\$18.00 | 18",
    "50\\% | 50",
    "50% | 50",
    "5 \\text{ cm} | 5",
    "120 pints | 120",
    "18. | 18",
    "90^\\circ | 90",
    "90^{\\circ} | 90",
    "\\dfrac{1}{2} | 0.5",
    "\\tfrac{1}{2} | \\frac{1}{2}",
    "\\frac12 | 1/2",
    "\\frac{3}2 | 1.5",
    "-\\frac{1}{4} | -0.25",
    "\\left( 3, \\frac{\\pi}{2} \\right) | (3,\\frac{\\pi}{2})",
    "5.0 | 5",
    "2.50 | 2.5",
    "(1, 0.5] | (1,\\frac{1}{2}]",
    "\\sqrt2 | \\sqrt{2}",
    "2\\sqrt{3} | 2\\sqrt3",
    "3\\pi | 3 \\pi",
    "\\text{Evelyn} | Evelyn",
  })
  void equalAnswers(String predicted, String gold) {
    assertEquals(Verdict.CORRECT, verifier.verify(predicted, gold));
  }

  @ParameterizedTest(name = "{0} <> {1}")
  @CsvSource(delimiter = '|', value = {
    "17 | 18",
    "0.51 | 1/2",
    "[1,2) | [1,2]",
    "(1,2) | (1,2,3)",
    "\\sqrt{3} | \\sqrt{2}",
    "2\\pi | 3\\pi",
    "x | y",
    "10+John's age | 50",
  })
  void differentAnswers(String predicted, String gold) {
    assertEquals(Verdict.INCORRECT, verifier.verify(predicted, gold));
  }

  @Test
  void incompleteExpressionsAreUnverifiableOnEitherSide() {
    for (String broken : new String[] {"\\frac{", "\\sqrt", "[", "(1,2", "0/0", "\\frac{1}{0}", "3)"}) {
      assertEquals(Verdict.UNVERIFIABLE, verifier.verify("5", broken), "gold " + broken);
      assertEquals(Verdict.UNVERIFIABLE, verifier.verify(broken, "5"), "predicted " + broken);
    }
    // half-open intervals are balanced, and 10/20 divides by no zero
    assertEquals(Verdict.CORRECT, verifier.verify("[1,2)", "[1, 2)"));
    assertEquals(Verdict.CORRECT, verifier.verify("10/20", "\\frac{1}{2}"));
  }

  @Test
  void whatCannotBeParsedIsUnverifiable() {
    assertEquals(Verdict.UNVERIFIABLE, verifier.verify("\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}", "3"));
    assertEquals(Verdict.UNVERIFIABLE, verifier.verify("\\int_0^1 x dx", "\\frac{1}{2}"));
    assertEquals(Verdict.UNVERIFIABLE, verifier.verify("", "3"));
    assertEquals(Verdict.UNVERIFIABLE, verifier.verify(null, "3"));
    assertEquals(Verdict.UNVERIFIABLE, verifier.verify("3", "  "));
  }

  /**
   * Found by {@link AnswerVerifierPropertyTest}: tuples nested some thousands deep overflowed the
   * stack of a worker thread (and took seconds before that, each level scanning the whole answer).
   */
  @Test
  void deeplyNestedTuplesAreUnverifiableNotAStackOverflow() throws Exception {
    String predicted = AnswerVerifierPropertyTest.nested(20_000, "1");
    String gold = AnswerVerifierPropertyTest.nested(20_000, "2");
    Verdict[] verdict = new Verdict[1];
    Throwable[] failure = new Throwable[1];
    // on a thread of its own: a pipeline worker's default stack, not the main thread's
    Thread worker = new Thread(() -> {
      try {
        verdict[0] = verifier.verify(predicted, gold);
      } catch (Throwable t) {
        failure[0] = t;
      }
    });
    worker.start();
    worker.join(10_000);
    assertNull(failure[0], () -> "threw " + failure[0]);
    assertEquals(Verdict.UNVERIFIABLE, verdict[0]);
    // nesting as deep as real answers go is still compared
    assertEquals(Verdict.INCORRECT, verifier.verify(AnswerVerifierPropertyTest.nested(5, "1"),
        AnswerVerifierPropertyTest.nested(5, "2")));
    assertEquals(Verdict.CORRECT, verifier.verify(AnswerVerifierPropertyTest.nested(5, "0.5"),
        AnswerVerifierPropertyTest.nested(5, "\\frac{1}{2}")));
  }

  /** Every MATH-500 solution's boxed answer verifies against the problem's answer field. */
  @Test
  void math500SolutionsVerifyAgainstTheirAnswers() {
    List<String> failures = new ArrayList<>();
    List<String> lines = JsonlFixture.lines("math500/test.jsonl");
    for (String line : lines) {
      String gold = JsonlFixture.stringField(line, "answer");
      String predicted = extractor.extract(JsonlFixture.stringField(line, "solution")).orElseThrow().value();
      Verdict verdict = verifier.verify(predicted, gold);
      if (verdict != Verdict.CORRECT) {
        failures.add(verdict + ": " + predicted + " vs " + gold);
      }
    }
    assertEquals(500, lines.size());
    assertEquals(List.of(), failures);
  }

  private static final List<String> MODELS =
      List.of("6b_finetuning", "6b_verification", "175b_finetuning", "175b_verification");

  /** The verdict on each of GSM8K's 5,276 example model solutions agrees with its is_correct. */
  @Test
  void gsm8kModelSolutionVerdictsAgreeWithIsCorrect() {
    List<String> disagreements = new ArrayList<>();
    int solutions = 0;
    for (String line : JsonlFixture.lines("gsm8k/example_model_solutions.jsonl")) {
      String gold = extractor.extract(JsonlFixture.stringField(line, "ground_truth")).orElseThrow().value();
      for (String model : MODELS) {
        Matcher m = Pattern.compile("\"" + model
            + "\": \\{\"is_correct\": (true|false), \"solution\": \"((?:[^\"\\\\]|\\\\.)*)\"").matcher(line);
        assertTrue(m.find(), "no " + model + " solution in " + line);
        solutions++;
        String solution = JsonlFixture.unescape(m.group(2));
        Verdict verdict = extractor.extract(solution).map(a -> verifier.verify(a.value(), gold)).orElse(Verdict.UNVERIFIABLE);
        boolean isCorrect = Boolean.parseBoolean(m.group(1));
        if (verdict == Verdict.UNVERIFIABLE || (verdict == Verdict.CORRECT) != isCorrect) {
          disagreements.add(verdict + " vs is_correct " + isCorrect + ": " + solution.lines().reduce((a, b) -> b).orElse(""));
        }
      }
    }
    assertEquals(5276, solutions);
    assertEquals(List.of(), disagreements, () -> disagreements.size() + " disagreements");
  }
}
