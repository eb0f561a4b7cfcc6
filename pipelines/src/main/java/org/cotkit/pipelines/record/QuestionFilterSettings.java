package org.cotkit.pipelines.record;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;

/**
 * Which records a run drops before its work: duplicates of an earlier question, and questions that
 * overlap a benchmark's.
 *
 * @param dedup none, exact (the same words, whatever the case, spacing and punctuation) or near (also a Jaccard similarity of
 *     word 3-grams at least {@code jaccardThreshold})
 * @param jaccardThreshold in (0, 1]: near duplicates within the input and of a benchmark question
 * @param benchmarks benchmark files (JSONL, JSON or Parquet); empty for no decontamination
 * @param benchmarkMap where a benchmark record holds its question and id ({@code question=problem,id=unique_id});
 *     empty to look for {@link BenchmarkQuestions#QUESTION_FIELDS} and {@link BenchmarkQuestions#ID_FIELDS}
 * @param ngram words of the n-grams a training and a benchmark question must share to be contaminated
 */
public record QuestionFilterSettings(Dedup dedup, double jaccardThreshold, List<String> benchmarks,
    String benchmarkMap, int ngram) implements Serializable {

  /** How duplicates are found. */
  public enum Dedup { NONE, EXACT, NEAR }

  /** Nothing dropped: runs started from code that do not ask for it. */
  public static final QuestionFilterSettings NONE = new QuestionFilterSettings(Dedup.NONE, 0.8, List.of(), "", 8);

  /** @throws IllegalArgumentException naming the option at fault */
  public QuestionFilterSettings {
    if (!(jaccardThreshold > 0 && jaccardThreshold <= 1)) {
      throw new IllegalArgumentException("--dedup-threshold must be in (0, 1], got " + jaccardThreshold);
    }
    if (ngram < 1) {
      throw new IllegalArgumentException("--contamination-ngram must be at least 1, got " + ngram);
    }
    benchmarks = List.copyOf(benchmarks);
    benchmarkPaths();
  }

  /**
   * Where a benchmark record holds {@code question} and {@code id}, by those names; only the ones
   * {@code benchmarkMap} names.
   *
   * @throws IllegalArgumentException naming the entry at fault
   */
  public Map<String, FieldPath> benchmarkPaths() {
    Map<String, FieldPath> paths = new LinkedHashMap<>();
    if (benchmarkMap == null || benchmarkMap.isBlank()) {
      return paths;
    }
    for (String entry : benchmarkMap.split(",")) {
      int eq = entry.indexOf('=');
      String field = eq < 0 ? "" : entry.substring(0, eq).strip();
      String actual = eq < 0 ? "" : entry.substring(eq + 1).strip();
      if (!(field.equals("question") || field.equals("id")) || actual.isEmpty()) {
        throw new IllegalArgumentException("--benchmark-map entry '" + entry.strip()
            + "' is not question=FIELD or id=FIELD (e.g. question=problem,id=unique_id)");
      }
      try {
        paths.put(field, FieldPath.parse(actual));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--benchmark-map " + field + "=…: " + e.getMessage());
      }
    }
    return paths;
  }

  public boolean decontaminates() {
    return !benchmarks.isEmpty();
  }

  /** For the manifest's options. */
  public LinkedHashMap<String, Object> describe() {
    LinkedHashMap<String, Object> used = new LinkedHashMap<>();
    used.put("dedup", dedup.name().toLowerCase(Locale.ROOT));
    used.put("dedup_threshold", jaccardThreshold);
    used.put("decontaminate", benchmarks);
    used.put("benchmark_map", benchmarkMap);
    used.put("contamination_ngram", ngram);
    return used;
  }
}
