package org.cotkit.pipelines.build;

import org.cotkit.compressors.CompressedCot;
import org.cotkit.labelers.Difficulty;
import org.cotkit.labelers.ExtractedAnswer;
import org.cotkit.labelers.FinalAnswerExtractor;
import org.cotkit.labelers.QuestionLabel;
import org.cotkit.labelers.ThinkTrace;
import org.cotkit.labelers.TokenLength;
import org.cotkit.pipelines.compress.CompressedRecord;
import org.cotkit.pipelines.record.ChosenCot;
import org.cotkit.pipelines.record.TeacherRecord;
import org.cotkit.pipelines.sft.SftExample;

/**
 * The adaptive (L2, {@code mode = adaptive}) example of one labelled question: a simple question
 * is answered with the short CoT (or the long CoT pruned to γ, {@link SimpleSource}), a complex
 * one with the long CoT, tagged as {@link AdaptiveFormat} lays out.
 *
 * <p>A question gets no adaptive example when it has no difficulty, lacks the CoT its difficulty
 * calls for, or that CoT reaches a wrong answer (unless incorrect ones are kept); the reason is
 * returned so the manifest can count it.
 */
public final class AdaptiveExample {

  public static final String MODE = "adaptive";

  /** Either a row or why there is none. */
  public record Outcome(SftExample row, String skipped) {
    static Outcome skip(String reason) {
      return new Outcome(null, reason);
    }
  }

  private final AdaptiveFormat format;
  private final SimpleSource simpleSource;
  private final boolean keepIncorrect;
  private final TokenLength tokenLength;

  public AdaptiveExample(AdaptiveFormat format, SimpleSource simpleSource, boolean keepIncorrect, TokenLength tokenLength) {
    this.format = format;
    this.simpleSource = simpleSource;
    this.keepIncorrect = keepIncorrect;
    this.tokenLength = tokenLength;
  }

  /**
   * The answer the row ends with: the gold one, else the one its own chain of thought states (the
   * record's answer came from the chosen CoT, which may be the other one), never a last-number guess.
   */
  private static ExtractedAnswer answer(ChosenCot input, boolean chosenCot, String cotText) {
    if (ChosenCot.GOLD.equals(input.answerSource()) || chosenCot) {
      return input.answer() == null ? null : new ExtractedAnswer(input.answer(), input.answerSource());
    }
    return new FinalAnswerExtractor().extract(cotText).filter(found -> !found.isFallback()).orElse(null);
  }

  public Outcome of(CompressedRecord compressed, String split) {
    ChosenCot input = compressed.input();
    TeacherRecord record = input.record();
    QuestionLabel label = input.label();
    if (label == null || label.difficulty() == null) {
      return Outcome.skip("no_difficulty");
    }
    Difficulty difficulty = label.difficulty();
    String cot;
    Boolean verified;
    Double ratio = null;
    Double achieved = null;
    int cotTokens;
    int keptTokens;
    if (difficulty == Difficulty.SIMPLE && simpleSource.fromLongCot()) {
      CompressedCot pruned = compressed.simpleCompression();
      if (pruned == null) {
        return Outcome.skip("no_long_cot");
      }
      cot = pruned.text();
      verified = label.longCotCorrect();
      ratio = pruned.ratio();
      achieved = pruned.achievedRatio();
      cotTokens = pruned.totalTokens();
      keptTokens = pruned.keptTokens();
    } else {
      boolean simple = difficulty == Difficulty.SIMPLE;
      String text = simple ? record.shortCot() : record.longCot();
      if (text == null || ThinkTrace.split(text).thinking().isBlank()) {
        return Outcome.skip(simple ? "no_short_cot" : "no_long_cot");
      }
      cot = ThinkTrace.split(text).thinking();
      verified = simple ? label.shortCotCorrect() : label.longCotCorrect();
      cotTokens = tokenLength.of(cot);
      keptTokens = cotTokens;
    }
    if (Boolean.FALSE.equals(verified) && !keepIncorrect) {
      return Outcome.skip(difficulty == Difficulty.SIMPLE && !simpleSource.fromLongCot()
          ? "short_cot_incorrect" : "long_cot_incorrect");
    }
    boolean usesLongCot = difficulty == Difficulty.COMPLEX || simpleSource.fromLongCot();
    ExtractedAnswer answer = answer(input, usesLongCot == input.fromLongCot(), usesLongCot ? record.longCot() : record.shortCot());
    String prompt = format.prompt(record.question(), difficulty);
    String completion = format.completion(cot, answer == null ? null : answer.value(), difficulty);
    return new Outcome(new SftExample(
        record.id() + ":" + MODE,
        record.id(),
        split,
        MODE,
        prompt,
        completion,
        format.messages(record.question(), difficulty, completion),
        ratio,
        achieved,
        difficulty.label(),
        label.difficultySource(),
        label.passRate(),
        label.tokenBudget(),
        cotTokens,
        keptTokens,
        answer == null ? null : answer.value(),
        answer == null ? null : answer.source(),
        verified,
        record.source(),
        label.budgetScale()), null);
  }
}
