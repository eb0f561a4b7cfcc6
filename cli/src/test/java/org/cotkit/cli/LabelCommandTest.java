package org.cotkit.cli;

import static org.cotkit.cli.BuildCommandTest.JSON;
import static org.cotkit.cli.BuildCommandTest.SAMPLE;
import static org.cotkit.cli.BuildCommandTest.SAMPLE_RECORDS;
import static org.cotkit.cli.BuildCommandTest.counts;
import static org.cotkit.cli.BuildCommandTest.dastBudget;
import static org.cotkit.cli.BuildCommandTest.difficultyByPassRate;
import static org.cotkit.cli.BuildCommandTest.nearestRank;
import static org.cotkit.cli.BuildCommandTest.passRate;
import static org.cotkit.cli.BuildCommandTest.sampleById;
import static org.cotkit.cli.BuildCommandTest.words;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cotkit label} end to end with the direct runner: JSONL output read back with Jackson and
 * compared to the input record by record, Parquet output read back with DuckDB. Expectations are
 * derived from the input (graded samples, CoT lengths in words).
 */
class LabelCommandTest {

  static final List<String> LABEL_FIELDS = List.of(
      "answer_extracted", "answer_source", "verified", "pass_rate", "samples_graded", "difficulty",
      "difficulty_source", "token_budget");
  static final List<String> PARQUET_COLUMNS = List.of(
      "id", "question", "answer", "long_cot", "short_cot", "samples", "source", "domain",
      "answer_extracted", "answer_source", "verified", "pass_rate", "samples_graded", "difficulty",
      "difficulty_source", "token_budget", "budget_scale");
  /** A fixed length threshold that splits the sample's long CoTs (21 to 206 words). */
  static final int LENGTH_THRESHOLD = 60;

  @TempDir static Path dir;

  /** A finished run: output directory, exit code and stderr, manifest, and the JSONL records by id. */
  record Label(Path output, CliRun run, JsonNode manifest, Map<String, JsonNode> records) {}

  private static Label defaultLabel;
  private static Label parquetByLengthPercentile;
  private static Label fixedLengthThreshold;
  private static Label thinkTraces;

  static synchronized Label defaultLabel() throws Exception {
    if (defaultLabel == null) {
      defaultLabel = label("default", SAMPLE);
    }
    return defaultLabel;
  }

  /** Parquet output, and the length policy alone with its default percentile (50). */
  static synchronized Label parquetByLengthPercentile() throws Exception {
    if (parquetByLengthPercentile == null) {
      parquetByLengthPercentile = label("parquet-length", SAMPLE, "--output-format", "parquet", "--difficulty", "length");
    }
    return parquetByLengthPercentile;
  }

  static synchronized Label fixedLengthThreshold() throws Exception {
    if (fixedLengthThreshold == null) {
      fixedLengthThreshold = label("length-threshold", SAMPLE,
          "--difficulty", "length", "--length-threshold", String.valueOf(LENGTH_THRESHOLD));
    }
    return fixedLengthThreshold;
  }

  static synchronized Label thinkTraces() throws Exception {
    if (thinkTraces == null) {
      // one line of the fixture is not JSON on purpose: more than --max-error-rate's default share
      thinkTraces = label("think", thinkTraceInput(), "--max-error-rate", "1");
    }
    return thinkTraces;
  }

