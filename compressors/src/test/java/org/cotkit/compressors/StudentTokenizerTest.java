package org.cotkit.compressors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cotkit.testkit.Qwen3Tokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudentTokenizerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final WordSegmenter SEGMENTER = new WordSegmenter();
  private static final double[] RATIOS = {0.5, 0.6, 0.7, 0.8, 0.9, 1.0};

  private final StudentTokenizer qwen3 = StudentTokenizer.of(Qwen3Tokenizer.file());

  private static List<JsonNode> references() throws IOException {
    return Files.readAllLines(Qwen3Tokenizer.referenceCounts(), StandardCharsets.UTF_8).stream()
        .map(line -> {
          try {
            return JSON.readTree(line);
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        })
        .toList();
  }

  @Test
  void countsAsHuggingFacesOwnTokenizersLibraryCounts() throws IOException {
    List<JsonNode> references = references();
    assertTrue(references.size() > 200, "reference texts: " + references.size());
    for (JsonNode reference : references) {
      String text = reference.get("text").asText();
      assertEquals(reference.get("tokens").asInt(), qwen3.count(text), text);
    }
  }

  @Test
  void theWordsCostsAddUpToTheTextsCountEvenOutsideTheBasicPlaneAndAroundLineBreaks() throws IOException {
    for (JsonNode reference : references()) {
      String text = reference.get("text").asText();
      List<Word> words = SEGMENTER.segment(text);
      int[] costs = qwen3.costs(text, words);
      int sum = 0;
      for (int i = 0; i < costs.length; i++) {
        sum += costs[i];
        assertTrue(costs[i] >= 1, "every word is at least one token: '" + words.get(i).text() + "' in " + text);
      }
      assertEquals(words.isEmpty() ? 0 : reference.get("tokens").asInt(), sum, text);
    }
  }

  @Test
  void aSpaceBeforeAWordAndTheDigitsOfANumberAreCountedWithTheirWord() {
    // Qwen: "Ġsold", and each digit its own token: "Ġ", "4", "8", "/", "2"
    String text = "Natalia sold 48/2 = 24 clips";
    List<Word> words = SEGMENTER.segment(text);
    int[] costs = qwen3.costs(text, words);
    assertEquals("sold", words.get(1).text());
    assertEquals(1, costs[1]);
    assertEquals("48/2", words.get(2).text());
    assertEquals(5, costs[2]);
  }

  @Test
  void aLongTextIsCountedWholeNotTruncated() {
    String text = "apple ".repeat(5_000).strip();
    assertEquals(5_000, qwen3.count(text)); // "apple" then 4,999 × "Ġapple"
  }

  @Test
  void everyPrunedTextMeasuresWhatItsRowSaysAndReachesTheRatioInTokens() {
    ScoredCotPruner pruner = new ScoredCotPruner(new ForcedWords(true, List.of()), qwen3);
    double sumGap = 0;
    int rows = 0;
    for (Gsm8kFixture.Solution solution : Gsm8kFixture.solutions(300)) {
      List<Word> words = SEGMENTER.segment(solution.cot());
      double[] scores = new double[words.size()];
      for (int i = 0; i < scores.length; i++) {
        scores[i] = (i * 7919 % 101) / 101.0;
      }
      List<CompressedCot> results = pruner.prune(solution.cot(), words, scores, solution.answer(), RATIOS);
      for (CompressedCot result : results) {
        assertEquals(qwen3.count(solution.cot()), result.totalTokens(), solution.cot());
        assertEquals(qwen3.count(result.text()), result.keptTokens(), "kept_tokens is the pruned text's own count");
        assertTrue(result.achievedRatio() >= result.ratio() || result.keptTokens() == result.totalTokens(),
            result.ratio() + " → " + result.achievedRatio() + ": " + result.text());
        sumGap += result.achievedRatio() - result.ratio();
        rows++;
      }
    }
    assertTrue(sumGap / rows < 0.05, "mean overshoot " + sumGap / rows); // forced words and the last word only
  }

  @Test
  void theUnitNamesTheFileAndItsChecksum(@TempDir Path dir) throws IOException {
    Path copy = dir.resolve("tokenizer.json");
    Files.copy(Qwen3Tokenizer.file(), copy);
    LengthUnit unit = LengthUnit.tokenizer(copy);
    Map<String, Object> described = unit.describe();
    assertEquals("tokens", described.get("length_unit"));
    assertEquals(copy.toAbsolutePath().toString(), described.get("tokenizer"));
    assertEquals(64, ((String) described.get("tokenizer_sha256")).length());
    assertEquals(Map.of("length_unit", "words"), LengthUnit.WORDS.describe());
    assertEquals(3, unit.counter().count("one two three"));
    assertEquals(3, LengthUnit.WORDS.counter().count("one two three"));
  }

  @Test
  void aWorkerWhoseTokenizerFileDiffersFromThePlannedOneRefusesToCount(@TempDir Path dir) throws IOException {
    Path copy = dir.resolve("tokenizer.json");
    Files.copy(Qwen3Tokenizer.file(), copy);
    LengthUnit planned = LengthUnit.tokenizer(copy);
    // as a worker of another JVM receives it, with the file changed there
    LengthUnit onAnotherWorker = new LengthUnit(planned.tokenizerFile(), "0".repeat(64));
    IllegalStateException e = assertThrows(IllegalStateException.class, onAnotherWorker::counter);
    assertTrue(e.getMessage().contains("is not the file this run was planned with"), e.getMessage());
  }

  @Test
  void aMissingOrBrokenTokenizerIsAOneLineErrorNamingTheOption(@TempDir Path dir) throws IOException {
    IllegalArgumentException missing =
        assertThrows(IllegalArgumentException.class, () -> LengthUnit.tokenizer(dir.resolve("nope.json")));
    assertTrue(missing.getMessage().startsWith("--tokenizer '"), missing.getMessage());
    Path broken = Files.writeString(dir.resolve("tokenizer.json"), "{\"not\": \"a tokenizer\"}");
    IllegalArgumentException notATokenizer =
        assertThrows(IllegalArgumentException.class, () -> LengthUnit.tokenizer(broken));
    assertTrue(notATokenizer.getMessage().contains("cannot load it as a Hugging Face tokenizer.json"),
        notATokenizer.getMessage());
    assertEquals(1, notATokenizer.getMessage().lines().count());
    assertNotEquals(LengthUnit.WORDS, LengthUnit.tokenizer(Qwen3Tokenizer.file()));
  }
}
