package org.cotkit.pipelines;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/** Options of {@code cotkit label}: teacher records with answer checks, difficulty and budgets added. */
public interface LabelOptions extends TeacherInputOptions, DifficultyOptions {

  /** The format labelled records are written in. */
  enum OutputFormat {
    JSONL,
    PARQUET
  }

  @Description("JSONL (each input record with the label fields added) or PARQUET (canonical fields and labels).")
  @Default.Enum("JSONL")
  OutputFormat getOutputFormat();

  void setOutputFormat(OutputFormat value);
}
