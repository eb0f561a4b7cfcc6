package org.cotkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cotkit.pipelines.record.InputPreset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --preset}: its names as users type them, its help, and presets end to end on their fixtures. */
class PresetOptionTest {

  private static final Path PRESETS = Path.of("..", "testdata", "presets");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void anUnknownPresetIsAUsageErrorListingThePresets() {
    CliRun run = CliRun.of("compress", "--input", PRESETS.resolve("limo.jsonl").toString(), "--output",
        dir.resolve("o").toString(), "--preset", "openr2");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("unknown preset 'openr2'; presets: none, gsm8k, openr1, openthoughts, s1k, "
        + "s1k-1.1, limo, r1-response, tokenskip"), run.err());
  }

  @Test
  void theHelpNamesEveryPreset() {
    CliRun run = CliRun.of("build", "--help");
    assertEquals(0, run.exitCode(), run.err());
    String help = run.out().replaceAll("\\s+", " ");
    for (InputPreset preset : InputPreset.values()) {
      assertTrue(help.contains(preset == InputPreset.NONE ? "Default: none" : " " + preset + ": "), preset + " in " + help);
    }
  }

  @Test
  void aHyphenatedPresetRunsAndTheManifestRecordsItsName() throws Exception {
    Path output = dir.resolve("r1");
    CliRun run = CliRun.of("compress", "--input", PRESETS.resolve("r1-response.jsonl").toString(), "--output",
        output.toString(), "--preset", "r1-response", "--ratios", "0.5", "--quiet");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode manifest = JSON.readTree(output.resolve("manifest.json").toFile());
    assertEquals("r1-response", manifest.get("options").get("preset").asText());
    List<Object> answers = Parquet.query(output, "SELECT answer FROM rows ORDER BY answer").stream()
        .map(row -> row.get("answer")).toList();
    // the GSM8K solution's '#### 26', a plain 12, and the 23 the third response states
    assertEquals(List.of("12", "23", "26"), answers);
  }

  @Test
  void openR1DifficultyComesFromTheMathVerifyVerdicts() throws Exception {
    Path output = dir.resolve("openr1");
    CliRun run = CliRun.of("label", "--input", PRESETS.resolve("openr1.jsonl").toString(), "--output",
        output.toString(), "--preset", "openr1", "--quiet");
    assertEquals(0, run.exitCode(), run.err());
    Map<String, JsonNode> byUuid = new HashMap<>();
    try (Stream<Path> files = Files.list(output.resolve("data"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
        for (String line : Files.readAllLines(file)) {
          JsonNode record = JSON.readTree(line);
          byUuid.put(record.get("uuid").asText(), record);
        }
      }
    }
    assertEquals(3, byUuid.size());
    JsonNode oneOfTwo = byUuid.get("5f1c2a9e-3b7d-5e41-9a0c-8d2f4b6e1a70");
    assertEquals(0.5, oneOfTwo.get("pass_rate").asDouble());
    assertEquals("complex", oneOfTwo.get("difficulty").asText());
    assertEquals("pass_rate", oneOfTwo.get("difficulty_source").asText());
    assertEquals(true, oneOfTwo.get("verified").asBoolean());
    JsonNode bothRight = byUuid.get("0b8e7d64-91c2-5a3f-b4e6-27c9d1f0a385");
    assertEquals(1.0, bothRight.get("pass_rate").asDouble());
    assertEquals("simple", bothRight.get("difficulty").asText());
    assertEquals(0.0, byUuid.get("c3a94f10-6d2e-5b87-8f15-e0b7a2c49d61").get("pass_rate").asDouble());
  }
}
