package org.cotkit.labelers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cotkit.labelers.AnswerVerifier.Verdict;
import org.cotkit.labelers.QuestionLabeler.Question;
import org.cotkit.labelers.QuestionLabeler.Sample;
import org.junit.jupiter.api.Test;

class QuestionLabelerTest {

  /** Whitespace-separated words: lengths in the tests can be counted by eye. */
  private static final TokenLength WORDS = text -> text.isBlank() ? 0 : text.strip().split("\\s+").length;

  private static final String RIGHT = "She sells 16 - 3 - 4 = 9 eggs.\nShe makes 9 * 2 = 18 dollars.\nThe answer is 18";
  private static final String WRONG = "She sells 16 - 3 = 13 eggs.\nShe makes 13 * 2 = 26 dollars.\nThe answer is 26";

  private static QuestionLabeler labeler() {
    return new QuestionLabeler(FirstApplicableDifficulty.standard(0.75, 100), 0, WORDS);
  }

  private static QuestionLabel label(String gold, String chosen, String longCot, String shortCot, List<Sample> samples) {
    return labeler().label(new Question(gold, chosen, longCot, shortCot, samples));
  }

  /** A sample of exactly {@code words} tokens whose last line states {@code answer}. */
  private static Sample sample(int words, String answer, Boolean correct) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < words - 2; i++) {
      text.append(i == 0 ? "step" : " step");
    }
    text.append("\nA: ").append(answer);
    return new Sample(text.toString(), correct);
  }

  // ---- the chosen chain of thought

  @Test
  void chosenCotReachingTheGoldAnswerIsCorrect() {
    QuestionLabel label = label("18", RIGHT, RIGHT, null, List.of());
    assertEquals(Verdict.CORRECT, label.verdict());
    assertEquals("18", label.answerExtracted());
    assertEquals(FinalAnswerExtractor.ANSWER_PHRASE, label.answerSource());
    assertEquals(Boolean.TRUE, label.verified());
  }

  @Test
  void goldIsComparedByValueNotText() {
    assertEquals(Verdict.CORRECT, label("18.0", RIGHT, null, RIGHT, List.of()).verdict());
  }

  @Test
  void chosenCotReachingAnotherAnswerIsIncorrect() {
    QuestionLabel label = label("18", WRONG, WRONG, null, List.of());
    assertEquals(Verdict.INCORRECT, label.verdict());
    assertEquals("26", label.answerExtracted());
    assertEquals(Boolean.FALSE, label.verified());
  }

  @Test
  void withoutGoldAnswerTheChosenCotIsUnverifiableButItsAnswerIsStillReported() {
    for (String gold : new String[] {null, "", "   "}) {
      QuestionLabel label = label(gold, RIGHT, RIGHT, null, List.of());
      assertEquals(Verdict.UNVERIFIABLE, label.verdict(), "gold '" + gold + "'");
      assertNull(label.verified());
      assertEquals("18", label.answerExtracted());
      assertNull(label.longCotCorrect(), "a long CoT cannot be checked without gold either");
    }
  }

  @Test
  void chosenCotWithoutAnExtractableAnswerIsUnverifiable() {
    String noAnswer = "First we think about the eggs.\nThen we think about the money.";
    QuestionLabel label = label("18", noAnswer, noAnswer, null, List.of());
    assertEquals(Verdict.UNVERIFIABLE, label.verdict());
    assertNull(label.verified());
    assertNull(label.answerExtracted());
    assertNull(label.answerSource());
    assertNull(label.longCotCorrect());
  }

  @Test
  void verifiedMapsEachVerdictToTheDatasetColumn() {
    assertEquals(Boolean.TRUE, withVerdict(Verdict.CORRECT).verified());
    assertEquals(Boolean.FALSE, withVerdict(Verdict.INCORRECT).verified());
    assertNull(withVerdict(Verdict.UNVERIFIABLE).verified());
  }

  private static QuestionLabel withVerdict(Verdict verdict) {
    return new QuestionLabel(null, null, verdict, null, null, 0, null, null, null, null, null);
  }

  // ---- long and short CoT

  @Test
  void longAndShortCotAreEachVerifiedAgainstTheGold() {
    QuestionLabel label = label("18", RIGHT, RIGHT, WRONG, List.of());
    assertEquals(Boolean.TRUE, label.longCotCorrect());
    assertEquals(Boolean.FALSE, label.shortCotCorrect());

    QuestionLabel shortChosen = label("18", WRONG, RIGHT, WRONG, List.of());
    assertEquals(Verdict.INCORRECT, shortChosen.verdict());
    assertEquals(Boolean.TRUE, shortChosen.longCotCorrect());
    assertEquals(Boolean.FALSE, shortChosen.shortCotCorrect());
  }

  @Test
  void absentCotsHaveNoCorrectness() {
    QuestionLabel onlyLong = label("18", RIGHT, RIGHT, null, List.of());
    assertNull(onlyLong.shortCotCorrect());
    assertEquals(Boolean.TRUE, onlyLong.longCotCorrect());

    QuestionLabel onlyShort = label("18", RIGHT, null, RIGHT, List.of());
    assertNull(onlyShort.longCotCorrect());
    assertNull(onlyShort.longCotTokens());
    assertEquals(Boolean.TRUE, onlyShort.shortCotCorrect());
  }

  // ---- samples

  @Test
  void givenCorrectFlagWinsOverVerification() {
    // the first states the gold answer but the input's grader says it is wrong, and vice versa
    QuestionLabel label = label("18", RIGHT, RIGHT, null,
        List.of(new Sample("A: 18", false), new Sample("A: 26", true), new Sample("A: 26", true)));
    assertEquals(3, label.samplesGraded());
    assertEquals(2 / 3.0, label.passRate(), 1e-12);
  }

  @Test
  void unflaggedSamplesAreVerifiedAgainstTheGold() {
    QuestionLabel label = label("18", RIGHT, RIGHT, null, List.of(
        new Sample("9 * 2 = 18\nA: 18", null),
        new Sample("The answer is \\boxed{18}", null),
        new Sample("13 * 2 = 26\nA: 26", null),
        new Sample("So 16 - 3 - 4 = 9 eggs make 9 * 2 = 18", null)));
    assertEquals(4, label.samplesGraded());
    assertEquals(0.75, label.passRate(), 1e-12);
  }

  @Test
  void aLastNumberGuessThatMissesProvesNothing() {
    // "$118 000" is read as 118 by the guess: a correct solution must not count as wrong
    String unmarked = "The proceeds are $400 000 - $282 000 = $118 000.";
    QuestionLabel label = label("118000", unmarked, unmarked, null, List.of(new Sample("13 * 2 = 26", null)));
    assertEquals("last_number", label.answerSource());
    assertEquals(Verdict.UNVERIFIABLE, label.verdict());
    assertNull(label.verified());
    assertEquals(0, label.samplesGraded(), "an unflagged sample judged on a missed guess is left out");
    // a guess that matches the gold answer is evidence enough
    String matching = "So 16 - 3 - 4 = 9 eggs make 9 * 2 = 18 dollars";
    assertEquals(Verdict.CORRECT, label("18", matching, matching, null, List.of()).verdict());
  }

  @Test
  void unverifiableUnflaggedSamplesAreLeftOutOfPassRateAndBudget() {
    QuestionLabel label = label("18", RIGHT, RIGHT, null, List.of(
        sample(4, "18", true),
        sample(6, "26", false),
        // 30 words and no number at all: would be L_max if it counted
        new Sample("we " + "think ".repeat(29), null)));
    assertEquals(2, label.samplesGraded());
    assertEquals(0.5, label.passRate(), 1e-12);
    // 0.5 · 4 + 0.5 · 6 = 5
    assertEquals(5, label.tokenBudget());
  }

  @Test
  void unflaggedSamplesWithoutGoldAreNotGraded() {
    QuestionLabel label = label(null, RIGHT, RIGHT, null,
        List.of(new Sample("A: 18", null), new Sample("A: 26", null)));
    assertEquals(0, label.samplesGraded());
    assertNull(label.passRate());
    assertNull(label.tokenBudget());
  }

  @Test
  void flaggedSamplesAreGradedEvenWithoutGold() {
    QuestionLabel label = label(null, RIGHT, RIGHT, null,
        List.of(sample(4, "18", true), sample(8, "26", false)));
    assertEquals(2, label.samplesGraded());
    assertEquals(0.5, label.passRate(), 1e-12);
    // 0.5 · 4 + 0.5 · 8 = 6
    assertEquals(6, label.tokenBudget());
  }

  @Test
  void noSamplesNoPassRateNoBudget() {
    QuestionLabel label = label("18", RIGHT, RIGHT, RIGHT, List.of());
    assertEquals(0, label.samplesGraded());
    assertNull(label.passRate());
    assertNull(label.tokenBudget());
  }

  // ---- token budget

  @Test
  void tokenBudgetIsTheDastMixOfMeanCorrectAndLongestLength() {
    List<Sample> samples = List.of(
        sample(4, "18", true), sample(6, "18", null), sample(10, "26", false), sample(12, "26", null));
    QuestionLabel label = label("18", RIGHT, RIGHT, null, samples);
    // p = 2/4, mean correct = (4 + 6) / 2 = 5, L_max = 12: round(0.5 · 5 + 0.5 · 12) = round(8.5) = 9
    assertEquals(9, label.tokenBudget());
  }

  @Test
  void budgetCapLimitsTheLongestSample() {
    List<Sample> samples = List.of(
        sample(4, "18", true), sample(6, "18", true), sample(10, "26", false), sample(12, "26", false));
    QuestionLabel capped = new QuestionLabeler(FirstApplicableDifficulty.standard(0.75, 100), 10, WORDS)
        .label(new Question("18", RIGHT, RIGHT, null, samples));
    // L_max = min(12, 10) = 10: round(0.5 · 5 + 0.5 · 10) = round(7.5) = 8
    assertEquals(8, capped.tokenBudget());

    QuestionLabel loose = new QuestionLabeler(FirstApplicableDifficulty.standard(0.75, 100), 50, WORDS)
        .label(new Question("18", RIGHT, RIGHT, null, samples));
    assertEquals(9, loose.tokenBudget(), "a cap above the longest sample changes nothing");
  }

  @Test
  void allSamplesWrongGivesTheLongestAsBudget() {
    QuestionLabel label = label("18", RIGHT, RIGHT, null,
        List.of(sample(5, "26", null), sample(7, "27", null)));
    assertEquals(0.0, label.passRate(), 0);
    assertEquals(7, label.tokenBudget());
  }

  @Test
  void budgetIsCountedWithTheGivenTokenLength() {
    TokenLength characters = String::length;
    QuestionLabel label = new QuestionLabeler(FirstApplicableDifficulty.standard(0.75, 100), 0, characters)
        .label(new Question("18", RIGHT, RIGHT, null, List.of(new Sample("A: 18", true), new Sample("A: 26 ok", false))));
    // 0.5 · 5 + 0.5 · 8 = 6.5, rounded half up
    assertEquals(7, label.tokenBudget());
  }

  // ---- difficulty

  @Test
  void passRateDecidesFirst() {
    List<Sample> threeOfFour = List.of(
        sample(4, "18", true), sample(4, "18", true), sample(4, "18", true), sample(4, "26", false));
    QuestionLabel simple = label("18", RIGHT, RIGHT, WRONG, threeOfFour);
    assertEquals(Difficulty.SIMPLE, simple.difficulty());
    assertEquals("pass_rate", simple.difficultySource());

    List<Sample> twoOfFour = List.of(
        sample(4, "18", true), sample(4, "18", true), sample(4, "26", false), sample(4, "26", false));
    QuestionLabel complex = label("18", RIGHT, RIGHT, RIGHT, twoOfFour);
    assertEquals(Difficulty.COMPLEX, complex.difficulty());
    assertEquals("pass_rate", complex.difficultySource());
  }

  @Test
  void shortCotDecidesWithoutGradedSamples() {
    QuestionLabel simple = label("18", RIGHT, RIGHT, RIGHT, List.of());
    assertEquals(Difficulty.SIMPLE, simple.difficulty());
    assertEquals("short_cot", simple.difficultySource());

    // an ungradable sample is no pass-rate evidence
    QuestionLabel complex = label("18", RIGHT, RIGHT, WRONG, List.of(new Sample("no number", null)));
    assertEquals(Difficulty.COMPLEX, complex.difficulty());
    assertEquals("short_cot", complex.difficultySource());
  }

  @Test
  void lengthDecidesWithoutSamplesOrShortCot() {
    String shortLong = "one two three four five six seven eight nine 18"; // 10 words
    QuestionLabel simple = label("18", shortLong, shortLong, null, List.of());
    assertEquals(Difficulty.SIMPLE, simple.difficulty());
    assertEquals("length", simple.difficultySource());

    String longLong = "word ".repeat(100) + "18"; // 101 words, threshold 100
    QuestionLabel complex = label("18", longLong, longLong, null, List.of());
    assertEquals(Difficulty.COMPLEX, complex.difficulty());
    assertEquals("length", complex.difficultySource());
  }

  @Test
  void noEvidenceLeavesDifficultyUndecided() {
    // no gold: the short CoT cannot be checked; no long CoT, no samples
    QuestionLabel label = label(null, RIGHT, null, RIGHT, List.of());
    assertNull(label.difficulty());
    assertNull(label.difficultySource());
  }

  @Test
  void theConfiguredPolicyOrderDecides() {
    DifficultyPolicy lengthFirst = new FirstApplicableDifficulty(
        List.of(new LengthDifficulty(5), new PassRateDifficulty(0.75)));
    List<Sample> allRight = List.of(sample(4, "18", true), sample(4, "18", true));
    QuestionLabel label = new QuestionLabeler(lengthFirst, 0, WORDS)
        .label(new Question("18", RIGHT, RIGHT, null, allRight));
    assertEquals(1.0, label.passRate(), 0);
    assertEquals(Difficulty.COMPLEX, label.difficulty());
    assertEquals("length", label.difficultySource());
  }

  @Test
  void thePolicySeesTheGradedEvidence() {
    AtomicReference<QuestionEvidence> seen = new AtomicReference<>();
    DifficultyPolicy spy = evidence -> {
      seen.set(evidence);
      return Optional.empty();
    };
    String longCot = "<think>a b c d e f g</think>The answer is 18";
    new QuestionLabeler(spy, 0, WORDS).label(new Question("18", longCot, longCot, RIGHT,
        List.of(sample(4, "18", null), sample(4, "26", null), new Sample("no number", null))));
    assertEquals(new QuestionEvidence(2, 0.5, true, 7), seen.get());
  }

  // ---- questions not verifiable

  private static final String PROOF = "Let $n$ be an integer. Prove that $n^2 + n$ is even.";
  /** 10 words, under the test policy's length threshold of 100. */
  private static final String SHORT_PROOF = "$n^2 + n = n(n + 1)$ has an even factor. $\\boxed{1}$";
  /** 105 words. */
  private static final String LONG_PROOF = "Write $n^2 + n = n(n + 1)$. "
      + "Of two consecutive integers one is even, so their product is even. ".repeat(8) + "$\\boxed{0}$";

  @Test
  void anUnverifiableQuestionIsLabelledByLengthNotByAGuessedShortCotVerdict() {
    // compared as strings, "proof" against 1 would be a short CoT that is wrong: complex by short_cot
    QuestionLabel complex = labeler().label(new Question(PROOF, "proof", LONG_PROOF, LONG_PROOF, SHORT_PROOF, List.of(), null));
    assertEquals(Verdict.UNVERIFIABLE, complex.verdict());
    assertNull(complex.verified());
    assertEquals("0", complex.answerExtracted(), "the answer is still reported");
    assertNull(complex.longCotCorrect());
    assertNull(complex.shortCotCorrect());
    assertEquals(105, complex.longCotTokens());
    assertEquals(Difficulty.COMPLEX, complex.difficulty());
    assertEquals(LengthDifficulty.SOURCE, complex.difficultySource());

    QuestionLabel simple = labeler().label(new Question(PROOF, "proof", SHORT_PROOF, SHORT_PROOF, SHORT_PROOF, List.of(), null));
    assertEquals(Difficulty.SIMPLE, simple.difficulty());
    assertEquals(LengthDifficulty.SOURCE, simple.difficultySource());
  }

  @Test
  void freeTextAndCodeGoldsAreLabelledByLengthToo() {
    String why = "Why does ice float on water?";
    String gold = "Ice is less dense than liquid water because hydrogen bonds hold its molecules apart.";
    String shortCot = "Ice is lighter than water. The answer is density.";
    QuestionLabel freeText = labeler().label(new Question(why, gold, shortCot, shortCot, shortCot, List.of(), null));
    assertEquals(Verdict.UNVERIFIABLE, freeText.verdict());
    assertEquals(LengthDifficulty.SOURCE, freeText.difficultySource());

    String code = "def double(n):\n    return 2 * n";
    QuestionLabel program = labeler().label(new Question("Write a function that doubles n.", code,
        "The answer is def double(n): return n + n", null, "The answer is def double(n): return n + n", List.of(), null));
    assertEquals(Verdict.UNVERIFIABLE, program.verdict());
    assertNull(program.shortCotCorrect());
  }

  @Test
  void anUnverifiableQuestionsSamplesAreGradedOnlyByTheirGivenVerdicts() {
    // ungraded samples would read as wrong against "proof", a pass rate of 0
    QuestionLabel ungraded = labeler().label(new Question(PROOF, "proof", LONG_PROOF, LONG_PROOF, null,
        List.of(new Sample(SHORT_PROOF, null), new Sample(LONG_PROOF, null)), null));
    assertEquals(0, ungraded.samplesGraded());
    assertNull(ungraded.passRate());
    assertNull(ungraded.tokenBudget());
    assertEquals(LengthDifficulty.SOURCE, ungraded.difficultySource());

    // a grader's verdicts (sample_correct) are used as given
    QuestionLabel graded = labeler().label(new Question(PROOF, "proof", LONG_PROOF, LONG_PROOF, null,
        List.of(new Sample(SHORT_PROOF, true), new Sample(LONG_PROOF, true), new Sample(SHORT_PROOF, null)), null));
    assertEquals(2, graded.samplesGraded());
    assertEquals(1.0, graded.passRate());
    assertEquals(Difficulty.SIMPLE, graded.difficulty());
    assertEquals(PassRateDifficulty.SOURCE, graded.difficultySource());

    // and so is the dataset's own pass rate
    QuestionLabel given = labeler().label(new Question(PROOF, "proof", LONG_PROOF, LONG_PROOF, null, List.of(), 0.25));
    assertEquals(Difficulty.COMPLEX, given.difficulty());
    assertEquals(PassRateDifficulty.GIVEN_SOURCE, given.difficultySource());
  }

  @Test
  void theVerdictOfAFilterPassKnowsTheQuestion() {
    QuestionLabeler labeler = labeler();
    String proveMinimum = "Let $x > 0$. Prove that $x + 1/x$ is at least 2.";
    String cot = "By AM-GM, $x + 1/x \\ge 2$. \\boxed{2}";
    assertEquals(Verdict.CORRECT, labeler.verdict("2", cot), "without the question, 2 is just a number");
    assertEquals(Verdict.UNVERIFIABLE, labeler.verdict(proveMinimum, "2", cot));
    assertEquals(Verdict.UNVERIFIABLE, labeler.verdict("proof", SHORT_PROOF), "a proof gold needs no question");
    assertEquals(Verdict.CORRECT, labeler.verdict("What is 9 * 2?", "18", RIGHT));
  }

  // ---- multiple choice

  private static final String CHOICES = "Which gas makes up most of Earth's atmosphere?\n"
      + "(A) Oxygen\n(B) Nitrogen\n(C) Argon\n(D) Carbon dioxide";

  @Test
  void aMultipleChoiceQuestionIsVerifiedByLetter() {
    String longCot = "<think>\nOxygen is about 21%, nitrogen about 78%. So B.\n</think>\n\n**Answer:** B";
    QuestionLabel label = labeler().label(new Question(CHOICES, "(B)", longCot, longCot, "Answer: (b)",
        List.of(new Sample("Nitrogen dominates.\nAnswer: B", null), new Sample("The answer is \\boxed{A}", null),
            new Sample("It is nitrogen.\n(B)", null), new Sample("The answer is nitrogen.", null),
            new Sample("I am not sure.", null)), null));
    assertEquals(Verdict.CORRECT, label.verdict());
    assertEquals("B", label.answerExtracted());
    assertEquals(FinalAnswerExtractor.ANSWER_LABEL, label.answerSource());
    assertEquals(Boolean.TRUE, label.shortCotCorrect());
    // the fourth names option B by its text; the fifth states nothing
    assertEquals(4, label.samplesGraded());
    assertEquals(0.75, label.passRate());
  }

  // ---- long CoT length

  @Test
  void longCotTokensCountOnlyTheThinkingOfAThinkTrace() {
    String trace = "<think>\nfirst second third fourth fifth\n</think>\nThe answer is 18";
    QuestionLabel label = label("18", trace, trace, null, List.of());
    assertEquals(5, label.longCotTokens());
    assertEquals(Verdict.CORRECT, label.verdict());

    // a trace whose <think> was in the prompt
    assertEquals(3, label("18", "a b c</think>The answer is 18", "a b c</think>The answer is 18", null, List.of())
        .longCotTokens());
  }

  @Test
  void aThinkTraceWithEmptyThinkingHasNoLongCotLength() {
    String empty = "<think> </think>The answer is 18";
    QuestionLabel label = label("18", empty, empty, null, List.of());
    assertNull(label.longCotTokens(), "no reasoning to measure, so the length policy cannot call it simple");
    assertNull(label.difficulty());
  }

  @Test
  void longCotTokensOfAPlainLongCotCountTheWholeText() {
    assertEquals(WORDS.of(RIGHT), label("18", RIGHT, RIGHT, null, List.of()).longCotTokens());
  }

  // ---- real data

  private static final Path TEACHER = Path.of("..", "samples", "gsm8k-teacher.jsonl");
  private static final Pattern SAMPLE = Pattern.compile(
      "\\{\\s*\"cot\"\\s*:\\s*\"((?:[^\"\\\\]++|\\\\.)*+)\"\\s*,\\s*\"correct\"\\s*:\\s*(true|false|null)\\s*}");

  @Test
  void gsm8kTeacherSamplesPassRatesFollowTheGivenFlagsAndSocraticCotsVerify() {
    List<String> lines = JsonlFixture.linesAt(TEACHER);
    assertEquals(200, lines.size());
    QuestionLabeler labeler = labeler();
    List<String> unverified = new ArrayList<>();
    for (String line : lines) {
      String id = JsonlFixture.stringField(line, "id");
      String longCot = JsonlFixture.stringField(line, "long_cot");
      List<Sample> samples = new ArrayList<>();
      long flaggedCorrect = 0;
      for (Matcher m = SAMPLE.matcher(line); m.find(); ) {
        Boolean correct = m.group(2).equals("null") ? null : Boolean.valueOf(m.group(2));
        samples.add(new Sample(JsonlFixture.unescape(m.group(1)), correct));
        flaggedCorrect += Boolean.TRUE.equals(correct) ? 1 : 0;
      }
      assertEquals(4, samples.size(), id);
      assertTrue(samples.stream().allMatch(s -> s.correct() != null), id + ": every sample is flagged");

      QuestionLabel label = labeler.label(new Question(
          JsonlFixture.stringField(line, "answer"), longCot, longCot, JsonlFixture.stringField(line, "short_cot"), samples));

      assertEquals(4, label.samplesGraded(), id);
      assertEquals(flaggedCorrect / 4.0, label.passRate(), 1e-12, id);
      assertEquals("pass_rate", label.difficultySource(), id);
      assertEquals(label.passRate() >= 0.75 ? Difficulty.SIMPLE : Difficulty.COMPLEX, label.difficulty(), id);
      assertEquals(label.verified(), label.longCotCorrect(), id + ": the chosen CoT is the long one");
      if (label.verdict() != Verdict.CORRECT) {
        unverified.add(id + " " + label.verdict() + " extracted=" + label.answerExtracted()
            + " gold=" + JsonlFixture.stringField(line, "answer"));
      }
    }
    unverified.forEach(System.out::println);
    assertTrue(unverified.size() <= 2, unverified.size() + " socratic CoTs do not verify: " + unverified);
  }

  /** A dataset's own accuracy per question (OpenR1's, Big-Math's) decides when no sample is graded. */
  @Test
  void aGivenPassRateDecidesWithoutGradedSamples() {
    QuestionLabel simple = labeler().label(new Question("18", RIGHT, RIGHT, RIGHT, List.of(), 0.9));
    assertEquals(Difficulty.SIMPLE, simple.difficulty());
    assertEquals(PassRateDifficulty.GIVEN_SOURCE, simple.difficultySource());
    assertEquals(0.9, simple.passRate());
    assertEquals(0, simple.samplesGraded());
    assertNull(simple.tokenBudget(), "a DAST budget needs the samples' lengths");
    QuestionLabel complex = labeler().label(new Question("18", RIGHT, RIGHT, RIGHT, List.of(), 0.25));
    assertEquals(Difficulty.COMPLEX, complex.difficulty());
  }

  @Test
  void gradedSamplesOutweighAGivenPassRate() {
    QuestionLabel label = labeler().label(new Question("18", RIGHT, RIGHT, null,
        List.of(sample(5, "18", true), sample(5, "26", false)), 1.0));
    assertEquals(0.5, label.passRate());
    assertEquals(PassRateDifficulty.SOURCE, label.difficultySource());
  }
}
