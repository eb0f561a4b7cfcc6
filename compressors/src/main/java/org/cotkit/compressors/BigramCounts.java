package org.cotkit.compressors;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bigram counts over word keys, the sufficient statistics of a {@link BigramModel}.
 *
 * <p>Mergeable, so a corpus can be counted in parallel pieces (a Beam combine) and summed. Each
 * text starts with the {@link #START} history so that first words are scored too.
 */
public final class BigramCounts implements Serializable {

  private static final long serialVersionUID = 1L;

  /** History of a text's first word. Not a possible word key: keys never contain '\u0002'. */
  public static final String START = "\u0002s";

  static final char SEPARATOR = '\u0001';

  private transient HashMap<String, Long> counts = new HashMap<>();

  /** Counts the bigrams of one text. */
  public BigramCounts add(List<Word> words) {
    String previous = START;
    for (Word word : words) {
      counts.merge(pair(previous, word.key()), 1L, Long::sum);
      previous = word.key();
    }
    return this;
  }

  /** Adds {@code other}'s counts to these and returns this. */
  public BigramCounts merge(BigramCounts other) {
    other.counts.forEach((pair, count) -> counts.merge(pair, count, Long::sum));
    return this;
  }

  /** Number of distinct bigrams seen. */
  public int distinctBigrams() {
    return counts.size();
  }

  /** Count of a bigram, 0 when unseen. */
  public long count(String previous, String word) {
    return counts.getOrDefault(pair(previous, word), 0L);
  }

  Map<String, Long> asMap() {
    return Collections.unmodifiableMap(counts);
  }

  static String pair(String previous, String word) {
    return previous + SEPARATOR + word;
  }

  /**
   * Writes the counts as (pair, count) entries, each a length-prefixed UTF-8 string and a
   * variable-length count, rather than a serialised HashMap: smaller and several times faster,
   * which matters because a runner encodes partial counts while combining. ({@code writeUTF}
   * would fail on words over 64 KiB.)
   */
  private void writeObject(ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
    out.writeInt(counts.size());
    for (Map.Entry<String, Long> entry : counts.entrySet()) {
      byte[] pair = entry.getKey().getBytes(StandardCharsets.UTF_8);
      writeVarLong(out, pair.length);
      out.write(pair);
      writeVarLong(out, entry.getValue());
    }
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    int size = in.readInt();
    counts = new HashMap<>(Math.max(16, (int) (size / 0.75f) + 1));
    for (int i = 0; i < size; i++) {
      byte[] pair = new byte[Math.toIntExact(readVarLong(in))];
      in.readFully(pair);
      counts.put(new String(pair, StandardCharsets.UTF_8), readVarLong(in));
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
    throw new java.io.StreamCorruptedException("variable-length count longer than 64 bits");
  }
}
