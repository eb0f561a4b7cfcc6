package org.cotkit.labelers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cotkit.labelers.NotVerifiable.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NotVerifiableTest {

  @Test
  void aMissingGoldIsNotVerifiable() {
    for (String gold : new String[] {null, "", "  \n "}) {
      assertEquals(Optional.of(Reason.NO_GOLD), NotVerifiable.reason("What is 2 + 2?", gold));
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "Prove that there are infinitely many primes.",
    "Let $n$ be an integer. Prove that $n^2 + n$ is even.",
    "Let $f(x) = 2x + 1$.\n(a) Find $f(3)$.\n(b) Show that $f$ is injective.",
    "Prove: the sum of two odd numbers is even.",
    "Prove or disprove: every bounded sequence converges.",
    "Let $a, b > 0$ with $a + b = 1$. Then prove that $ab \\le 1/4$, and find when equality holds.",
  })
  void aQuestionAskingForAProofIsNotVerifiableWhateverItsGold(String question) {
    assertEquals(Optional.of(Reason.PROOF), NotVerifiable.reason(question, "5"));
    assertEquals(Optional.of(Reason.PROOF), NotVerifiable.reason(question, "proof"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "Records show that 30% of the 200 students walk to school. How many students walk?",
    "How much does the new method improve the yield, in percent?",
    "A theorem states that the angles of a triangle add up to 180 degrees. What is the third angle?",
  })
  void proofWordsInsideOtherQuestionsDoNotCount(String question) {
    assertEquals(Optional.empty(), NotVerifiable.reason(question, "60"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {
    "proof",
    "Proof. Suppose there were finitely many primes $p_1, \\dots, p_n$; then $p_1 \\cdots p_n + 1$ has a new prime factor.",
    "\\begin{proof} By induction on $n$. \\end{proof}",
    "Since $n^2 + n = n(n + 1)$ is a product of consecutive integers, it is even. Q.E.D.",
    "Hence $ab \\le 1/4$. $\\blacksquare$",
    "Both sides are equal, which proves the identity. ∎",
  })
  void aProofAsGoldIsNotVerifiable(String gold) {
    assertEquals(Optional.of(Reason.PROOF), NotVerifiable.reason("Is every such number even?", gold));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {
    "```python\ndef double(n):\n    return 2 * n\n```",
    "def add(a, b):\n    return a + b",
    "#include <stdio.h>\nint main() { printf(\"hi\"); return 0; }",
    "public static int twice(int n) { return 2 * n; }",
    "import numpy as np\nprint(np.zeros(3))",
    "function square(x) { return x * x; }",
  })
  void codeAsGoldIsNotVerifiable(String gold) {
    assertEquals(Optional.of(Reason.CODE), NotVerifiable.reason("Write a function that does it.", gold));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {
    "The author argues that the industrial revolution changed family life.",
    "Because the moon's gravity pulls the oceans toward it",
    "It is a right triangle",
  })
  void freeTextIsNotVerifiable(String gold) {
    assertEquals(Optional.of(Reason.FREE_TEXT), NotVerifiable.reason("Explain why.", gold));
  }

  /** Short answers of words, math with LaTeX words, and choices of any length are verifiable. */
  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {
    "18", "\\frac{1}{2}", "\\text{Evelyn}", "George Washington", "no real solutions", "5 apples per day",
    "\\begin{pmatrix} -1 & 0 \\\\ 0 & -1 \\end{pmatrix}", "x \\in [-2,7]", "\\text{(C)}",
    "(C) The author argues that the industrial revolution changed family life.",
    "$\\text{the set of all real numbers}$",
  })
  void shortAnswersAreVerifiable(String gold) {
    assertEquals(Optional.empty(), NotVerifiable.reason("What is it?", gold));
  }

  @Test
  void proseWordsCountOutsideMath() {
    assertEquals(3, NotVerifiable.proseWords("5 apples per day"));
    assertEquals(0, NotVerifiable.proseWords("x^2 + 3x - 6"));
    assertEquals(1, NotVerifiable.proseWords("\\text{Evelyn}"));
    assertEquals(0, NotVerifiable.proseWords("\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}"));
    assertEquals(3, NotVerifiable.proseWords("the area $\\pi r^2 \\text{ is large}$ here"));
  }

  /** Every MATH-500 problem and every GSM8K training problem is verifiable against its answer. */
  @Test
  void everyMath500AndGsm8kQuestionIsVerifiable() {
    List<String> flagged = new ArrayList<>();
    List<String> math = JsonlFixture.lines("math500/test.jsonl");
    for (String line : math) {
      String problem = JsonlFixture.stringField(line, "problem");
      NotVerifiable.reason(problem, JsonlFixture.stringField(line, "answer"))
          .ifPresent(r -> flagged.add(r + ": " + problem));
    }
    List<String> gsm8k = JsonlFixture.lines("gsm8k/train.jsonl");
    for (String line : gsm8k) {
      String question = JsonlFixture.stringField(line, "question");
      String gold = Gsm8kSolution.parse(JsonlFixture.stringField(line, "answer")).orElseThrow().answer();
      NotVerifiable.reason(question, gold).ifPresent(r -> flagged.add(r + ": " + question));
    }
    assertEquals(500, math.size());
    assertEquals(7473, gsm8k.size());
    assertEquals(List.of(), flagged);
  }
}
