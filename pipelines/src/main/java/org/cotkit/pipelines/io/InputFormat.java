package org.cotkit.pipelines.io;

import java.io.IOException;
import java.util.Locale;

/**
 * Input file format. {@code AUTO} decides per file: {@code .parquet} is Parquet; any other file is
 * a JSON array when its first character (after a byte-order mark and whitespace) is {@code [},
 * and JSON Lines otherwise, whatever its name ({@code .json} files hold either).
 */
public enum InputFormat {
  AUTO,
  JSONL,
  /** One JSON array of records per file. */
  JSON,
  PARQUET;

  /** Whether {@code file} is read as Parquet under this format. */
  public boolean isParquet(String file) {
    return this == PARQUET || (this == AUTO && file.toLowerCase(Locale.ROOT).endsWith(".parquet"));
  }

  /**
   * Whether {@code file} is read as one JSON array under this format; under {@code AUTO} this reads
   * the file's first bytes.
   */
  public boolean isJsonArray(String file) throws IOException {
    return switch (this) {
      case JSON -> true;
      case AUTO -> !isParquet(file) && JsonArrayFile.startsWithArray(file);
      default -> false;
    };
  }
}
