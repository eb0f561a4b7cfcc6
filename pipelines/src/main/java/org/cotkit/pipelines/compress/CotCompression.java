package org.cotkit.pipelines.compress;

import java.util.List;
import org.cotkit.pipelines.io.DeadLetter;
import org.cotkit.pipelines.record.ChosenCot;
import org.cotkit.pipelines.shape.BatchOutput;
import org.cotkit.pipelines.shape.CorpusStatistics;

/**
 * TokenSkip compression of a batch of chosen chains of thought, the core {@code compress} and
 * {@code build} share: score every word's importance, prune at each ratio. A chain of thought that
 * cannot be scored or pruned is a dead letter. Not thread-safe: one per worker.
 */
public final class CotCompression implements AutoCloseable {

  /** Dead-letter stages. */
  public static final String SCORE = "score";
  public static final String PRUNE = "prune";

  private final BatchScorer scorer;
  private final CotPruning pruning;

  /** @param simpleRatio the ratio a simple question's long CoT is pruned to; null for none */
  public CotCompression(TokenSkipSettings settings, Double simpleRatio, CorpusStatistics statistics) {
    this.scorer = new BatchScorer(settings, statistics);
    this.pruning = new CotPruning(settings.assignment(), settings.forcedWords(), simpleRatio);
  }

  /** The compressed records of the batch, in input order. */
  public List<CompressedRecord> compress(List<ChosenCot> batch, BatchOutput out) {
    List<ScoredCot> scored = scorer.score(batch,
        (cot, reason) -> out.deadLetter(DeadLetter.of(cot.record().origin(), SCORE, reason)));
    return pruning.prune(scored,
        (cot, reason) -> out.deadLetter(DeadLetter.of(cot.input().record().origin(), PRUNE, reason)));
  }

  @Override
  public void close() {
    scorer.close();
  }
}
