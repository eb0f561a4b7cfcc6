package org.cotkit.pipelines.build;

import java.io.Serializable;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where the reasoning of a simple question's adaptive example comes from: the teacher's short CoT
 * ({@code short}), or its long CoT pruned to a ratio γ ({@code long:γ}) for data sets whose short
 * CoTs are missing or poor.
 *
 * @param pruneRatio null for the short CoT, else the γ the long CoT is pruned to
 */
public record SimpleSource(Double pruneRatio) implements Serializable {

  public static final SimpleSource SHORT_COT = new SimpleSource(null);

  private static final Pattern PLAIN_DECIMAL = Pattern.compile("\\d*\\.?\\d+");

  /**
   * Parses {@code short} or {@code long:γ}.
   *
   * @throws IllegalArgumentException naming the option
   */
  public static SimpleSource parse(String spec) {
    String value = spec == null ? "" : spec.strip();
    if (value.equalsIgnoreCase("short")) {
      return SHORT_COT;
    }
    if (value.toLowerCase(Locale.ROOT).startsWith("long:")) {
      String ratio = value.substring("long:".length()).strip();
      if (PLAIN_DECIMAL.matcher(ratio).matches()) { // not Java's 0x1p-1 or 0.5d spellings
        double gamma = Double.parseDouble(ratio);
        if (gamma > 0 && gamma <= 1) {
          return new SimpleSource(gamma);
        }
      }
    }
    throw new IllegalArgumentException(
        "--simple-from '" + spec + "' is not 'short' or 'long:γ' with γ in (0, 1], e.g. long:0.5");
  }

  public boolean fromLongCot() {
    return pruneRatio != null;
  }

  @Override
  public String toString() {
    return pruneRatio == null ? "short" : "long:" + pruneRatio;
  }
}
