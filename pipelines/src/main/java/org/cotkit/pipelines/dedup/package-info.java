/**
 * Which questions a run may train on: exact and near duplicates within the input, and questions
 * that overlap a benchmark's. Both are corpus-pass statistics ({@link DuplicateQuestions},
 * {@link BenchmarkNgrams}) read by one record-pass filter ({@link QuestionFilter}), which counts
 * every record it drops and lists it under {@code duplicates/} or {@code contamination/}.
 */
package org.cotkit.pipelines.dedup;
