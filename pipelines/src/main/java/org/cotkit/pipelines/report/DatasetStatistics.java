package org.cotkit.pipelines.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.cotkit.pipelines.compress.TokenSkipRows;
import org.cotkit.pipelines.output.DatasetManifest;

/**
 * The figures of one dataset: rows by split, mode, γ and difficulty; CoT lengths before and after
 * pruning; how close pruning came to γ; the adaptive rows' labels; and the manifest's counts of
 * what did not become a row. Lengths are in the run's unit ({@link #lengthUnit}). Percentiles are
 * nearest-rank ({@link NearestRank}).
 *
 * @param command the command that wrote the dataset (compress, build, label)
 * @param lengthUnit "words", or "tokens of" a tokenizer, as the manifest's options name it
 */
public record DatasetStatistics(String folder, String command, String lengthUnit, long rows, List<Group> groups,
    List<Lengths> lengths, Adaptive adaptive, ManifestCounts manifest) {

  /** The percentiles the lengths are given at; 100 is the maximum. */
  public static final int[] LENGTH_PERCENTILES = {10, 50, 90, 99, 100};

  /** The percentile of |achieved − γ| given beside its mean. */
  public static final int ERROR_PERCENTILE = 95;

  /**
   * Reads a dataset folder: its manifest and, once, the rows of its data files. The caller checks
   * the folder first ({@link org.cotkit.pipelines.output.DatasetVerifier}).
   *
   * @throws IOException when the folder has no manifest or a file cannot be read
   */
  public static DatasetStatistics of(String folder) throws IOException {
    DatasetManifest manifest = DatasetManifest.read(folder)
        .orElseThrow(() -> new IOException(folder + " has no manifest.json: not a complete cotkit dataset"));
    RowTally tally = new RowTally();
    DatasetRows.forEach(folder, manifest, tally::add);
    return tally.statistics(folder, manifest.command(),
        manifest.section("options").path("length_unit").asText("words"), ManifestCounts.of(manifest));
  }

  /** The figures of every TokenSkip row together, whatever its γ; empty when there is none. */
  public Optional<Lengths> tokenskip() {
    List<Lengths> pruned = lengths.stream().filter(l -> TokenSkipRows.MODE.equals(l.mode())).toList();
    return pruned.isEmpty() ? Optional.empty() : Optional.of(Lengths.merge(TokenSkipRows.MODE, pruned));
  }

  /** How many rows of one split, mode, γ and difficulty there are, and how many are verified correct. */
  public record Group(String split, String mode, Double ratio, String difficulty, long rows, long checked,
      long verified) {
    /** Rows verified correct over all the group's rows; empty when none was checked. */
    public OptionalDouble verifiedShare() {
      return checked == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) verified / rows);
    }
  }

  /**
   * The CoT lengths of the rows of one mode and γ (γ null for adaptive rows): before pruning
   * ({@code cot_tokens}), after ({@code kept_tokens}), and |achieved_ratio − γ|. Arrays are sorted.
   */
  public static final class Lengths {
    private final String mode;
    private final Double ratio;
    private final long rows;
    final int[] before;
    final int[] after;
    final double[] achieved;
    final double[] errors;
    private final long savedFrom;
    private final long saved;

    Lengths(String mode, Double ratio, long rows, int[] before, int[] after, double[] achieved, double[] errors,
        long savedFrom, long saved) {
      this.mode = mode;
      this.ratio = ratio;
      this.rows = rows;
      this.before = before;
      this.after = after;
      this.achieved = achieved;
      this.errors = errors;
      this.savedFrom = savedFrom;
      this.saved = saved;
    }

    static Lengths merge(String mode, List<Lengths> parts) {
      long rows = 0;
      long savedFrom = 0;
      long saved = 0;
      for (Lengths part : parts) {
        rows += part.rows;
        savedFrom += part.savedFrom;
        saved += part.saved;
      }
      return new Lengths(mode, null, rows, concat(parts, p -> p.before), concat(parts, p -> p.after),
          concatDoubles(parts, p -> p.achieved), concatDoubles(parts, p -> p.errors), savedFrom, saved);
    }

    public String mode() {
      return mode;
    }

    /** γ; null for rows without one (adaptive rows, or all γ together). */
    public Double ratio() {
      return ratio;
    }

    public long rows() {
      return rows;
    }

    /** The p-th percentile of the length before pruning; empty when no row has one. */
    public Optional<Integer> before(int percent) {
      return before.length == 0 ? Optional.empty() : Optional.of(NearestRank.of(before, percent));
    }

    /** The p-th percentile of the length after pruning; empty when no row has one. */
    public Optional<Integer> after(int percent) {
      return after.length == 0 ? Optional.empty() : Optional.of(NearestRank.of(after, percent));
    }

    /** The mean of |achieved_ratio − γ|; empty where rows have no γ. */
    public OptionalDouble meanError() {
      return errors.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(Arrays.stream(errors).sum() / errors.length);
    }

    /** The p-th percentile of |achieved_ratio − γ|; empty where rows have no γ. */
    public OptionalDouble error(int percent) {
      return errors.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(NearestRank.of(errors, percent));
    }

    /** Σ (cot_tokens − kept_tokens) over the rows that have both. */
    public long saved() {
      return saved;
    }

    /** Σ cot_tokens over the rows that have both lengths: what {@link #saved} is a share of. */
    public long savedFrom() {
      return savedFrom;
    }

    /** {@link #saved} over Σ cot_tokens of the same rows; empty when there are none. */
    public OptionalDouble savedShare() {
      return savedFrom == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) saved / savedFrom);
    }

    private interface IntsOf {
      int[] of(Lengths lengths);
    }

    private interface DoublesOf {
      double[] of(Lengths lengths);
    }

    private static int[] concat(List<Lengths> parts, IntsOf column) {
      int[] out = parts.stream().flatMapToInt(p -> Arrays.stream(column.of(p))).toArray();
      Arrays.sort(out);
      return out;
    }

    private static double[] concatDoubles(List<Lengths> parts, DoublesOf column) {
      double[] out = parts.stream().flatMapToDouble(p -> Arrays.stream(column.of(p))).toArray();
      Arrays.sort(out);
      return out;
    }
  }

  /**
   * The adaptive rows, one per question: their difficulty by split, token budgets and pass rates
   * (sorted; rows without one are counted apart).
   */
  public record Adaptive(long rows, Map<String, Map<String, Long>> difficultyBySplit, int[] tokenBudgets,
      long withoutBudget, double[] passRates, long withoutPassRate) {

    /** Rows by difficulty, all splits together ("-" for rows without one). */
    public Map<String, Long> difficulty() {
      Map<String, Long> total = new TreeMap<>();
      difficultyBySplit.values().forEach(bySplit -> bySplit.forEach((d, n) -> total.merge(d, n, Long::sum)));
      return total;
    }

    public Optional<Integer> tokenBudget(int percent) {
      return tokenBudgets.length == 0 ? Optional.empty() : Optional.of(NearestRank.of(tokenBudgets, percent));
    }

    public OptionalDouble passRate(int percent) {
      return passRates.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(NearestRank.of(passRates, percent));
    }
  }

  /**
   * What the manifest counts of the records that became no row: filtered by reason, dead-lettered
   * by stage; and what deduplication and decontamination found, where the run asked for them.
   */
  public record ManifestCounts(long recordsRead, long filtered, Map<String, Long> filteredByReason,
      long deadLettered, Map<String, Long> deadLetteredByStage, Optional<Deduplication> deduplication,
      Optional<Decontamination> decontamination) {

    static ManifestCounts of(DatasetManifest manifest) {
      JsonNode counts = manifest.counts();
      JsonNode dedup = manifest.section("deduplication");
      JsonNode decontamination = manifest.section("decontamination");
      return new ManifestCounts(counts.path("records_read").asLong(), counts.path("filtered").asLong(),
          longs(counts.path("filtered_by_reason")), counts.path("dead_lettered").asLong(),
          longs(counts.path("dead_lettered_by_stage")),
          dedup.isObject() ? Optional.of(Deduplication.of(dedup)) : Optional.empty(),
          decontamination.isObject() ? Optional.of(Decontamination.of(decontamination)) : Optional.empty());
    }

    /** Records filtered for {@code reason}; 0 when the manifest has no such reason. */
    public long filtered(String reason) {
      return filteredByReason.getOrDefault(reason, 0L);
    }

    private static Map<String, Long> longs(JsonNode object) {
      Map<String, Long> out = new LinkedHashMap<>();
      object.fields().forEachRemaining(field -> out.put(field.getKey(), field.getValue().asLong()));
      return out;
    }
  }

  /** The manifest's {@code deduplication} section. */
  public record Deduplication(String mode, OptionalDouble jaccardThreshold, long duplicates, long nearDuplicates) {
    static Deduplication of(JsonNode section) {
      JsonNode threshold = section.path("jaccard_threshold");
      return new Deduplication(section.path("mode").asText("-"),
          threshold.isNumber() ? OptionalDouble.of(threshold.asDouble()) : OptionalDouble.empty(),
          section.path("duplicates").asLong(), section.path("near_duplicates").asLong());
    }
  }

  /** The manifest's {@code decontamination} section: the n-gram size and what each benchmark caught. */
  public record Decontamination(int ngram, List<Benchmark> benchmarks) {
    public record Benchmark(String file, long questions, long contaminated) {}

    static Decontamination of(JsonNode section) {
      List<Benchmark> benchmarks = new ArrayList<>();
      for (JsonNode benchmark : section.path("benchmarks")) {
        benchmarks.add(new Benchmark(benchmark.path("file").asText(), benchmark.path("questions").asLong(),
            benchmark.path("contaminated").asLong()));
      }
      return new Decontamination(section.path("ngram").asInt(), benchmarks);
    }
  }
}
