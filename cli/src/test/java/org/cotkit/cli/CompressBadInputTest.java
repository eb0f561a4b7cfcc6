package org.cotkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file mixing good records with broken ones: the good ones are all written, each broken one is in
 * errors/ with its line and reason, and the manifest accounts for every line.
 */
class CompressBadInputTest {

  private static final String GOOD_1 =
      "{\"id\":\"b1\",\"question\":\"Tom has 3 apples and buys 4 more. How many?\",\"answer\":\"7\","
          + "\"long_cot\":\"Tom starts with 3 apples.\\nHe buys 4 more, so 3 + 4 = 7 apples.\"}";
  private static final String GOOD_7 =
      "{\"id\":\"b7\",\"question\":\"A pen costs $2. What do 5 pens cost?\",\"answer\":10,"
          + "\"short_cot\":\"Each pen costs $2, so five pens cost 5 * 2 = $10 in total.\"}";
  private static final String GOOD_12 =
      "{\"id\":\"b12\",\"question\":\"What is 6 times 7?\",\"long_cot\":\"<think>We multiply six by seven: "
          + "6 * 7 = 42. That is the product.</think>The answer is \\\\boxed{42}.\"}";

  /** Expected dead letters: line → stage. */
  private static final Map<Long, String> BROKEN = new TreeMap<>(Map.of(
      2L, "parse", 3L, "parse", 4L, "parse", 5L, "parse", 8L, "parse", 9L, "parse", 10L, "read",
      11L, "score"));

  @TempDir static Path dir;
  static Path output;
  static CliRun run;
  static Path strictOutput;
  static CliRun strictRun;

