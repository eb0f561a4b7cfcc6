package org.cotkit.pipelines.io;

import java.io.Serializable;

/**
 * One input record before parsing: where it came from and its text (a JSON object).
 *
 * @param file the resource it was read from
 * @param line 1-based line number in a JSONL file, row number in a Parquet file, or position in
 *     a JSON array file
 * @param text the record as JSON text
 * @param readError why the record could not be read as text (bad UTF-8, unreadable file); null
 *     when it was read fine
 */
public record RawRecord(String file, long line, String text, String readError) implements Serializable {

  /**
   * The deepest nesting of arrays and objects a record may have. The JSON tree is built
   * recursively, so much deeper input would exhaust a worker thread's stack; no real teacher
   * record nests this deep.
   */
  public static final int MAX_NESTING_DEPTH = 2_000;

  public static RawRecord of(String file, long line, String text) {
    return new RawRecord(file, line, text, null);
  }

  /** "file:line", how errors name the record. */
  public String location() {
    return file + ":" + line;
  }
}
