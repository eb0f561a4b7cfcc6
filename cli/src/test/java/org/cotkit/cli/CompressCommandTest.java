package org.cotkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cotkit compress} end to end on the bundled GSM8K sample with the direct runner, read back
 * with DuckDB.
 */
class CompressCommandTest {

  static final Path SAMPLE = Path.of("..", "samples", "gsm8k-teacher.jsonl");
  static final int SAMPLE_RECORDS = 200;
  static final List<String> COLUMNS = List.of(
      "id", "source_id", "split", "mode", "prompt", "completion", "messages", "ratio", "achieved_ratio",
      "difficulty", "difficulty_source", "pass_rate", "token_budget", "cot_tokens", "kept_tokens", "answer",
      "answer_source", "verified", "source", "budget_scale");

  @TempDir static Path runs;
  static Path output;
  static CliRun run;

  @BeforeAll
  static void compressSample() {
    output = runs.resolve("gsm8k-tokenskip");
    run = CliRun.of("compress", "--input", SAMPLE.toString(), "--output", output.toString());
  }

  @Test
  void succeedsAndWritesOneRowPerRecordAndRatio() throws Exception {
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(SAMPLE_RECORDS * 6L, Parquet.count(output, ""));
    for (double ratio : new double[] {0.5, 0.6, 0.7, 0.8, 0.9, 1.0}) {
      assertEquals(SAMPLE_RECORDS, Parquet.count(output, "WHERE ratio = " + ratio), "rows at ratio " + ratio);
    }
    assertEquals(SAMPLE_RECORDS * 6L, Parquet.count(output, "WHERE mode = 'tokenskip' AND split = 'train'"));
    assertEquals(SAMPLE_RECORDS * 6L, ((Number) Parquet.query(output, "SELECT count(DISTINCT id) AS n FROM rows").get(0).get("n")).longValue());
  }

  @Test
  void hasTheDocumentedSchema() throws Exception {
    List<Map<String, Object>> columns = Parquet.query(output, "DESCRIBE SELECT * FROM rows");
    assertEquals(COLUMNS, columns.stream().map(c -> (String) c.get("column_name")).toList());
    Map<String, String> types = new java.util.HashMap<>();
    columns.forEach(c -> types.put((String) c.get("column_name"), (String) c.get("column_type")));
    assertEquals("STRUCT(\"role\" VARCHAR, \"content\" VARCHAR)[]", types.get("messages"));
    assertEquals("DOUBLE", types.get("ratio"));
    assertEquals("INTEGER", types.get("cot_tokens"));
  }

  @Test
  void answersAreGoldAndCompressLeavesLabelsEmpty() throws Exception {
    assertEquals(SAMPLE_RECORDS * 6L, Parquet.count(output, "WHERE answer_source = 'gold'"));
    assertEquals(SAMPLE_RECORDS * 6L, Parquet.count(output,
        "WHERE difficulty IS NULL AND difficulty_source IS NULL AND pass_rate IS NULL AND token_budget IS NULL "
            + "AND verified IS NULL"));
  }

  @Test
  void everyPromptAndAnswerIsPresentInTokenSkipLayout() throws Exception {
    assertEquals(0, Parquet.count(output, "WHERE prompt IS NULL OR prompt = '' OR answer IS NULL OR answer = ''"));
    assertEquals(0, Parquet.count(output,
        "WHERE ratio < 1.0 AND NOT suffix(prompt, '<|eot_id|>' || CAST(ratio AS VARCHAR) || '<|eot_id|>')"));
    assertEquals(0, Parquet.count(output, "WHERE ratio = 1.0 AND contains(prompt, '<|eot_id|>')"));
    assertEquals(0, Parquet.count(output,
        "WHERE NOT suffix(completion, E'\\n\\nThe final answer is: $\\\\boxed{' || answer || '}$')"));
    assertEquals(0, Parquet.count(output,
        "WHERE len(messages) <> 2 OR messages[1].role <> 'user' OR messages[1].content <> prompt "
            + "OR messages[2].role <> 'assistant' OR messages[2].content <> completion"));
  }

  @Test
  void keepsAtLeastTheTargetRatioAndTheUncompressedCotAtOne() throws Exception {
    assertEquals(0, Parquet.count(output, "WHERE achieved_ratio < ratio OR kept_tokens > cot_tokens"));
    assertEquals(0, Parquet.count(output, "WHERE ratio = 1.0 AND kept_tokens <> cot_tokens"));
    // the long CoT of the sample is kept verbatim at γ = 1.0
    String longCot = firstSampleRecord().get("long_cot").asText();
    List<Map<String, Object>> full = Parquet.query(output,
        "SELECT completion FROM rows WHERE source_id = 'gsm8k-test-0000' AND ratio = 1.0");
    assertTrue(((String) full.get(0).get("completion")).startsWith(longCot + "\n\nThe final answer is"));
  }

