package org.cotkit.pipelines.label;

import java.util.List;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.cotkit.labelers.AnswerVerifier.Verdict;
import org.cotkit.labelers.FirstApplicableDifficulty;
import org.cotkit.labelers.QuestionLabeler;
import org.cotkit.pipelines.record.ChosenCot;
import org.cotkit.pipelines.record.CotPreference;
import org.cotkit.pipelines.record.TeacherRecord;

/**
 * Whether a record is kept for compression when wrong answers are dropped ({@code build} by
 * default, {@code compress --drop-incorrect}): its chosen CoT's answer is not wrong. The corpus
 * pass fits the bigram model on exactly these records, the ones the record pass scores.
 */
public final class VerifiedForTraining implements SerializableFunction<TeacherRecord, Boolean> {

  private final CotPreference preference;
  private transient QuestionLabeler labeler;

  public VerifiedForTraining(CotPreference preference) {
    this.preference = preference;
  }

  @Override
  public Boolean apply(TeacherRecord record) {
    try {
      return !incorrect(ChosenCot.choose(record, preference));
    } catch (RuntimeException e) {
      return false; // the record pass dead-letters it: it is not scored either
    }
  }

  /** Whether the chosen CoT reaches an answer other than the gold one (not: unverifiable). */
  public boolean incorrect(ChosenCot chosen) {
    if (labeler == null) {
      // only the verdict is asked for: no policy decides, no length is measured
      labeler = new QuestionLabeler(new FirstApplicableDifficulty(List.of()), 0, text -> 0);
    }
    TeacherRecord record = chosen.record();
    return labeler.verdict(record.question(), record.answer(), chosen.chosenText()) == Verdict.INCORRECT;
  }
}
