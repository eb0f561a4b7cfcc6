package org.cotkit.benchmarks;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * scored per second (tokenizing, chunking and pooling included) and the padding share, then where
 * the time went: inside the model calls (tensors in, {@code session.run}, logits out, softmax), in
 * preparing the chunks (tokenizing, mapping tokens to words, chunking, sorting; tokenizing alone is
 * timed too) and the rest (padding the batches and pooling subwords into words). Also writes the
 * exact token sequences the model runs on, so that another runtime can be timed on the same inputs
 * ({@code benchmarks/onnx-scorer/bench_torch.py}, {@code bench_ort.py}).
 *
 * <p>With {@code -Dort.raw=true} it also times a bare {@code OrtSession} of its own on those
 * sequences, batched the same way, timing only {@code session.run} as {@code bench_ort.py} does,
 * with session options from system properties: {@code ort.opt} ({@code NO_OPT}, {@code BASIC_OPT},
 * {@code EXTENDED_OPT}, {@code ALL_OPT}: cotkit's), {@code ort.interOp} (threads) and
 * {@code ort.spin} ({@code 0} or {@code 1}); {@code -Dort.rawOnly=true} times only the bare
 * session. That separates the ONNX Runtime Java release and
 * session options from cotkit's own work.
 *
 * <p>{@code -Druns=N} times N runs instead of 3 (run.sh's interleaved rounds use 1).
 *
 * <p>Usage: {@code OnnxScorerThroughput MODEL_DIR TEXTS.jsonl FIELD COUNT THREADS SEQUENCES_OUT BATCH...};
 * with no batch size it only writes the sequences.
 */
public final class OnnxScorerThroughput {

  /** Timed runs per figure, after a warm-up; the figure is their median. */
  private static final int RUNS = Integer.getInteger("runs", 3);

  private OnnxScorerThroughput() {}

  public static void main(String[] args) throws IOException, OrtException {
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

    boolean scorerOnly = !Boolean.getBoolean("ort.raw");
    boolean rawOnly = Boolean.getBoolean("ort.rawOnly");
    if (batchSizes.length == 0 || rawOnly) { // the sequences, for the other runtimes (and the bare session)
      try (OnnxTokenClassifierScorer scorer = OnnxTokenClassifierScorer.open(new TokenClassifierSettings(modelDir,
          ScoringDevice.CPU, threads, 1, TokenClassifierSettings.DEFAULT_MAX_TOKENS, "1", WordScorePooling.MEAN))) {
        writeSequences(scorer.modelInputs(texts), sequencesOut);
      }
      if (rawOnly) {
        rawSession(Path.of(modelDir, "model.onnx"), threads, readSequences(sequencesOut), words, batchSizes);
      }
      return;
    }
    for (int batchSize : batchSizes) {
      TokenClassifierSettings settings = new TokenClassifierSettings(modelDir, ScoringDevice.CPU, threads, batchSize,
          TokenClassifierSettings.DEFAULT_MAX_TOKENS, "1", WordScorePooling.MEAN);
      try (OnnxTokenClassifierScorer scorer = OnnxTokenClassifierScorer.open(settings)) {
        if (batchSize == batchSizes[0]) {
          writeSequences(scorer.modelInputs(texts), sequencesOut);
        }
        scorer.scoreBatch(texts.subList(0, Math.min(8, texts.size()))); // warm-up
        List<Double> runs = new ArrayList<>();
        List<Double> modelRuns = new ArrayList<>();
        ScoringStats stats = scorer.stats();
        long tokens = 0;
        long slots = 0;
        for (int run = 0; run < RUNS; run++) {
          long tokensBefore = stats.tokens();
          long slotsBefore = stats.slots();
          long modelBefore = stats.modelNanos();
          long start = System.nanoTime();
          scorer.scoreBatch(texts);
          runs.add((System.nanoTime() - start) / 1e9);
          modelRuns.add((stats.modelNanos() - modelBefore) / 1e9);
          tokens = stats.tokens() - tokensBefore;
          slots = stats.slots() - slotsBefore;
        }
        double median = median(runs);
        System.out.printf("onnx batch %d: %.2f s (runs %s), %.0f tokens/s, %.0f words/s, padding %.3f%n",
            batchSize, median, format(runs), tokens / median, words / median, 1 - (double) tokens / slots);
        System.out.printf("  model calls %.2f s (runs %s), rest %.2f s%n", median(modelRuns), format(modelRuns),
            median - median(modelRuns));
      }
    }

    // what the model calls leave: the same work without the model, timed alone
    try (OnnxTokenClassifierScorer scorer = OnnxTokenClassifierScorer.open(new TokenClassifierSettings(modelDir,
        ScoringDevice.CPU, threads, batchSizes[0], TokenClassifierSettings.DEFAULT_MAX_TOKENS, "1", WordScorePooling.MEAN));
        HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(Path.of(modelDir, "tokenizer.json"),
            Map.of("truncation", "false", "padding", "false"))) {
      List<String> joined = texts.stream()
          .map(ws -> ws.stream().map(Word::text).collect(Collectors.joining(" "))).toList();
      List<Double> tokenize = repeat(() -> {
        long start = System.nanoTime();
        tokenizer.batchEncode(joined, false, false);
        return System.nanoTime() - start;
      });
      List<Double> prepare = repeat(() -> {
        long start = System.nanoTime();
        scorer.modelInputs(texts);
        return System.nanoTime() - start;
      });
      System.out.printf("tokenize (DJL batchEncode) %.3f s (runs %s); prepare (tokenize, map to words, chunk, sort) "
          + "%.3f s (runs %s)%n", median(tokenize), format(tokenize), median(prepare), format(prepare));
    }

    if (!scorerOnly) {
      rawSession(Path.of(modelDir, "model.onnx"), threads, readSequences(sequencesOut), words, batchSizes);
    }
  }

  private interface Timed {
    long nanos() throws Exception;
  }

  private static List<Double> repeat(Timed timed) {
    List<Double> runs = new ArrayList<>();
    try {
      timed.nanos(); // warm-up
      for (int run = 0; run < RUNS; run++) {
        runs.add(timed.nanos() / 1e9);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return runs;
  }

  private static double median(List<Double> runs) {
    return runs.stream().sorted().toList().get(runs.size() / 2);
  }

  private static String format(List<Double> runs) {
    return runs.stream().map(r -> String.format("%.2f", r)).collect(Collectors.joining(", "));
  }

  /** A bare session on the dumped sequences: only session.run is timed, as bench_ort.py does. */
  private static void rawSession(Path model, int threads, List<long[]> sequences, long words, int[] batchSizes)
      throws OrtException {
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    String opt = System.getProperty("ort.opt", "ALL_OPT");
    options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.valueOf(opt));
    options.setIntraOpNumThreads(threads);
    String interOp = System.getProperty("ort.interOp");
    if (interOp != null) {
      options.setInterOpNumThreads(Integer.parseInt(interOp));
    }
    String spin = System.getProperty("ort.spin");
    if (spin != null) {
      options.addConfigEntry("session.intra_op.allow_spinning", spin);
    }
    System.out.printf("raw session: ort %s, opt %s, intra-op %d, inter-op %s, spin %s, model %s%n",
        environment.getVersion(), opt, threads, interOp == null ? "default" : interOp,
        spin == null ? "default" : spin, model);
    long tokens = sequences.stream().mapToLong(s -> s.length).sum();
    try (OrtSession session = environment.createSession(model.toString(), options)) {
      boolean typed = session.getInputNames().contains("token_type_ids");
      for (int batchSize : batchSizes) {
        List<Map<String, OnnxTensor>> feeds = new ArrayList<>();
        for (int from = 0; from < sequences.size(); from += batchSize) {
          List<long[]> group = sequences.subList(from, Math.min(sequences.size(), from + batchSize));
          int width = group.stream().mapToInt(s -> s.length).max().orElse(0);
          long[][] ids = new long[group.size()][width];
          long[][] mask = new long[group.size()][width];
          for (int b = 0; b < group.size(); b++) {
            System.arraycopy(group.get(b), 0, ids[b], 0, group.get(b).length);
            Arrays.fill(mask[b], 0, group.get(b).length, 1L);
          }
          Map<String, OnnxTensor> feed = new HashMap<>();
          feed.put("input_ids", OnnxTensor.createTensor(environment, ids));
          feed.put("attention_mask", OnnxTensor.createTensor(environment, mask));
          if (typed) {
            feed.put("token_type_ids", OnnxTensor.createTensor(environment, new long[group.size()][width]));
          }
          feeds.add(feed);
        }
        List<Double> runs = repeat(() -> {
          long start = System.nanoTime();
          for (Map<String, OnnxTensor> feed : feeds) {
            session.run(feed).close();
          }
          return System.nanoTime() - start;
        });
        feeds.forEach(f -> f.values().forEach(OnnxTensor::close));
        double median = median(runs);
        System.out.printf("raw batch %d: %.2f s (runs %s), %.0f tokens/s, %.0f words/s%n",
            batchSize, median, format(runs), tokens / median, words / median);
      }
    }
  }

  private static List<long[]> readSequences(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
        .map(l -> Arrays.stream(l.trim().split(" ")).mapToLong(Long::parseLong).toArray()).toList();
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
