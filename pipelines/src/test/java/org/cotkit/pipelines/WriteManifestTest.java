package org.cotkit.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    assertEquals(0L, section.get("rows_written"));
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
}
