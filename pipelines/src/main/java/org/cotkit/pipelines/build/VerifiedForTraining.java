package org.cotkit.pipelines.build;

import java.util.List;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.cotkit.labelers.AnswerVerifier.Verdict;
import org.cotkit.labelers.FirstApplicableDifficulty;
import org.cotkit.labelers.QuestionLabeler;
import org.cotkit.pipelines.record.ChosenCot;
import org.cotkit.pipelines.record.CotPreference;
import org.cotkit.pipelines.record.TeacherRecord;

/**
 * Whether {@code build} keeps a record for compression: its chosen CoT's answer is not wrong (or
 * wrong ones are kept). The corpus pass fits the bigram model on exactly these records, the ones
 * the record pass scores.
 */
final class VerifiedForTraining implements SerializableFunction<TeacherRecord, Boolean> {

  private final CotPreference preference;
  private transient QuestionLabeler labeler;

  VerifiedForTraining(CotPreference preference) {
    this.preference = preference;
  }

  @Override
  public Boolean apply(TeacherRecord record) {
    if (labeler == null) {
      // only the verdict is asked for: no policy decides, no length is measured
      labeler = new QuestionLabeler(new FirstApplicableDifficulty(List.of()), 0, text -> 0);
    }
    try {
      ChosenCot chosen = ChosenCot.choose(record, preference);
      return labeler.verdict(record.answer(), chosen.chosenText()) != Verdict.INCORRECT;
    } catch (RuntimeException e) {
      return false; // the record pass dead-letters it: it is not scored either
    }
  }
}
