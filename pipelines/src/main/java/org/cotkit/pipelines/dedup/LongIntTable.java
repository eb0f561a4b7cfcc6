package org.cotkit.pipelines.dedup;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A hash table from 64-bit keys to the first int value put under each: open addressing over two
 * arrays, about 24 bytes per key, where a {@code HashMap<Long, Integer>} of millions of n-grams or
 * band keys would take three times that.
 */
final class LongIntTable implements Serializable {

  private static final long serialVersionUID = 1L;
  static final int MISSING = -1;

  private long[] keys;
  private int[] values;
  private int size;

  LongIntTable() {
    keys = new long[16];
    values = new int[16];
    Arrays.fill(values, MISSING);
  }

  /** The value put under {@code key}; {@link #MISSING} when none was. */
  int get(long key) {
    int mask = keys.length - 1;
    for (int slot = slot(key, mask); ; slot = (slot + 1) & mask) {
      if (values[slot] == MISSING) {
        return MISSING;
      }
      if (keys[slot] == key) {
        return values[slot];
      }
    }
  }

  /** Puts {@code value} (not negative) under {@code key} unless a value is there already. */
  void putIfAbsent(long key, int value) {
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    for (int slot = slot(key, mask); ; slot = (slot + 1) & mask) {
      if (values[slot] == MISSING) {
        keys[slot] = key;
        values[slot] = value;
        size++;
        return;
      }
      if (keys[slot] == key) {
        return;
      }
    }
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    Arrays.fill(values, MISSING);
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldValues[i] != MISSING) {
        putIfAbsent(oldKeys[i], oldValues[i]);
      }
    }
  }

  private static int slot(long key, int mask) {
    return (int) WordGrams.mix(key) & mask;
  }
}
