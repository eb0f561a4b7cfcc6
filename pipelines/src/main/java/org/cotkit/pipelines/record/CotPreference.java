package org.cotkit.pipelines.record;

import java.util.ArrayList;
import java.util.List;

/** Which teacher chain of thought to compress; the other one is the fallback when it is missing. */
public enum CotPreference {
  LONG,
  SHORT;

  /** The preferred CoT of {@code record}, else the other one; null when it has neither. */
  public String pick(TeacherRecord record) {
    List<String> cots = inOrder(record);
    return cots.isEmpty() ? null : cots.get(0);
  }

  /** The record's CoTs that are present, preferred one first. */
  public List<String> inOrder(TeacherRecord record) {
    List<String> cots = new ArrayList<>(2);
    for (String cot : this == LONG
        ? new String[] {record.longCot(), record.shortCot()}
        : new String[] {record.shortCot(), record.longCot()}) {
      if (cot != null) {
        cots.add(cot);
      }
    }
    return cots;
  }
}
