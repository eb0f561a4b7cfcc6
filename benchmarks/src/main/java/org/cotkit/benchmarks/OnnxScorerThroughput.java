package org.cotkit.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.cotkit.compressors.OnnxTokenClassifierScorer;
import org.cotkit.compressors.ScoringDevice;
import org.cotkit.compressors.ScoringStats;
import org.cotkit.compressors.TokenClassifierSettings;
import org.cotkit.compressors.Word;
import org.cotkit.compressors.WordScorePooling;
import org.cotkit.compressors.WordSegmenter;

/**
 * Throughput of {@link OnnxTokenClassifierScorer} on CPU at several batch sizes: words and tokens
 * scored per second (tokenizing, chunking and pooling included) and the padding share. Also writes
 * the exact token sequences the model runs on, so that another runtime can be timed on the same
 * inputs ({@code benchmarks/onnx-scorer/bench_torch.py}).
 *
 * <p>Usage: {@code OnnxScorerThroughput MODEL_DIR TEXTS.jsonl FIELD COUNT THREADS SEQUENCES_OUT BATCH...}
 */
public final class OnnxScorerThroughput {

  private OnnxScorerThroughput() {}

  public static void main(String[] args) throws IOException {
    String modelDir = args[0];
    Path textsFile = Path.of(args[1]);
    String field = args[2];
    int count = Integer.parseInt(args[3]);
    int threads = Integer.parseInt(args[4]);
    Path sequencesOut = Path.of(args[5]);
    int[] batchSizes = Arrays.stream(args, 6, args.length).mapToInt(Integer::parseInt).toArray();

    ObjectMapper json = new ObjectMapper();
    WordSegmenter segmenter = new WordSegmenter();
    List<List<Word>> texts = new ArrayList<>();
    for (String line : Files.readAllLines(textsFile, StandardCharsets.UTF_8)) {
      if (texts.size() == count) {
        break;
      }
      if (!line.isBlank()) {
        texts.add(segmenter.segment(json.readTree(line).get(field).asText()));
      }
    }
    long words = texts.stream().mapToLong(List::size).sum();
    System.out.printf("texts %d, words %d, threads %d%n", texts.size(), words, threads);

    for (int batchSize : batchSizes) {
      TokenClassifierSettings settings = new TokenClassifierSettings(modelDir, ScoringDevice.CPU, threads, batchSize,
          TokenClassifierSettings.DEFAULT_MAX_TOKENS, "1", WordScorePooling.MEAN);
      try (OnnxTokenClassifierScorer scorer = OnnxTokenClassifierScorer.open(settings)) {
        if (batchSize == batchSizes[0]) {
          writeSequences(scorer.modelInputs(texts), sequencesOut);
        }
        scorer.scoreBatch(texts.subList(0, Math.min(8, texts.size()))); // warm-up
        List<Double> runs = new ArrayList<>();
        ScoringStats stats = scorer.stats();
        long tokens = 0;
        long slots = 0;
        for (int run = 0; run < 3; run++) {
          long tokensBefore = stats.tokens();
          long slotsBefore = stats.slots();
          long start = System.nanoTime();
          scorer.scoreBatch(texts);
          runs.add((System.nanoTime() - start) / 1e9);
          tokens = stats.tokens() - tokensBefore;
          slots = stats.slots() - slotsBefore;
        }
        double median = runs.stream().sorted().toList().get(1);
        System.out.printf("onnx batch %d: %.2f s (runs %s), %.0f tokens/s, %.0f words/s, padding %.3f%n",
            batchSize, median, runs.stream().map(r -> String.format("%.2f", r)).collect(Collectors.joining(", ")),
            tokens / median, words / median, 1 - (double) tokens / slots);
      }
    }
  }

  private static void writeSequences(List<long[]> sequences, Path out) throws IOException {
    try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (long[] ids : sequences) {
        writer.write(Arrays.stream(ids).mapToObj(Long::toString).collect(Collectors.joining(" ")));
        writer.newLine();
      }
    }
  }
}
