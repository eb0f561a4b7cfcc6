package org.cotkit.labelers;

import java.io.Serializable;
import org.cotkit.labelers.AnswerVerifier.Verdict;

/**
 * What {@link QuestionLabeler} found out about one question and the chain of thought chosen for it.
 * Fields are null where the record lacks the evidence.
 *
 * @param answerExtracted the final answer found in the chosen chain of thought; null if none
 * @param answerSource how it was found ({@link ExtractedAnswer#source()}); null if none
 * @param verdict the extracted answer against the gold one; UNVERIFIABLE without either
 * @param longCotCorrect whether the long CoT's answer verifies; null when it cannot be told
 * @param shortCotCorrect whether the short CoT's answer verifies; null when it cannot be told
 * @param samplesGraded teacher samples whose correctness is known (given or verified)
 * @param passRate share of the graded samples that are correct; null when none is graded
 * @param difficulty simple or complex; null when no policy had its evidence
 * @param difficultySource the policy that decided ({@code pass_rate}, {@code pass_rate_given},
 *     {@code short_cot}, {@code length})
 * @param tokenBudget DAST budget in tokens; null without graded samples
 * @param longCotTokens length of the long CoT's reasoning in tokens; null without one (or with empty thinking)
 * @param budgetScale the factor of the question's domain the budget was multiplied by; null when
 *     budgets are not scaled or there is no budget
 */
public record QuestionLabel(
    String answerExtracted,
    String answerSource,
    Verdict verdict,
    Boolean longCotCorrect,
    Boolean shortCotCorrect,
    int samplesGraded,
    Double passRate,
    Difficulty difficulty,
    String difficultySource,
    Integer tokenBudget,
    Integer longCotTokens,
    Double budgetScale)
    implements Serializable {

  /** A label without a budget scale. */
  public QuestionLabel(String answerExtracted, String answerSource, Verdict verdict, Boolean longCotCorrect,
      Boolean shortCotCorrect, int samplesGraded, Double passRate, Difficulty difficulty, String difficultySource,
      Integer tokenBudget, Integer longCotTokens) {
    this(answerExtracted, answerSource, verdict, longCotCorrect, shortCotCorrect, samplesGraded, passRate, difficulty,
        difficultySource, tokenBudget, longCotTokens, null);
  }

  /**
   * This label with its budget multiplied by {@code factor} (rounded) and the factor recorded; a
   * label without a budget is returned as it is. DAST's survey sets the budget's coefficient by
   * question type: a math question warrants more tokens than a history one.
   */
  public QuestionLabel withBudgetScale(double factor) {
    if (tokenBudget == null) {
      return this;
    }
    return new QuestionLabel(answerExtracted, answerSource, verdict, longCotCorrect, shortCotCorrect, samplesGraded,
        passRate, difficulty, difficultySource, (int) Math.round(tokenBudget * factor), longCotTokens, factor);
  }

  /** The verdict as a dataset column: true, false, or null when unverifiable. */
  public Boolean verified() {
    return switch (verdict) {
      case CORRECT -> true;
      case INCORRECT -> false;
      case UNVERIFIABLE -> null;
    };
  }
}
