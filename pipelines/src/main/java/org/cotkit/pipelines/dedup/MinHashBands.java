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

  /** One key per band; the band's index is part of its key, so keys of different bands never meet. */
  public static long[] keys(long[] shingles) {
    long[] signature = new long[BANDS * ROWS];
    java.util.Arrays.fill(signature, Long.MAX_VALUE);
    for (long shingle : shingles) {
      for (int i = 0; i < signature.length; i++) {
        long h = WordGrams.mix(shingle + 0x9e3779b97f4a7c15L * (i + 1));
        if (h < signature[i]) {
          signature[i] = h;
        }
      }
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
