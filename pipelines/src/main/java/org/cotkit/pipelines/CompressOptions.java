package org.cotkit.pipelines;

import java.util.List;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/** Options of the TokenSkip compression pipeline ({@code cotkit compress}). */
public interface CompressOptions extends PipelineOptions {

  @Description("Input file or glob of teacher generations (JSONL, optionally .gz, or Parquet).")
  @Validation.Required
  String getInput();

  void setInput(String value);

  @Description("Output directory: data/ (Parquet), errors/ (dead letters) and manifest.json.")
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

  @Description("Which chain of thought to compress; the other one is the fallback.")
  @Default.Enum("LONG")
  CotPreference getCot();

  void setCot(CotPreference value);

  @Description("Target ratios γ in (0, 1], comma-separated.")
  @Default.String("0.5,0.6,0.7,0.8,0.9,1.0")
  String getRatios();

  void setRatios(String value);

  @Description("ALL ratios per record, or ONE drawn per record (seeded, stable).")
  @Default.Enum("ALL")
  RatioAssignment.Mode getRatioAssignment();

  void setRatioAssignment(RatioAssignment.Mode value);

  @Description("Seed of the ONE ratio draw.")
  @Default.Long(42L)
  long getSeed();

  void setSeed(long value);

  @Description("Tokens always kept wherever they occur.")
  @Default.InstanceFactory(EmptyList.class)
  List<String> getForceTokens();

  void setForceTokens(List<String> value);

  @Description("Always keep words with digits and math operators.")
  @Default.Boolean(true)
  boolean getKeepDigits();

  void setKeepDigits(boolean value);

  @Description("Separator of the TokenSkip prompt {question}{sep}{γ}{sep}.")
  @Default.String(TokenSkipFormat.DEFAULT_SEPARATOR)
  String getPromptSeparator();

  void setPromptSeparator(String value);

  @Description("Value of the split column.")
  @Default.String("train")
  String getSplit();

  void setSplit(String value);

  @Description("Records per batch, the pipeline's unit of work (and of each output Parquet file's rows / ratios).")
  @Default.Integer(500)
  int getRecordsPerBatch();

  void setRecordsPerBatch(int value);

  /** Beam's default-value factory for an empty list. */
  final class EmptyList implements org.apache.beam.sdk.options.DefaultValueFactory<List<String>> {
    @Override
    public List<String> create(PipelineOptions options) {
      return List.of();
    }
  }
}
