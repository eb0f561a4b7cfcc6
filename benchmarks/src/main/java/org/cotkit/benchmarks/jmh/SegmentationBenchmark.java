package org.cotkit.benchmarks.jmh;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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

/** Words per second that {@link WordSegmenter} cuts from GSM8K solutions (Lucene analysis included). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(Gsm8kWords.WORDS)
public class SegmentationBenchmark {

  @Param(Gsm8kWords.DEFAULT_INPUT)
  public String input;

  private final WordSegmenter segmenter = new WordSegmenter();
  private String[] texts;

  @Setup
  public void load() throws IOException {
    texts = Gsm8kWords.load(Path.of(input)).stream().map(Gsm8kSolution::reasoning).toArray(String[]::new);
  }

  @Benchmark
  public void segment(Blackhole blackhole) {
    for (String text : texts) {
      blackhole.consume(segmenter.segment(text));
    }
  }
}
