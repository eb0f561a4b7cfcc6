package org.cotkit.pipelines.record;

import java.io.Serializable;

/**
 * What input a run refuses, and how much of it may be refused before the run counts as failed.
 *
 * @param maxRecordBytes the longest record read, in bytes of its line (JSONL) or of its JSON form
 *     (Parquet); a longer one is dead-lettered before it is parsed
 * @param stripControlChars whether C0 control characters other than tab, line feed and carriage
 *     return are removed from text fields; otherwise a record holding one is dead-lettered
 * @param maxErrorRate the share of records read that may be dead-lettered; above it the run still
 *     writes its good rows and errors, but fails
 */
public record RecordLimits(long maxRecordBytes, boolean stripControlChars, double maxErrorRate)
    implements Serializable {

  /** @throws IllegalArgumentException naming the option at fault */
  public RecordLimits {
    if (maxRecordBytes < 1024) {
      throw new IllegalArgumentException("--max-record-bytes must be at least 1024, got " + maxRecordBytes);
    }
    if (!(maxErrorRate >= 0 && maxErrorRate <= 1)) {
      throw new IllegalArgumentException("--max-error-rate must be in [0, 1], got " + maxErrorRate);
    }
  }
}
