package org.cotkit.pipelines.dedup;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The records the input repeats, by where they were read ({@code file:line}), each with the record
 * kept in its place: the result of {@link DuplicateQuestions}, read by the record pass.
 */
public final class Duplicates implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * @param keptId the id of the record kept
   * @param keptLocation where it was read
   * @param jaccard the shingles' similarity of a near duplicate; null for an exact one
   */
  public record Duplicate(String keptId, String keptLocation, Double jaccard) implements Serializable {
    public boolean near() {
      return jaccard != null;
    }
  }

  private final Map<String, Duplicate> byLocation = new HashMap<>();

  void add(String location, Duplicate duplicate) {
    byLocation.put(location, duplicate);
  }

  /** What the record read at {@code location} duplicates; empty for a record that is kept. */
  public Optional<Duplicate> of(String location) {
    return Optional.ofNullable(byLocation.get(location));
  }

  public int size() {
    return byLocation.size();
  }
}
