package org.cotkit.labelers;

import java.util.Locale;

/** Whether a question needs long reasoning; the tag an adaptive student learns to emit or obey. */
public enum Difficulty {
  SIMPLE,
  COMPLEX;

  /** {@code simple} or {@code complex}, as written in datasets and tags. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
