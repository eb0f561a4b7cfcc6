package org.cotkit.pipelines.record;

import org.cotkit.labelers.Gsm8kSolution;

/**
 * Shapes of well-known datasets, turned into canonical fields after the {@link FieldMapping}.
 *
 * <ul>
 *   <li>{@code NONE}: fields are read as they are.
 *   <li>{@code GSM8K}: {@code answer} holds a reference solution ending in {@code #### N} (GSM8K's
 *       train and test files). The solution without that line and without the {@code <<48/2=24>>}
 *       calculator notes becomes {@code short_cot}; {@code N} (thousands separators removed)
 *       becomes {@code answer}.
 * </ul>
 */
public enum InputPreset {
  NONE,
  GSM8K;

  /** Applies the preset to a parsed record; returns it unchanged for {@code NONE}. */
  TeacherRecord apply(TeacherRecord record, FieldMapping mapping) throws InvalidRecordException {
    if (this == NONE) {
      return record;
    }
    Gsm8kSolution solution = Gsm8kSolution.parse(record.answer()).orElseThrow(() -> new InvalidRecordException(
        "field '" + mapping.actualName("answer") + "' is not a solution ending in a '#### N' line (preset gsm8k)"));
    return new TeacherRecord(
        record.id(), record.question(), solution.answer(), record.longCot(), solution.reasoning(),
        record.samples(), record.passRate(), record.source(), record.domain(), record.origin());
  }
}
