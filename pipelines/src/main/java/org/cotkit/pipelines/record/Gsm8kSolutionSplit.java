package org.cotkit.pipelines.record;

import org.cotkit.labelers.Gsm8kSolution;

/**
 * The {@code gsm8k} preset's step: {@code answer} holds a reference solution ending in
 * {@code #### N} (GSM8K's train and test files). The solution without that line and without the
 * {@code <<48/2=24>>} calculator notes becomes {@code short_cot}; {@code N} (thousands separators
 * removed) becomes {@code answer}.
 */
final class Gsm8kSolutionSplit {

  private Gsm8kSolutionSplit() {}

  static TeacherRecord apply(TeacherRecord record, FieldMapping mapping) throws InvalidRecordException {
    Gsm8kSolution solution = Gsm8kSolution.parse(record.answer()).orElseThrow(() -> new InvalidRecordException(
        "field '" + mapping.actualName("answer") + "' is not a solution ending in a '#### N' line (preset gsm8k)"));
    return record.withAnswer(solution.answer()).withShortCot(solution.reasoning());
  }
}
