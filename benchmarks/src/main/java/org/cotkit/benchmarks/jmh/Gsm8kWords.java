package org.cotkit.benchmarks.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cotkit.compressors.Word;
import org.cotkit.compressors.WordSegmenter;
import org.cotkit.labelers.Gsm8kSolution;

/**
 * The benchmark input: GSM8K reference solutions, as the {@code gsm8k} preset hands them to the
 * compressors (reasoning without the {@code #### N} line and calculator notes, plus the answer),
 * taken in file order until they hold exactly {@link #WORDS} words.
 *
 * <p>The word count is fixed, rather than the number of solutions, because JMH needs
 * {@code @OperationsPerInvocation} as a constant: with one operation per word, the reported ops/s
 * are words/s and {@code gc.alloc.rate.norm} is bytes per word.
 */
final class Gsm8kWords {

  /** Words per benchmark invocation: the first 2,037 train solutions, the last one cut short. */
  static final int WORDS = 100_000;

  /** Relative to the repository root, where {@code benchmarks/jmh/run.sh} starts JMH. */
  static final String DEFAULT_INPUT = "../shared/data/gsm8k/train.jsonl";

  private Gsm8kWords() {}

  /**
   * Reads solutions from the {@code answer} field of a GSM8K JSONL file until they hold
   * {@link #WORDS} words; the last one is cut after its last needed word.
   *
   * @throws IllegalStateException if the file holds fewer words or is not GSM8K
   */
  static List<Gsm8kSolution> load(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    WordSegmenter segmenter = new WordSegmenter();
    List<Gsm8kSolution> solutions = new ArrayList<>();
    int words = 0;
    try (BufferedReader reader = Files.newBufferedReader(file)) {
      for (String line = reader.readLine(); line != null && words < WORDS; line = reader.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        String answer = json.readTree(line).path("answer").asText();
        Gsm8kSolution solution = Gsm8kSolution.parse(answer)
            .orElseThrow(() -> new IllegalStateException(file + ": not a GSM8K solution: " + answer));
        List<Word> segmented = segmenter.segment(solution.reasoning());
        int needed = WORDS - words;
        if (segmented.size() > needed) {
          String cut = solution.reasoning().substring(0, segmented.get(needed - 1).end());
          solution = new Gsm8kSolution(cut, solution.answer());
          segmented = segmenter.segment(cut);
        }
        solutions.add(solution);
        words += segmented.size();
      }
    }
    // words/s is only right if every invocation segments exactly WORDS words
    if (words != WORDS) {
      throw new IllegalStateException(file + ": loaded " + words + " words, expected " + WORDS);
    }
    return solutions;
  }
}
