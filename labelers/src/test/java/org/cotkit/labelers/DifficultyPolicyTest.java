package org.cotkit.labelers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.cotkit.labelers.DifficultyPolicy.Decision;
import org.junit.jupiter.api.Test;

class DifficultyPolicyTest {

  private static QuestionEvidence evidence(int samples, Double passRate, Boolean shortCorrect, Integer longTokens) {
    return new QuestionEvidence(samples, passRate, shortCorrect, longTokens);
  }

  @Test
  void passRateAtOrAboveThresholdIsSimple() {
    PassRateDifficulty policy = new PassRateDifficulty(0.75);
    assertEquals(Optional.of(new Decision(Difficulty.SIMPLE, "pass_rate")), policy.decide(evidence(4, 0.75, null, null)));
    assertEquals(Optional.of(new Decision(Difficulty.COMPLEX, "pass_rate")), policy.decide(evidence(4, 0.5, null, null)));
    assertEquals(Optional.empty(), policy.decide(evidence(0, null, true, 10)));
    assertThrows(IllegalArgumentException.class, () -> new PassRateDifficulty(1.5));
  }

  @Test
  void shortCotCorrectnessDecidesWhenKnown() {
    ShortCotDifficulty policy = new ShortCotDifficulty();
    assertEquals(Difficulty.SIMPLE, policy.decide(evidence(0, null, true, null)).orElseThrow().difficulty());
    assertEquals(Difficulty.COMPLEX, policy.decide(evidence(0, null, false, null)).orElseThrow().difficulty());
    assertEquals(Optional.empty(), policy.decide(evidence(0, null, null, 50)));
  }

  @Test
  void lengthBelowThresholdIsSimple() {
    LengthDifficulty policy = new LengthDifficulty(100);
    assertEquals(Difficulty.SIMPLE, policy.decide(evidence(0, null, null, 99)).orElseThrow().difficulty());
    assertEquals(Difficulty.COMPLEX, policy.decide(evidence(0, null, null, 100)).orElseThrow().difficulty());
    assertEquals(Optional.empty(), policy.decide(evidence(0, null, null, null)));
  }

  @Test
  void percentileIsNearestRank() {
    int[] lengths = {50, 10, 40, 20, 30};
    assertEquals(30, LengthDifficulty.percentile(lengths, 50));
    assertEquals(10, LengthDifficulty.percentile(lengths, 1));
    assertEquals(50, LengthDifficulty.percentile(lengths, 100));
    assertEquals(20, LengthDifficulty.percentile(lengths, 40));
    assertThrows(IllegalArgumentException.class, () -> LengthDifficulty.percentile(new int[0], 50));
  }

  @Test
  void standardPolicyUsesTheFirstEvidenceInOrderOfTrust() {
    FirstApplicableDifficulty policy = FirstApplicableDifficulty.standard(0.75, 100);
    assertEquals(new Decision(Difficulty.COMPLEX, "pass_rate"), policy.decide(evidence(4, 0.25, true, 10)).orElseThrow());
    assertEquals(new Decision(Difficulty.SIMPLE, "short_cot"), policy.decide(evidence(0, null, true, 500)).orElseThrow());
    assertEquals(new Decision(Difficulty.COMPLEX, "length"), policy.decide(evidence(0, null, null, 500)).orElseThrow());
    assertEquals(Optional.empty(), policy.decide(evidence(0, null, null, null)));
  }

  /** On the bundled sample every question has four verified samples, so the pass rate decides. */
  @Test
  void passRatesOfTheGsm8kSampleSplitIntoBothClasses() {
    FinalAnswerExtractor extractor = new FinalAnswerExtractor();
    AnswerVerifier verifier = new AnswerVerifier();
    FirstApplicableDifficulty policy = FirstApplicableDifficulty.standard(0.75, 100);
    List<String> lines = JsonlFixture.linesAt(java.nio.file.Path.of("..", "samples", "gsm8k-teacher.jsonl"));
    int simple = 0;
    for (String line : lines) {
      String gold = JsonlFixture.stringField(line, "answer");
      List<String> cots = JsonlFixture.stringFields(line, "cot");
      assertEquals(4, cots.size(), line);
      long correct = cots.stream()
          .filter(cot -> extractor.extract(cot).map(a -> verifier.verify(a.value(), gold)).orElse(null)
              == AnswerVerifier.Verdict.CORRECT)
          .count();
      Decision decision = policy.decide(new QuestionEvidence(4, correct / 4.0, null, null)).orElseThrow();
      assertEquals("pass_rate", decision.source());
      simple += decision.difficulty() == Difficulty.SIMPLE ? 1 : 0;
    }
    assertEquals(200, lines.size());
    assertTrue(simple > 20 && simple < 180, simple + " of 200 simple");
  }
}
