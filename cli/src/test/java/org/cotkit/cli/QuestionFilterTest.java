package org.cotkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deduplication and decontamination end to end, read back with DuckDB: GSM8K's training set with
 * 50 of its test questions planted in it, half of them with their case, spacing and punctuation
 * changed, checked against GSM8K test and MATH-500; and the bundled sample given twice. Also the
 * split folders {@code data/train/} and {@code data/validation/} a build writes.
 */
class QuestionFilterTest {

  static final Path TRAIN = Path.of("..", "testdata", "gsm8k", "train.jsonl");
  static final Path TEST = Path.of("..", "testdata", "gsm8k", "test.jsonl");
  static final Path MATH500 = Path.of("..", "testdata", "math500", "test.jsonl");
  static final int TRAIN_RECORDS = 7473;
  static final int PLANTED = 50;
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;

  @Test
  void everyPlantedTestQuestionIsDroppedListedAndCountedPerBenchmark() throws IOException, SQLException {
    List<String> lines = new ArrayList<>(Files.readAllLines(TRAIN));
    List<String> test = Files.readAllLines(TEST);
    Set<Long> plantedLines = new HashSet<>();
    for (int i = 0; i < PLANTED; i++) {
      ObjectNode record = (ObjectNode) JSON.readTree(test.get(i * 26));
      if (i % 2 == 1) {
        record.put("question", changed(record.path("question").asText()));
      }
      lines.add(JSON.writeValueAsString(record));
      plantedLines.add((long) lines.size());
    }
    Path input = dir.resolve("train-with-test.jsonl");
    Files.write(input, lines);
    Path output = dir.resolve("decontaminated");

    CliRun run = CliRun.of("compress", "--input", input.toString(), "--output", output.toString(), "--preset", "gsm8k",
        "--ratios", "0.5", "--quiet", "--decontaminate", TEST + "," + MATH500);
    assertEquals(0, run.exitCode(), run.err());

    List<JsonNode> listed = listing(output.resolve("contamination"));
    Set<Long> caught = new HashSet<>();
    for (JsonNode entry : listed) {
      String location = entry.path("location").asText();
      long line = Long.parseLong(location.substring(location.lastIndexOf(':') + 1));
      if (plantedLines.contains(line)) {
        caught.add(line);
        assertEquals(TEST.toAbsolutePath().normalize().toString(), Path.of(entry.path("benchmark").asText()).normalize().toString());
      }
    }
    assertEquals(plantedLines, caught, "every planted test question is caught");
    int flaggedTrain = listed.size() - PLANTED;
    assertTrue(flaggedTrain >= 0 && flaggedTrain < TRAIN_RECORDS / 50, flaggedTrain + " training questions flagged");

    JsonNode manifest = JSON.readTree(output.resolve("manifest.json").toFile());
    assertEquals(listed.size(), manifest.path("counts").path("filtered_by_reason").path("contaminated").asLong());
    JsonNode benchmarks = manifest.path("decontamination").path("benchmarks");
    assertEquals(1319, benchmarks.get(0).path("questions").asInt());
    assertEquals(500, benchmarks.get(1).path("questions").asInt());
    assertEquals(listed.size(), benchmarks.get(0).path("contaminated").asLong() + benchmarks.get(1).path("contaminated").asLong());
    assertTrue(benchmarks.get(0).path("contaminated").asLong() >= PLANTED);

    // none of the dropped records reached the data: one row per kept record at the one ratio
    long kept = TRAIN_RECORDS + PLANTED - manifest.path("counts").path("filtered").asLong();
    assertEquals(kept, Parquet.count(output, ""));
    Set<String> droppedIds = new HashSet<>();
    listed.forEach(entry -> droppedIds.add(entry.path("id").asText()));
    for (Map<String, Object> row : Parquet.query(output, "SELECT DISTINCT source_id FROM rows")) {
      assertTrue(!droppedIds.contains((String) row.get("source_id")), row.toString());
    }
    assertEquals(0, CliRun.of("verify", output.toString()).exitCode());
  }

