package org.cotkit.pipelines.compress;

import java.util.List;
import java.util.function.BiConsumer;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;
import org.cotkit.compressors.BigramModel;
import org.cotkit.compressors.ImportanceScorer;
import org.cotkit.compressors.OnnxTokenClassifierScorer;
import org.cotkit.compressors.ScoringStats;
import org.cotkit.compressors.WordImportanceScorer;
import org.cotkit.pipelines.record.ChosenCot;
import org.cotkit.pipelines.shape.CorpusStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker's scorer, as the settings choose it: word importance under the corpus's bigram model,
 * or the ONNX token classifier (one model per JVM, shared by every worker in it; each batch's
 * chunks sorted by length and scored {@code --batch-size} at a time). Counts what it scores.
 *
 * <p>Beam metrics (namespace {@code cotkit}): {@code records_scored}, {@code words_scored}; with the
 * model also {@code model_batches}, {@code model_batch_size}, {@code model_padding_permille},
 * {@code model_latency_ms} (per call) and {@code model_load_ms}. Not thread-safe: one per worker.
 */
final class BatchScorer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BatchScorer.class);

  private final ImportanceScorer scorer;
  private final OnnxTokenClassifierScorer model;
  private final CotScoring scoring = new CotScoring();
  private final Counter recordsScored = Metrics.counter("cotkit", "records_scored");
  private final Counter wordsScored = Metrics.counter("cotkit", "words_scored");
  private final Counter batches = Metrics.counter("cotkit", "model_batches");
  private final Distribution batchSize = Metrics.distribution("cotkit", "model_batch_size");
  private final Distribution paddingPermille = Metrics.distribution("cotkit", "model_padding_permille");
  private final Distribution latencyMs = Metrics.distribution("cotkit", "model_latency_ms");

  BatchScorer(TokenSkipSettings settings, CorpusStatistics statistics) {
    if (settings.modelScorer() == null) {
      model = null;
      scorer = new WordImportanceScorer(statistics.get(BigramModelStatistic.NAME, BigramModel.class));
    } else {
      model = OnnxTokenClassifierScorer.open(settings.modelScorer());
      scorer = model;
      Metrics.distribution("cotkit", "model_load_ms").update(model.loadNanos() / 1_000_000);
      if (model.deviceNote() != null) {
        LOG.warn("--device auto runs on the CPU: {}", model.deviceNote());
      }
    }
  }

  /**
   * @param failed receives each chain of thought that has no words or fails to score, with the reason
   * @return the scored chains of thought, in input order
   */
  List<ScoredCot> score(List<ChosenCot> batch, BiConsumer<ChosenCot, String> failed) {
    ScoringStats stats = model == null ? null : model.stats();
    long calls = stats == null ? 0 : stats.batches();
    long sequences = stats == null ? 0 : stats.sequences();
    long tokens = stats == null ? 0 : stats.tokens();
    long slots = stats == null ? 0 : stats.slots();
    long nanos = stats == null ? 0 : stats.modelNanos();
    List<ScoredCot> scored = scoring.score(batch, scorer, failed);
    recordsScored.inc(scored.size());
    wordsScored.inc(CotScoring.words(scored));
    long newCalls = stats == null ? 0 : stats.batches() - calls;
    if (newCalls > 0) {
      batches.inc(newCalls);
      batchSize.update(Math.round((stats.sequences() - sequences) / (double) newCalls));
      long newSlots = stats.slots() - slots;
      paddingPermille.update(Math.round(1000 * (1 - (stats.tokens() - tokens) / (double) newSlots)));
      latencyMs.update(Math.round((stats.modelNanos() - nanos) / 1e6 / newCalls));
    }
    return scored;
  }

  @Override
  public void close() {
    if (model != null) {
      model.close();
    }
  }
}
