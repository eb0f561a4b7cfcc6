package org.cotkit.pipelines;

import java.util.List;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** How chains of thought are compressed and laid out as TokenSkip (L1) examples. */
public interface TokenSkipOptions extends PipelineOptions {

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

  /** Beam's default-value factory for an empty list. */
  final class EmptyList implements org.apache.beam.sdk.options.DefaultValueFactory<List<String>> {
    @Override
    public List<String> create(PipelineOptions options) {
      return List.of();
    }
  }
}
