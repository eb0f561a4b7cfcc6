package org.cotkit.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.cotkit.compressors.ForcedWords;
import org.cotkit.compressors.ScoredCotPruner;
import org.cotkit.compressors.StudentTokenizer;
import org.cotkit.compressors.TokenCounter;
import org.cotkit.compressors.Word;
import org.cotkit.compressors.WordSegmenter;

/**
 * How much tokenizing pruning in a tokenizer's tokens costs, on one thread: count calls per
 * record, text encoded as a multiple of the CoT, and the time spent in the tokenizer. Each
 * record's text (the thought before {@code </think>}, when there is one) is pruned to
 * γ = 0.5 … 1.0 with seeded random scores.
 *
 * <p>Usage: {@code TokenizerCountProfile TOKENIZER_JSON INPUT.jsonl FIELD}, e.g. the R1-distill
 * traces' {@code response}.
 */
public final class TokenizerCountProfile {

  private TokenizerCountProfile() {}

  public static void main(String[] args) throws Exception {
    StudentTokenizer tokenizer = StudentTokenizer.of(Path.of(args[0]));
    long[] calls = new long[1];
    long[] chars = new long[1];
    long[] nanos = new long[1];
    TokenCounter timed = new TokenCounter() {
      @Override
      public int count(String text) {
        calls[0]++;
        chars[0] += text.length();
        long start = System.nanoTime();
        int n = tokenizer.count(text);
        nanos[0] += System.nanoTime() - start;
        return n;
      }

      @Override
      public int[] costs(String text, List<Word> words) {
        long start = System.nanoTime();
        int[] costs = tokenizer.costs(text, words);
        nanos[0] += System.nanoTime() - start;
        return costs;
      }

      @Override
      public boolean additive() {
        return false;
      }
    };
    WordSegmenter segmenter = new WordSegmenter();
    ScoredCotPruner pruner = new ScoredCotPruner(new ForcedWords(true, List.of()), timed);
    ObjectMapper json = new ObjectMapper();
    long cotChars = 0;
    int records = 0;
    long start = System.nanoTime();
    for (String line : Files.readAllLines(Path.of(args[1]))) {
      String text = json.readTree(line).get(args[2]).asText();
      String cot = text.contains("</think>") ? text.substring(0, text.indexOf("</think>")).strip() : text;
      List<Word> words = segmenter.segment(cot);
      double[] scores = new Random(records).doubles(words.size()).toArray();
      pruner.prune(cot, words, scores, null, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0);
      cotChars += cot.length();
      records++;
    }
    System.out.printf("records %d, count calls %d (%.1f per record), text counted %.1f x the CoT, "
            + "tokenizer %.1f s of %.1f s%n", records, calls[0], (double) calls[0] / records,
        (double) chars[0] / cotChars, nanos[0] / 1e9, (System.nanoTime() - start) / 1e9);
  }
}
