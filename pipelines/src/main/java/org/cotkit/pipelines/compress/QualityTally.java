package org.cotkit.pipelines.compress;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cotkit.compressors.CompressedCot;
import org.cotkit.compressors.CompressionQuality;
import org.cotkit.pipelines.shape.BatchOutput;

/**
 * Adds the quality of a batch's prunings to the run's counts, per ratio, as
 * {@code quality.<γ>.<figure>.kept} and {@code .of}: the manifest divides the sums of the whole run
 * (see {@link CompressionQuality} for what each figure counts).
 */
final class QualityTally {

  /** The prefix of the counts. */
  static final String PREFIX = "quality.";

  private QualityTally() {}

  static void count(List<CompressedRecord> batch, BatchOutput out) {
    Map<Double, CompressionQuality.Counts> byRatio = new TreeMap<>();
    for (CompressedRecord record : batch) {
      for (CompressedCot cot : record.compressions()) {
        if (cot.ratio() < 1.0) { // the whole CoT keeps everything: nothing to judge
          byRatio.merge(cot.ratio(), cot.quality(), CompressionQuality.Counts::plus);
        }
      }
    }
    byRatio.forEach((ratio, counts) -> figures(counts).forEach((figure, keptOf) -> {
      String key = PREFIX + TokenSkipFormat.ratioLabel(ratio) + "." + figure;
      out.count(key + ".kept", keptOf[0]);
      out.count(key + ".of", keptOf[1]);
    }));
  }

  /** Each figure's numerator and denominator, by the name the manifest gives it. */
  static Map<String, long[]> figures(CompressionQuality.Counts c) {
    Map<String, long[]> figures = new LinkedHashMap<>();
    figures.put("forced_share", new long[] {c.forced(), c.words()});
    figures.put("numbers_kept", new long[] {c.numbersKept(), c.numbers()});
    figures.put("equations_intact", new long[] {c.equationsIntact(), c.equations()});
    figures.put("latex_pairs_balanced", new long[] {c.latexPairsBalanced(), c.latexPairs()});
    figures.put("fillers_kept", new long[] {c.fillersKept(), c.fillers()});
    figures.put("content_words_kept", new long[] {c.contentKept(), c.content()});
    figures.put("words_per_kept_run", new long[] {c.keptWords(), c.keptRuns()});
    return figures;
  }
}
