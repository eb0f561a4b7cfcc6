package org.cotkit.pipelines;

import java.util.regex.Pattern;

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

  private static final Pattern CALCULATOR_NOTE = Pattern.compile("<<[^<>]*>>");

  /** Applies the preset to a parsed record; returns it unchanged for {@code NONE}. */
  TeacherRecord apply(TeacherRecord record, FieldMapping mapping) throws InvalidRecordException {
    if (this == NONE) {
      return record;
    }
    String solution = record.answer();
    int marker = solution == null ? -1 : solution.lastIndexOf("####");
    if (marker < 0) {
      throw new InvalidRecordException(
          "field '" + mapping.actualName("answer") + "' has no '#### N' final answer line (preset gsm8k)");
    }
    String answer = solution.substring(marker + 4).strip().replace(",", "");
    String cot = CALCULATOR_NOTE.matcher(solution.substring(0, marker)).replaceAll("").strip();
    if (answer.isEmpty() || cot.isEmpty()) {
      throw new InvalidRecordException(
          "field '" + mapping.actualName("answer") + "' has an empty " + (answer.isEmpty() ? "answer after '####'" : "solution before '####'") + " (preset gsm8k)");
    }
    return new TeacherRecord(
        record.id(), record.question(), answer, record.longCot(), cot, record.samples(),
        record.source(), record.domain(), record.origin());
  }
}
