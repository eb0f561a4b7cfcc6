package org.cotkit.pipelines.report;

/**
 * Percentiles by the nearest-rank method: the p-th percentile of n sorted values is the one at
 * rank ⌈p·n/100⌉ (1-based, at least 1), always a value that occurs, as DuckDB's
 * {@code quantile_disc} picks it. Integer percents keep the rank exact: a double p·n can land a
 * hair above a whole number and take the next rank.
 */
final class NearestRank {

  private NearestRank() {}

  /** The 0-based index of the p-th percentile of {@code n > 0} sorted values. */
  static int index(int n, int percent) {
    if (n <= 0 || percent < 0 || percent > 100) {
      throw new IllegalArgumentException("no " + percent + "th percentile of " + n + " values");
    }
    return (int) Math.max(1, ((long) n * percent + 99) / 100) - 1;
  }

  static int of(int[] sorted, int percent) {
    return sorted[index(sorted.length, percent)];
  }

  static double of(double[] sorted, int percent) {
    return sorted[index(sorted.length, percent)];
  }
}
