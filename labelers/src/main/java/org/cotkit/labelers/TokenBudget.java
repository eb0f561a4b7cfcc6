package org.cotkit.labelers;

import java.util.List;
import java.util.OptionalInt;

/**
 * DAST's per-question token length budget (arXiv 2503.04472):
 * {@code round(p · L̄_correct + (1 − p) · L_max)}, where p is the sampled pass rate, L̄_correct the
 * mean length of the correct samples and L_max the longest sample (or a configured cap). Easy
 * questions get about the length of a correct answer; hard ones, up to the longest reasoning.
 */
public final class TokenBudget {

  private TokenBudget() {}

  /**
   * @param sampleLengths token lengths of all verified samples
   * @param correct for each sample, whether it is correct
   * @param cap when positive, L_max is at most this many tokens
   * @return the budget; empty without samples. With no correct sample (p = 0) the budget is L_max.
   */
  public static OptionalInt dast(List<Integer> sampleLengths, List<Boolean> correct, int cap) {
    if (sampleLengths.size() != correct.size()) {
      throw new IllegalArgumentException(sampleLengths.size() + " lengths but " + correct.size() + " verdicts");
    }
    if (sampleLengths.isEmpty()) {
      return OptionalInt.empty();
    }
    int longest = 0;
    long correctTotal = 0;
    int correctCount = 0;
    for (int i = 0; i < sampleLengths.size(); i++) {
      longest = Math.max(longest, sampleLengths.get(i));
      if (correct.get(i)) {
        correctTotal += sampleLengths.get(i);
        correctCount++;
      }
    }
    double lMax = cap > 0 ? Math.min(longest, cap) : longest;
    double p = (double) correctCount / sampleLengths.size();
    double meanCorrect = correctCount == 0 ? 0 : (double) correctTotal / correctCount;
    return OptionalInt.of((int) Math.round(p * meanCorrect + (1 - p) * lMax));
  }
}
