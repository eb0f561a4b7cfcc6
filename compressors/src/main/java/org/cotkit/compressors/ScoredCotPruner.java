package org.cotkit.compressors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Prunes an already scored chain of thought to each target ratio: force, select, render. LaTeX
 * delimiters and braces are kept or dropped in pairs ({@link PairedWords}).
 */
public final class ScoredCotPruner {

  private final ForcedWords forcedWords;
  private final TokenCounter tokenCounter;
  private final RatioPruner pruner = new RatioPruner();

  /** @param tokenCounter the unit the ratios are shares of */
  public ScoredCotPruner(ForcedWords forcedWords, TokenCounter tokenCounter) {
    this.forcedWords = forcedWords;
    this.tokenCounter = tokenCounter;
  }

  /** One result per ratio, in the order given; {@code answer} (may be null) is always kept. */
  public List<CompressedCot> prune(
      String cot, List<Word> words, double[] scores, String answer, double... ratios) {
    int[] together = PairedWords.groups(words);
    boolean[] forced = forced(cot, words, answer, together);
    Rendered rendered = new Rendered(new SurfaceRenderer(cot, words));
    int[] costs = tokenCounter.costs(cot, words);
    List<RatioPruner.Selection> selections = tokenCounter.additive()
        ? pruner.select(costs, scores, forced, together, null, ratios)
        : measuredSelections(costs, scores, forced, together, rendered, ratios);
    CompressionQuality quality = CompressionQuality.of(words, forced);
    List<CompressedCot> results = new ArrayList<>(ratios.length);
    for (RatioPruner.Selection selection : selections) {
      String text = selection.ratio() >= 1.0 ? cot : rendered.text(selection.kept());
      // the whole CoT (γ = 1) is not a pruning: nothing of it to judge
      results.add(new CompressedCot(text, selection.ratio(), selection.keptTokens(), selection.totalTokens(),
          selection.ratio() >= 1.0 ? CompressionQuality.Counts.NONE : quality.count(selection.kept())));
    }
    return results;
  }

  /**
   * The words no pruning of this chain of thought drops: the forced ones, and the other side of
   * each pair that holds one.
   */
  public boolean[] forced(String cot, List<Word> words, String answer) {
    return forced(cot, words, answer, PairedWords.groups(words));
  }

  private boolean[] forced(String cot, List<Word> words, String answer, int[] together) {
    return PairedWords.closeForced(forcedWords.mark(cot, words, answer), together);
  }

  /**
   * Selections whose lengths are measured on the rendered text, one ratio at a time: counted again
   * line by line as words are added and given back, then confirmed with one whole count. Should
   * the two ever differ, the ratio is selected again with whole counts only, and so is the rest.
   */
  private List<RatioPruner.Selection> measuredSelections(
      int[] costs, double[] scores, boolean[] forced, int[] together, Rendered rendered, double... ratios) {
    LineDeltaLength lines = new LineDeltaLength(tokenCounter);
    RatioPruner.KeptLength byLines = kept -> lines.of(rendered.text(kept));
    RatioPruner.KeptLength whole = kept -> tokenCounter.count(rendered.text(kept));
    boolean linesAdd = true;
    List<RatioPruner.Selection> selections = new ArrayList<>(ratios.length);
    for (double ratio : ratios) {
      lines.reset();
      RatioPruner.Selection selection =
          pruner.select(costs, scores, forced, together, linesAdd ? byLines : whole, ratio).get(0);
      if (linesAdd && lines.approximate()
          && tokenCounter.count(rendered.text(selection.kept())) != selection.keptTokens()) {
        linesAdd = false;
        selection = pruner.select(costs, scores, forced, together, whole, ratio).get(0);
      }
      selections.add(selection);
    }
    return selections;
  }

  /** The last selection rendered, so measuring a selection and writing it out render it once. */
  private static final class Rendered {
    private final SurfaceRenderer renderer;
    private boolean[] kept;
    private String text;

    Rendered(SurfaceRenderer renderer) {
      this.renderer = renderer;
    }

    String text(boolean[] selection) {
      if (kept == null || !Arrays.equals(kept, selection)) {
        kept = selection.clone();
        text = renderer.render(selection);
      }
      return text;
    }
  }
}
