package org.cotkit.benchmarks.jmh;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cotkit.compressors.BigramCounts;
import org.cotkit.compressors.BigramModel;
import org.cotkit.compressors.ForcedWords;
import org.cotkit.compressors.ScoredCotPruner;
import org.cotkit.compressors.WordImportanceScorer;
import org.cotkit.compressors.WordCounter;
import org.cotkit.compressors.Word;
import org.cotkit.compressors.WordSegmenter;
import org.cotkit.labelers.Gsm8kSolution;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Words per second that {@link ScoredCotPruner} prunes to every ratio, as {@code cotkit compress}
 * does with its defaults: forcing numbers, operators and the answer, ranking, and rendering one
 * text per ratio below 1. A word counts once however many ratios it is pruned to. Segmenting and
 * scoring happen in setup, so only pruning is timed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(Gsm8kWords.WORDS)
public class PruningBenchmark {

  @Param(Gsm8kWords.DEFAULT_INPUT)
  public String input;

  /** cotkit's default ratios; {@code -p ratios=0.5} times a single one. */
  @Param("0.5,0.6,0.7,0.8,0.9,1.0")
  public String ratios;

  private final ScoredCotPruner pruner =
      new ScoredCotPruner(new ForcedWords(true, List.of()), new WordCounter());
  private double[] targetRatios;
  private String[] texts;
  private String[] answers;
  private List<List<Word>> segmented;
  private double[][] scores;

  @Setup
  public void segmentAndScore() throws IOException {
    targetRatios = Arrays.stream(ratios.split(",")).mapToDouble(Double::parseDouble).toArray();
    List<Gsm8kSolution> solutions = Gsm8kWords.load(Path.of(input));
    texts = solutions.stream().map(Gsm8kSolution::reasoning).toArray(String[]::new);
    answers = solutions.stream().map(Gsm8kSolution::answer).toArray(String[]::new);

    WordSegmenter segmenter = new WordSegmenter();
    segmented = Arrays.stream(texts).map(segmenter::segment).toList();
    BigramCounts counts = new BigramCounts();
    segmented.forEach(counts::add);
    WordImportanceScorer scorer = new WordImportanceScorer(BigramModel.fit(counts));
    scores = segmented.stream().map(scorer::score).toArray(double[][]::new);
  }

  @Benchmark
  public void prune(Blackhole blackhole) {
    for (int i = 0; i < texts.length; i++) {
      blackhole.consume(pruner.prune(texts[i], segmented.get(i), scores[i], answers[i], targetRatios));
    }
  }
}
