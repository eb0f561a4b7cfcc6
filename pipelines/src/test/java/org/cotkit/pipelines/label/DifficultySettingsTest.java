package org.cotkit.pipelines.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.cotkit.labelers.Difficulty;
import org.cotkit.labelers.DifficultyPolicy;
import org.cotkit.labelers.DifficultyPolicy.Decision;
import org.cotkit.labelers.QuestionEvidence;
import org.cotkit.pipelines.label.DifficultySettings.Policy;
import org.junit.jupiter.api.Test;

class DifficultySettingsTest {

  /** The difficulty options as the command line gives them: its defaults (the cli's DifficultyArgs) until set. */
  private static final class Options {
    String policies = DifficultySettings.DEFAULT_POLICIES;
    double passRateThreshold = 0.75;
    int lengthThreshold = 0;
    double lengthPercentile = 50;
    int budgetCap = 0;
  }

  private static DifficultySettings settings(Consumer<Options> set) {
    Options options = new Options();
    set.accept(options);
    return DifficultySettings.of(options.policies, options.passRateThreshold, options.lengthThreshold,
        options.lengthPercentile, options.budgetCap);
  }

  private static String rejection(Consumer<Options> set) {
    return assertThrows(IllegalArgumentException.class, () -> settings(set)).getMessage();
  }

  // ---- --difficulty

  @Test
  void policiesKeepTheGivenOrder() {
    assertEquals(List.of(Policy.LENGTH, Policy.PASS_RATE), DifficultySettings.parsePolicies("length,pass-rate"));
    assertEquals(List.of(Policy.PASS_RATE, Policy.SHORT_COT, Policy.LENGTH),
        DifficultySettings.parsePolicies(DifficultySettings.DEFAULT_POLICIES));
  }

  @Test
  void policiesAcceptEnumNamesCaseAndSpaces() {
    assertEquals(List.of(Policy.PASS_RATE, Policy.SHORT_COT),
        DifficultySettings.parsePolicies("pass_rate, SHORT-COT"));
    assertEquals(List.of(Policy.SHORT_COT, Policy.LENGTH), DifficultySettings.parsePolicies(" short_cot ,Length "));
  }

  @Test
  void optionValueIsTheCommandLineSpelling() {
    assertEquals("pass-rate", Policy.PASS_RATE.optionValue());
    assertEquals("short-cot", Policy.SHORT_COT.optionValue());
    assertEquals("length", Policy.LENGTH.optionValue());
  }

  @Test
  void aPolicyNamedTwiceIsRejected() {
    String message = assertThrows(IllegalArgumentException.class,
        () -> DifficultySettings.parsePolicies("pass-rate,length,pass_rate")).getMessage();
    assertTrue(message.contains("--difficulty") && message.contains("twice"), message);
  }

  @Test
  void anUnknownPolicyIsRejectedNamingIt() {
    String message = assertThrows(IllegalArgumentException.class,
        () -> DifficultySettings.parsePolicies("pass-rate,entropy")).getMessage();
    assertTrue(message.contains("--difficulty") && message.contains("'entropy'"), message);
  }

  @Test
  void noPolicyIsRejected() {
    for (String empty : new String[] {"", " , ,", null}) {
      String message = assertThrows(IllegalArgumentException.class,
          () -> DifficultySettings.parsePolicies(empty)).getMessage();
      assertTrue(message.contains("--difficulty"), message);
    }
  }

  // ---- of(...)

  @Test
  void defaultsAreValid() {
    DifficultySettings settings = settings(o -> {});
    assertEquals(0, settings.lengthThreshold());
    assertEquals(50.0, settings.lengthPercentile());
    assertEquals(0, settings.budgetCap());
    assertTrue(settings.needsCorpusLengthThreshold(), "the default length policy takes the corpus median");
  }

  @Test
  void badPoliciesAreRejectedByOf() {
    String message = rejection(o -> o.policies = "pass-rate,bogus");
    assertTrue(message.contains("--difficulty"), message);
  }

  @Test
  void passRateThresholdOutsideZeroToOneIsRejected() {
    for (double bad : new double[] {-0.01, 1.01, Double.NaN}) {
      String message = rejection(o -> o.passRateThreshold = bad);
      assertTrue(message.contains("--pass-rate-threshold"), message);
    }
    settings(o -> o.passRateThreshold = 0);
    settings(o -> o.passRateThreshold = 1);
  }

