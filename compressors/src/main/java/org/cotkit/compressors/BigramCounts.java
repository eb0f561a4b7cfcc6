package org.cotkit.compressors;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.StreamCorruptedException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bigram counts over word keys, the sufficient statistics of a {@link BigramModel}.
 *
 * <p>Mergeable, so a corpus can be counted in parallel pieces and summed. Each text starts with
 * the {@link #START} history so that first words are scored too. Word keys are numbered as they
 * are first seen and a bigram is counted under the pair of numbers, so counting a word costs one
 * string lookup and no allocation.
 */
public final class BigramCounts implements Serializable {

  private static final long serialVersionUID = 2L;

  /** History of a text's first word. Not a possible word key: keys never contain '\u0002'. */
  public static final String START = "\u0002s";

  /** Joins the two keys of a pair in {@link #asMap}; keys never contain it. */
  static final char SEPARATOR = '\u0001';

  /** The number of {@link #START}. */
  static final int START_ID = 0;

  private transient HashMap<String, Integer> ids;
  private transient ArrayList<String> keys;
  private transient LongCountTable pairs;

  public BigramCounts() {
    init(16, 16);
  }

  private void init(int words, int bigrams) {
    ids = new HashMap<>(Math.max(16, (int) (words / 0.75f) + 1));
    keys = new ArrayList<>(words);
    pairs = new LongCountTable(bigrams);
    idFor(START);
  }

  /** Counts the bigrams of one text. */
  public BigramCounts add(List<Word> words) {
    int previous = START_ID;
    for (Word word : words) {
      int id = idFor(word.key());
      pairs.add(pair(previous, id), 1);
      previous = id;
    }
    return this;
  }

  /** Adds {@code other}'s counts to these and returns this. */
  public BigramCounts merge(BigramCounts other) {
    if (other == this) {
      return merge(new BigramCounts().merge(other));
    }
    int[] renumbered = new int[other.keys.size()];
    for (int id = 0; id < renumbered.length; id++) {
      renumbered[id] = idFor(other.keys.get(id));
    }
    other.pairs.forEach((pair, count) ->
        pairs.add(pair(renumbered[previousOf(pair)], renumbered[wordOf(pair)]), count));
    return this;
  }

  /** Number of distinct bigrams seen. */
  public int distinctBigrams() {
    return pairs.size();
  }

  /** Count of a bigram, 0 when unseen. */
  public long count(String previous, String word) {
    return count(id(previous), id(word));
  }

  /** Count of a bigram of word numbers ({@link #id}), 0 when unseen or a number is -1. */
  long count(int previous, int word) {
    return previous < 0 || word < 0 ? 0 : pairs.get(pair(previous, word));
  }

  /** The number of a word key, -1 when never seen. */
  int id(String key) {
    Integer id = ids.get(key);
    return id == null ? -1 : id;
  }

  /** The word key numbered {@code id}. */
  String key(int id) {
    return keys.get(id);
  }

  /** How many word keys (and {@link #START}) are numbered: numbers run from 0 below this. */
  int numberedKeys() {
    return keys.size();
  }

  interface BigramVisitor<E extends Exception> {
    void visit(int previous, int word, long count) throws E;
  }

  <E extends Exception> void forEachBigram(BigramVisitor<E> visitor) throws E {
    pairs.forEach((pair, count) -> visitor.visit(previousOf(pair), wordOf(pair), count));
  }

  /** The counts keyed by "previous{@link #SEPARATOR}word"; a copy, for inspection. */
  Map<String, Long> asMap() {
    Map<String, Long> map = new HashMap<>();
    forEachBigram((previous, word, count) -> map.put(keys.get(previous) + SEPARATOR + keys.get(word), count));
    return map;
  }

  private int idFor(String key) {
    Integer id = ids.get(key);
    if (id == null) {
      id = keys.size();
      ids.put(key, id);
      keys.add(key);
    }
    return id;
  }

  private static long pair(int previous, int word) {
    return (long) previous << 32 | word;
  }

  private static int previousOf(long pair) {
    return (int) (pair >>> 32);
  }

  private static int wordOf(long pair) {
    return (int) pair;
  }

  /**
   * Writes the word keys, each a length-prefixed UTF-8 string, then the (previous, word, count)
   * numbers as variable-length integers: far smaller and faster than a serialised map, which
   * matters because the counts of a large corpus travel between workers. ({@code writeUTF} would
   * fail on words over 64 KiB.)
   */
  private void writeObject(ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
    out.writeInt(keys.size());
    for (String key : keys) {
      byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
      writeVarLong(out, bytes.length);
      out.write(bytes);
    }
    out.writeInt(pairs.size());
    this.<IOException>forEachBigram((previous, word, count) -> {
      writeVarLong(out, previous);
      writeVarLong(out, word);
      writeVarLong(out, count);
    });
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    int words = in.readInt();
    if (words < 1) {
      throw new StreamCorruptedException("bigram counts of " + words + " word keys; the start key is always one");
    }
    init(words, 16);
    for (int i = 0; i < words; i++) {
      byte[] bytes = new byte[Math.toIntExact(readVarLong(in))];
      in.readFully(bytes);
      if (idFor(new String(bytes, StandardCharsets.UTF_8)) != i) {
        throw new StreamCorruptedException("word key " + i + " is a repeat or not the start key first");
      }
    }
    int bigrams = in.readInt();
    if (bigrams < 0 || bigrams > LongCountTable.MAX_SIZE) {
      throw new StreamCorruptedException("bigram counts of " + bigrams + " bigrams");
    }
    pairs = new LongCountTable(bigrams);
    for (int i = 0; i < bigrams; i++) {
      long previous = readVarLong(in);
      long word = readVarLong(in);
      if (previous < 0 || previous >= words || word < 0 || word >= words) {
        throw new StreamCorruptedException("bigram of unknown word numbers " + previous + ", " + word);
      }
      pairs.add(pair((int) previous, (int) word), readVarLong(in));
    }
    if (pairs.size() != bigrams) {
      throw new StreamCorruptedException(bigrams + " bigrams announced, " + pairs.size() + " distinct ones read");
    }
  }

  private static void writeVarLong(DataOutput out, long value) throws IOException {
    while ((value & ~0x7FL) != 0) {
      out.writeByte((int) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    out.writeByte((int) value);
  }

  private static long readVarLong(DataInput in) throws IOException {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      byte b = in.readByte();
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new StreamCorruptedException("variable-length count longer than 64 bits");
  }
}
