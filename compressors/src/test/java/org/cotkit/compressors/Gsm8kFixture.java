package org.cotkit.compressors;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Reads real GSM8K reference solutions from the shared data folder, without a JSON library.
 *
 * <p>Surefire runs with the module directory ({@code /work/main/compressors}) as working directory,
 * so the data lies two levels up, under {@code /work/shared/data}.
 */
final class Gsm8kFixture {

  static final Path TRAIN = Path.of("..", "..", "shared", "data", "gsm8k", "train.jsonl");

  /** The JSON string value of the "answer" field, escapes still in place. */
  private static final Pattern ANSWER_FIELD =
      Pattern.compile("\"answer\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

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
        Matcher field = ANSWER_FIELD.matcher(line);
        if (!field.find()) {
          continue;
        }
        solutions.add(toSolution(unescapeJson(field.group(1))));
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

  static String unescapeJson(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= s.length()) {
        out.append(c);
        continue;
      }
      char e = s.charAt(++i);
      switch (e) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'u' -> {
          out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> out.append(e); // \" \\ \/
      }
    }
    return out.toString();
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
