package org.cotkit.pipelines;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** How questions are judged simple or complex and given token budgets (see {@link DifficultySettings}). */
public interface DifficultyOptions extends PipelineOptions {

  @Description("Difficulty policies, first applicable decides: pass-rate, short-cot, length.")
  @Default.String(DifficultySettings.DEFAULT_POLICIES)
  String getDifficultyPolicies();

  void setDifficultyPolicies(String value);

  @Description("Pass rate at or above which a question is simple.")
  @Default.Double(0.75)
  double getPassRateThreshold();

  void setPassRateThreshold(double value);

  @Description("Long CoTs shorter than this many tokens are simple; 0 uses the length percentile.")
  @Default.Integer(0)
  int getLengthThreshold();

  void setLengthThreshold(int value);

  @Description("Percentile of the corpus's long-CoT lengths used as the length threshold.")
  @Default.Double(50.0)
  double getLengthPercentile();

  void setLengthPercentile(double value);

  @Description("Cap on L_max of the DAST token budget, in tokens; 0 for none.")
  @Default.Integer(0)
  int getBudgetCap();

  void setBudgetCap(int value);
}
