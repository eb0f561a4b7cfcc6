package org.cotkit.pipelines.compress;

import java.util.ArrayList;
import java.util.List;
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

  /**
   * @param split the value of the split column
   * @param dataset the dataset folder; the Parquet files go to its {@code data/}
   */
  public CompressWork(CotPreference preference, TokenSkipSettings tokenSkip, String split, String dataset) {
    this.preference = preference;
    this.tokenSkip = tokenSkip;
    this.split = split;
    this.dataset = dataset;
  }

  @Override
  public List<CorpusStatistic<?>> statistics() {
    return tokenSkip.modelScorer() == null ? List.of(new BigramModelStatistic(preference)) : List.of();
  }

  @Override
  public BatchProcessor open(CorpusStatistics statistics) {
    CotCompression compression = new CotCompression(tokenSkip, null, statistics);
    TokenSkipFormat format = new TokenSkipFormat(tokenSkip.promptSeparator());
    SftBatchWriter writer = new SftBatchWriter(dataset);
    return new BatchProcessor() {
      @Override
      public void process(List<TeacherRecord> batch, BatchOutput out) {
        List<ChosenCot> cots = new ArrayList<>(batch.size());
        for (TeacherRecord record : batch) {
          cots.add(ChosenCot.choose(record, preference));
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
