package org.cotkit.pipelines;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/** Options of {@code cotkit build}: TokenSkip and adaptive examples in one dataset. */
public interface BuildOptions extends TeacherInputOptions, TokenSkipOptions, DifficultyOptions {

  @Description("Share of questions (by hash of the question) in the validation split.")
  @Default.Double(0.05)
  double getValidationFraction();

  void setValidationFraction(double value);

  @Description("Where the difficulty tag goes: PROMPT (a condition) or COMPLETION (the student chooses).")
  @Default.Enum("PROMPT")
  AdaptiveFormat.TagPosition getTagPosition();

  void setTagPosition(AdaptiveFormat.TagPosition value);

  @Description("Tag of simple questions.")
  @Default.String(AdaptiveFormat.DEFAULT_SIMPLE_TAG)
  String getSimpleTag();

  void setSimpleTag(String value);

  @Description("Tag of complex questions.")
  @Default.String(AdaptiveFormat.DEFAULT_COMPLEX_TAG)
  String getComplexTag();

  void setComplexTag(String value);

  @Description("Reasoning of simple questions' adaptive examples: short, or long:γ (the long CoT pruned to γ).")
  @Default.String("short")
  String getSimpleFrom();

  void setSimpleFrom(String value);

  @Description("Keep records whose chain of thought gets a wrong answer instead of filtering them.")
  @Default.Boolean(false)
  boolean getKeepIncorrect();

  void setKeepIncorrect(boolean value);
}
