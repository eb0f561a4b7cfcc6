package org.cotkit.cli;

import org.cotkit.compressors.LengthUnit;
import org.cotkit.pipelines.label.DifficultySettings;
import picocli.CommandLine.Option;

/** Options of difficulty labelling and token budgets, shared by {@code label} and {@code build}. */
final class DifficultyArgs {

  @Option(names = "--difficulty", paramLabel = "POLICY[,POLICY...]", defaultValue = DifficultySettings.DEFAULT_POLICIES,
      description = "Policies that call a question simple or complex; the first whose evidence the record "
          + "has decides (written as difficulty_source). pass-rate: share of correct teacher samples >= "
          + "--pass-rate-threshold; short-cot: the short CoT's answer verifies; length: the long CoT is "
          + "shorter than --length-threshold tokens. Default: ${DEFAULT-VALUE}.")
  String policies;

  @Option(names = "--pass-rate-threshold", paramLabel = "τ", defaultValue = "0.75",
      description = "Pass rate at or above which a question is simple. Default: ${DEFAULT-VALUE}.")
  double passRateThreshold;

  @Option(names = "--length-threshold", paramLabel = "TOKENS", defaultValue = "0",
      description = "Long CoTs shorter than this are simple (length policy). 0: the --length-percentile "
          + "of the input's long-CoT lengths. Default: ${DEFAULT-VALUE}.")
  int lengthThreshold;

  @Option(names = "--length-percentile", paramLabel = "Q", defaultValue = "50",
      description = "Percentile (0-100] of long-CoT lengths used as the length threshold when "
          + "--length-threshold is 0. Default: ${DEFAULT-VALUE}.")
  double lengthPercentile;

  @Option(names = "--budget-cap", paramLabel = "TOKENS", defaultValue = "0",
      description = "Cap on L_max in the DAST token budget round(p·mean correct sample length + (1-p)·L_max); "
          + "0 for none. Questions without graded samples get no budget. Default: ${DEFAULT-VALUE}.")
  int budgetCap;

  @Option(names = "--budget-scale", paramLabel = "DOMAIN=FACTOR[,...]",
      description = "Multiply a question's token budget by the factor of its domain (the canonical domain "
          + "field, matched ignoring case), as DAST's survey sets the budget's coefficient by question type: "
          + "e.g. math=1.2,history=0.6. Other domains get 1. The factor is written per row as budget_scale. "
          + "Default: no scaling.")
  String budgetScale;

  /**
   * The validated difficulty settings.
   *
   * @throws IllegalArgumentException naming the option at fault
   */
  DifficultySettings settings(LengthUnit lengthUnit) {
    return DifficultySettings.of(policies, passRateThreshold, lengthThreshold, lengthPercentile, budgetCap)
        .withLengthUnit(lengthUnit)
        .withBudgetScale(budgetScale);
  }
}
