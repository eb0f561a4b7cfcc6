package org.cotkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cotkit.testkit.Qwen3Tokenizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lengths in the student's tokens ({@code --tokenizer}, the real Qwen3 tokenizer) end to end: every
 * count a run writes is checked against the tokenizer's own encoding of the same text.
 */
class StudentTokensTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ANSWER_LINE = "\n\nThe final answer is: $\\boxed{";

  @TempDir static Path dir;
  private static HuggingFaceTokenizer qwen3;
  private static Path compressed;
  private static CliRun compressRun;

  @BeforeAll
  static void compressTheSampleInQwen3Tokens() throws Exception {
    qwen3 = HuggingFaceTokenizer.newInstance(Qwen3Tokenizer.file(), Map.of("truncation", "false", "padding", "false"));
    compressed = dir.resolve("tokens");
    compressRun = CliRun.of("compress", "--input", CompressCommandTest.SAMPLE.toString(), "--output", compressed.toString(),
        "--tokenizer", Qwen3Tokenizer.file().toString());
    assertEquals(0, compressRun.exitCode(), compressRun.err());
  }

  @AfterAll
  static void close() {
    qwen3.close();
  }

  private static int tokens(String text) {
    return qwen3.encode(text, false, false).getIds().length;
  }

  /** The pruned CoT of a TokenSkip completion: without the answer line cotkit appends. */
  private static String cotOf(String completion) {
    int line = completion.lastIndexOf(ANSWER_LINE);
    return line < 0 ? completion : completion.substring(0, line);
  }

  @Test
  void cotAndKeptTokensAreTheTokenizersCountsAndEveryRatioIsReachedInTokens() throws Exception {
    List<Map<String, Object>> rows = Parquet.query(compressed,
        "SELECT source_id, ratio, achieved_ratio, cot_tokens, kept_tokens, completion FROM rows");
    assertEquals(CompressCommandTest.SAMPLE_RECORDS * 6, rows.size());
    Map<String, Integer> original = new HashMap<>();
    for (Map<String, Object> row : rows) {
      if ((Double) row.get("ratio") == 1.0) {
        original.put((String) row.get("source_id"), tokens(cotOf((String) row.get("completion"))));
      }
    }
    double sumGap = 0;
    for (Map<String, Object> row : rows) {
      String cot = cotOf((String) row.get("completion"));
      int kept = (Integer) row.get("kept_tokens");
      int total = (Integer) row.get("cot_tokens");
      assertEquals(tokens(cot), kept, "kept_tokens of " + row.get("source_id") + " at " + row.get("ratio"));
      assertEquals(original.get((String) row.get("source_id")), total, "cot_tokens of " + row.get("source_id"));
      assertEquals((double) kept / total, (Double) row.get("achieved_ratio"), 1e-12);
      assertTrue((Double) row.get("achieved_ratio") >= (Double) row.get("ratio"), row.toString());
      sumGap += (Double) row.get("achieved_ratio") - (Double) row.get("ratio");
    }
    assertTrue(sumGap / rows.size() < 0.06, "mean overshoot " + sumGap / rows.size());
  }

  @Test
  void theManifestNamesTheTokenizerAndItsChecksum() throws Exception {
    JsonNode options = JSON.readTree(compressed.resolve("manifest.json").toFile()).get("options");
    assertEquals("tokens", options.get("length_unit").asText());
    assertEquals(Qwen3Tokenizer.file().toAbsolutePath().normalize().toString(), options.get("tokenizer").asText());
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(Qwen3Tokenizer.file())));
    assertEquals(sha, options.get("tokenizer_sha256").asText());
  }

  @Test
  void withoutATokenizerTheUnitIsWords() throws Exception {
    Path words = dir.resolve("words");
    CliRun run = CliRun.of("compress", "--input", CompressCommandTest.SAMPLE.toString(), "--output", words.toString(),
        "--ratios", "0.5");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("words", JSON.readTree(words.resolve("manifest.json").toFile()).get("options").get("length_unit").asText());
  }

  @Test
  void budgetsAreDastsFormulaOverTheSamplesTokenLengths() throws Exception {
    Path labelled = dir.resolve("label");
    CliRun run = CliRun.of("label", "--input", CompressCommandTest.SAMPLE.toString(), "--output", labelled.toString(),
        "--tokenizer", Qwen3Tokenizer.file().toString());
    assertEquals(0, run.exitCode(), run.err());
    Map<String, Integer> budgets = new HashMap<>();
    try (Stream<Path> files = Files.list(labelled.resolve("data"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
        for (String line : Files.readAllLines(file)) {
          JsonNode record = JSON.readTree(line);
          budgets.put(record.get("id").asText(), record.get("token_budget").isNull() ? null : record.get("token_budget").asInt());
        }
      }
    }
    int checked = 0;
    for (String line : Files.readAllLines(CompressCommandTest.SAMPLE)) {
      JsonNode record = JSON.readTree(line);
      JsonNode samples = record.get("samples");
      if (samples == null || samples.isEmpty()) {
        continue;
      }
      int longest = 0;
      long correctTotal = 0;
      int correct = 0;
      for (JsonNode sample : samples) {
        int length = tokens(sample.get("cot").asText().strip());
        longest = Math.max(longest, length);
        if (sample.get("correct").asBoolean()) {
          correctTotal += length;
          correct++;
        }
      }
      double p = (double) correct / samples.size();
      double meanCorrect = correct == 0 ? 0 : (double) correctTotal / correct;
      assertEquals(Math.round(p * meanCorrect + (1 - p) * longest), (long) budgets.get(record.get("id").asText()),
          "budget of " + record.get("id").asText());
      checked++;
    }
    assertTrue(checked > 100, "records with samples: " + checked);
  }

  @Test
  void tokenSkipsRecipeInstructionTooLongFilterAndCorrectOutputsOnly() throws Exception {
    Path input = dir.resolve("recipe.jsonl");
    String longCot = "We add step by step. " + "Then 1 + 1 = 2. ".repeat(60) + "So the answer is 2.";
    Files.write(input, List.of(
        "{\"id\": \"right\", \"question\": \"What is 1 + 1?\", \"answer\": \"2\", \"long_cot\": \"1 + 1 = 2. The answer is 2.\"}",
        "{\"id\": \"wrong\", \"question\": \"What is 2 + 2?\", \"answer\": \"4\", \"long_cot\": \"2 + 2 = 5. The answer is 5.\"}",
        "{\"id\": \"no-gold\", \"question\": \"Name a prime.\", \"long_cot\": \"7 is prime. The answer is 7.\"}",
        "{\"id\": \"too-long\", \"question\": \"What is 1 + 1, step by step?\", \"answer\": \"2\", \"long_cot\": \"" + longCot + "\"}"));
    assertTrue(tokens(longCot) > 100);
    Path output = dir.resolve("recipe");
    String instruction = "Please reason step by step, and put your final answer within \\boxed{}.";
    CliRun run = CliRun.of("compress", "--input", input.toString(), "--output", output.toString(), "--ratios", "0.5,1.0",
        "--tokenizer", Qwen3Tokenizer.file().toString(), "--max-cot-tokens", "100", "--drop-incorrect",
        "--instruction", instruction);
    assertEquals(0, run.exitCode(), run.err());
    JsonNode counts = JSON.readTree(output.resolve("manifest.json").toFile()).get("counts");
    assertEquals(1, counts.get("filtered_by_reason").get("incorrect").asInt(), counts.toString());
    assertEquals(1, counts.get("filtered_by_reason").get("too_long").asInt(), counts.toString());
    assertEquals(List.of("no-gold", "no-gold", "right", "right"),
        Parquet.query(output, "SELECT source_id FROM rows ORDER BY source_id").stream().map(r -> r.get("source_id")).toList());
    assertEquals(0, Parquet.count(output, "WHERE NOT starts_with(prompt, '" + instruction + "\n')"));
    assertEquals(0, Parquet.count(output, "WHERE len(messages) <> 3 OR messages[1].role <> 'system' OR messages[1].content <> '"
        + instruction + "' OR messages[2].role <> 'user' OR starts_with(messages[2].content, 'Please')"));
    assertTrue(run.err().contains("too long") || run.err().contains("too_long"), run.err());
  }
}
