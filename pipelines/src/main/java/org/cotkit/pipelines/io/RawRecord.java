package org.cotkit.pipelines.io;

import java.io.Serializable;

/**
 * One input record before parsing: where it came from and its text (a JSON object).
 *
 * @param file the resource it was read from
 * @param line 1-based line number in a JSONL file, or 1-based row number in a Parquet file
 * @param text the record as JSON text
 * @param readError why the record could not be read as text (bad UTF-8, unreadable file); null
 *     when it was read fine
 */
public record RawRecord(String file, long line, String text, String readError) implements Serializable {

  public static RawRecord of(String file, long line, String text) {
    return new RawRecord(file, line, text, null);
  }

  /** "file:line", how errors name the record. */
  public String location() {
    return file + ":" + line;
  }
}
