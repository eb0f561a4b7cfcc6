package org.cotkit.pipelines;

/** Which teacher chain of thought to compress; the other one is the fallback when it is missing. */
public enum CotPreference {
  LONG,
  SHORT;

  /** The preferred CoT of {@code record}, else the other one; null when it has neither. */
  public String pick(TeacherRecord record) {
    String preferred = this == LONG ? record.longCot() : record.shortCot();
    return preferred != null ? preferred : (this == LONG ? record.shortCot() : record.longCot());
  }
}
