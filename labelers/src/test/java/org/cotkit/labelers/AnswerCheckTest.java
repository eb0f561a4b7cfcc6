package org.cotkit.labelers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cotkit.labelers.AnswerVerifier.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerCheckTest {

  /** A GPQA-style question that lists its options. */
  private static final String LISTED = "Which quantity is conserved in an elastic collision but not in an inelastic one?\n"
      + "(A) Momentum\n(B) Kinetic energy\n(C) Mass\n(D) Charge";

  private static Verdict verdict(String question, String gold, String generation) {
    return AnswerCheck.of(question, gold).check(generation).verdict();
  }

  // --- letters ------------------------------------------------------------------------------------

  @ParameterizedTest(name = "gold {0}, generation {1}")
  @CsvSource(delimiter = '|', value = {
    "C | Answer: (C)",
    "C | Answer: (c)",
    "(C) | The answer is C.",
    "c) | $\\boxed{C}$",
    "\\text{(C)} | **Answer:** C",
    "C. | the correct answer is c.",
    "(C) 42 | Option (C)",
  })
  void aLetterMatchesCaseInsensitivelyWithOrWithoutParentheses(String gold, String generation) {
    assertEquals(Verdict.CORRECT, verdict(null, gold, "We compare the four options.\n" + generation));
  }

  @Test
  void anotherLetterIsIncorrect() {
    AnswerCheck.Result result = AnswerCheck.of(LISTED, "B").check("Momentum is always conserved.\nAnswer: (A)");
    assertEquals(Optional.of(new ExtractedAnswer("A", FinalAnswerExtractor.ANSWER_LABEL)), result.answer());
    assertEquals(Verdict.INCORRECT, result.verdict());
  }

  @Test
  void aMarkerTheChoiceRulesDoNotReadStillGivesALetter() {
    assertEquals(Verdict.CORRECT, verdict(null, "B", "Comparing rates...\n#### B"));
    assertEquals(Verdict.INCORRECT, verdict(null, "B", "Q: which one?\nA: (D)"));
  }

  /** The three multiple-choice problems of MATH-500, answered by letter and by option text. */
  @Test
  void math500ChoiceProblemsVerifyByLetterAndByOptionText() {
    Map<String, String[]> byAnswer = Map.of(
        "\\text{(C)}", new String[] {"Plane", "Circle"},
        "\\text{(E)}", new String[] {"Hyperbola", "Parabola"},
        "\\text{(B)}", new String[] {"3(1 + r/10)^x = 7", "3(1 + 2r)^x = 7"});
    int problems = 0;
    for (String line : JsonlFixture.lines("math500/test.jsonl")) {
      String gold = JsonlFixture.stringField(line, "answer");
      if (!byAnswer.containsKey(gold)) {
        continue;
      }
      problems++;
      String problem = JsonlFixture.stringField(line, "problem");
      char letter = gold.charAt(7);
      AnswerCheck check = AnswerCheck.of(problem, gold);
      assertTrue(check.isMultipleChoice(), problem);
      assertEquals(Verdict.CORRECT, check.check(JsonlFixture.stringField(line, "solution")).verdict(), problem);
      assertEquals(Verdict.CORRECT, check.check("So it is " + letter + ".\nAnswer: " + letter).verdict(), problem);
      assertEquals(Verdict.INCORRECT, check.check("So it is A.\nAnswer: (A)").verdict(), problem);
      String[] texts = byAnswer.get(gold);
      assertEquals(Verdict.CORRECT, check.check("The answer is $\\boxed{" + texts[0] + "}$.").verdict(), problem);
      assertEquals(Verdict.INCORRECT, check.check("The answer is $\\boxed{" + texts[1] + "}$.").verdict(), problem);
    }
    assertEquals(3, problems);
  }

  @Test
  void optionTextsListedInTheQuestionAreMatchedAsWords() {
    assertEquals(Verdict.CORRECT, verdict(LISTED, "B", "Only kinetic energy is lost.\nThe answer is kinetic energy."));
    assertEquals(Verdict.INCORRECT, verdict(LISTED, "B", "The answer is the momentum."));
    // a value that names no option may be the right one in other words
    assertEquals(Verdict.UNVERIFIABLE, verdict(LISTED, "B", "The answer is the energy of motion."));
  }

  // --- a letter with its option text --------------------------------------------------------------

  @Test
  void aGoldOptionTextIsComparedWhenNoLetterIsStated() {
    assertEquals(Verdict.CORRECT, verdict(null, "(C) 42", "6 * 7 = 42\nThe answer is 42."));
    assertEquals(Verdict.CORRECT, verdict(null, "C: 42", "So the total is $\\boxed{42}$."));
    // two numbers compare exactly: a different one is wrong
    assertEquals(Verdict.INCORRECT, verdict(null, "(C) 42", "6 * 7 = 41\nThe answer is 41."));
    // words may say the same in other words
    assertEquals(Verdict.UNVERIFIABLE, verdict(null, "C: Plane", "The answer is a flat surface."));
    assertEquals(Verdict.CORRECT, verdict(null, "C: Plane", "The answer is a plane."));
    // a last-number guess that matches is evidence; one that misses proves nothing
    assertEquals(Verdict.CORRECT, verdict(null, "(C) 42", "so 6 * 7 = 42"));
    assertEquals(Verdict.UNVERIFIABLE, verdict(null, "(C) 42", "so 6 * 7 = 41"));
    // the stated letter wins over the option text
    assertEquals(Verdict.INCORRECT, verdict(null, "(C) 42", "The total is 42.\nAnswer: (B)"));
  }

  // --- a bare letter that may not be a choice -----------------------------------------------------

  /** A chemistry symbol, a point's name: without option texts the verdict is the math one, unchanged. */
  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
    "C | The element with six protons is carbon, so the answer is C.",
    "C | The answer is CO2.",
    "C | The answer is N.",
    "C | The answer is carbon (C).",
    "E | The point equidistant from both is $\\boxed{E}$.",
    "E | The point equidistant from both is $\\boxed{F_1}$.",
  })
  void withoutOptionTextsABareLetterGoldKeepsTheMathVerdict(String gold, String generation) {
    AnswerVerifier verifier = new AnswerVerifier();
    String stated = new FinalAnswerExtractor().extract(generation).orElseThrow().value();
    assertEquals(verifier.verify(stated, gold), verdict("Which one is it?", gold, generation), generation);
  }

  @Test
  void aLetterInProseIsNotTakenForTheChoice() {
    // "A train leaves..." states no choice A; the last number is a guess against a letter
    AnswerCheck.Result result = AnswerCheck.of(null, "A").check("A train leaves at 3 pm and arrives at 5 pm.\nA train takes 2 hours.");
    assertEquals(FinalAnswerExtractor.LAST_NUMBER, result.answer().orElseThrow().source());
    assertEquals(Verdict.UNVERIFIABLE, result.verdict());
    assertEquals(Verdict.UNVERIFIABLE, verdict(LISTED, "A", "A collision conserves something.\nI think we are done."));
  }

  // --- questions not verifiable -------------------------------------------------------------------

  @Test
  void aQuestionNotVerifiableIsUnverifiableButItsAnswerIsReported() {
    AnswerCheck proof = AnswerCheck.of("Prove that $n^2 + n$ is even for every integer $n$.", "proof");
    assertEquals(Optional.of(NotVerifiable.Reason.PROOF), proof.notVerifiable());
    AnswerCheck.Result result = proof.check("Since $n(n+1)$ has an even factor, it is even. $\\boxed{0}$");
    assertEquals("0", result.answer().orElseThrow().value());
    assertEquals(Verdict.UNVERIFIABLE, result.verdict());
    // even when the gold is a value and the generation states it
    assertEquals(Verdict.UNVERIFIABLE, verdict("Prove that the minimum is 5.", "5", "The minimum is \\boxed{5}."));
    assertEquals(Verdict.UNVERIFIABLE, verdict("Explain why the sky is blue.",
        "Sunlight scatters off air molecules, and blue light scatters most.", "The answer is Rayleigh scattering."));
    assertEquals(Verdict.UNVERIFIABLE, verdict("Write a function.", "def f(x):\n    return x", "def f(x): return x"));
    assertFalse(AnswerCheck.of("What is 2 + 2?", "4").notVerifiable().isPresent());
  }

  // --- math, unchanged ----------------------------------------------------------------------------

  /** Every MATH-500 solution verifies against its answer, with the problem's text given. */
  @Test
  void math500SolutionsVerifyWithTheirProblems() {
    List<String> failures = new ArrayList<>();
    for (String line : JsonlFixture.lines("math500/test.jsonl")) {
      Verdict v = verdict(JsonlFixture.stringField(line, "problem"), JsonlFixture.stringField(line, "answer"),
          JsonlFixture.stringField(line, "solution"));
      if (v != Verdict.CORRECT) {
        failures.add(v + ": " + JsonlFixture.stringField(line, "answer"));
      }
    }
    assertEquals(List.of(), failures);
  }

  private static final List<String> MODELS =
      List.of("6b_finetuning", "6b_verification", "175b_finetuning", "175b_verification");

  /**
   * GSM8K's 5,276 example model solutions, with their questions: every verdict agrees with
   * is_correct, but for wrong solutions whose last-number guess misses, which are unverifiable.
   */
  @Test
  void gsm8kModelSolutionVerdictsAgreeWithIsCorrectWithTheirQuestions() {
    List<String> disagreements = new ArrayList<>();
    int solutions = 0;
    for (String line : JsonlFixture.lines("gsm8k/example_model_solutions.jsonl")) {
      String gold = new FinalAnswerExtractor().extract(JsonlFixture.stringField(line, "ground_truth")).orElseThrow().value();
      AnswerCheck check = AnswerCheck.of(JsonlFixture.stringField(line, "question"), gold);
      for (String model : MODELS) {
        Matcher m = Pattern.compile("\"" + model
            + "\": \\{\"is_correct\": (true|false), \"solution\": \"((?:[^\"\\\\]|\\\\.)*)\"").matcher(line);
        assertTrue(m.find(), "no " + model + " solution in " + line);
        solutions++;
        AnswerCheck.Result result = check.check(JsonlFixture.unescape(m.group(2)));
        boolean isCorrect = Boolean.parseBoolean(m.group(1));
        // a missed last-number guess proves nothing: unverifiable, on wrong solutions only
        boolean missedGuess = result.verdict() == Verdict.UNVERIFIABLE && !isCorrect
            && result.answer().map(ExtractedAnswer::isFallback).orElse(false);
        if (!missedGuess && (result.verdict() == Verdict.UNVERIFIABLE || (result.verdict() == Verdict.CORRECT) != isCorrect)) {
          disagreements.add(result.verdict() + " vs is_correct " + isCorrect + ": " + result.answer());
        }
      }
    }
    assertEquals(5276, solutions);
    assertEquals(List.of(), disagreements, () -> disagreements.size() + " disagreements");
  }
}
