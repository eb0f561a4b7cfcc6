package org.cotkit.pipelines.record;

/**
 * The {@code openr1} preset's step: the long CoT is the first generation Math-Verify found correct.
 * OpenR1-Math keeps every problem with at least one correct trace, not with a correct first one,
 * and a CoT that reaches a wrong answer would be filtered. Without a verified generation the first
 * one stays. A user's own {@code --map long_cot=…} or {@code samples=…} is kept as given.
 */
final class FirstVerifiedGeneration {

  /** Where the preset reads the long CoT and the samples. */
  static final String LONG_COT = "generations[0]";
  static final String SAMPLES = "generations";

  private FirstVerifiedGeneration() {}

  static TeacherRecord apply(TeacherRecord record, FieldMapping mapping) {
    if (!mapping.actualName("long_cot").equals(LONG_COT) || !mapping.actualName("samples").equals(SAMPLES)) {
      return record;
    }
    for (TeacherSample sample : record.samples()) {
      if (Boolean.TRUE.equals(sample.correct()) && !sample.cot().isBlank()) {
        return sample.cot().equals(record.longCot()) ? record : record.withLongCot(sample.cot());
      }
    }
    return record;
  }
}
