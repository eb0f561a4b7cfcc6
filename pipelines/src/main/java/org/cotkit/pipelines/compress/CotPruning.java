package org.cotkit.pipelines.compress;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.cotkit.compressors.CompressedCot;
import org.cotkit.compressors.ForcedWords;
import org.cotkit.compressors.ScoredCotPruner;
import org.cotkit.compressors.TokenCounter;
import org.cotkit.labelers.Difficulty;
import org.cotkit.pipelines.io.DeadLetter;
import org.cotkit.pipelines.record.ChosenCot;

/**
 * Prunes scored chains of thought to the ratios assigned to their records, always keeping forced
 * words; with a simple ratio ({@code build --simple-from long:γ}), a simple question's long CoT is
 * also pruned to γ for its adaptive example.
 */
final class CotPruning {

  private final RatioAssignment assignment;
  private final Double simpleRatio;
  private final ScoredCotPruner pruner;

  /**
   * @param tokenCounter the unit the ratios are shares of
   * @param simpleRatio the ratio a simple question's long CoT is pruned to; null for none
   */
  CotPruning(RatioAssignment assignment, ForcedWords forcedWords, TokenCounter tokenCounter, Double simpleRatio) {
    this.assignment = assignment;
    this.simpleRatio = simpleRatio;
    this.pruner = new ScoredCotPruner(forcedWords, tokenCounter);
  }

  /**
   * @param failed receives each chain of thought that cannot be pruned, with the reason
   * @return the pruned records, in input order
   */
  List<CompressedRecord> prune(List<ScoredCot> batch, BiConsumer<ScoredCot, String> failed) {
    List<CompressedRecord> compressed = new ArrayList<>(batch.size());
    for (ScoredCot scored : batch) {
      try {
        compressed.add(prune(scored));
      } catch (RuntimeException e) {
        failed.accept(scored, "cannot prune: " + DeadLetter.oneLine(e));
      }
    }
    return compressed;
  }

  private CompressedRecord prune(ScoredCot scored) {
    ChosenCot input = scored.input();
    List<CompressedCot> compressions =
        pruner.prune(input.cot(), scored.words(), scored.scores(), input.answer(),
            assignment.ratiosFor(input.record().id()));
    CompressedCot simple = null;
    if (simpleRatio != null && input.fromLongCot() && input.label() != null
        && input.label().difficulty() == Difficulty.SIMPLE) {
      simple = pruner.prune(input.cot(), scored.words(), scored.scores(), input.answer(),
          new double[] {simpleRatio}).get(0);
    }
    return new CompressedRecord(input, compressions, simple);
  }
}