  @Test
  void aQuestionGivenTwiceIsKeptOnceFromTheFirstFile() throws IOException, SQLException {
    Path inputs = Files.createDirectories(dir.resolve("twice"));
    List<String> sample = Files.readAllLines(CompressCommandTest.SAMPLE);
    Files.write(inputs.resolve("a.jsonl"), sample);
    List<String> copy = new ArrayList<>();
    for (String line : sample) {
      ObjectNode record = (ObjectNode) JSON.readTree(line);
      record.put("question", changed(record.path("question").asText()));
      record.put("id", record.path("id").asText() + "-copy");
      copy.add(JSON.writeValueAsString(record));
    }
    Files.write(inputs.resolve("b.jsonl"), copy);
    Path output = dir.resolve("deduplicated");

    CliRun run = CliRun.of("build", "--input", inputs.resolve("*.jsonl").toString(), "--output", output.toString(),
        "--quiet");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode manifest = JSON.readTree(output.resolve("manifest.json").toFile());
    long records = CompressCommandTest.SAMPLE_RECORDS;
    assertEquals(records, manifest.path("counts").path("filtered_by_reason").path("duplicate").asLong());
    assertEquals(records, manifest.path("deduplication").path("duplicates").asLong());
    List<JsonNode> listed = listing(output.resolve("duplicates"));
    assertEquals(records, listed.size());
    for (JsonNode entry : listed) {
      assertTrue(entry.path("location").asText().contains("b.jsonl:"), entry.toString());
      assertEquals(entry.path("id").asText(), entry.path("duplicate_of").asText() + "-copy");
    }
    assertEquals(0, ((Number) Parquet.query(output, "SELECT count(*) AS n FROM rows WHERE source_id LIKE '%-copy'")
        .get(0).get("n")).longValue());

    // the splits are folders, each holding its split's rows only, as load_dataset reads them
    for (String split : List.of("train", "validation")) {
      long inFolder = ((Number) Parquet.queryWithFiles(output, "SELECT count(*) AS n FROM rows WHERE filename LIKE '%/data/"
          + split + "/%'").get(0).get("n")).longValue();
      long ofSplit = Parquet.count(output, "WHERE split = '" + split + "'");
      assertEquals(ofSplit, inFolder, split);
      assertEquals(manifest.path("examples").path("split").path(split).asLong(), ofSplit, split);
      assertEquals(0L, ((Number) Parquet.queryWithFiles(output, "SELECT count(*) AS n FROM rows WHERE split <> '" + split
          + "' AND filename LIKE '%/data/" + split + "/%'").get(0).get("n")).longValue());
    }
    assertEquals(0, CliRun.of("verify", output.toString()).exitCode());
  }

  @Test
  void withoutDedupTheCopiesStay() throws IOException, SQLException {
    Path inputs = Files.createDirectories(dir.resolve("kept-twice"));
    Files.copy(CompressCommandTest.SAMPLE, inputs.resolve("a.jsonl"));
    Files.copy(CompressCommandTest.SAMPLE, inputs.resolve("b.jsonl"));
    Path output = dir.resolve("not-deduplicated");
    CliRun run = CliRun.of("compress", "--input", inputs.resolve("*.jsonl").toString(), "--output", output.toString(),
        "--ratios", "0.5", "--dedup", "none", "--quiet");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(2L * CompressCommandTest.SAMPLE_RECORDS, Parquet.count(output, ""));
    assertTrue(!Files.exists(output.resolve("duplicates")));
  }

  @Test
  void aBenchmarkWithoutQuestionsFailsBeforeTheRunNamingTheLine() throws IOException {
    Path benchmark = dir.resolve("bench.jsonl");
    Files.write(benchmark, List.of("{\"problem\": \"What is 2 + 2?\"}", "{\"text\": \"no question here\"}"));
    CliRun run = CliRun.of("compress", "--input", CompressCommandTest.SAMPLE.toString(), "--output",
        dir.resolve("never").toString(), "--decontaminate", benchmark.toString());
    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().contains(benchmark + ":2 has no question"), run.err());
    assertTrue(run.err().lines().count() <= 3, run.err());
    assertTrue(!Files.exists(dir.resolve("never")));
  }

  static List<JsonNode> listing(Path folder) throws IOException {
    List<JsonNode> entries = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return entries;
    }
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.sorted().toList()) {
        for (String line : Files.readAllLines(file)) {
          entries.add(JSON.readTree(line));
        }
      }
    }
    return entries;
  }

  /** The question with its case, spacing and punctuation changed, as a copy edited by hand would be. */
  static String changed(String question) {
    return question.toUpperCase(Locale.ROOT).replace(" ", "  ").replace(",", " ,").replace(".", "!").replace("?", " ?");
  }
}
