package org.cotkit.pipelines.label;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cotkit.labelers.DifficultyPolicy;
import org.cotkit.labelers.FirstApplicableDifficulty;
import org.cotkit.labelers.LengthDifficulty;
import org.cotkit.labelers.PassRateDifficulty;
import org.cotkit.labelers.ShortCotDifficulty;

/**
 * The validated difficulty options of a run: which policies decide, in which order, and their
 * thresholds. The length threshold may come from the corpus (a percentile of its long-CoT lengths),
 * so the policy itself is made on the worker once that threshold is known.
 */
public final class DifficultySettings implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final String DEFAULT_POLICIES = "pass-rate,short-cot,length";

  /** The policies a user can name. */
  public enum Policy {
    PASS_RATE,
    SHORT_COT,
    LENGTH;

    public String optionValue() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  private final List<Policy> policies;
  private final double passRateThreshold;
  private final int lengthThreshold;
  private final double lengthPercentile;
  private final int budgetCap;

  private DifficultySettings(
      List<Policy> policies, double passRateThreshold, int lengthThreshold, double lengthPercentile, int budgetCap) {
    this.policies = List.copyOf(policies);
    this.passRateThreshold = passRateThreshold;
    this.lengthThreshold = lengthThreshold;
    this.lengthPercentile = lengthPercentile;
    this.budgetCap = budgetCap;
  }

  /**
   * Validates the difficulty options.
   *
   * @throws IllegalArgumentException naming the command-line option at fault
   */
  public static DifficultySettings of(String policySpec, double passRateThreshold, int lengthThreshold,
      double lengthPercentile, int budgetCap) {
    List<Policy> policies = parsePolicies(policySpec);
    if (!(passRateThreshold >= 0 && passRateThreshold <= 1)) {
      throw new IllegalArgumentException("--pass-rate-threshold must be in [0, 1], got " + passRateThreshold);
    }
    if (lengthThreshold < 0) {
      throw new IllegalArgumentException("--length-threshold must be 0 (use the percentile) or more, got "
          + lengthThreshold);
    }
    if (!(lengthPercentile > 0 && lengthPercentile <= 100)) {
      throw new IllegalArgumentException("--length-percentile must be in (0, 100], got " + lengthPercentile);
    }
    if (budgetCap < 0) {
      throw new IllegalArgumentException("--budget-cap must be 0 (no cap) or more, got " + budgetCap);
    }
    return new DifficultySettings(policies, passRateThreshold, lengthThreshold, lengthPercentile, budgetCap);
  }

  public static List<Policy> parsePolicies(String spec) {
    List<Policy> policies = new ArrayList<>();
    for (String name : (spec == null ? "" : spec).split(",")) {
      String value = name.strip();
      if (value.isEmpty()) {
        continue;
      }
      Policy policy = Arrays.stream(Policy.values())
          .filter(p -> p.optionValue().equalsIgnoreCase(value) || p.name().equalsIgnoreCase(value))
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException("--difficulty value '" + value
              + "' is not a policy; use pass-rate, short-cot or length"));
      if (policies.contains(policy)) {
        throw new IllegalArgumentException("--difficulty names '" + value + "' twice");
      }
      policies.add(policy);
    }
    if (policies.isEmpty()) {
      throw new IllegalArgumentException("--difficulty is empty; name at least one of pass-rate, short-cot, length");
    }
    return policies;
  }

  /** Whether the length threshold must be computed from the corpus before labelling. */
  public boolean needsCorpusLengthThreshold() {
    return policies.contains(Policy.LENGTH) && lengthThreshold == 0;
  }

  public double lengthPercentile() {
    return lengthPercentile;
  }

  /** The fixed length threshold, or 0 when it comes from the corpus. */
  public int lengthThreshold() {
    return lengthThreshold;
  }

  public int budgetCap() {
    return budgetCap;
  }

  /** The combined policy, given the length threshold in tokens (ignored without the length policy). */
  public DifficultyPolicy policy(int lengthThresholdTokens) {
    List<DifficultyPolicy> chain = new ArrayList<>(policies.size());
    for (Policy policy : policies) {
      chain.add(switch (policy) {
        case PASS_RATE -> new PassRateDifficulty(passRateThreshold);
        case SHORT_COT -> new ShortCotDifficulty();
        case LENGTH -> new LengthDifficulty(Math.max(1, lengthThresholdTokens));
      });
    }
    return new FirstApplicableDifficulty(chain);
  }

  /** The settings as the manifest reports them. */
  public Map<String, Object> describe() {
    LinkedHashMap<String, Object> used = new LinkedHashMap<>();
    used.put("difficulty", policies.stream().map(Policy::optionValue).toList());
    used.put("pass_rate_threshold", passRateThreshold);
    if (policies.contains(Policy.LENGTH)) {
      used.put("length_threshold", lengthThreshold == 0 ? null : lengthThreshold);
      used.put("length_percentile", lengthThreshold == 0 ? lengthPercentile : null);
    }
    used.put("budget_cap", budgetCap == 0 ? null : budgetCap);
    return used;
  }
}
