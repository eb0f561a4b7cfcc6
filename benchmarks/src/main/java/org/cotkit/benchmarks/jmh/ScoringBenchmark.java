package org.cotkit.benchmarks.jmh;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cotkit.compressors.BigramCounts;
import org.cotkit.compressors.BigramModel;
import org.cotkit.compressors.WordImportanceScorer;
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
 * Words per second that {@link WordImportanceScorer} scores, with the bigram model fitted on the
 * same solutions as {@code cotkit compress} fits it on its input. Segmenting and fitting happen in
 * setup, so only scoring is timed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(Gsm8kWords.WORDS)
public class ScoringBenchmark {

  @Param(Gsm8kWords.DEFAULT_INPUT)
  public String input;

  private List<List<Word>> segmented;
  private WordImportanceScorer scorer;

  @Setup
  public void fit() throws IOException {
    WordSegmenter segmenter = new WordSegmenter();
    BigramCounts counts = new BigramCounts();
    segmented = new ArrayList<>();
    for (Gsm8kSolution solution : Gsm8kWords.load(Path.of(input))) {
      List<Word> words = segmenter.segment(solution.reasoning());
      segmented.add(words);
      counts.add(words);
    }
    scorer = new WordImportanceScorer(BigramModel.fit(counts));
  }

  @Benchmark
  public void score(Blackhole blackhole) {
    for (List<Word> words : segmented) {
      blackhole.consume(scorer.score(words));
    }
  }
}
