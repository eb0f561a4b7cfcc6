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
 * <p>Generations are checked by an {@link AnswerCheck} of the question: math answers, choice
 * letters, or nothing at all for a question {@link NotVerifiable not verifiable} (a proof, code,
 * free text), whose chain-of-thought verdicts are all unverifiable, so that the short-CoT policy
 * has no evidence and the next policy decides.
 *
 * <p>A sample's correctness is the one the input gives, when it gives one (the user's grader may
 * know more than answer matching), even for a question not verifiable; otherwise its extracted
 * answer is verified against the gold answer. A sample that can be neither is left out of the pass
 * rate and the budget. Lengths are of the reasoning: the thinking of an R1-style trace.
 */
public final class QuestionLabeler {

  /** A teacher sample: its text and, when the input says, whether it is correct. */
  public record Sample(String cot, Boolean correct) {}

  /**
   * What is known of a question. Strings may be null; {@code samples} is empty when there are none.
   *
   * @param text the question itself: it may list the options of a multiple-choice question or ask
   *     for a proof; null when unknown
   */
  public record Question(String text, String goldAnswer, String chosenCot, String longCot, String shortCot,
      List<Sample> samples, Double givenPassRate) {

    /** A question whose text is not known. */
    public Question(String goldAnswer, String chosenCot, String longCot, String shortCot, List<Sample> samples,
        Double givenPassRate) {
      this(null, goldAnswer, chosenCot, longCot, shortCot, samples, givenPassRate);
    }

    /** A question whose text is not known, without a given pass rate. */
    public Question(String goldAnswer, String chosenCot, String longCot, String shortCot, List<Sample> samples) {
      this(null, goldAnswer, chosenCot, longCot, shortCot, samples, null);
    }
  }

  private final DifficultyPolicy policy;
  private final int budgetCap;
  private final TokenLength tokenLength;

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
    AnswerCheck check = AnswerCheck.of(question.text(), question.goldAnswer());
    AnswerCheck.Result chosen = check.check(question.chosenCot());
    Optional<ExtractedAnswer> extracted = chosen.answer();
    Verdict verdict = chosen.verdict();

    Boolean longCotCorrect = correctness(question.longCot(), question, verdict, check);
    Boolean shortCotCorrect = correctness(question.shortCot(), question, verdict, check);

    List<Integer> lengths = new ArrayList<>();
    List<Boolean> correct = new ArrayList<>();
    for (Sample sample : question.samples()) {
      Boolean graded = sample.correct() != null
          ? sample.correct()
          : asBoolean(check.check(sample.cot()).verdict());
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
   *
   * @param questionText the question, which may list options or ask for a proof; null if unknown
   */
  public Verdict verdict(String questionText, String goldAnswer, String chosenCot) {
    return AnswerCheck.of(questionText, goldAnswer).check(chosenCot).verdict();
  }

  /** {@link #verdict(String, String, String)} for a question whose text is not known. */
  public Verdict verdict(String goldAnswer, String chosenCot) {
    return verdict(null, goldAnswer, chosenCot);
  }

  /** Whether {@code cot} verifies; the chosen CoT's verdict is reused rather than recomputed. */
  private static Boolean correctness(String cot, Question question, Verdict chosenVerdict, AnswerCheck check) {
    if (cot == null) {
      return null;
    }
    return asBoolean(cot.equals(question.chosenCot()) ? chosenVerdict : check.check(cot).verdict());
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
}
