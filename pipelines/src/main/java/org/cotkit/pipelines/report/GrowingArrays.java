package org.cotkit.pipelines.report;

import java.util.Arrays;

/**
 * Values of one column kept for its percentiles and histograms: a primitive array that doubles as
 * it fills, 4 or 8 bytes a row where a boxed list would take four times that.
 */
final class GrowingArrays {

  private GrowingArrays() {}

  static final class Ints {
    private int[] values = new int[64];
    private int size;

    void add(int value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    int[] sorted() {
      int[] out = Arrays.copyOf(values, size);
      Arrays.sort(out);
      return out;
    }
  }

  static final class Doubles {
    private double[] values = new double[64];
    private int size;

    void add(double value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    double[] sorted() {
      double[] out = Arrays.copyOf(values, size);
      Arrays.sort(out);
      return out;
    }
  }
}
