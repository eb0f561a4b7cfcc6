package org.cotkit.labelers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.cotkit.labelers.AnswerVerifier.Verdict;

/**
 * Labels one question for adaptive (L2) training data: verifies the chosen chain of thought against
 * the gold answer, grades the teacher's samples into a pass rate, lets a {@link DifficultyPolicy}
 * call the question simple or complex, and computes the DAST token budget.
 *
 * <p>A sample's correctness is the one the input gives, when it gives one (the user's grader may
 * know more than answer matching); otherwise its extracted answer is verified against the gold
 * answer. A sample that can be neither is left out of the pass rate and the budget. Lengths are of
 * the reasoning: the thinking of an R1-style trace.
 */
public final class QuestionLabeler {

  /** A teacher sample: its text and, when the input says, whether it is correct. */
  public record Sample(String cot, Boolean correct) {}

  /** What is known of a question. Strings may be null; {@code samples} is empty when there are none. */
  public record Question(String goldAnswer, String chosenCot, String longCot, String shortCot, List<Sample> samples,
      Double givenPassRate) {

    /** A question without a given pass rate. */
    public Question(String goldAnswer, String chosenCot, String longCot, String shortCot, List<Sample> samples) {
      this(goldAnswer, chosenCot, longCot, shortCot, samples, null);
    }
  }

  private final DifficultyPolicy policy;
  private final int budgetCap;
  private final TokenLength tokenLength;
  private final FinalAnswerExtractor extractor = new FinalAnswerExtractor();
  private final AnswerVerifier verifier = new AnswerVerifier();

  /**
   * @param policy decides difficulty
   * @param budgetCap when positive, the longest sample counts as at most this many tokens
   * @param tokenLength the token count used for lengths and budgets
   */
  public QuestionLabeler(DifficultyPolicy policy, int budgetCap, TokenLength tokenLength) {
    this.policy = policy;
    this.budgetCap = budgetCap;
    this.tokenLength = tokenLength;
  }

  public QuestionLabel label(Question question) {
    String gold = blankToNull(question.goldAnswer());
    Optional<ExtractedAnswer> extracted = extractor.extract(question.chosenCot());
    Verdict verdict = verdict(extracted, gold);

    Boolean longCotCorrect = correctness(question.longCot(), question, verdict, gold);
    Boolean shortCotCorrect = correctness(question.shortCot(), question, verdict, gold);

    List<Integer> lengths = new ArrayList<>();
    List<Boolean> correct = new ArrayList<>();
    for (Sample sample : question.samples()) {
      Boolean graded = sample.correct() != null
          ? sample.correct()
          : asBoolean(verdict(extractor.extract(sample.cot()), gold));
      if (graded != null) {
        lengths.add(tokenLength.of(reasoning(sample.cot())));
        correct.add(graded);
      }
    }
    // graded samples speak for themselves; without them, the dataset's own pass rate, when given
    Double passRate = correct.isEmpty()
        ? question.givenPassRate()
        : Double.valueOf(correct.stream().filter(Boolean::booleanValue).count() / (double) correct.size());
    OptionalInt budget = TokenBudget.dast(lengths, correct, budgetCap);

    // an R1-style trace with empty thinking has no long reasoning to measure
    String longThinking = question.longCot() == null ? "" : reasoning(question.longCot());
    Integer longCotTokens = longThinking.isBlank() ? null : tokenLength.of(longThinking);
    Optional<DifficultyPolicy.Decision> decision =
        policy.decide(new QuestionEvidence(correct.size(), passRate, shortCotCorrect, longCotTokens));

    return new QuestionLabel(
        extracted.map(ExtractedAnswer::value).orElse(null),
        extracted.map(ExtractedAnswer::source).orElse(null),
        verdict,
        longCotCorrect,
        shortCotCorrect,
        correct.size(),
        passRate,
        decision.map(DifficultyPolicy.Decision::difficulty).orElse(null),
        decision.map(DifficultyPolicy.Decision::source).orElse(null),
        budget.isPresent() ? budget.getAsInt() : null,
        longCotTokens);
  }

  /**
   * The verdict {@link #label} gives the chosen chain of thought, without grading samples or
   * deciding difficulty: for a pass that only needs to know which records a filter keeps.
   */
  public Verdict verdict(String goldAnswer, String chosenCot) {
    return verdict(extractor.extract(chosenCot), blankToNull(goldAnswer));
  }

  /** Whether {@code cot} verifies; the chosen CoT's verdict is reused rather than recomputed. */
  private Boolean correctness(String cot, Question question, Verdict chosenVerdict, String gold) {
    if (cot == null) {
      return null;
    }
    return asBoolean(cot.equals(question.chosenCot()) ? chosenVerdict : verdict(extractor.extract(cot), gold));
  }

  /**
   * The extracted answer against the gold one. A last-number guess that matches the gold answer
   * counts as correct, but one that misses proves nothing (the text may state the answer in other
   * units or words): it is unverifiable, so no correct chain of thought is filtered on a guess.
   */
  private Verdict verdict(Optional<ExtractedAnswer> extracted, String gold) {
    if (gold == null || extracted.isEmpty()) {
      return Verdict.UNVERIFIABLE;
    }
    Verdict verdict = verifier.verify(extracted.get().value(), gold);
    return verdict == Verdict.INCORRECT && extracted.get().isFallback() ? Verdict.UNVERIFIABLE : verdict;
  }

  /**
   * The reasoning of a generation, measured for lengths and budgets in the same unit as a dataset's
   * {@code cot_tokens}: the thinking of an R1-style trace, without its tags and final response.
   */
  private static String reasoning(String generation) {
    return ThinkTrace.split(generation).thinking();
  }

  private static Boolean asBoolean(Verdict verdict) {
    return verdict == Verdict.UNVERIFIABLE ? null : verdict == Verdict.CORRECT;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
