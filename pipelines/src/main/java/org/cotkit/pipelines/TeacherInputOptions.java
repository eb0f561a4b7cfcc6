package org.cotkit.pipelines;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/** Where teacher generations come from and where a job writes: shared by every cotkit pipeline. */
public interface TeacherInputOptions extends PipelineOptions {

  @Description("Input file or glob of teacher generations (JSONL, optionally .gz, or Parquet).")
  @Validation.Required
  String getInput();

  void setInput(String value);

  @Description("Output directory: data/, errors/ (dead letters) and manifest.json.")
  @Validation.Required
  String getOutput();

  void setOutput(String value);

  @Description("Input format; AUTO decides per file by extension.")
  @Default.Enum("AUTO")
  ReadTeacherInput.Format getInputFormat();

  void setInputFormat(ReadTeacherInput.Format value);

  @Description("Field mapping canonical=actual[,…], e.g. question=problem,long_cot=response.")
  @Default.String("")
  String getFieldMap();

  void setFieldMap(String value);

  @Description("Shape of a well-known dataset to read (NONE or GSM8K).")
  @Default.Enum("NONE")
  InputPreset getPreset();

  void setPreset(InputPreset value);

  @Description("Which chain of thought to use (compress, verify); the other one is the fallback.")
  @Default.Enum("LONG")
  CotPreference getCot();

  void setCot(CotPreference value);

  @Description("Records per batch, the pipeline's unit of work (and of each output file).")
  @Default.Integer(500)
  int getRecordsPerBatch();

  void setRecordsPerBatch(int value);
}
