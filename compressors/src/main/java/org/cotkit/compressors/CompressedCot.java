package org.cotkit.compressors;

import java.io.Serializable;

/**
 * A chain of thought pruned to one target ratio.
 *
 * @param text the kept words with their original spacing
 * @param ratio the target ratio γ
 * @param keptTokens tokens kept
 * @param totalTokens tokens of the whole chain of thought
 * @param quality what a reader can still follow, counted on the pruning
 */
public record CompressedCot(String text, double ratio, int keptTokens, int totalTokens,
    CompressionQuality.Counts quality) implements Serializable {

  /** A pruning whose quality was not counted. */
  public CompressedCot(String text, double ratio, int keptTokens, int totalTokens) {
    this(text, ratio, keptTokens, totalTokens, CompressionQuality.Counts.NONE);
  }

  /** Kept tokens over all tokens: at least {@link #ratio()}, unless the text is empty. */
  public double achievedRatio() {
    return totalTokens == 0 ? 1.0 : (double) keptTokens / totalTokens;
  }
}
