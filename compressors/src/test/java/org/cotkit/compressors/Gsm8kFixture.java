package org.cotkit.compressors;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads real GSM8K reference solutions from the repository's {@code testdata/} folder.
 *
 * <p>Surefire runs with the module directory as working directory, so the data lies one level up.
 */
final class Gsm8kFixture {

  static final Path TRAIN = Path.of("..", "testdata", "gsm8k", "train.jsonl");

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Pattern CALCULATOR_NOTE = Pattern.compile("<<[^>]*>>");
  private static final Pattern FINAL_ANSWER_LINE = Pattern.compile("(?m)^\\s*####\\s*(.*?)\\s*$");

  /** One reference solution: the chain of thought (notes and final line removed) and its answer. */
  record Solution(String cot, String answer) {}

  private Gsm8kFixture() {}

  /** The first {@code limit} solutions of the training split. */
  static List<Solution> solutions(int limit) {
    assertTrue(Files.isRegularFile(TRAIN), "GSM8K train split not found at " + TRAIN.toAbsolutePath());
    List<Solution> solutions = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(TRAIN, StandardCharsets.UTF_8)) {
      for (String line = reader.readLine(); line != null && solutions.size() < limit; line = reader.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode answer = JSON.readTree(line).get("answer");
        assertTrue(answer != null && answer.isTextual(), "no string \"answer\" in " + line);
        solutions.add(toSolution(answer.textValue()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return solutions;
  }

  /** Strips the {@code <<...>>} calculator notes and the {@code #### N} line. */
  static Solution toSolution(String rawAnswer) {
    String answer = null;
    Matcher last = FINAL_ANSWER_LINE.matcher(rawAnswer);
    if (last.find()) {
      answer = last.group(1).replace(",", "");
    }
    String cot = FINAL_ANSWER_LINE.matcher(rawAnswer).replaceAll("");
    cot = CALCULATOR_NOTE.matcher(cot).replaceAll("").strip();
    return new Solution(cot, answer);
  }

  /** A bigram model fitted on the chains of thought of the first {@code limit} solutions. */
  static BigramModel fitModel(WordSegmenter segmenter, List<Solution> solutions) {
    BigramCounts counts = new BigramCounts();
    for (Solution solution : solutions) {
      counts.add(segmenter.segment(solution.cot()));
    }
    return BigramModel.fit(counts);
  }
}
