package org.cotkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Options of {@code cotkit compress}: usage errors, and what each option changes in the output. */
class CompressOptionsTest {

  @TempDir Path dir;

  private static final String SAMPLE = CompressCommandTest.SAMPLE.toString();

  @Test
  void badRatiosAreAUsageErrorNamingTheOption() {
    CliRun run = CliRun.of("compress", "--input", SAMPLE, "--output", dir.resolve("o").toString(), "--ratios", "0.5,1.5");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("--ratios value '1.5' is outside (0, 1]"), run.err());
  }

  @Test
  void unknownMappedFieldIsAUsageError() {
    CliRun run = CliRun.of("compress", "--input", SAMPLE, "--output", dir.resolve("o").toString(), "--map", "qestion=problem");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("--map names unknown field 'qestion'"), run.err());
  }

  @Test
  void inputMatchingNoFileIsAUsageError() {
    CliRun run = CliRun.of("compress", "--input", dir.resolve("missing-*.jsonl").toString(), "--output", dir.resolve("o").toString());
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("matches no file"), run.err());
  }

  @Test
  void unknownBeamOptionIsAUsageError() {
    CliRun run = CliRun.of("compress", "--input", SAMPLE, "--output", dir.resolve("o").toString(), "--no-such-option=1");
    assertEquals(2, run.exitCode(), run.err());
  }

  @Test
  void refusesToMixIntoAnEarlierDatasetUnlessOverwriting() throws Exception {
    Path output = dir.resolve("o");
    Path small = smallInput(5);
    assertEquals(0, CliRun.of("compress", "--input", small.toString(), "--output", output.toString()).exitCode());
    CliRun again = CliRun.of("compress", "--input", small.toString(), "--output", output.toString());
    assertEquals(2, again.exitCode());
    assertTrue(again.err().contains("already holds a dataset"), again.err());
    CliRun overwrite = CliRun.of("compress", "--input", small.toString(), "--output", output.toString(),
        "--overwrite", "--ratios", "0.5");
    assertEquals(0, overwrite.exitCode(), overwrite.err());
    assertEquals(5, Parquet.count(output, ""));
  }

  @Test
  void oneRatioPerRecordIsSeededAndStable() throws Exception {
    Path input = smallInput(60);
    Path first = dir.resolve("first");
    Path second = dir.resolve("second");
    assertEquals(0, CliRun.of("compress", "--input", input.toString(), "--output", first.toString(), "--ratio-assignment", "one").exitCode());
    assertEquals(0, CliRun.of("compress", "--input", input.toString(), "--output", second.toString(), "--ratio-assignment", "ONE").exitCode());
    String draw = "SELECT source_id, ratio FROM rows ORDER BY source_id";
    List<Map<String, Object>> rows = Parquet.query(first, draw);
    assertEquals(60, rows.size());
    assertEquals(rows, Parquet.query(second, draw));
    Set<Object> ratios = new HashSet<>();
    rows.forEach(row -> ratios.add(row.get("ratio")));
    assertTrue(ratios.size() >= 5, "60 draws over 6 ratios hit only " + ratios);
  }

  @Test
  void withoutForcedDigitsEveryRowHitsItsRatioExactly() throws Exception {
    Path output = dir.resolve("o");
    CliRun run = CliRun.of("compress", "--input", smallInput(40).toString(), "--output", output.toString(), "--no-keep-digits");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(240, Parquet.count(output, ""));
    // words are tokens: exactly ceil(γ·n) words are kept unless the answer alone needs more
    assertEquals(0, Parquet.count(output,
        "WHERE kept_tokens <> greatest(ceil(ratio * cot_tokens - 1e-9), 1) AND ratio < 1.0 "
            + "AND NOT (kept_tokens > ceil(ratio * cot_tokens) AND ratio * cot_tokens < 3)"));
  }

  @Test
  void readsParquetInputAndMappedFieldNames() throws Exception {
    Path parquet = dir.resolve("teacher.parquet");
    Parquet.execute("COPY (SELECT id, question AS problem, answer AS gold, short_cot AS response "
        + "FROM read_json_auto('" + Path.of(SAMPLE).toAbsolutePath() + "') LIMIT 25) TO '" + parquet + "' (FORMAT PARQUET)");
    Path output = dir.resolve("o");
    CliRun run = CliRun.of("compress", "--input", parquet.toString(), "--output", output.toString(),
        "--map", "question=problem,answer=gold,short_cot=response", "--ratios", "0.5,1.0");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(50, Parquet.count(output, ""));
    assertEquals(0, Parquet.count(output, "WHERE answer IS NULL"));
  }

  @Test
  void separatorAndForceTokensShapeTheExamples() throws Exception {
    Path input = smallInput(60);
    Path forced = dir.resolve("forced");
    Path plain = dir.resolve("plain");
    CliRun run = CliRun.of("compress", "--input", input.toString(), "--output", forced.toString(),
        "--separator", "<sep>", "--force-token", "So", "--ratios", "0.5,1.0");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(0, CliRun.of("compress", "--input", input.toString(), "--output", plain.toString(), "--ratios", "0.5,1.0").exitCode());
    assertEquals(0, Parquet.count(forced, "WHERE ratio = 0.5 AND NOT suffix(prompt, '<sep>0.5<sep>')"));
    String lostSo = "SELECT count(*) AS n FROM rows half JOIN rows whole USING (source_id) "
        + "WHERE half.ratio = 0.5 AND whole.ratio = 1.0 "
        + "AND len(regexp_extract_all(half.completion, '\\bSo\\b')) < len(regexp_extract_all(whole.completion, '\\bSo\\b'))";
    assertEquals(0L, ((Number) Parquet.query(forced, lostSo).get(0).get("n")).longValue());
    assertTrue(((Number) Parquet.query(plain, lostSo).get(0).get("n")).longValue() > 0,
        "without --force-token some 'So' should be pruned, or this test proves nothing");
  }

  @Test
  void forceTokenWithASpaceIsAUsageError() {
    CliRun run = CliRun.of("compress", "--input", SAMPLE, "--output", dir.resolve("o").toString(), "--force-token", "so that");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("--force-token 'so that' has a space"), run.err());
  }

  /**
   * One file per teacher, same questions, no ids, kept with --dedup none: every row is written, none
   * overwrites another (by default the second file's copies are dropped: QuestionFilterTest).
   */
  @Test
  void filesRepeatingTheSameQuestionsKeepAllTheirRows() throws Exception {
    List<String> lines = Files.readAllLines(Path.of(SAMPLE)).subList(0, 30).stream()
        .map(line -> line.replaceFirst("\"id\": \"[^\"]*\", ", ""))
        .toList();
    assertTrue(lines.get(0).startsWith("{\"question\""), lines.get(0));
    Path teachers = Files.createDirectories(dir.resolve("teachers"));
    Files.write(teachers.resolve("teacher-a.jsonl"), lines);
    Files.write(teachers.resolve("teacher-b.jsonl"), lines);
    Path output = dir.resolve("o");
    CliRun run = CliRun.of("compress", "--input", teachers + "/*.jsonl", "--output", output.toString(),
        "--records-per-batch", "7", "--dedup", "none");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(2 * 30 * 6L, Parquet.count(output, ""));
    JsonNode counts = new ObjectMapper().readTree(output.resolve("manifest.json").toFile()).get("counts");
    assertEquals(2 * 30 * 6L, counts.get("rows_written").asLong());
  }

  @Test
  void emptyThinkingFallsBackToTheOtherCot() throws Exception {
    Path input = dir.resolve("think.jsonl");
    Files.writeString(input,
        "{\"id\":\"t1\",\"question\":\"What is 2 + 2?\",\"answer\":\"4\","
            + "\"long_cot\":\"<think>\\n</think>The answer is 4.\",\"short_cot\":\"Two plus two makes 4.\"}\n");
    Path output = dir.resolve("o");
    CliRun run = CliRun.of("compress", "--input", input.toString(), "--output", output.toString(), "--ratios", "1.0");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("Two plus two makes 4.\n\nThe final answer is: $\\boxed{4}$",
        Parquet.query(output, "SELECT completion FROM rows").get(0).get("completion"));
  }

  private Path smallInput(int records) throws Exception {
    Path input = dir.resolve("small-" + records + ".jsonl");
    Files.write(input, Files.readAllLines(Path.of(SAMPLE)).subList(0, records));
    return input;
  }
}
