package org.cotkit.compressors;

import java.util.List;

/**
 * TokenSkip compression of one chain of thought for library users: segment, score, then prune to
 * every ratio. (The pipeline runs scoring as a step of its own, since it batches and may run on a
 * GPU, and then calls {@link ScoredCotPruner} directly.)
 */
public final class CotCompressor {

  private final WordSegmenter segmenter;
  private final ImportanceScorer scorer;
  private final ScoredCotPruner pruner;

  public CotCompressor(WordSegmenter segmenter, ImportanceScorer scorer, ScoredCotPruner pruner) {
    this.segmenter = segmenter;
    this.scorer = scorer;
    this.pruner = pruner;
  }

  /** Compresses {@code cot} to every ratio; {@code answer} (may be null) is always kept. */
  public List<CompressedCot> compress(String cot, String answer, double... ratios) {
    List<Word> words = segmenter.segment(cot);
    return pruner.prune(cot, words, scorer.score(words), answer, ratios);
  }

  /** Compresses {@code cot}, written for {@code question}, to every ratio, as the pipeline does. */
  public List<CompressedCot> compress(String question, String cot, String answer, double... ratios) {
    List<Word> words = segmenter.segment(cot);
    return pruner.prune(cot, words, scorer.score(words, segmenter.segment(question)), answer, ratios);
  }
}
