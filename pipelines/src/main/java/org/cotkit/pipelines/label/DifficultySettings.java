package org.cotkit.pipelines.label;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.cotkit.compressors.LengthUnit;
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
  private final LengthUnit lengthUnit;
  /** Budget factor by lower-cased domain; empty when budgets are not scaled. */
  private final Map<String, Double> budgetScale;

  private DifficultySettings(List<Policy> policies, double passRateThreshold, int lengthThreshold,
      double lengthPercentile, int budgetCap, LengthUnit lengthUnit, Map<String, Double> budgetScale) {
    this.policies = List.copyOf(policies);
    this.passRateThreshold = passRateThreshold;
    this.lengthThreshold = lengthThreshold;
    this.lengthPercentile = lengthPercentile;
    this.budgetCap = budgetCap;
    this.lengthUnit = lengthUnit;
    this.budgetScale = budgetScale;
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
    return new DifficultySettings(policies, passRateThreshold, lengthThreshold, lengthPercentile, budgetCap,
        LengthUnit.WORDS, Map.of());
  }

  /** These settings with lengths, thresholds and budgets counted in {@code unit} (words by default). */
  public DifficultySettings withLengthUnit(LengthUnit unit) {
    return new DifficultySettings(policies, passRateThreshold, lengthThreshold, lengthPercentile, budgetCap, unit,
        budgetScale);
  }

  /**
   * These settings with each question's budget multiplied by the factor of its {@code domain}
   * ({@code --budget-scale math=1.2,history=0.6}; a domain not named, or none, gets 1).
   *
   * @throws IllegalArgumentException naming the entry at fault
   */
  public DifficultySettings withBudgetScale(String spec) {
    return new DifficultySettings(policies, passRateThreshold, lengthThreshold, lengthPercentile, budgetCap,
        lengthUnit, parseBudgetScale(spec));
  }

  static Map<String, Double> parseBudgetScale(String spec) {
    TreeMap<String, Double> factors = new TreeMap<>();
    if (spec == null || spec.isBlank()) {
      return factors;
    }
    for (String entry : spec.split(",")) {
      int eq = entry.indexOf('=');
      String domain = eq < 0 ? "" : entry.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      String value = eq < 0 ? "" : entry.substring(eq + 1).strip();
      if (domain.isEmpty() || value.isEmpty()) {
        throw new IllegalArgumentException("--budget-scale entry '" + entry.strip() + "' is not DOMAIN=FACTOR (e.g. math=1.2)");
      }
      double factor;
      try {
        factor = Double.parseDouble(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--budget-scale factor '" + value + "' of '" + domain + "' is not a number");
      }
      if (!(factor > 0) || Double.isInfinite(factor)) {
        throw new IllegalArgumentException("--budget-scale factor of '" + domain + "' must be above 0, got " + value);
      }
      if (factors.put(domain, factor) != null) {
        throw new IllegalArgumentException("--budget-scale names domain '" + domain + "' twice");
      }
    }
    return factors;
  }

  /** Whether budgets are scaled by domain. */
  public boolean scalesBudgets() {
    return !budgetScale.isEmpty();
  }

  /** The budget factor of a question in {@code domain} (may be null): 1 unless named. */
  public double budgetScale(String domain) {
    return domain == null ? 1.0 : budgetScale.getOrDefault(domain.strip().toLowerCase(Locale.ROOT), 1.0);
  }

  public LengthUnit lengthUnit() {
    return lengthUnit;
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
    used.put("budget_scale", budgetScale.isEmpty() ? null : budgetScale);
    used.putAll(lengthUnit.describe());
    return used;
  }
}