  @BeforeAll
  static void compressMixedFile() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<String> lines = List.of(
        GOOD_1,                                                                    // 1
        "{not json",                                                               // 2
        "[1, 2, 3]",                                                               // 3
        "{\"id\":\"b4\",\"long_cot\":\"no question here\"}",                       // 4
        "{\"id\":\"b5\",\"question\":42,\"long_cot\":\"a number as question\"}",   // 5
        "",                                                                        // 6 blank
        GOOD_7,                                                                    // 7
        "{\"id\":\"b8\",\"question\":\"No reasoning?\"}",                          // 8
        "{\"id\":\"b9\",\"question\":\"q\",\"long_cot\":\"a b\",\"samples\":\"oops\"}"); // 9
    for (String line : lines) {
      bytes.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    }
    bytes.write(new byte[] {'{', '"', 'q', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'}); // 10: bad UTF-8
    bytes.write(("{\"id\":\"b11\",\"question\":\"Empty thought?\",\"long_cot\":\"<think> </think>The answer is 5.\"}\n")
        .getBytes(StandardCharsets.UTF_8));                                        // 11
    bytes.write(GOOD_12.getBytes(StandardCharsets.UTF_8));                          // 12, no final newline
    Path input = dir.resolve("mixed.jsonl");
    Files.write(input, bytes.toByteArray());
    output = dir.resolve("out");
    // 9 of the 12 lines are bad on purpose: accept any share of dead letters
    run = CliRun.of("compress", "--input", input.toString(), "--output", output.toString(), "--max-error-rate", "1");
    strictOutput = dir.resolve("strict");
    strictRun = CliRun.of("compress", "--input", input.toString(), "--output", strictOutput.toString());
  }

  @Test
  void aShareOfDeadLettersOverTheDefaultLimitFailsTheRunButKeepsItsGoodRowsAndErrors() throws Exception {
    assertEquals(1, strictRun.exitCode(), strictRun.err());
    assertTrue(strictRun.err().contains("cotkit: 66.67% of the records read were dead-lettered, over --max-error-rate "
        + "0.01; the good rows are written, the reasons are in " + strictOutput + "/errors"), strictRun.err());
    assertEquals(3 * 6L, Parquet.count(strictOutput, ""));
    JsonNode errorRate = new ObjectMapper().readTree(strictOutput.resolve("manifest.json").toFile()).path("error_rate");
    assertEquals(8 / 12.0, errorRate.path("dead_lettered_share").asDouble(), 1e-12); // 8 dead letters, 12 lines (one blank)
    assertEquals(0.01, errorRate.path("max_error_rate").asDouble());
    assertTrue(errorRate.path("exceeded").asBoolean());
  }

  @Test
  void runSucceedsAndWritesEveryGoodRecord() throws Exception {
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(3 * 6L, Parquet.count(output, ""));
    List<String> ids = Parquet.query(output, "SELECT DISTINCT source_id FROM rows ORDER BY 1").stream()
        .map(row -> (String) row.get("source_id")).toList();
    assertEquals(List.of("b1", "b12", "b7"), ids);
  }

  @Test
  void everyBrokenLineIsDeadLetteredWithItsLineAndReason() throws Exception {
    List<JsonNode> letters = new ArrayList<>();
    try (var files = Files.list(output.resolve("errors"))) {
      for (Path file : files.toList()) {
        for (String line : Files.readAllLines(file)) {
          letters.add(new ObjectMapper().readTree(line));
        }
      }
    }
    Map<Long, String> stages = new TreeMap<>();
    Map<Long, String> reasons = new TreeMap<>();
    for (JsonNode letter : letters) {
      stages.put(letter.get("line").asLong(), letter.get("stage").asText());
      reasons.put(letter.get("line").asLong(), letter.get("reason").asText());
      assertTrue(letter.get("file").asText().endsWith("mixed.jsonl"), letter.toString());
    }
    assertEquals(BROKEN.size(), letters.size(), letters.toString());
    assertEquals(BROKEN, stages);
    assertTrue(reasons.get(2L).startsWith("not valid JSON"), reasons.get(2L));
    assertEquals("not a JSON object", reasons.get(3L));
    assertEquals("missing required field 'question'", reasons.get(4L));
    assertEquals("field 'question' must be a string, got number", reasons.get(5L));
    assertTrue(reasons.get(8L).startsWith("no chain of thought"), reasons.get(8L));
    assertEquals("field 'samples' must be an array, got string", reasons.get(9L));
    assertEquals("not valid UTF-8", reasons.get(10L));
    assertEquals("chain of thought is empty", reasons.get(11L));
  }

  @Test
  void manifestAccountsForEveryLine() throws Exception {
    JsonNode counts = new ObjectMapper().readTree(output.resolve("manifest.json").toFile()).get("counts");
    assertEquals(12, counts.get("records_read").asLong());
    assertEquals(3, counts.get("records_written").asLong());
    assertEquals(18, counts.get("rows_written").asLong());
    assertEquals(8, counts.get("dead_lettered").asLong());
    assertEquals(6, counts.get("dead_lettered_by_stage").get("parse").asLong());
    assertEquals(1, counts.get("dead_lettered_by_stage").get("read").asLong());
    assertEquals(1, counts.get("dead_lettered_by_stage").get("score").asLong());
    assertEquals(1, counts.get("filtered_by_reason").get("blank_line").asLong());
    assertTrue(counts.get("balanced").asBoolean());
    assertTrue(run.err().contains("dead-lettered     8"), run.err());
  }

  @Test
  void answersComeFromGoldOrTheTeachersStatedAnswer() throws Exception {
    Map<String, String> answers = new TreeMap<>();
    for (Map<String, Object> row : Parquet.query(output, "SELECT DISTINCT source_id, answer FROM rows")) {
      answers.put((String) row.get("source_id"), (String) row.get("answer"));
    }
    assertEquals(Map.of("b1", "7", "b7", "10", "b12", "42"), answers);
    // only the thinking of an R1-style trace is compressed; the response is not part of the CoT
    String full = (String) Parquet.query(output, "SELECT completion FROM rows WHERE source_id = 'b12' AND ratio = 1.0")
        .get(0).get("completion");
    assertEquals("We multiply six by seven: 6 * 7 = 42. That is the product.\n\nThe final answer is: $\\boxed{42}$", full);
  }
}
