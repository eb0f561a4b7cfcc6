package org.cotkit.pipelines.dedup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.cotkit.pipelines.record.InputSettings;
import org.cotkit.pipelines.record.QuestionFilterSettings;
import org.cotkit.pipelines.record.TeacherRecord;
import org.cotkit.pipelines.shape.BatchOutput;
import org.cotkit.pipelines.shape.CorpusStatistic;
import org.cotkit.pipelines.shape.CorpusStatistics;
import org.cotkit.pipelines.shape.RecordWork;

/**
 * A command's work with duplicates and benchmark overlaps dropped first: its corpus pass adds
 * {@link DuplicateQuestions} and {@link BenchmarkNgrams} to the work's own statistics, and its
 * record pass runs {@link QuestionFilter} on each batch before the work sees it. Every command
 * runs through this, so deduplication is one implementation for all of them.
 */
public final class QuestionFilteredWork implements RecordWork {

  private static final long serialVersionUID = 1L;

  private final RecordWork work;
  private final QuestionFilterSettings settings;
  private final List<String> benchmarkFiles;
  private final List<Integer> benchmarkQuestions;
  private final String dataset;

  /**
   * Matches and reads the benchmark files, so that a missing one or a record without a question
   * fails here, before anything runs.
   *
   * @throws IllegalArgumentException naming the option, file or record at fault
   */
  public QuestionFilteredWork(RecordWork work, InputSettings input) {
    this.work = work;
    this.settings = input.questions();
    this.benchmarkFiles = BenchmarkQuestions.files(settings.benchmarks());
    this.benchmarkQuestions = new ArrayList<>();
    for (String file : benchmarkFiles) {
      benchmarkQuestions.add(BenchmarkQuestions.read(file, settings).questions().size());
    }
    this.dataset = input.output();
  }

  /**
   * The manifest's {@code deduplication} and {@code decontamination} sections as far as they are
   * known before the run; the manifest adds what was dropped.
   */
  public Map<String, Object> manifestSections() {
    Map<String, Object> sections = new LinkedHashMap<>();
    Map<String, Object> dedup = new LinkedHashMap<>();
    dedup.put("mode", settings.dedup().name().toLowerCase(Locale.ROOT));
    dedup.put("jaccard_threshold", settings.jaccardThreshold());
    sections.put("deduplication", dedup);
    if (settings.decontaminates()) {
      Map<String, Object> decontamination = new LinkedHashMap<>();
      decontamination.put("ngram", settings.ngram());
      decontamination.put("jaccard_threshold", settings.jaccardThreshold());
      List<Map<String, Object>> benchmarks = new ArrayList<>();
      for (int i = 0; i < benchmarkFiles.size(); i++) {
        Map<String, Object> benchmark = new LinkedHashMap<>();
        benchmark.put("file", benchmarkFiles.get(i));
        benchmark.put("questions", benchmarkQuestions.get(i));
        benchmarks.add(benchmark);
      }
      decontamination.put("benchmarks", benchmarks);
      sections.put("decontamination", decontamination);
    }
    return sections;
  }

  @Override
  public List<CorpusStatistic<?>> statistics() {
    List<CorpusStatistic<?>> statistics = new ArrayList<>(work.statistics());
    statistics.addAll(QuestionFilter.statistics(settings, benchmarkFiles, work.keeps()));
    return statistics;
  }

  @Override
  public SerializableFunction<TeacherRecord, Boolean> keeps() {
    return work.keeps();
  }

  @Override
  public BatchProcessor open(CorpusStatistics statistics) {
    QuestionFilter filter = QuestionFilter.open(settings, statistics, dataset);
    BatchProcessor processor = work.open(statistics);
    return new BatchProcessor() {
      @Override
      public void process(List<TeacherRecord> batch, BatchOutput out) {
        List<TeacherRecord> kept = filter.apply(batch, out);
        if (!kept.isEmpty()) {
          processor.process(kept, out);
        }
      }

      @Override
      public void close() {
        processor.close();
      }
    };
  }
}
