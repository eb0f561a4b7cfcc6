package org.cotkit.pipelines.build;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.cotkit.pipelines.compress.BigramModelStatistic;
import org.cotkit.pipelines.compress.CompressedRecord;
import org.cotkit.pipelines.compress.CotCompression;
import org.cotkit.pipelines.compress.TokenSkipFormat;
import org.cotkit.pipelines.compress.TokenSkipRows;
import org.cotkit.pipelines.label.BatchLabeler;
import org.cotkit.pipelines.label.DifficultySettings;
import org.cotkit.pipelines.label.LongCotLengths;
import org.cotkit.pipelines.label.VerifiedForTraining;
import org.cotkit.pipelines.record.ChosenCot;
import org.cotkit.pipelines.record.TeacherRecord;
import org.cotkit.pipelines.sft.SftExample;
import org.cotkit.pipelines.sft.SftBatchWriter;
import org.cotkit.pipelines.shape.BatchOutput;
import org.cotkit.pipelines.shape.CorpusStatistic;
import org.cotkit.pipelines.shape.CorpusStatistics;
import org.cotkit.pipelines.shape.RecordWork;

/**
 * {@code cotkit build}'s record pass: per batch, label every record and filter the incorrect ones,
 * compress the rest at each ratio, and write the batch's TokenSkip rows and adaptive rows, each in
 * its question's train or validation split, as one Parquet file. Counts rows by mode and split,
 * and questions without an adaptive row by reason.
 */
public final class BuildWork implements RecordWork {

  private final BuildSettings settings;
  private final String dataset;

  public BuildWork(BuildSettings settings, String dataset) {
    this.settings = settings;
    this.dataset = dataset;
  }

  @Override
  public List<CorpusStatistic<?>> statistics() {
    List<CorpusStatistic<?>> statistics = new ArrayList<>(2);
    DifficultySettings difficulty = settings.difficulty();
    if (difficulty.needsCorpusLengthThreshold()) {
      statistics.add(new LongCotLengths(difficulty.lengthPercentile(), difficulty.lengthUnit()));
    }
    if (settings.tokenSkip().modelScorer() == null) {
      statistics.add(settings.keepIncorrect()
          ? new BigramModelStatistic(settings.input().cot())
          : new BigramModelStatistic(settings.input().cot(), new VerifiedForTraining(settings.input().cot())));
    }
    return statistics;
  }

  @Override
  public SerializableFunction<TeacherRecord, Boolean> keeps() {
    return settings.keepIncorrect() ? null : new VerifiedForTraining(settings.input().cot());
  }

  @Override
  public BatchProcessor open(CorpusStatistics statistics) {
    BatchLabeler labeler = new BatchLabeler(settings.input().cot(), settings.difficulty(), statistics,
        !settings.keepIncorrect());
    CotCompression compression = new CotCompression(settings.tokenSkip(), settings.simpleSource().pruneRatio(),
        statistics);
    TokenSkipFormat tokenSkipFormat =
        settings.tokenSkip().format(settings.format().position() == AdaptiveFormat.TagPosition.COMPLETION);
    AdaptiveExample adaptive = new AdaptiveExample(settings.format(), settings.simpleSource(),
        settings.keepIncorrect(), settings.difficulty().lengthUnit().counter()::count);
    QuestionSplit split = new QuestionSplit(settings.validationFraction());
    SftBatchWriter writer = new SftBatchWriter(dataset);
    return new BatchProcessor() {
      @Override
      public void process(List<TeacherRecord> batch, BatchOutput out) {
        List<CompressedRecord> compressed = compression.compress(labeler.label(batch, out), out);
        if (compressed.isEmpty()) {
          return;
        }
        List<SftExample> rows = new ArrayList<>();
        List<ChosenCot> written = new ArrayList<>(compressed.size());
        for (CompressedRecord record : compressed) {
          String questionSplit = split.of(record.input().record().question());
          rows.addAll(TokenSkipRows.of(record, tokenSkipFormat, questionSplit));
          AdaptiveExample.Outcome outcome = adaptive.of(record, questionSplit);
          if (outcome.row() != null) {
            rows.add(outcome.row());
          } else {
            out.count("examples.adaptive_skipped." + outcome.skipped(), 1);
          }
          written.add(record.input());
        }
        for (SftExample row : rows) {
          out.count("examples.mode." + row.mode(), 1);
          out.count("examples.split." + row.split(), 1);
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
