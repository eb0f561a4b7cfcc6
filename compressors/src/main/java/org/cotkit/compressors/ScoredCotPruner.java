package org.cotkit.compressors;

import java.util.ArrayList;
import java.util.List;

/** Prunes an already scored chain of thought to each target ratio: force, select, render. */
public final class ScoredCotPruner {

  private final ForcedWords forcedWords;
  private final RatioPruner pruner;

  public ScoredCotPruner(ForcedWords forcedWords, RatioPruner pruner) {
    this.forcedWords = forcedWords;
    this.pruner = pruner;
  }

  /** One result per ratio, in the order given; {@code answer} (may be null) is always kept. */
  public List<CompressedCot> prune(
      String cot, List<Word> words, double[] scores, String answer, double... ratios) {
    boolean[] forced = forcedWords.mark(words, answer);
    List<CompressedCot> results = new ArrayList<>(ratios.length);
    SurfaceRenderer renderer = new SurfaceRenderer(cot, words);
    for (RatioPruner.Selection selection : pruner.select(words, scores, forced, ratios)) {
      String text = selection.ratio() >= 1.0 ? cot : renderer.render(selection.kept());
      results.add(new CompressedCot(text, selection.ratio(), selection.keptTokens(), selection.totalTokens()));
    }
    return results;
  }
}
