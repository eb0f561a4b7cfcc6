package org.cotkit.pipelines.dedup;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.cotkit.pipelines.io.RenamedIntoPlace;
import org.cotkit.pipelines.io.StableHash;
import org.cotkit.pipelines.io.WrittenFile;
import org.cotkit.pipelines.manifest.DroppedQuestions;
import org.cotkit.pipelines.record.QuestionFilterSettings;
import org.cotkit.pipelines.record.TeacherRecord;
import org.cotkit.pipelines.shape.BatchOutput;
import org.cotkit.pipelines.shape.CorpusStatistic;
import org.cotkit.pipelines.shape.CorpusStatistics;

/**
 * The record pass's side of deduplication and decontamination: drops each batch's records that
 * overlap a benchmark question or repeat an earlier question, counts them by reason (and by
 * benchmark), and lists them, one JSON line each, in the batch's {@code contamination/} and
 * {@code duplicates/} files. A contaminated record is counted as contaminated even when it is also
 * a duplicate. Not thread-safe: one per worker.
 */
public final class QuestionFilter {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Duplicates duplicates;
  private final BenchmarkIndex benchmarks;
  private final String dataset;

  private QuestionFilter(Duplicates duplicates, BenchmarkIndex benchmarks, String dataset) {
    this.duplicates = duplicates;
    this.benchmarks = benchmarks;
    this.dataset = dataset;
  }

  /**
   * The corpus statistics the filter needs.
   *
   * @param benchmarkFiles the files {@code settings.benchmarks()} matched
   * @param kept which records the command keeps before its work; null for all
   */
  public static List<CorpusStatistic<?>> statistics(QuestionFilterSettings settings, List<String> benchmarkFiles,
      SerializableFunction<TeacherRecord, Boolean> kept) {
    List<CorpusStatistic<?>> statistics = new ArrayList<>(2);
    if (settings.dedup() != QuestionFilterSettings.Dedup.NONE) {
      statistics.add(new DuplicateQuestions(settings, kept));
    }
    if (settings.decontaminates()) {
      statistics.add(new BenchmarkNgrams(benchmarkFiles, settings));
    }
    return statistics;
  }

  /** One worker's filter, over what the corpus pass found. */
  public static QuestionFilter open(QuestionFilterSettings settings, CorpusStatistics statistics, String dataset) {
    return new QuestionFilter(
        settings.dedup() == QuestionFilterSettings.Dedup.NONE ? null
            : statistics.get(DuplicateQuestions.NAME, Duplicates.class),
        settings.decontaminates() ? statistics.get(BenchmarkNgrams.NAME, BenchmarkIndex.class) : null,
        dataset);
  }

  /** The batch's records that are neither contaminated nor duplicates, in order. */
  public List<TeacherRecord> apply(List<TeacherRecord> batch, BatchOutput out) {
    if (duplicates == null && benchmarks == null) {
      return batch;
    }
    List<TeacherRecord> kept = new ArrayList<>(batch.size());
    List<Map<String, Object>> contaminated = new ArrayList<>();
    List<Map<String, Object>> repeated = new ArrayList<>();
    for (TeacherRecord record : batch) {
      Optional<BenchmarkIndex.Contamination> contamination =
          benchmarks == null ? Optional.empty() : benchmarks.find(QuestionWords.of(record.question()));
      if (contamination.isPresent()) {
        out.count(DroppedQuestions.count(DroppedQuestions.CONTAMINATED), 1);
        out.count(DroppedQuestions.CONTAMINATED_BY + contamination.get().benchmark(), 1);
        contaminated.add(listing(record, contamination.get()));
        continue;
      }
      Optional<Duplicates.Duplicate> duplicate =
          duplicates == null ? Optional.empty() : duplicates.of(record.origin().location());
      if (duplicate.isPresent()) {
        out.count(DroppedQuestions.count(
            duplicate.get().near() ? DroppedQuestions.NEAR_DUPLICATE : DroppedQuestions.DUPLICATE), 1);
        repeated.add(listing(record, duplicate.get()));
        continue;
      }
      kept.add(record);
    }
    String key = fileKey(batch);
    write(WrittenFile.CONTAMINATION_FOLDER, key, contaminated, out);
    write(WrittenFile.DUPLICATES_FOLDER, key, repeated, out);
    return kept;
  }

  private static Map<String, Object> listing(TeacherRecord record, BenchmarkIndex.Contamination contamination) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("id", record.id());
    line.put("location", record.origin().location());
    line.put("benchmark", contamination.file());
    line.put("benchmark_id", contamination.questionId());
    line.put("match", contamination.ngram() != null ? "ngram" : "near_duplicate");
    line.put("ngram", contamination.ngram());
    line.put("jaccard", contamination.jaccard());
    return line;
  }

  private static Map<String, Object> listing(TeacherRecord record, Duplicates.Duplicate duplicate) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("id", record.id());
    line.put("location", record.origin().location());
    line.put("duplicate_of", duplicate.keptId());
    line.put("duplicate_of_location", duplicate.keptLocation());
    line.put("kind", duplicate.near() ? "near" : "exact");
    line.put("jaccard", duplicate.jaccard());
    return line;
  }

  /** Named by the batch's records, so a retried batch rewrites the same file. */
  private static String fileKey(List<TeacherRecord> batch) {
    List<String> origins = new ArrayList<>(batch.size());
    for (TeacherRecord record : batch) {
      origins.add(record.origin().location());
    }
    return StableHash.of(origins);
  }

  private void write(String folder, String key, List<Map<String, Object>> lines, BatchOutput out) {
    if (lines.isEmpty()) {
      return;
    }
    String name = "part-" + key + ".jsonl";
    try {
      RenamedIntoPlace.Digest digest = RenamedIntoPlace.write(dataset + "/" + folder, name, "application/x-ndjson",
          channel -> {
            OutputStream stream = Channels.newOutputStream(channel);
            for (Map<String, Object> line : lines) {
              stream.write(JSON.writeValueAsString(line).getBytes(StandardCharsets.UTF_8));
              stream.write('\n');
            }
            stream.flush();
          });
      out.file(WrittenFile.in(folder, name, lines.size(), digest));
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }
}
