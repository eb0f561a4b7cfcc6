package org.cotkit.pipelines.compress;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.cotkit.pipelines.label.BatchLabeler;
import org.cotkit.pipelines.label.VerifiedForTraining;
import org.cotkit.pipelines.record.ChosenCot;
import org.cotkit.pipelines.record.CotPreference;
import org.cotkit.pipelines.record.TeacherRecord;
import org.cotkit.pipelines.sft.SftExample;
import org.cotkit.pipelines.sft.SftBatchWriter;
import org.cotkit.pipelines.shape.BatchOutput;
import org.cotkit.pipelines.shape.CorpusStatistic;
import org.cotkit.pipelines.shape.CorpusStatistics;
import org.cotkit.pipelines.shape.RecordWork;

/**
 * {@code cotkit compress}'s record pass: per batch, choose each record's chain of thought, score and
 * prune it at each ratio, format the TokenSkip rows and write them as one Parquet file.
 */
public final class CompressWork implements RecordWork {

  private final CotPreference preference;
  private final TokenSkipSettings tokenSkip;
  private final String split;
  private final String dataset;
  /** Null when every record is kept, right or wrong. */
  private final VerifiedForTraining verified;

  /**
   * @param split the value of the split column
   * @param dataset the dataset folder; the Parquet files go to its {@code data/}
   * @param dropIncorrect whether records whose chosen CoT is wrong are filtered
   */
  public CompressWork(CotPreference preference, TokenSkipSettings tokenSkip, String split, String dataset,
      boolean dropIncorrect) {
    this.preference = preference;
    this.tokenSkip = tokenSkip;
    this.split = split;
    this.dataset = dataset;
    this.verified = dropIncorrect ? new VerifiedForTraining(preference) : null;
  }

  @Override
  public List<CorpusStatistic<?>> statistics() {
    if (tokenSkip.modelScorer() != null) {
      return List.of();
    }
    return List.of(verified == null ? new BigramModelStatistic(preference) : new BigramModelStatistic(preference, verified));
  }

  @Override
  public SerializableFunction<TeacherRecord, Boolean> keeps() {
    return verified;
  }

  @Override
  public BatchProcessor open(CorpusStatistics statistics) {
    CotCompression compression = new CotCompression(tokenSkip, null, statistics);
    TokenSkipFormat format = tokenSkip.format(false);
    SftBatchWriter writer = new SftBatchWriter(dataset);
    return new BatchProcessor() {
      @Override
      public void process(List<TeacherRecord> batch, BatchOutput out) {
        List<ChosenCot> cots = new ArrayList<>(batch.size());
        for (TeacherRecord record : batch) {
          ChosenCot cot = ChosenCot.choose(record, preference);
          if (verified != null && verified.incorrect(cot)) {
            out.count(BatchLabeler.FILTERED_INCORRECT, 1);
          } else {
            cots.add(cot);
          }
        }
        List<CompressedRecord> compressed = compression.compress(cots, out);
        if (compressed.isEmpty()) {
          return;
        }
        List<SftExample> rows = new ArrayList<>();
        List<ChosenCot> written = new ArrayList<>(compressed.size());
        for (CompressedRecord record : compressed) {
          rows.addAll(TokenSkipRows.of(record, format, split));
          written.add(record.input());
        }
        writer.write(written, rows, out);
      }

      @Override
      public void close() {
        compression.close();
      }
    };
  }
}
