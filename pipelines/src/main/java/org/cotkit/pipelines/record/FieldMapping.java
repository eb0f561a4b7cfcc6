package org.cotkit.pipelines.record;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each canonical field lives in the input records: {@code --map question=problem,long_cot=response}.
 * Paths reach into nested objects and lists ({@code answer=meta.gold}, {@code long_cot=generations[0]},
 * {@code long_cot=conversations[from=gpt].value}; see {@link FieldPath}). Unmapped fields are read
 * under their canonical name.
 */
public final class FieldMapping implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Canonical fields a mapping may name; {@code sample_cot}/{@code sample_correct} are inside samples. */
  public static final List<String> CANONICAL_FIELDS =
      List.of(
          "id", "question", "answer", "long_cot", "short_cot", "samples", "sample_cot",
          "sample_correct", "pass_rate", "source", "domain");

  private static final Map<String, String> DEFAULT_PATHS =
      Map.of("sample_cot", "cot", "sample_correct", "correct");

  private final LinkedHashMap<String, String> paths;

  private FieldMapping(LinkedHashMap<String, String> paths) {
    this.paths = paths;
  }

  public static FieldMapping identity() {
    return new FieldMapping(new LinkedHashMap<>());
  }

  /**
   * Parses {@code canonical=actual[,canonical=actual…]}; null or blank gives the identity mapping.
   *
   * @throws IllegalArgumentException naming the entry at fault
   */
  public static FieldMapping parse(String spec) {
    LinkedHashMap<String, String> paths = new LinkedHashMap<>();
    if (spec == null || spec.isBlank()) {
      return new FieldMapping(paths);
    }
    for (String entry : spec.split(",")) {
      int eq = entry.indexOf('=');
      String canonical = eq < 0 ? "" : entry.substring(0, eq).strip();
      String actual = eq < 0 ? "" : entry.substring(eq + 1).strip();
      if (canonical.isEmpty() || actual.isEmpty()) {
        throw new IllegalArgumentException(
            "--map entry '" + entry.strip() + "' is not canonical=actual (e.g. question=problem)");
      }
      if (!CANONICAL_FIELDS.contains(canonical)) {
        throw new IllegalArgumentException(
            "--map names unknown field '" + canonical + "'; known fields: " + String.join(", ", CANONICAL_FIELDS));
      }
      try {
        FieldPath.parse(actual);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--map " + canonical + "=…: " + e.getMessage());
      }
      if (paths.put(canonical, actual) != null) {
        throw new IllegalArgumentException("--map maps '" + canonical + "' twice");
      }
    }
    return new FieldMapping(paths);
  }

  /**
   * This mapping laid over {@code base}: a field either names is read where this one says, else
   * where {@code base} says. A user's {@code --map} over a preset's, so one entry can be corrected
   * without restating the rest.
   */
  public FieldMapping over(FieldMapping base) {
    LinkedHashMap<String, String> merged = new LinkedHashMap<>(base.paths);
    merged.putAll(paths);
    return new FieldMapping(merged);
  }

  /** Where the canonical field is read. */
  public FieldPath path(String canonical) {
    return FieldPath.parse(actualName(canonical));
  }

  /** Whether {@code --map} names where the canonical field lives. */
  public boolean maps(String canonical) {
    return paths.containsKey(canonical);
  }

  /** The field name as the user's data spells it, for error messages. */
  public String actualName(String canonical) {
    return paths.getOrDefault(canonical, DEFAULT_PATHS.getOrDefault(canonical, canonical));
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    paths.forEach((k, v) -> out.append(out.length() == 0 ? "" : ",").append(k).append('=').append(v));
    return out.toString();
  }
}
