package org.cotkit.pipelines.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WriteManifestTest {

  @Test
  void countsSectionHasTotalsAndBreakdowns() {
    Map<String, Long> counts = new HashMap<>();
    counts.put("records_read", 10L);
    counts.put("records_written", 6L);
    counts.put("rows_written", 18L);
    counts.put("dead_lettered.score", 1L);
    counts.put("dead_lettered.parse", 2L);
    counts.put("dead_lettered.prune", 0L);
    counts.put("filtered.blank_line", 1L);
    counts.put("filtered.too_short", 0L);

    Map<String, Object> section = WriteManifest.countsSection(counts);

    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("records_read", 10L);
    expected.put("records_written", 6L);
    expected.put("rows_written", 18L);
    expected.put("dead_lettered", 3L);
    expected.put("dead_lettered_by_stage", Map.of("parse", 2L, "score", 1L));
    expected.put("filtered", 1L);
    expected.put("filtered_by_reason", Map.of("blank_line", 1L));
    expected.put("balanced", true);
    assertEquals(expected, section);
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(section.keySet()), "key order");
    @SuppressWarnings("unchecked")
    Map<String, Long> byStage = (Map<String, Long>) section.get("dead_lettered_by_stage");
    assertEquals(List.of("parse", "score"), List.copyOf(byStage.keySet()), "stages sorted");
  }

  @Test
  void countsThatDoNotAddUpAreNotBalanced() {
    Map<String, Object> section = WriteManifest.countsSection(Map.of(
        "records_read", 10L, "records_written", 6L, "dead_lettered.parse", 2L, "filtered.blank_line", 1L));
    assertEquals(false, section.get("balanced"));
    assertEquals(2L, section.get("dead_lettered"));
    assertEquals(1L, section.get("filtered"));

    Map<String, Object> tooMany = WriteManifest.countsSection(Map.of(
        "records_read", 3L, "records_written", 3L, "dead_lettered.score", 1L));
    assertEquals(false, tooMany.get("balanced"));
  }

  @Test
  void missingCountsAreZeroAndEmptyRunIsBalanced() {
    Map<String, Object> section = WriteManifest.countsSection(Map.of());
    assertEquals(0L, section.get("records_read"));
    assertEquals(0L, section.get("records_written"));
    assertFalse(section.containsKey("rows_written"), "a command that writes no rows reports none");
    assertEquals(0L, section.get("dead_lettered"));
    assertEquals(Map.of(), section.get("dead_lettered_by_stage"));
    assertEquals(0L, section.get("filtered"));
    assertEquals(Map.of(), section.get("filtered_by_reason"));
    assertEquals(true, section.get("balanced"));
  }

  @Test
  void filteredRecordsBalanceTheRead() {
    Map<String, Object> section = WriteManifest.countsSection(Map.of(
        "records_read", 5L, "filtered.blank_line", 2L, "filtered.duplicate", 3L, "dead_lettered.parse", 0L));
    assertEquals(5L, section.get("filtered"));
    assertEquals(Map.of("blank_line", 2L, "duplicate", 3L), section.get("filtered_by_reason"));
    assertEquals(Map.of(), section.get("dead_lettered_by_stage"));
    assertEquals(true, section.get("balanced"));
  }

  // ---- distributions

  @Test
  void distributionGroupsValuesUnderTheirGroupSorted() {
    Map<String, Long> counts = new HashMap<>();
    counts.put("label.verified.correct", 3L);
    counts.put("label.verified.incorrect", 1L);
    counts.put("label.difficulty.simple", 2L);
    counts.put("label.difficulty.complex", 2L);
    counts.put("label.pass_rate.0.75", 2L);
    counts.put("label.pass_rate.none", 2L);
    counts.put("records_read", 4L);
    counts.put("examples.mode.adaptive", 1L);

    Map<String, Object> section = WriteManifest.distributionSection(counts, "label.", List.of());

    assertEquals(List.of("difficulty", "pass_rate", "verified"), List.copyOf(section.keySet()), "groups sorted");
    assertEquals(Map.of("complex", 2L, "simple", 2L), section.get("difficulty"));
    // the value is everything after the group: a pass rate's decimal point does not nest further
    assertEquals(Map.of("0.75", 2L, "none", 2L), section.get("pass_rate"));
    assertEquals(Map.of("correct", 3L, "incorrect", 1L), section.get("verified"));
  }

  @Test
  void distributionTakesOnlyItsPrefix() {
    Map<String, Long> counts = Map.of(
        "examples.mode.tokenskip", 12L, "examples.mode.adaptive", 2L, "examples.split.train", 13L,
        "examples.split.validation", 1L, "examples.adaptive_skipped.no_short_cot", 1L, "label.verified.correct", 3L);
    Map<String, Object> section = WriteManifest.distributionSection(counts, "examples.", List.of());
    assertEquals(Map.of(
        "adaptive_skipped", Map.of("no_short_cot", 1L),
        "mode", Map.of("adaptive", 2L, "tokenskip", 12L),
        "split", Map.of("train", 13L, "validation", 1L)), section);
  }

  @Test
  void zeroCountsAndKeysWithoutValueAreLeftOut() {
    Map<String, Object> section = WriteManifest.distributionSection(
        Map.of("label.verified.correct", 0L, "label.verified.incorrect", 2L, "label.orphan", 5L), "label.", List.of());
    assertEquals(Map.of("verified", Map.of("incorrect", 2L)), section);
  }

  @Test
  void distributionIsEmptyWithoutItsKeys() {
    assertEquals(Map.of(), WriteManifest.distributionSection(Map.of(), "label.", List.of("token_budget")));
    assertEquals(Map.of(), WriteManifest.distributionSection(
        Map.of("records_read", 3L, "examples.mode.tokenskip", 3L, "label.verified.correct", 0L), "label.",
        List.of("token_budget")));
  }

  @Test
  void summarisedGroupBecomesAQuantileSummary() {
    Map<String, Long> counts = new HashMap<>();
    counts.put("label.token_budget.10", 1L);
    counts.put("label.token_budget.20", 2L);
    counts.put("label.token_budget.30", 3L);
    counts.put("label.token_budget.40", 4L);
    counts.put("label.token_budget.none", 5L);
    counts.put("label.difficulty.simple", 15L);

    Map<String, Object> section = WriteManifest.distributionSection(counts, "label.", List.of("token_budget"));

    assertEquals(Map.of("simple", 15L), section.get("difficulty"), "groups not listed stay histograms");
    @SuppressWarnings("unchecked")
    Map<String, Object> budget = (Map<String, Object>) section.get("token_budget");
    assertEquals(WriteManifest.summary(Map.of("10", 1L, "20", 2L, "30", 3L, "40", 4L, "none", 5L)), budget);
    assertEquals(10L, budget.get("count"));
    assertEquals(5L, budget.get("missing"));
  }

  @Test
  void summaryHasExactNearestRankQuantiles() {
    // 10, 20, 20, 30, 30, 30, 40, 40, 40, 40
    Map<String, Object> summary = WriteManifest.summary(Map.of("10", 1L, "20", 2L, "30", 3L, "40", 4L));
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("count", 10L);
    expected.put("missing", 0L);
    expected.put("min", 10L);
    expected.put("p10", 10L); // rank 1
    expected.put("p25", 20L); // rank ceil(2.5) = 3
    expected.put("median", 30L); // rank 5
    expected.put("p75", 40L); // rank ceil(7.5) = 8
    expected.put("p90", 40L); // rank 9
    expected.put("max", 40L);
    expected.put("mean", 30.0);
    assertEquals(expected, summary);
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(summary.keySet()), "key order");
  }

  @Test
  void summaryQuantilesOnAHundredValues() {
    // the values 1..100 once each: the nearest-rank q-quantile is 100·q
    Map<String, Long> histogram = new HashMap<>();
    for (int v = 1; v <= 100; v++) {
      histogram.put(Integer.toString(v), 1L);
    }
    Map<String, Object> summary = WriteManifest.summary(histogram);
    assertEquals(10L, summary.get("p10"));
    assertEquals(25L, summary.get("p25"));
    assertEquals(50L, summary.get("median"));
    assertEquals(75L, summary.get("p75"));
    assertEquals(90L, summary.get("p90"));
    assertEquals(50.5, summary.get("mean"));
  }

  @Test
  void summaryQuantileRanksRoundUp() {
    // five values: p25 is rank ceil(1.25) = 2, p90 rank ceil(4.5) = 5
    Map<String, Object> summary = WriteManifest.summary(Map.of("1", 1L, "2", 1L, "3", 1L, "4", 1L, "5", 1L));
    assertEquals(1L, summary.get("p10"));
    assertEquals(2L, summary.get("p25"));
    assertEquals(3L, summary.get("median"));
    assertEquals(4L, summary.get("p75"));
    assertEquals(5L, summary.get("p90"));
  }

  @Test
  void summaryOrdersValuesByNumberNotText() {
    Map<String, Object> summary = WriteManifest.summary(Map.of("9", 1L, "100", 1L, "20", 1L));
    assertEquals(9L, summary.get("min"));
    assertEquals(20L, summary.get("median"));
    assertEquals(100L, summary.get("max"));
  }

  @Test
  void summaryCountsNoneAsMissing() {
    Map<String, Object> summary = WriteManifest.summary(Map.of("none", 5L, "12", 1L, "7", 1L));
    assertEquals(2L, summary.get("count"));
    assertEquals(5L, summary.get("missing"));
    assertEquals(7L, summary.get("min"));
    assertEquals(7L, summary.get("median"), "rank 1 of 2; the missing ones take no rank");
    assertEquals(12L, summary.get("max"));
    assertEquals(9.5, summary.get("mean"));
  }

  @Test
  void summaryOfOnlyMissingValuesHasNoQuantiles() {
    Map<String, Object> summary = WriteManifest.summary(Map.of("none", 3L));
    assertEquals(Map.of("count", 0L, "missing", 3L), summary);
    assertEquals(Map.of("count", 0L, "missing", 0L), WriteManifest.summary(Map.of()));
  }

  @Test
  void summaryMeanIsRoundedToOneDecimal() {
    assertEquals(1.7, WriteManifest.summary(Map.of("1", 1L, "2", 2L)).get("mean")); // 5/3
    assertEquals(2.3, WriteManifest.summary(Map.of("1", 1L, "3", 2L)).get("mean")); // 7/3
  }

  @Test
  void theErrorRateIsTheDeadLetteredShareOfRecordsReadAgainstTheLimit() {
    Map<String, Long> counts = Map.of("records_read", 200L, "records_written", 197L, "dead_lettered.parse", 2L,
        "dead_lettered.read", 1L);
    assertEquals(Map.of("dead_lettered_share", 0.015, "max_error_rate", 0.01, "exceeded", true),
        WriteManifest.errorRateSection(counts, 0.01));
    assertEquals(false, WriteManifest.errorRateSection(counts, 0.015).get("exceeded"));
    assertEquals(false, WriteManifest.errorRateSection(Map.of("records_read", 0L), 0).get("exceeded"));
  }

  /** GSM8K's reference solution as the short CoT is always right: every question comes out simple. */
  @Test
  void labelsOfNearlyOneClassAreAWarningNamingThePolicyAndWhatToChange() {
    Map<String, Long> counts = Map.of("label.difficulty.simple", 96L, "label.difficulty.complex", 4L,
        "label.decided_by.short_cot", 100L);
    assertEquals(List.of("96.0% of the labelled questions are simple, decided by short_cot for 100 of them: the "
        + "short CoT may be a reference solution that is always right (--preset gsm8k, s1K's attempt): decide by "
        + "--difficulty pass-rate with graded samples, or by --difficulty length"), WriteManifest.warnings(counts));
  }

  @Test
  void mixedLabelsOrNoneAreNoWarning() {
    assertEquals(List.of(), WriteManifest.warnings(Map.of("label.difficulty.simple", 94L,
        "label.difficulty.complex", 6L, "label.decided_by.pass_rate", 100L)));
    assertEquals(List.of(), WriteManifest.warnings(Map.of("records_read", 10L)));
  }

  @Test
  void compressionSectionSumsWhatPruningSavedAndTheMeanError() {
    // two rows: 10 of 20 words kept at γ 0.5 (|Δ| 0), 9 of 12 at γ 0.7 (|Δ| 0.05)
    Map<String, Object> section = WriteManifest.compressionSection(Map.of("compression.rows", 2L,
        "compression.cot_tokens", 32L, "compression.kept_tokens", 19L, "compression.abs_error_nanos", 50_000_000L));
    assertEquals(2L, section.get("tokenskip_rows"));
    assertEquals(13L, section.get("tokens_saved"));
    assertEquals(13.0 / 32, (Double) section.get("tokens_saved_share"), 1e-15);
    assertEquals(0.025, (Double) section.get("mean_abs_error"), 1e-15);
    assertEquals(Map.of(), WriteManifest.compressionSection(Map.of("records_read", 3L)));
  }
}
