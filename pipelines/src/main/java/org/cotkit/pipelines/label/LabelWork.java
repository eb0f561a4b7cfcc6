package org.cotkit.pipelines.label;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.cotkit.pipelines.record.ChosenCot;
import org.cotkit.pipelines.shape.CorpusStatistic;
import org.cotkit.pipelines.shape.CorpusStatistics;
import org.cotkit.pipelines.shape.RecordWork;

/**
 * {@code cotkit label}'s record pass: per batch, label every record (nothing is filtered) and write
 * the batch as one JSONL or Parquet file. The corpus pass runs only when the length policy's
 * threshold is a percentile of the corpus.
 */
public final class LabelWork implements RecordWork {

  private final LabelSettings settings;
  private final String dataset;

  /** @param dataset the dataset folder; the files go to its {@code data/} */
  public LabelWork(LabelSettings settings, String dataset) {
    this.settings = settings;
    this.dataset = dataset;
  }

  @Override
  public List<CorpusStatistic<?>> statistics() {
    DifficultySettings difficulty = settings.difficulty();
    return difficulty.needsCorpusLengthThreshold()
        ? List.of(new LongCotLengths(difficulty.lengthPercentile(), difficulty.lengthUnit()))
        : List.of();
  }

  @Override
  public BatchProcessor open(CorpusStatistics statistics) {
    BatchLabeler labeler = new BatchLabeler(settings.input().cot(), settings.difficulty(), statistics, false);
    Counter filesWritten = Metrics.counter("cotkit", "files_written");
    return (batch, out) -> {
      List<ChosenCot> labelled = labeler.label(batch, out);
      if (labelled.isEmpty()) {
        return;
      }
      try {
        out.file(LabelledRecordFile.write(dataset, settings.outputFormat(), labelled));
      } catch (IOException e) {
        throw new UncheckedIOException(e.getMessage(), e);
      }
      filesWritten.inc();
      out.count("records_written", labelled.size());
    };
  }
}
