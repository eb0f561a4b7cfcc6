package org.cotkit.pipelines.compress;

import java.util.ArrayList;
import java.util.List;
import org.cotkit.compressors.TokenCounter;
import org.cotkit.pipelines.io.DeadLetter;
import org.cotkit.pipelines.record.ChosenCot;
import org.cotkit.pipelines.shape.BatchOutput;
import org.cotkit.pipelines.shape.CorpusStatistics;

/**
 * TokenSkip compression of a batch of chosen chains of thought, the core {@code compress} and
 * {@code build} share: filter those over {@code --max-cot-tokens}, score every word's importance,
 * prune at each ratio, count the prunings' quality. A chain of thought that cannot be scored or pruned is a dead letter. Not
 * thread-safe: one per worker.
 */
public final class CotCompression implements AutoCloseable {

  /** Dead-letter stages. */
  public static final String SCORE = "score";
  public static final String PRUNE = "prune";

  /** Count of the chains of thought over {@code --max-cot-tokens}, as TokenSkip drops them. */
  public static final String FILTERED_TOO_LONG = "filtered.too_long";

  private final BatchScorer scorer;
  private final CotPruning pruning;
  private final TokenCounter tokenCounter;
  private final int maxCotTokens;

  /** @param simpleRatio the ratio a simple question's long CoT is pruned to; null for none */
  public CotCompression(TokenSkipSettings settings, Double simpleRatio, CorpusStatistics statistics) {
    this.scorer = new BatchScorer(settings, statistics);
    this.tokenCounter = settings.lengthUnit().counter();
    this.pruning = new CotPruning(settings.assignment(), settings.forcedWords(), tokenCounter, simpleRatio);
    this.maxCotTokens = settings.maxCotTokens();
  }

  /** The compressed records of the batch, in input order. */
  public List<CompressedRecord> compress(List<ChosenCot> batch, BatchOutput out) {
    List<ScoredCot> scored = scorer.score(withinLength(batch, out),
        (cot, reason) -> out.deadLetter(DeadLetter.of(cot.record().origin(), SCORE, reason)));
    List<CompressedRecord> compressed = pruning.prune(scored,
        (cot, reason) -> out.deadLetter(DeadLetter.of(cot.input().record().origin(), PRUNE, reason)));
    QualityTally.count(compressed, out);
    return compressed;
  }

  private List<ChosenCot> withinLength(List<ChosenCot> batch, BatchOutput out) {
    if (maxCotTokens == 0) {
      return batch;
    }
    List<ChosenCot> within = new ArrayList<>(batch.size());
    for (ChosenCot cot : batch) {
      if (tokenCounter.count(cot.cot()) > maxCotTokens) {
        out.count(FILTERED_TOO_LONG, 1);
      } else {
        within.add(cot);
      }
    }
    return within;
  }

  @Override
  public void close() {
    scorer.close();
  }
}
