package org.cotkit.pipelines;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.cotkit.compressors.CompressedCot;
import org.cotkit.compressors.ForcedWords;
import org.cotkit.compressors.RatioPruner;
import org.cotkit.compressors.ScoredCotPruner;
import org.cotkit.compressors.TokenCounter;
import org.cotkit.labelers.Difficulty;

/**
 * Prunes scored chains of thought to the ratios assigned to their records, always keeping forced
 * words; with {@code --simple-from long:γ}, a simple question's long CoT is also pruned to γ for
 * its adaptive example.
 */
final class CotPruning {

  private final RatioAssignment assignment;
  private final SimpleSource simpleSource;
  private final ScoredCotPruner pruner;

  CotPruning(RatioAssignment assignment, ForcedWords forcedWords, SimpleSource simpleSource) {
    this.assignment = assignment;
    this.simpleSource = simpleSource;
    this.pruner = new ScoredCotPruner(forcedWords, new RatioPruner(TokenCounter.WORDS));
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
    CotToCompress input = scored.input();
    List<CompressedCot> compressions =
        pruner.prune(input.cot(), scored.words(), scored.scores(), input.answer(),
            assignment.ratiosFor(input.record().id()));
    CompressedCot simple = null;
    if (simpleSource.fromLongCot() && input.fromLongCot() && input.label() != null
        && input.label().difficulty() == Difficulty.SIMPLE) {
      simple = pruner.prune(input.cot(), scored.words(), scored.scores(), input.answer(),
          new double[] {simpleSource.pruneRatio()}).get(0);
    }
    return new CompressedRecord(input, compressions, simple);
  }
}
