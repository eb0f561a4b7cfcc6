package org.cotkit.compressors;

/**
 * Counts keyed by non-negative {@code long}s, in one array of key/count pairs with open addressing.
 *
 * <p>Bigram counting and scoring look a pair up once per word of the corpus; a
 * {@code HashMap<String, Long>} keyed by the concatenated pair built a string, hashed it and boxed
 * the count at every one of those (its profiled cost is in BENCHMARKS.md).
 */
final class LongCountTable {

  private static final long EMPTY = -1;

  /** Most keys a table holds: its array of 2^30 slots (8 GiB) half full, as Java arrays allow. */
  static final int MAX_SIZE = 1 << 28;

  /**
   * Key at {@code 2i}, its count at {@code 2i + 1}: one cache line holds both, and a table of a
   * large corpus is far larger than the CPU's caches, so a lookup is mostly that one miss.
   */
  private long[] slots;
  private int size;

  /** @param expected keys expected, to size the table (it grows past them) */
  LongCountTable(int expected) {
    int keys = 32;
    while (keys / 2 < Math.min(expected, MAX_SIZE)) {
      keys *= 2;
    }
    slots = emptySlots(keys);
  }

  /** Adds {@code delta} to the count of {@code key} (a key not present counts 0). */
  void add(long key, long delta) {
    int slot = slot(key);
    if (slots[slot] == EMPTY) {
      slots[slot] = key;
      slots[slot + 1] = delta;
      if (++size * 4 > slots.length) { // more than half the slots used
        grow();
      }
    } else {
      slots[slot + 1] += delta;
    }
  }

  /** The count of {@code key}, 0 when absent. */
  long get(long key) {
    int slot = slot(key);
    return slots[slot] == EMPTY ? 0 : slots[slot + 1];
  }

  int size() {
    return size;
  }

  interface Visitor<E extends Exception> {
    void visit(long key, long count) throws E;
  }

  <E extends Exception> void forEach(Visitor<E> visitor) throws E {
    for (int i = 0; i < slots.length; i += 2) {
      if (slots[i] != EMPTY) {
        visitor.visit(slots[i], slots[i + 1]);
      }
    }
  }

  /** Where {@code key} is, or the empty slot where it would go (linear probing). */
  private int slot(long key) {
    int mask = slots.length - 1; // a power of two, so this keeps even indices even
    int slot = (int) (mix(key) << 1) & mask;
    while (slots[slot] != EMPTY && slots[slot] != key) {
      slot = (slot + 2) & mask;
    }
    return slot;
  }

  private void grow() {
    if (size >= MAX_SIZE) {
      throw new IllegalStateException("more than " + MAX_SIZE + " distinct keys: too many to count in one table");
    }
    long[] old = slots;
    slots = emptySlots(old.length); // twice the keys: emptySlots doubles for the counts
    for (int i = 0; i < old.length; i += 2) {
      if (old[i] != EMPTY) {
        int slot = slot(old[i]);
        slots[slot] = old[i];
        slots[slot + 1] = old[i + 1];
      }
    }
  }

  private static long[] emptySlots(int keys) {
    long[] slots = new long[keys * 2];
    for (int i = 0; i < slots.length; i += 2) {
      slots[i] = EMPTY;
    }
    return slots;
  }

  /** MurmurHash3's 64-bit finaliser: pair keys differ in few bits, which must reach the low ones. */
  private static long mix(long key) {
    key ^= key >>> 33;
    key *= 0xff51afd7ed558ccdL;
    key ^= key >>> 33;
    key *= 0xc4ceb93fe53c9a85L;
    key ^= key >>> 33;
    return key;
  }
}
