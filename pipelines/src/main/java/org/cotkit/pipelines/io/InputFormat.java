package org.cotkit.pipelines.io;

import java.util.Locale;

/** Input file format; {@code AUTO} decides per file by extension ({@code .parquet} or JSONL). */
public enum InputFormat {
  AUTO,
  JSONL,
  PARQUET;

  /** Whether {@code file} is read as Parquet under this format. */
  public boolean isParquet(String file) {
    return this == PARQUET || (this == AUTO && file.toLowerCase(Locale.ROOT).endsWith(".parquet"));
  }
}
