package org.cotkit.pipelines.dedup;

/**
 * Locality-sensitive keys of a shingle set: a MinHash signature of {@value #BANDS} × {@value #ROWS}
 * values cut into bands, each band hashed to one key. Two sets share a band key with probability
 * 1 − (1 − J^{@value #ROWS})^{@value #BANDS} for Jaccard similarity J: 0.9996 at J = 0.8, 0.97 at
 * 0.6 and 0.13 at 0.3, so near duplicates at the default threshold are almost always candidates
 * and the exact Jaccard of the shingles confirms them.
 */
public final class MinHashBands {

  public static final int BANDS = 20;
  public static final int ROWS = 5;

  private MinHashBands() {}

  /**
   * Each hash function is a multiply-add with its own odd multiplier, then a shift-xor, over the
   * shingles' already mixed hashes: a bijection per function, a few cycles each, where a full mix
   * per shingle and function cost four times as much.
   */
  private static final long[] MULTIPLIERS = new long[BANDS * ROWS];
  private static final long[] INCREMENTS = new long[BANDS * ROWS];

  static {
    long seed = 0x5DEECE66DL;
    for (int i = 0; i < MULTIPLIERS.length; i++) {
      seed = WordGrams.mix(seed + 0x9e3779b97f4a7c15L);
      MULTIPLIERS[i] = seed | 1;
      seed = WordGrams.mix(seed + 0x9e3779b97f4a7c15L);
      INCREMENTS[i] = seed;
    }
  }

  /** One key per band; the band's index is part of its key, so keys of different bands never meet. */
  public static long[] keys(long[] shingles) {
    long[] signature = new long[BANDS * ROWS];
    for (int i = 0; i < signature.length; i++) {
      long multiplier = MULTIPLIERS[i];
      long increment = INCREMENTS[i];
      long min = Long.MAX_VALUE;
      for (long shingle : shingles) {
        long h = shingle * multiplier + increment;
        min = Math.min(min, h ^ (h >>> 29));
      }
      signature[i] = min;
    }
    long[] keys = new long[BANDS];
    for (int band = 0; band < BANDS; band++) {
      long key = band;
      for (int row = 0; row < ROWS; row++) {
        key = WordGrams.mix(key * 31 + signature[band * ROWS + row]);
      }
      keys[band] = key;
    }
    return keys;
  }
}
