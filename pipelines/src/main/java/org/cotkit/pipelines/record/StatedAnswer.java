package org.cotkit.pipelines.record;

import java.util.Optional;
import org.cotkit.labelers.ExtractedAnswer;
import org.cotkit.labelers.FinalAnswerExtractor;

/**
 * The step of presets whose answer field may hold a whole reference solution (s1K's
 * {@code solution}, the GSM8K solution a generation script copied beside its response): the gold
 * answer is the final answer the text states ({@code \boxed{…}}, "The final answer is …",
 * {@code #### N}), else the text itself when it is one short line (it is the answer, as AIME's
 * {@code 128} or a crossword's word), else there is none and the answer the CoT states is used,
 * as for a record without one. A solution is never taken as the answer: the answer is written into
 * every completion and kept word for word in every pruned CoT.
 */
final class StatedAnswer {

  /** Longer lines are explanations, not answers (s1K's science solutions). */
  static final int MAX_ANSWER_CHARS = 100;

  private static final FinalAnswerExtractor EXTRACTOR = new FinalAnswerExtractor();

  private StatedAnswer() {}

  static TeacherRecord apply(TeacherRecord record, FieldMapping mapping) {
    if (record.answer() == null) {
      return record;
    }
    String answer = of(record.answer());
    return record.answer().equals(answer) ? record : record.withAnswer(answer);
  }

  /** The answer {@code text} states, or null. */
  static String of(String text) {
    // a last-number guess is no answer to keep: a proof ends with numbers too
    Optional<ExtractedAnswer> stated = EXTRACTOR.extract(text).filter(found -> !found.isFallback());
    if (stated.isPresent()) {
      return stated.get().value();
    }
    String line = text.strip();
    return !line.isEmpty() && line.length() <= MAX_ANSWER_CHARS && line.lines().count() == 1 ? line : null;
  }
}