  @Test
  void negativeLengthThresholdIsRejected() {
    String message = rejection(o -> o.lengthThreshold = -1);
    assertTrue(message.contains("--length-threshold"), message);
  }

  @Test
  void lengthPercentileOutsideZeroToHundredIsRejected() {
    for (double bad : new double[] {0, -5, 100.5, Double.NaN}) {
      String message = rejection(o -> o.lengthPercentile = bad);
      assertTrue(message.contains("--length-percentile"), message);
    }
    assertEquals(100.0, settings(o -> o.lengthPercentile = 100).lengthPercentile());
  }

  @Test
  void negativeBudgetCapIsRejected() {
    String message = rejection(o -> o.budgetCap = -1);
    assertTrue(message.contains("--budget-cap"), message);
    assertEquals(300, settings(o -> o.budgetCap = 300).budgetCap());
  }

  // ---- corpus length threshold

  @Test
  void corpusThresholdIsNeededOnlyForTheLengthPolicyWithoutAFixedThreshold() {
    assertTrue(settings(o -> o.policies = "length").needsCorpusLengthThreshold());
    assertFalse(settings(o -> {
      o.policies = "length";
      o.lengthThreshold = 200;
    }).needsCorpusLengthThreshold());
    assertFalse(settings(o -> o.policies = "pass-rate,short-cot").needsCorpusLengthThreshold());
  }

  // ---- the policy

  private static Optional<Decision> decide(DifficultyPolicy policy, int samples, Double passRate, Boolean shortCorrect,
      Integer longTokens) {
    return policy.decide(new QuestionEvidence(samples, passRate, shortCorrect, longTokens));
  }

  @Test
  void policyDecidesInTheConfiguredOrder() {
    DifficultyPolicy lengthFirst = settings(o -> o.policies = "length,pass-rate").policy(100);
    // all evidence present: length, named first, decides even though the pass rate says simple
    assertEquals(Optional.of(new Decision(Difficulty.COMPLEX, "length")), decide(lengthFirst, 4, 1.0, true, 150));
    assertEquals(Optional.of(new Decision(Difficulty.SIMPLE, "pass_rate")), decide(lengthFirst, 4, 1.0, true, null));

    DifficultyPolicy defaultOrder = settings(o -> {}).policy(100);
    assertEquals(Optional.of(new Decision(Difficulty.SIMPLE, "pass_rate")), decide(defaultOrder, 4, 1.0, false, 150));
    assertEquals(Optional.of(new Decision(Difficulty.COMPLEX, "short_cot")), decide(defaultOrder, 0, null, false, 10));
    assertEquals(Optional.of(new Decision(Difficulty.SIMPLE, "length")), decide(defaultOrder, 0, null, null, 10));
  }

  @Test
  void policyWithoutTheNamedEvidenceDecidesNothing() {
    DifficultyPolicy shortOnly = settings(o -> o.policies = "short-cot").policy(100);
    assertEquals(Optional.empty(), decide(shortOnly, 4, 1.0, null, 10));
  }

  @Test
  void policyUsesThePassRateThreshold() {
    DifficultyPolicy strict = settings(o -> {
      o.policies = "pass-rate";
      o.passRateThreshold = 0.9;
    }).policy(0);
    assertEquals(Difficulty.COMPLEX, decide(strict, 4, 0.75, null, null).orElseThrow().difficulty());
    assertEquals(Difficulty.SIMPLE, decide(strict, 10, 0.9, null, null).orElseThrow().difficulty());
  }

  @Test
  void policyUsesTheGivenLengthThreshold() {
    DifficultyPolicy length = settings(o -> o.policies = "length").policy(57);
    assertEquals(Difficulty.SIMPLE, decide(length, 0, null, null, 56).orElseThrow().difficulty());
    assertEquals(Difficulty.COMPLEX, decide(length, 0, null, null, 57).orElseThrow().difficulty());
  }

  @Test
  void describeReportsTheSettingsInUse() {
    assertEquals(List.of("short-cot", "length"),
        settings(o -> o.policies = "short_cot,LENGTH").describe().get("difficulty"));
    var fixed = settings(o -> o.lengthThreshold = 120).describe();
    assertEquals(120, fixed.get("length_threshold"));
    assertEquals(null, fixed.get("length_percentile"));
    var percentile = settings(o -> o.lengthPercentile = 40).describe();
    assertEquals(null, percentile.get("length_threshold"));
    assertEquals(40.0, percentile.get("length_percentile"));
  }
}
