package org.cotkit.pipelines.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Histogram bins of whole numbers (lengths, budgets) and of shares in [0, 1] (pass rates). */
final class ChartBins {

  /** Bins a histogram draws at most: more bars than this are too thin to read. */
  static final int MAX_BINS = 30;

  /** Pass rates with up to this many distinct values get a bar each (4 samples give 5). */
  static final int MAX_DISTINCT_SHARES = 21;

  private static final int SHARE_BINS = 20;

  /** Bar labels and the count under each. */
  record Histogram(List<String> labels, long[] counts) {}

  private final int width;
  private final int bins;

  private ChartBins(int width, int bins) {
    this.width = width;
    this.bins = bins;
  }

  /**
   * Equal bins of whole numbers from 0 to {@code max}, at most {@link #MAX_BINS}, of a round width
   * (1, 2 or 5 times a power of ten) so the bars' labels read easily.
   */
  static ChartBins upTo(int max) {
    int values = Math.max(0, max) + 1;
    long least = (values + MAX_BINS - 1) / MAX_BINS;
    long width = 1;
    for (long power = 1; width < least; power *= 10) {
      for (long step : new long[] {1, 2, 5}) {
        if (width < least) {
          width = step * power;
        }
      }
    }
    return new ChartBins((int) width, (int) ((values + width - 1) / width));
  }

  List<String> labels() {
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < bins; i++) {
      labels.add(width == 1 ? Integer.toString(i) : (i * width) + "–" + ((i + 1) * width - 1));
    }
    return labels;
  }

  /** How many of {@code values} fall in each bin; negatives count in the first. */
  long[] counts(int[] values) {
    long[] counts = new long[bins];
    for (int value : values) {
      counts[Math.min(bins - 1, Math.max(0, value) / width)]++;
    }
    return counts;
  }

  /**
   * Shares in [0, 1] (sorted): a bar for each distinct value, to two decimals, when there are few
   * of them (pass rates of k samples take k + 1 values), else twenty bins of 0.05.
   */
  static Histogram shares(double[] sorted) {
    List<String> labels = new ArrayList<>();
    List<Long> counts = new ArrayList<>();
    for (double value : sorted) {
      String label = String.format(Locale.ROOT, "%.2f", value);
      if (!labels.isEmpty() && labels.get(labels.size() - 1).equals(label)) {
        counts.set(counts.size() - 1, counts.get(counts.size() - 1) + 1);
      } else {
        labels.add(label);
        counts.add(1L);
      }
    }
    if (labels.size() <= MAX_DISTINCT_SHARES) {
      return new Histogram(labels, counts.stream().mapToLong(Long::longValue).toArray());
    }
    long[] binned = new long[SHARE_BINS];
    List<String> binLabels = new ArrayList<>();
    for (int i = 0; i < SHARE_BINS; i++) {
      binLabels.add(String.format(Locale.ROOT, "%.2f–%.2f", i / (double) SHARE_BINS, (i + 1) / (double) SHARE_BINS));
    }
    for (double value : sorted) {
      binned[Math.min(SHARE_BINS - 1, Math.max(0, (int) (value * SHARE_BINS)))]++;
    }
    return new Histogram(binLabels, binned);
  }
}
