package org.cotkit.pipelines.record;

import java.util.ArrayList;
import java.util.List;
import org.cotkit.labelers.ExtractedAnswer;
import org.cotkit.labelers.FinalAnswerExtractor;
import org.cotkit.labelers.QuestionLabel;
import org.cotkit.labelers.ThinkTrace;
import org.cotkit.pipelines.io.StableHash;

/**
 * The chain of thought chosen from a record to compress or label.
 *
 * @param record the record it came from
 * @param cot the reasoning to compress (for R1-style traces, the part inside {@code <think>})
 * @param answer the gold answer, else the one the teacher's response states; null if neither
 * @param answerSource {@code gold}, or how the response stated the answer ({@code boxed},
 *     {@code final_answer_phrase}, …); null without an answer
 * @param fromLongCot whether {@code cot} is the record's long CoT (false: its short CoT)
 * @param label the question's labels; null where the pipeline does not label ({@code compress})
 */
public record ChosenCot(TeacherRecord record, String cot, String answer, String answerSource, boolean fromLongCot,
    QuestionLabel label) {

  /** The {@code answer_source} of a gold answer. */
  public static final String GOLD = "gold";

  /**
   * Picks the chain of thought of {@code record} ({@code --cot}; the other one when the preferred
   * one is missing or its thinking is empty), splits an R1-style trace at {@code </think>} (the
   * thinking is compressed, the response only informs the answer), and settles the final answer:
   * the gold one, else one the teacher states explicitly. A last-number guess is never used as an
   * answer to keep.
   */
  public static ChosenCot choose(TeacherRecord record, CotPreference preference) {
    // an R1-style trace whose thinking is empty falls back to the other CoT, like a missing one
    List<String> cots = preference.inOrder(record);
    int chosen = 0;
    for (int i = 0; i < cots.size(); i++) {
      if (!ThinkTrace.split(cots.get(i)).thinking().isBlank()) {
        chosen = i;
        break;
      }
    }
    ThinkTrace trace = ThinkTrace.split(cots.get(chosen));
    boolean fromLongCot = preference == CotPreference.LONG
        ? record.longCot() != null && chosen == 0
        : record.shortCot() == null || chosen == 1;
    if (record.answer() != null && !record.answer().isBlank()) {
      return new ChosenCot(record, trace.thinking(), record.answer(), GOLD, fromLongCot, null);
    }
    String stated = trace.response().isEmpty() ? trace.thinking() : trace.response();
    ExtractedAnswer found = new FinalAnswerExtractor().extract(stated).filter(a -> !a.isFallback()).orElse(null);
    return new ChosenCot(record, trace.thinking(), found == null ? null : found.value(),
        found == null ? null : found.source(), fromLongCot, null);
  }

  /** The same chain of thought with the question's labels. */
  public ChosenCot withLabel(QuestionLabel newLabel) {
    return new ChosenCot(record, cot, answer, answerSource, fromLongCot, newLabel);
  }

  /**
   * The name key of a batch's output file: a hash of where its records were read (file and line),
   * unique per batch even when several input files repeat the same questions and ids, and the same
   * when a retried batch rewrites it.
   */
  public static String fileKey(List<ChosenCot> batch) {
    List<String> origins = new ArrayList<>(batch.size());
    for (ChosenCot cot : batch) {
      origins.add(cot.record().origin().location());
    }
    return StableHash.of(origins);
  }

  /** The chosen CoT's whole text as the record holds it (an R1-style trace with its response). */
  public String chosenText() {
    return fromLongCot ? record.longCot() : record.shortCot();
  }
}