  private static Label label(String name, Path input, String... options) throws Exception {
    Path output = dir.resolve(name);
    List<String> args = new ArrayList<>(List.of("label", "--input", input.toString(), "--output", output.toString()));
    args.addAll(Arrays.asList(options));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run.err());
    Map<String, JsonNode> records = new LinkedHashMap<>();
    for (String line : jsonlLines(output)) {
      JsonNode record = JSON.readTree(line);
      assertTrue(records.put(record.get("id").asText(), record) == null, "id written twice: " + line);
    }
    return new Label(output, run, JSON.readTree(output.resolve("manifest.json").toFile()), records);
  }

  private static List<String> jsonlLines(Path output) throws Exception {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(output.resolve("data"))) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).sorted().toList()) {
        lines.addAll(Files.readAllLines(file));
      }
    }
    return lines;
  }

  // ---------------------------------------------------------------- default run, JSONL

  @Test
  void writesEveryRecordAsItWasWithTheLabelsAdded() throws Exception {
    Label label = defaultLabel();
    Map<String, JsonNode> input = sampleById();
    assertEquals(SAMPLE_RECORDS, jsonlLines(label.output()).size(), "one line per input record");
    assertEquals(input.keySet(), label.records().keySet());
    for (JsonNode original : input.values()) {
      String id = original.get("id").asText();
      JsonNode labelled = label.records().get(id);
      Set<String> expectedFields = new HashSet<>(LABEL_FIELDS);
      original.fieldNames().forEachRemaining(field -> {
        expectedFields.add(field);
        assertEquals(original.get(field), labelled.get(field), id + "." + field);
      });
      Set<String> fields = new HashSet<>();
      labelled.fieldNames().forEachRemaining(fields::add);
      assertEquals(expectedFields, fields, id);
    }
  }

  @Test
  void labelsFollowFromTheGradedSamplesAndTheGoldAnswer() throws Exception {
    Label label = defaultLabel();
    Set<String> difficulties = new HashSet<>();
    for (JsonNode original : sampleById().values()) {
      String id = original.get("id").asText();
      JsonNode labelled = label.records().get(id);
      assertEquals(passRate(original), labelled.get("pass_rate").asDouble(), 1e-12, id);
      assertEquals(original.get("samples").size(), labelled.get("samples_graded").asInt(), id);
      assertEquals(difficultyByPassRate(original), labelled.get("difficulty").asText(), id);
      assertEquals("pass_rate", labelled.get("difficulty_source").asText(), id);
      assertEquals(dastBudget(original), labelled.get("token_budget").asInt(), id);
      difficulties.add(labelled.get("difficulty").asText());
      // the long CoT's final number, verified against gold as a number ("16.00" and "70,000" count)
      JsonNode extracted = labelled.get("answer_extracted");
      assertTrue(extracted.isTextual(), id + ": " + labelled);
      assertTrue(labelled.get("answer_source").isTextual(), id + ": " + labelled);
      assertTrue(original.get("long_cot").asText().contains(extracted.asText()), id + ": " + extracted);
      boolean same = new BigDecimal(extracted.asText().replace(",", ""))
          .compareTo(new BigDecimal(original.get("answer").asText())) == 0;
      assertTrue(labelled.get("verified").isBoolean(), id + ": " + labelled);
      assertEquals(same, labelled.get("verified").asBoolean(), id + ": " + extracted + " vs " + original.get("answer"));
    }
    assertEquals(Set.of("simple", "complex"), difficulties);
  }

  @Test
  void manifestHasBalancedCountsWithoutRowsAndTheLabelDistributions() throws Exception {
    Label label = defaultLabel();
    JsonNode counts = label.manifest().get("counts");
    assertEquals(SAMPLE_RECORDS, counts.get("records_read").asLong());
    assertEquals(SAMPLE_RECORDS, counts.get("records_written").asLong());
    assertEquals(0, counts.get("dead_lettered").asLong());
    assertEquals(0, counts.get("filtered").asLong(), "label filters nothing");
    assertTrue(counts.get("balanced").asBoolean());
    assertFalse(counts.has("rows_written"), counts.toString());
    assertEquals("label", label.manifest().get("command").asText());
    assertFalse(label.manifest().has("examples"));

    JsonNode labels = label.manifest().get("labels");
    assertNotNull(labels, label.manifest().toString());
    Map<String, Long> difficulty = new TreeMap<>();
    Map<String, Long> decidedBy = new TreeMap<>();
    Map<String, Long> verified = new TreeMap<>();
    List<Long> budgets = new ArrayList<>();
    for (JsonNode record : label.records().values()) {
      difficulty.merge(record.get("difficulty").asText(), 1L, Long::sum);
      decidedBy.merge(record.get("difficulty_source").asText(), 1L, Long::sum);
      verified.merge(record.get("verified").asBoolean() ? "correct" : "incorrect", 1L, Long::sum);
      budgets.add(record.get("token_budget").asLong());
    }
    assertEquals(difficulty, counts(labels.get("difficulty")));
    assertEquals(decidedBy, counts(labels.get("decided_by")));
    assertEquals(verified, counts(labels.get("verified")));
    assertEquals(SAMPLE_RECORDS, labels.at("/token_budget/count").asLong());
    assertEquals(nearestRank(budgets, 0.5), labels.at("/token_budget/median").asLong());
    assertEquals(nearestRank(budgets, 0.9), labels.at("/token_budget/p90").asLong());

    String err = label.run().err();
    assertTrue(err.contains("records written   200  (in "), err);
    assertFalse(err.contains("rows in"), err);
    assertTrue(err.contains("\n  difficulty        "), err);
    assertTrue(err.contains("\n  token budget      median " + nearestRank(budgets, 0.5) + ","), err);
  }

  // ---------------------------------------------------------------- Parquet, length percentile

  @Test
  void parquetOutputHasTheCanonicalFieldsAndLabels() throws Exception {
    Path output = parquetByLengthPercentile().output();
    try (Stream<Path> files = Files.list(output.resolve("data"))) {
      assertTrue(files.allMatch(f -> f.getFileName().toString().endsWith(".parquet")));
    }
    assertEquals(SAMPLE_RECORDS, Parquet.count(output, ""));
    List<Map<String, Object>> columns = Parquet.query(output, "DESCRIBE SELECT * FROM rows");
    assertEquals(PARQUET_COLUMNS, columns.stream().map(c -> (String) c.get("column_name")).toList());
    Map<String, String> types = new TreeMap<>();
    columns.forEach(c -> types.put((String) c.get("column_name"), (String) c.get("column_type")));
    assertEquals("STRUCT(cot VARCHAR, correct BOOLEAN)[]", types.get("samples"));
    assertEquals("BOOLEAN", types.get("verified"));
    assertEquals("DOUBLE", types.get("pass_rate"));
    assertEquals("INTEGER", types.get("token_budget"));

    Map<String, JsonNode> input = sampleById();
    List<Map<String, Object>> rows = Parquet.query(output,
        "SELECT id, question, answer, long_cot, short_cot, source, domain, CAST(to_json(samples) AS VARCHAR) AS samples, "
            + "pass_rate, samples_graded, token_budget, verified FROM rows");
    Set<String> ids = new HashSet<>();
    for (Map<String, Object> row : rows) {
      String id = (String) row.get("id");
      ids.add(id);
      JsonNode original = input.get(id);
      assertNotNull(original, id);
      for (String field : List.of("question", "answer", "long_cot", "short_cot", "source", "domain")) {
        assertEquals(original.get(field).asText(), row.get(field), id + "." + field);
      }
      assertEquals(original.get("samples"), JSON.readTree((String) row.get("samples")), id + ".samples");
      assertEquals(passRate(original), (Double) row.get("pass_rate"), 1e-12, id);
      assertEquals(original.get("samples").size(), row.get("samples_graded"), id);
      assertEquals(dastBudget(original), row.get("token_budget"), id);
      assertNotNull(row.get("verified"), id);
    }
    assertEquals(input.keySet(), ids);
  }

  @Test
  void lengthPercentileCallsTheShorterHalfSimple() throws Exception {
    Label label = parquetByLengthPercentile();
    Map<String, JsonNode> input = sampleById();
    List<Long> lengths = input.values().stream().map(r -> (long) words(r.get("long_cot").asText())).toList();
    long median = nearestRank(lengths, 0.5);
    List<Map<String, Object>> rows = Parquet.query(label.output(), "SELECT id, difficulty, difficulty_source FROM rows");
    long simple = 0;
    for (Map<String, Object> row : rows) {
      JsonNode original = input.get((String) row.get("id"));
      assertEquals("length", row.get("difficulty_source"), row.toString());
      boolean shorter = words(original.get("long_cot").asText()) < median;
      assertEquals(shorter ? "simple" : "complex", row.get("difficulty"), row + " vs median " + median);
      simple += shorter ? 1 : 0;
    }
    double share = simple / (double) rows.size();
    assertTrue(share >= 0.3 && share <= 0.7, "simple share " + share);
    assertEquals(simple, label.manifest().at("/labels/difficulty/simple").asLong());
    assertEquals(SAMPLE_RECORDS, label.manifest().at("/labels/decided_by/length").asLong());
    assertEquals(50.0, label.manifest().at("/options/length_percentile").asDouble());
    assertTrue(label.manifest().at("/options/length_threshold").isNull());
    assertEquals("parquet", label.manifest().at("/options/output_format").asText());
  }

  // ---------------------------------------------------------------- fixed length threshold

  @Test
  void fixedLengthThresholdCallsLongCotsShorterThanItSimple() throws Exception {
    Label label = fixedLengthThreshold();
    Map<String, JsonNode> input = sampleById();
    assertEquals(input.keySet(), label.records().keySet());
    long simple = 0;
    for (JsonNode original : input.values()) {
      String id = original.get("id").asText();
      JsonNode labelled = label.records().get(id);
      int length = words(original.get("long_cot").asText());
      assertEquals("length", labelled.get("difficulty_source").asText(), id);
      assertEquals(length < LENGTH_THRESHOLD ? "simple" : "complex", labelled.get("difficulty").asText(),
          id + " has " + length + " words");
      simple += length < LENGTH_THRESHOLD ? 1 : 0;
    }
    assertTrue(simple > 0 && simple < SAMPLE_RECORDS, "the threshold should split the sample: " + simple);
    assertEquals(simple, label.manifest().at("/labels/difficulty/simple").asLong());
    assertEquals(SAMPLE_RECORDS - simple, label.manifest().at("/labels/difficulty/complex").asLong());
    assertEquals(LENGTH_THRESHOLD, label.manifest().at("/options/length_threshold").asInt());
    assertTrue(label.manifest().at("/options/length_percentile").isNull());
  }

  // ---------------------------------------------------------------- no samples, no gold

  /** R1-style traces without gold answers or samples, and one line that is not JSON. */
  static Path thinkTraceInput() throws Exception {
    Path input = dir.resolve("think.jsonl");
    Files.write(input, List.of(
        "{\"id\":\"r1\",\"question\":\"What is 3 + 4?\",\"long_cot\":\"<think>3 + 4 = 7.</think> The final answer is 7\","
            + "\"short_cot\":\"3 + 4 = 7.\"}",
        "{\"id\":\"r2\",\"question\":\"What is 10 - 3?\",\"long_cot\":\"<think>Ten minus three. Counting down from ten: "
            + "nine, eight, seven. So 10 - 3 = 7, and adding back, 7 + 3 = 10 checks it.</think> The final answer is 7\","
            + "\"short_cot\":\"10 - 3 = 7.\"}",
        "{\"id\":\"r3\",\"question\":\"What is 14 / 2?\",\"long_cot\":\"<think>Half of fourteen is seven, since 7 * 2 = 14."
            + "</think> The final answer is 7\",\"short_cot\":\"14 / 2 = 7.\",\"extra\":{\"kept\":[1,2]}}",
        "{\"id\":\"bad\", not json",
        "{\"id\":\"r4\",\"question\":\"What is 49 / 7?\",\"long_cot\":\"<think>Seven sevens are forty-nine, "
            + "so 49 / 7 = 7 exactly.</think> The final answer is 7\",\"short_cot\":\"49 / 7 = 7.\"}"));
    return input;
  }

  @Test
  void recordsWithoutSamplesOrGoldAreLabelledByLength() throws Exception {
    Label label = thinkTraces();
    Map<String, JsonNode> input = new LinkedHashMap<>();
    for (String line : Files.readAllLines(thinkTraceInput())) {
      if (line.contains("not json")) {
        continue;
      }
      JsonNode record = JSON.readTree(line);
      input.put(record.get("id").asText(), record);
    }
    assertEquals(input.keySet(), label.records().keySet());
    // default policies: pass-rate (no samples) and short-cot (no gold) cannot decide; length does,
    // on the thinking alone, against the median of the corpus's thinking lengths
    Map<String, Long> thinking = new TreeMap<>();
    input.forEach((id, r) -> {
      String cot = r.get("long_cot").asText();
      thinking.put(id, (long) words(cot.substring(cot.indexOf("<think>") + 7, cot.indexOf("</think>"))));
    });
    long median = nearestRank(new ArrayList<>(thinking.values()), 0.5);
    Set<String> difficulties = new HashSet<>();
    for (JsonNode original : input.values()) {
      String id = original.get("id").asText();
      JsonNode labelled = label.records().get(id);
      original.fieldNames().forEachRemaining(f -> assertEquals(original.get(f), labelled.get(f), id + "." + f));
      assertTrue(labelled.get("pass_rate").isNull(), labelled.toString());
      assertTrue(labelled.get("token_budget").isNull(), labelled.toString());
      assertTrue(labelled.get("verified").isNull(), "no gold: unverifiable, " + labelled);
      assertEquals(0, labelled.get("samples_graded").asInt(), labelled.toString());
      assertEquals("7", labelled.get("answer_extracted").asText(), labelled.toString());
      assertEquals("length", labelled.get("difficulty_source").asText(), labelled.toString());
      String expected = thinking.get(id) < median ? "simple" : "complex";
      assertEquals(expected, labelled.get("difficulty").asText(), id + ": " + thinking + ", median " + median);
      difficulties.add(expected);
    }
    assertEquals(Set.of("simple", "complex"), difficulties);

    List<JsonNode> letters = new ArrayList<>();
    try (Stream<Path> files = Files.list(label.output().resolve("errors"))) {
      for (Path file : files.toList()) {
        for (String line : Files.readAllLines(file)) {
          letters.add(JSON.readTree(line));
        }
      }
    }
    assertEquals(1, letters.size(), letters.toString());
    assertEquals(4, letters.get(0).get("line").asLong());
    assertEquals("parse", letters.get(0).get("stage").asText());

    JsonNode manifest = label.manifest();
    assertEquals(5, manifest.at("/counts/records_read").asLong());
    assertEquals(4, manifest.at("/counts/records_written").asLong());
    assertEquals(1, manifest.at("/counts/dead_lettered").asLong());
    assertTrue(manifest.at("/counts/balanced").asBoolean());
    assertEquals(Map.of("unverifiable", 4L), counts(manifest.at("/labels/verified")));
    assertEquals(Map.of("length", 4L), counts(manifest.at("/labels/decided_by")));
    assertEquals(0, manifest.at("/labels/token_budget/count").asLong());
    assertEquals(4, manifest.at("/labels/token_budget/missing").asLong());
    assertEquals(Map.of("none", 4L), counts(manifest.at("/labels/pass_rate")));
    String err = label.run().err();
    assertTrue(err.contains("token budget      none"), err);
    assertTrue(err.contains("dead-lettered     1"), err);
    assertTrue(err.toLowerCase(Locale.ROOT).contains("verified          unverifiable 4 (100.0%)"), err);
  }
}
