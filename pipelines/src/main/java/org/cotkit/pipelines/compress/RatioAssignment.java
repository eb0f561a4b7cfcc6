package org.cotkit.pipelines.compress;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Which target ratios each record is compressed to: {@code ALL} of them (one example per ratio),
 * or {@code ONE} drawn per record, as TokenSkip's recipe does. The draw depends only on the seed
 * and the record id, so it is the same on every run, runner and worker.
 */
public final class RatioAssignment implements Serializable {

  private static final long serialVersionUID = 1L;

  /** How many ratios a record gets. */
  public enum Mode {
    ALL,
    ONE
  }

  private final double[] ratios;
  private final Mode mode;
  private final long seed;

  /** @param ratios target ratios in (0, 1]; kept in ascending order */
  public RatioAssignment(double[] ratios, Mode mode, long seed) {
    if (ratios.length == 0) {
      throw new IllegalArgumentException("at least one ratio is needed");
    }
    for (double ratio : ratios) {
      if (!(ratio > 0 && ratio <= 1)) {
        throw new IllegalArgumentException("ratio must be in (0, 1], got " + ratio);
      }
    }
    this.ratios = Arrays.stream(ratios).sorted().distinct().toArray();
    this.mode = mode;
    this.seed = seed;
  }

  /** All ratios, ascending and without duplicates. */
  public double[] ratios() {
    return ratios.clone();
  }

  public Mode mode() {
    return mode;
  }

  public long seed() {
    return seed;
  }

  /** The ratios for the record with {@code id}, ascending. */
  public double[] ratiosFor(String id) {
    if (mode == Mode.ALL) {
      return ratios.clone();
    }
    long h = mix(seed ^ mix(id.hashCode())); // String.hashCode is specified, so stable across JVMs
    return new double[] {ratios[(int) Math.floorMod(h, (long) ratios.length)]};
  }

  /** SplitMix64's finaliser: spreads nearby hash codes over all bits. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
