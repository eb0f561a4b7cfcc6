package org.cotkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manifest's {@code quality} section and the summary's quality lines, checked against the rows
 * themselves: the words and numbers of every pruned CoT, counted here by splitting at whitespace.
 */
class QualityFiguresTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> FIGURES = List.of("forced_share", "numbers_kept", "equations_intact",
      "latex_pairs_balanced", "fillers_kept", "content_words_kept", "words_per_kept_run");
  private static final String ANSWER_LINE = "\n\nThe final answer is: $\\boxed{";

  @TempDir Path dir;

  private static String cotOf(String completion) {
    int line = completion.lastIndexOf(ANSWER_LINE);
    return line < 0 ? completion : completion.substring(0, line);
  }

  private static long[] wordsAndNumbers(String text) {
    long words = 0;
    long numbers = 0;
    for (String word : text.strip().split("\\s+")) {
      if (!word.isEmpty()) {
        words++;
        numbers += word.chars().anyMatch(Character::isDigit) ? 1 : 0;
      }
    }
    return new long[] {words, numbers};
  }

  @Test
  void everyRatioReportsEveryFigureAndTheCountsAreTheRowsOwn() throws Exception {
    Path output = dir.resolve("no-digits");
    CliRun run = CliRun.of("compress", "--input", CompressCommandTest.SAMPLE.toString(), "--output", output.toString(),
        "--no-keep-digits", "--ratios", "0.5,0.7,1.0");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode quality = JSON.readTree(output.resolve("manifest.json").toFile()).get("quality");
    assertEquals(List.of("0.5", "0.7"), iterate(quality.fieldNames()), "one entry per γ below 1");
    for (String ratio : List.of("0.5", "0.7")) {
      for (String figure : FIGURES) {
        assertTrue(quality.get(ratio).has(figure), ratio + " " + figure);
      }
      long words = 0;
      long numbers = 0;
      long originalNumbers = 0;
      for (Map<String, Object> row : Parquet.query(output,
          "SELECT p.completion AS pruned, w.completion AS whole FROM rows p JOIN rows w ON p.source_id = w.source_id "
              + "AND w.ratio = 1.0 WHERE p.ratio = " + ratio)) {
        long[] pruned = wordsAndNumbers(cotOf((String) row.get("pruned")));
        words += pruned[0];
        numbers += pruned[1];
        originalNumbers += wordsAndNumbers(cotOf((String) row.get("whole")))[1];
      }
      JsonNode kept = quality.get(ratio);
      assertEquals(words, kept.get("words_per_kept_run").get("value").asDouble() * kept.get("words_per_kept_run").get("of").asLong(), 1e-6);
      assertEquals(originalNumbers, kept.get("numbers_kept").get("of").asLong(), "numbers in the CoTs at " + ratio);
      assertEquals((double) numbers / originalNumbers, kept.get("numbers_kept").get("value").asDouble(), 1e-9);
      assertTrue(numbers < originalNumbers, "without --keep-digits some numbers go at " + ratio);
    }
    assertTrue(run.err().contains("quality") && run.err().contains("γ 0.5"), run.err());
  }

  @Test
  void withDigitsForcedEveryNumberIsKept() throws Exception {
    Path output = dir.resolve("digits");
    CliRun run = CliRun.of("compress", "--input", CompressCommandTest.SAMPLE.toString(), "--output", output.toString(),
        "--ratios", "0.5");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode figure = JSON.readTree(output.resolve("manifest.json").toFile()).get("quality").get("0.5").get("numbers_kept");
    assertEquals(1.0, figure.get("value").asDouble());
    assertTrue(figure.get("of").asLong() > 1000, figure.toString());
  }

  private static List<String> iterate(java.util.Iterator<String> names) {
    List<String> list = new java.util.ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }
}
