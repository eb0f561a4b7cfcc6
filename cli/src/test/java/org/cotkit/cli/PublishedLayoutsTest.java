package org.cotkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled sample in the layouts teacher data is published in: a pretty-printed JSON array,
 * ShareGPT conversations picked by role, lists of generations picked by index. Each gives the same
 * rows as the sample's own JSON Lines.
 */
class PublishedLayoutsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static List<JsonNode> sample;
  static Path reference;

  @BeforeAll
  static void compressTheSampleAsItIs() throws Exception {
    sample = new ArrayList<>();
    for (String line : Files.readAllLines(CompressCommandTest.SAMPLE)) {
      sample.add(JSON.readTree(line));
    }
    reference = dir.resolve("reference");
    CliRun run = CliRun.of("compress", "--input", CompressCommandTest.SAMPLE.toString(), "--output",
        reference.toString(), "--quiet");
    assertEquals(0, run.exitCode(), run.err());
  }

  /** The (id, ratio, completion) of every row: what a layout must not change. */
  private static List<Map<String, Object>> rows(Path output) throws Exception {
    return Parquet.query(output, "SELECT source_id, ratio, prompt, completion FROM rows ORDER BY source_id, ratio");
  }

  /** The sample in another layout, as JSON Lines. */
  private static Path sampleAs(String name, Function<JsonNode, ObjectNode> layout) throws Exception {
    List<String> lines = new ArrayList<>();
    for (JsonNode record : sample) {
      lines.add(JSON.writeValueAsString(layout.apply(record)));
    }
    return Files.write(dir.resolve(name), lines);
  }

  /** Compresses {@code input} read with {@code --map map}; the run must succeed. */
  private static Path compress(Path input, String output, String map) {
    Path folder = dir.resolve(output);
    CliRun run = CliRun.of("compress", "--input", input.toString(), "--output", folder.toString(), "--quiet",
        "--map", map);
    assertEquals(0, run.exitCode(), map + ": " + run.err());
    return folder;
  }

  @Test
  void aPrettyPrintedJsonArrayGivesTheRowsOfItsJsonLines() throws Exception {
    ArrayNode array = JSON.createArrayNode();
    sample.forEach(array::add);
    array.add(JSON.createObjectNode().put("id", "no-question").put("long_cot", "a b c"));
    Path input = dir.resolve("generations.json");
    JSON.writerWithDefaultPrettyPrinter().writeValue(input.toFile(), array);

    Path output = dir.resolve("from-array");
    CliRun run = CliRun.of("compress", "--input", input.toString(), "--output", output.toString(), "--quiet",
        "--max-error-rate", "0.1");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(rows(reference), rows(output));
    JsonNode deadLetter = JSON.readTree(Files.readString(Files.list(output.resolve("errors")).findFirst().orElseThrow()));
    assertEquals(sample.size() + 1, deadLetter.get("line").asLong(), "an element is numbered by its position");
    assertTrue(deadLetter.get("reason").asText().contains("question"), deadLetter.toString());
  }

  @Test
  void anArrayReadAsJsonLinesStopsAtOnceWithOneLine() throws Exception {
    Path input = dir.resolve("array.jsonl");
    JSON.writerWithDefaultPrettyPrinter().writeValue(input.toFile(), List.of(sample.get(0), sample.get(1)));
    Path output = dir.resolve("refused");
    CliRun run = CliRun.of("compress", "--input", input.toString(), "--output", output.toString(),
        "--input-format", "jsonl");
    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().startsWith("--input file " + input + " holds a JSON array, not JSON Lines: read it with "
        + "--input-format json (or auto)\n"), run.err());
    assertFalse(Files.exists(output));
  }

  @Test
  void shareGptConversationsArePickedByRole() throws Exception {
    Path input = sampleAs("sharegpt.jsonl", record -> {
      ObjectNode converted = JSON.createObjectNode().put("id", record.get("id").asText())
          .put("answer", record.get("answer").asText());
      ArrayNode conversations = converted.putArray("conversations");
      conversations.addObject().put("from", "system").put("value", "Think step by step.");
      conversations.addObject().put("from", "human").put("value", record.get("question").asText());
      conversations.addObject().put("from", "gpt").put("value", record.get("long_cot").asText());
      return converted;
    });
    Path output = compress(input, "from-sharegpt",
        "question=conversations[from=human].value,long_cot=conversations[from=gpt].value");
    assertEquals(rows(reference), rows(output));
  }

  /**
   * OpenThoughts-114k's layout: the assistant turn holds the thought and the solution between
   * their markers, and no gold answer. Only the thought is compressed; the answer comes from the
   * solution, and nothing of the markers reaches a row.
   */
  @Test
  void openThoughtsTurnsAreSplitIntoThoughtAndSolution() throws Exception {
    Path input = sampleAs("openthoughts.jsonl", record -> {
      ObjectNode converted = JSON.createObjectNode().put("id", record.get("id").asText()).put("system", "Think.");
      ArrayNode conversations = converted.putArray("conversations");
      conversations.addObject().put("from", "user").put("value", record.get("question").asText());
      conversations.addObject().put("from", "assistant").put("value", "<|begin_of_thought|>\n\n"
          + record.get("long_cot").asText() + "\n\n<|end_of_thought|>\n\n<|begin_of_solution|>\n\nSo the answer is "
          + "$\\boxed{" + record.get("answer").asText() + "}$\n\n<|end_of_solution|>");
      return converted;
    });
    Path output = compress(input, "from-openthoughts",
        "question=conversations[from=user].value,long_cot=conversations[from=assistant].value");
    assertEquals(rows(reference), rows(output));
    assertEquals(0, Parquet.count(output,
        "WHERE completion LIKE '%_of_thought|>%' OR completion LIKE '%_of_solution|>%'"));
  }

  @Test
  void aListOfGenerationsIsPickedByIndex() throws Exception {
    Path input = sampleAs("openr1-like.jsonl", record -> {
      ObjectNode converted = JSON.createObjectNode().put("id", record.get("id").asText())
          .put("problem", record.get("question").asText()).put("answer", record.get("answer").asText());
      converted.putArray("generations").add("a discarded first try").add(record.get("long_cot").asText());
      return converted;
    });
    for (String path : List.of("generations[1]", "generations.1", "generations[-1]")) {
      Path output = compress(input, "from-" + path.replaceAll("\\W", "_"), "question=problem,long_cot=" + path);
      assertEquals(rows(reference), rows(output), path);
    }
  }
}
