package org.cotkit.pipelines.record;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The markers that set a generation's thought apart from its final response. The published ones
 * ({@code <think>…</think>}, OpenThoughts' {@code <|begin_of_thought|>…<|end_of_thought|>} and
 * {@code <|begin_of_solution|>…<|end_of_solution|>}) are always read; {@code --think-markers
 * OPEN,CLOSE} adds a model's own, which are rewritten to {@code <think>}/{@code </think>} as a
 * record is read, so that everything after reading knows one set. A chain of thought that opens a
 * marker and never closes it is a truncated generation, refused rather than half-compressed.
 *
 * @param open the extra opening marker; null for none
 * @param close the extra closing marker; null for none
 */
public record ThinkMarkers(String open, String close) implements Serializable {

  /** Only the published markers. */
  public static final ThinkMarkers PUBLISHED = new ThinkMarkers(null, null);

  private static final String[][] PAIRS = {
    {"<think>", "</think>"},
    {"<|begin_of_thought|>", "<|end_of_thought|>"},
    {"<|begin_of_solution|>", "<|end_of_solution|>"},
  };

  /** @throws IllegalArgumentException naming the option when the markers are malformed */
  public ThinkMarkers {
    if ((open == null) != (close == null)) {
      throw new IllegalArgumentException("--think-markers needs both an opening and a closing marker");
    }
    if (open != null && (open.isBlank() || close.isBlank() || open.equals(close))) {
      throw new IllegalArgumentException("--think-markers needs two different, non-empty markers OPEN,CLOSE, got '"
          + open + "' and '" + close + "'");
    }
  }

  /**
   * Parses {@code OPEN,CLOSE}; null or blank gives only the published markers.
   *
   * @throws IllegalArgumentException naming the option at fault
   */
  public static ThinkMarkers parse(String spec) {
    if (spec == null || spec.isBlank()) {
      return PUBLISHED;
    }
    int comma = spec.indexOf(',');
    if (comma < 0 || spec.indexOf(',', comma + 1) >= 0) {
      throw new IllegalArgumentException("--think-markers '" + spec + "' is not OPEN,CLOSE (e.g. <reasoning>,</reasoning>)");
    }
    return new ThinkMarkers(spec.substring(0, comma).strip(), spec.substring(comma + 1).strip());
  }

  /**
   * {@code text} with the extra markers rewritten to the published {@code <think>} pair.
   *
   * @param field the field as the user's data names it, for the error
   * @throws InvalidRecordException when a marker is opened and never closed
   */
  String read(String text, String field) throws InvalidRecordException {
    if (text == null) {
      return null;
    }
    String unclosed = unclosed(text);
    if (unclosed != null) {
      throw new InvalidRecordException("field '" + field + "' opens '" + unclosed
          + "' and never closes it (a generation cut short?)");
    }
    return open == null ? text : text.replace(open, "<think>").replace(close, "</think>");
  }

  /** {@code text} with the extra markers rewritten, a marker left open accepted (a sample may be cut short). */
  String readSample(String text) {
    return text == null || open == null ? text : text.replace(open, "<think>").replace(close, "</think>");
  }

  /** The first opening marker whose last occurrence has no closing marker after it; null if none. */
  private String unclosed(String text) {
    List<String[]> pairs = new ArrayList<>(List.of(PAIRS));
    if (open != null) {
      pairs.add(new String[] {open, close});
    }
    for (String[] pair : pairs) {
      int opened = text.lastIndexOf(pair[0]);
      if (opened >= 0 && text.indexOf(pair[1], opened + pair[0].length()) < 0) {
        return pair[0];
      }
    }
    return null;
  }
}
