package org.cotkit.testkit;

import java.util.Arrays;

/**
 * A generated input as a Java string literal would write it, so that a falsified property's input
 * can be pasted into an example test: line breaks, controls, unpaired surrogates and other
 * invisible characters become escapes.
 */
public final class Escaped {

  /** Longer inputs are cut: the failure message must stay readable. */
  static final int MAX_CHARS = 4_000;

  private Escaped() {}

  public static String of(Object value) {
    String text = value instanceof Object[] array ? Arrays.deepToString(array)
        : value instanceof byte[] bytes ? Arrays.toString(bytes)
        : value instanceof int[] ints ? Arrays.toString(ints)
        : value instanceof double[] doubles ? Arrays.toString(doubles)
        : value instanceof boolean[] flags ? Arrays.toString(flags)
        : String.valueOf(value);
    StringBuilder out = new StringBuilder("\"");
    int end = Math.min(text.length(), MAX_CHARS);
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        // everything else not printable ASCII as an escape: invisible and look-alike characters
        // (no-break spaces, controls, unpaired surrogates) are what such inputs usually turn on
        default -> out.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04X", (int) c));
      }
    }
    out.append('"');
    if (text.length() > end) {
      out.append(" … (").append(text.length()).append(" chars)");
    }
    return out.toString();
  }
}