  @Test
  void keepsEveryNumberOfEveryCotAtEveryRatio() throws Exception {
    Map<String, List<String>> numbersById = new java.util.HashMap<>();
    for (String line : Files.readAllLines(SAMPLE)) {
      JsonNode record = new ObjectMapper().readTree(line);
      numbersById.put(record.get("id").asText(), numbers(record.get("long_cot").asText()));
    }
    List<Map<String, Object>> rows = Parquet.query(output, "SELECT source_id, completion FROM rows");
    assertEquals(SAMPLE_RECORDS * 6, rows.size());
    for (Map<String, Object> row : rows) {
      String cot = ((String) row.get("completion")).split("\n\nThe final answer is")[0];
      assertEquals(numbersById.get((String) row.get("source_id")), numbers(cot), (String) row.get("source_id"));
    }
  }

  @Test
  void writesABalancedManifest() throws Exception {
    JsonNode manifest = new ObjectMapper().readTree(output.resolve("manifest.json").toFile());
    JsonNode counts = manifest.get("counts");
    assertEquals(SAMPLE_RECORDS, counts.get("records_read").asLong());
    assertEquals(SAMPLE_RECORDS, counts.get("records_written").asLong());
    assertEquals(SAMPLE_RECORDS * 6L, counts.get("rows_written").asLong());
    assertEquals(0, counts.get("dead_lettered").asLong());
    assertTrue(counts.get("balanced").asBoolean());
    assertEquals("long", manifest.get("options").get("cot").asText());
    assertEquals(6, manifest.get("options").get("ratios").size());
  }

  /** The manifest says where the dataset came from and lists every file as it is on disk. */
  @Test
  void manifestRecordsTheCommandLineTheInputsAndEveryFile() throws Exception {
    JsonNode manifest = new ObjectMapper().readTree(output.resolve("manifest.json").toFile());
    assertEquals(List.of("cotkit", "compress", "--input", SAMPLE.toString(), "--output", output.toString()),
        new ObjectMapper().convertValue(manifest.get("command_line"), List.class));
    JsonNode input = manifest.get("inputs").get(0);
    Path sample = SAMPLE.toAbsolutePath().normalize();
    assertEquals(sample.toString(), input.get("path").asText());
    assertEquals(Files.size(sample), input.get("bytes").asLong());
    assertEquals(Files.getLastModifiedTime(sample).toInstant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString(),
        input.get("modified").asText(), "to the millisecond, as file systems report it");
    assertEquals(output.toString(), manifest.at("/options/output").asText(), "the dataset, not its staging folder");

    List<String> onDisk = new java.util.ArrayList<>();
    try (var files = Files.walk(output)) {
      files.filter(Files::isRegularFile).forEach(file -> onDisk.add(output.relativize(file).toString()));
    }
    onDisk.remove("manifest.json");
    java.util.Collections.sort(onDisk);
    List<String> listed = new java.util.ArrayList<>();
    long rows = 0;
    for (JsonNode file : manifest.get("files")) {
      Path path = output.resolve(file.get("path").asText());
      listed.add(file.get("path").asText());
      assertEquals(Files.size(path), file.get("bytes").asLong(), path.toString());
      assertEquals(Parquet.countFile(path), file.get("rows").asLong(), path.toString());
      rows += file.get("rows").asLong();
    }
    assertEquals(onDisk, listed, "every file, and only those, in path order");
    assertEquals(SAMPLE_RECORDS * 6L, rows);
    try (var siblings = Files.list(runs)) {
      assertEquals(List.of(), siblings.map(p -> p.getFileName().toString())
          .filter(name -> name.contains(".cotkit-staging-")).toList(), "no staging folder is left");
    }
  }

  @Test
  void printsASummary() {
    assertTrue(run.err().contains("records read      200"), run.err());
    assertTrue(run.err().contains("(1,200 rows in"), run.err());
  }

  static JsonNode firstSampleRecord() throws IOException {
    return new ObjectMapper().readTree(Files.readAllLines(SAMPLE).get(0));
  }

  static List<String> numbers(String text) {
    List<String> numbers = new java.util.ArrayList<>();
    Matcher m = Pattern.compile("\\d+(?:[.,]\\d+)*").matcher(text);
    while (m.find()) {
      numbers.add(m.group());
    }
    return numbers;
  }
}
