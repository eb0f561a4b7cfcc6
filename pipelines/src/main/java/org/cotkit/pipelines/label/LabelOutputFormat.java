package org.cotkit.pipelines.label;

/** The format {@code cotkit label} writes labelled records in (see {@link LabelledRecords}). */
public enum LabelOutputFormat {
  JSONL,
  PARQUET
}
