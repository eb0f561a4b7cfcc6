package org.cotkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cotkit.compressors.ForcedWords;
import org.cotkit.compressors.OnnxTokenClassifierScorer;
import org.cotkit.compressors.ScoredCotPruner;
import org.cotkit.compressors.ScoringDevice;
import org.cotkit.compressors.TokenClassifierSettings;
import org.cotkit.compressors.WordCounter;
import org.cotkit.compressors.Word;
import org.cotkit.compressors.WordScorePooling;
import org.cotkit.compressors.WordSegmenter;
import org.cotkit.compressors.onnx.TinyTokenClassifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cotkit compress --scorer onnx} end to end on the sample with a tiny real ONNX token
 * classifier written by the test, read back with DuckDB; and the device and model errors a user
 * meets at start.
 */
class CompressOnnxScorerTest {

  @TempDir static Path dir;
  static Path model;
  static Path output;
  static CliRun run;

  @BeforeAll
  static void compressWithTheTinyModel() throws Exception {
    model = TinyTokenClassifier.write(dir.resolve("model"), true);
    output = dir.resolve("onnx");
    run = CliRun.of("compress", "--input", CompressCommandTest.SAMPLE.toString(), "--output", output.toString(),
        "--scorer", "onnx", "--model-dir", model.toString(), "--batch-size", "8", "--max-tokens", "64");
  }

  @Test
  void writesEveryRowAndRecordsTheScorerInTheManifest() throws Exception {
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(CompressCommandTest.SAMPLE_RECORDS * 6L, Parquet.count(output, ""));
    assertEquals(0, Parquet.count(output, "WHERE achieved_ratio < ratio"));
    JsonNode manifest = new ObjectMapper().readTree(output.resolve("manifest.json").toFile());
    assertEquals("onnx token classifier", manifest.at("/options/scorer").asText());
    assertEquals("cpu", manifest.at("/options/device").asText());
    assertTrue(manifest.at("/counts/balanced").asBoolean());
  }

  /** The pipeline's rows are what the scorer and pruner give when called directly on each CoT. */
  @Test
  void rowsArePrunedByTheModelsScores() throws Exception {
    assertEquals(0, run.exitCode(), run.err());
    Map<String, String> expected = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    ScoredCotPruner pruner = new ScoredCotPruner(new ForcedWords(true, List.of()), new WordCounter());
    WordSegmenter segmenter = new WordSegmenter();
    TokenClassifierSettings settings = new TokenClassifierSettings(
        model.toString(), ScoringDevice.CPU, 0, 8, 64, "1", WordScorePooling.MEAN);
    try (OnnxTokenClassifierScorer scorer = OnnxTokenClassifierScorer.open(settings)) {
      for (String line : Files.readAllLines(CompressCommandTest.SAMPLE)) {
        JsonNode record = json.readTree(line);
        String cot = record.get("long_cot").asText().strip();
        List<Word> words = segmenter.segment(cot);
        String pruned = pruner.prune(cot, words, scorer.score(words), record.get("answer").asText(), new double[] {0.5})
            .get(0).text();
        expected.put(record.get("id").asText(), pruned + "\n\nThe final answer is: $\\boxed{" + record.get("answer").asText() + "}$");
      }
    }
    List<Map<String, Object>> rows = Parquet.query(output, "SELECT source_id, completion FROM rows WHERE ratio = 0.5");
    assertEquals(CompressCommandTest.SAMPLE_RECORDS, rows.size());
    for (Map<String, Object> row : rows) {
      assertEquals(expected.get((String) row.get("source_id")), row.get("completion"), (String) row.get("source_id"));
    }
  }

  @Test
  void cudaOnThisMachineFailsAtStartWithOneLine() {
    Path out = dir.resolve("cuda");
    CliRun cuda = CliRun.of("compress", "--input", CompressCommandTest.SAMPLE.toString(), "--output", out.toString(),
        "--scorer", "onnx", "--model-dir", model.toString(), "--device", "cuda");
    assertEquals(2, cuda.exitCode(), cuda.err());
    List<String> lines = cuda.err().strip().lines().toList();
    assertEquals(1, lines.size(), cuda.err());
    assertTrue(lines.get(0).startsWith("cotkit compress: --device cuda cannot start"), lines.get(0));
    assertFalse(Files.exists(out), "nothing is written");
  }

  @Test
  void autoRunsOnTheCpu() throws Exception {
    Path out = dir.resolve("auto");
    CliRun auto = CliRun.of("compress", "--input", CompressCommandTest.SAMPLE.toString(), "--output", out.toString(),
        "--scorer", "onnx", "--model-dir", model.toString(), "--device", "auto", "--ratios", "0.5");
    assertEquals(0, auto.exitCode(), auto.err());
    assertEquals(CompressCommandTest.SAMPLE_RECORDS, Parquet.count(out, ""));
  }

  @Test
  void modelProblemsAreUsageErrorsNamingTheOption() {
    CliRun noDir = CliRun.of("compress", "--input", CompressCommandTest.SAMPLE.toString(), "--output",
        dir.resolve("x").toString(), "--scorer", "onnx");
    assertEquals(2, noDir.exitCode());
    assertTrue(noDir.err().startsWith("--scorer onnx needs --model-dir"), noDir.err());

    CliRun empty = CliRun.of("compress", "--input", CompressCommandTest.SAMPLE.toString(), "--output",
        dir.resolve("y").toString(), "--scorer", "onnx", "--model-dir", dir.resolve("nothing-here").toString());
    assertEquals(2, empty.exitCode());
    assertTrue(empty.err().startsWith("--model-dir"), empty.err());

    CliRun label = CliRun.of("compress", "--input", CompressCommandTest.SAMPLE.toString(), "--output",
        dir.resolve("z").toString(), "--scorer", "onnx", "--model-dir", model.toString(), "--keep-label", "important");
    assertEquals(2, label.exitCode());
    assertTrue(label.err().startsWith("--keep-label 'important'"), label.err());
  }

  @Test
  void cotkitsOwnSettingsAreNotTakenAsBeamOptions() {
    CliRun shadowed = CliRun.of("compress", "--input", CompressCommandTest.SAMPLE.toString(), "--output",
        dir.resolve("w").toString(), "--modelDir=/somewhere");
    assertEquals(2, shadowed.exitCode());
    assertTrue(shadowed.err().startsWith("--modelDir is one of cotkit's own settings"), shadowed.err());
  }
}
