package org.cotkit.pipelines.dedup;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.cotkit.pipelines.record.QuestionFilterSettings;
import org.cotkit.pipelines.record.TeacherRecord;
import org.cotkit.pipelines.shape.CorpusStatistic;

/**
 * The corpus pass's {@link BenchmarkIndex}: it depends on no training record, so the shards tally
 * nothing and the merge reads the benchmark files, once per run, on one worker.
 */
public final class BenchmarkNgrams implements CorpusStatistic<Boolean> {

  private static final long serialVersionUID = 1L;

  public static final String NAME = "benchmark_ngrams";

  private final List<String> files;
  private final QuestionFilterSettings settings;

  /** @param files the benchmark files, matched when the pipeline was built */
  public BenchmarkNgrams(List<String> files, QuestionFilterSettings settings) {
    this.files = List.copyOf(files);
    this.settings = settings;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Boolean newTally() {
    return Boolean.TRUE;
  }

  @Override
  public void add(Boolean tally, List<TeacherRecord> batch) {}

  @Override
  public Serializable merge(Iterator<Boolean> tallies) {
    List<BenchmarkQuestions.Benchmark> benchmarks = new ArrayList<>(files.size());
    for (String file : files) {
      benchmarks.add(BenchmarkQuestions.read(file, settings));
    }
    return new BenchmarkIndex(benchmarks, settings.ngram(), settings.jaccardThreshold());
  }
}
