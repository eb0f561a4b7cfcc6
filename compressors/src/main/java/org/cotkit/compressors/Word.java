package org.cotkit.compressors;

import java.io.Serializable;

/**
 * One word of a chain of thought: its surface text exactly as written, the character span it was
 * cut from, and the normalised key that language models count it under.
 *
 * @param start offset of the first character in the source text
 * @param end offset one past the last character in the source text
 * @param text the surface form, {@code source.substring(start, end)}
 * @param key lower-cased form without surrounding punctuation, for n-gram statistics
 */
public record Word(int start, int end, String text, String key) implements Serializable {

  public Word {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
    if (text.length() != end - start) {
      throw new IllegalArgumentException("text length differs from span for '" + text + "'");
    }
  }
}
