package org.cotkit.pipelines.manifest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.PDone;
import org.cotkit.pipelines.io.RenamedIntoPlace;
import org.cotkit.pipelines.io.WrittenFile;

/**
 * Writes {@code manifest.json}: the options of the run and exact counts computed by the pipeline
 * itself (not metrics, which a runner may report approximately). The input holds partial counts
 * (e.g. one per batch) that are summed here. Count keys are dotted:
 * {@code records_read}, {@code records_written}, {@code rows_written},
 * {@code dead_lettered.<stage>}, {@code filtered.<reason>}. The manifest says whether they balance:
 * every record read is written, dead-lettered or filtered.
 *
 * <p>{@code files} lists every file of the dataset but the manifest itself, sorted by path, each with
 * its rows (Parquet rows or JSONL lines), bytes and SHA-256, as its writer saw them: {@code cotkit
 * verify} checks the dataset against it. The manifest is written last, once every file is in
 * place, so on any file system a dataset with a manifest is complete.
 *
 * <p>Distributions are counts too: {@code label.<what>.<value>} (verdicts, difficulty, deciding
 * policy, pass rate, token budget) become the {@code labels} section, {@code examples.<what>.<value>}
 * (rows by mode and split, questions without an adaptive row) the {@code examples} section. Token
 * budgets are counted per value, so their quantiles are exact.
 */
public final class WriteManifest extends PTransform<PCollectionList<KV<String, Long>>, PDone> {

  public static final String FILE_NAME = "manifest.json";

  private final String outputDirectory;
  private final Map<String, Object> header;
  private final PCollectionView<List<WrittenFile>> files;
  private final double maxErrorRate;

  /**
   * @param header entries written before the counts (command, version, options); must serialise
   *     with Jackson and Java serialization
   * @param files the entries of every file written, complete only once they all are
   * @param maxErrorRate the share of records read that may be dead-lettered ({@code --max-error-rate})
   */
  public WriteManifest(String outputDirectory, LinkedHashMap<String, Object> header,
      PCollectionView<List<WrittenFile>> files, double maxErrorRate) {
    this.outputDirectory = outputDirectory;
    this.header = header;
    this.files = files;
    this.maxErrorRate = maxErrorRate;
  }

  @Override
  public PDone expand(PCollectionList<KV<String, Long>> counts) {
    counts
        .apply("AllCounts", Flatten.pCollections())
        .apply("OneKey", WithKeys.of("manifest"))
        .apply("Gather", GroupByKey.create())
        .apply("WriteJson", ParDo.of(new WriteFn(outputDirectory, header, files, maxErrorRate)).withSideInputs(files));
    return PDone.in(counts.getPipeline());
  }

  /** The counts section of a manifest, with totals and the balance check, from dotted keys. */
  static Map<String, Object> countsSection(Map<String, Long> counts) {
    Map<String, Object> section = new LinkedHashMap<>();
    long read = counts.getOrDefault("records_read", 0L);
    long written = counts.getOrDefault("records_written", 0L);
    Map<String, Long> deadByStage = byPrefix(counts, "dead_lettered.");
    Map<String, Long> filtered = byPrefix(counts, "filtered.");
    long dead = deadByStage.values().stream().mapToLong(Long::longValue).sum();
    long filteredTotal = filtered.values().stream().mapToLong(Long::longValue).sum();
    section.put("records_read", read);
    section.put("records_written", written);
    if (counts.containsKey("rows_written")) { // commands that write records, not rows, have none
      section.put("rows_written", counts.get("rows_written"));
    }
    section.put("dead_lettered", dead);
    section.put("dead_lettered_by_stage", deadByStage);
    section.put("filtered", filteredTotal);
    section.put("filtered_by_reason", filtered);
    section.put("balanced", read == written + dead + filteredTotal);
    return section;
  }

  /**
   * The share of records read that were dead-lettered, against {@code --max-error-rate}: the run
   * fails when it is exceeded, though its good rows and its errors are written.
   */
  static Map<String, Object> errorRateSection(Map<String, Long> counts, double maxErrorRate) {
    long read = counts.getOrDefault("records_read", 0L);
    long dead = byPrefix(counts, "dead_lettered.").values().stream().mapToLong(Long::longValue).sum();
    double share = read == 0 ? 0 : (double) dead / read;
    Map<String, Object> section = new LinkedHashMap<>();
    section.put("dead_lettered_share", share);
    section.put("max_error_rate", maxErrorRate);
    section.put("exceeded", share > maxErrorRate);
    return section;
  }

  /**
   * The {@code <prefix><group>.<value>} counts as {@code {group: {value: count}}}; groups listed in
   * {@code summarised} hold integer values and become quantile summaries instead.
   */
  static Map<String, Object> distributionSection(Map<String, Long> counts, String prefix, List<String> summarised) {
    Map<String, Map<String, Long>> groups = new TreeMap<>();
    byPrefix(counts, prefix).forEach((key, value) -> {
      int dot = key.indexOf('.');
      if (dot > 0) {
        groups.computeIfAbsent(key.substring(0, dot), g -> new TreeMap<>()).put(key.substring(dot + 1), value);
      }
    });
    Map<String, Object> section = new LinkedHashMap<>();
    groups.forEach((group, values) -> section.put(group, summarised.contains(group) ? summary(values) : values));
    return section;
  }

  /**
   * The {@code quality.<γ>.<figure>.kept} and {@code .of} counts as
   * {@code {γ: {figure: {value: kept / of, of: of}}}}; the value is null where there was nothing
   * to count (no equation in the corpus, say).
   */
  static Map<String, Object> qualitySection(Map<String, Long> counts) {
    Map<String, Map<String, Object>> byRatio = new TreeMap<>();
    counts.forEach((key, of) -> {
      if (!key.startsWith("quality.") || !key.endsWith(".of")) {
        return;
      }
      String name = key.substring("quality.".length(), key.length() - ".of".length());
      int dot = name.lastIndexOf('.');
      long kept = counts.getOrDefault("quality." + name + ".kept", 0L);
      Map<String, Object> figure = new LinkedHashMap<>();
      figure.put("value", of == 0 ? null : (double) kept / of);
      figure.put("of", of);
      byRatio.computeIfAbsent(name.substring(0, dot), ratio -> new LinkedHashMap<>()).put(name.substring(dot + 1), figure);
    });
    return new LinkedHashMap<>(byRatio);
  }

  /**
   * The {@code compression.*} counts of the TokenSkip rows (SftBatchWriter's) as what pruning saved
   * and how close it came to γ; empty when no row was pruned.
   */
  static Map<String, Object> compressionSection(Map<String, Long> counts) {
    Map<String, Object> section = new LinkedHashMap<>();
    long rows = counts.getOrDefault("compression.rows", 0L);
    if (rows == 0) {
      return section;
    }
    long cot = counts.getOrDefault("compression.cot_tokens", 0L);
    long kept = counts.getOrDefault("compression.kept_tokens", 0L);
    section.put("tokenskip_rows", rows);
    section.put("cot_tokens", cot);
    section.put("kept_tokens", kept);
    section.put("tokens_saved", cot - kept);
    section.put("tokens_saved_share", cot == 0 ? null : (double) (cot - kept) / cot);
    section.put("mean_abs_error", counts.getOrDefault("compression.abs_error_nanos", 0L) / 1e9 / rows);
    return section;
  }

  /**
   * Completes the {@code deduplication} and {@code decontamination} sections the header holds with
   * what was dropped: duplicates by kind, and contaminated records per benchmark (counted as
   * {@code contaminated_by.<benchmark's index>}). Moved after the counts they explain.
   */
  @SuppressWarnings("unchecked")
  static void questionFilterSections(Map<String, Object> manifest, Map<String, Long> counts) {
    Object dedup = manifest.remove("deduplication");
    if (dedup instanceof Map<?, ?> section) {
      Map<String, Object> completed = new LinkedHashMap<>((Map<String, Object>) section);
      completed.put("duplicates", counts.getOrDefault(DroppedQuestions.count(DroppedQuestions.DUPLICATE), 0L));
      completed.put("near_duplicates",
          counts.getOrDefault(DroppedQuestions.count(DroppedQuestions.NEAR_DUPLICATE), 0L));
      manifest.put("deduplication", completed);
    }
    Object decontamination = manifest.remove("decontamination");
    if (decontamination instanceof Map<?, ?> section) {
      Map<String, Object> completed = new LinkedHashMap<>((Map<String, Object>) section);
      List<Map<String, Object>> benchmarks = new ArrayList<>();
      int i = 0;
      for (Object benchmark : (List<Object>) completed.get("benchmarks")) {
        Map<String, Object> entry = new LinkedHashMap<>((Map<String, Object>) benchmark);
        entry.put("contaminated", counts.getOrDefault(DroppedQuestions.CONTAMINATED_BY + i++, 0L));
        benchmarks.add(entry);
      }
      completed.put("benchmarks", benchmarks);
      completed.put("contaminated", counts.getOrDefault(DroppedQuestions.count(DroppedQuestions.CONTAMINATED), 0L));
      manifest.put("decontamination", completed);
    }
  }

  /** The share of one difficulty class at which a run is warned that its labels tell nothing apart. */
  static final double ONE_CLASS_SHARE = 0.95;

  /**
   * What a user should look at before training: difficulty labels that are (nearly) all one class,
   * with the policy that decided most of them and what to change. Adaptive rows of such a run are
   * all short or all long, and teach no choice.
   */
  static List<String> warnings(Map<String, Long> counts) {
    List<String> warnings = new ArrayList<>();
    Map<String, Long> difficulty = byPrefix(counts, "label.difficulty.");
    long labelled = difficulty.values().stream().mapToLong(Long::longValue).sum();
    if (labelled == 0) {
      return warnings;
    }
    Map.Entry<String, Long> most = difficulty.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
    double share = (double) most.getValue() / labelled;
    if (share < ONE_CLASS_SHARE) {
      return warnings;
    }
    Map.Entry<String, Long> decider = byPrefix(counts, "label.decided_by.").entrySet().stream()
        .max(Map.Entry.comparingByValue()).orElse(null);
    String policy = decider == null ? "?" : decider.getKey();
    String advice = switch (policy) {
      case "short_cot" -> "the short CoT may be a reference solution that is always right (--preset gsm8k, s1K's "
          + "attempt): decide by --difficulty pass-rate with graded samples, or by --difficulty length";
      case "pass_rate" -> "--pass-rate-threshold may not suit these samples: move it towards their pass rates";
      case "length" -> "--length-threshold (or --length-percentile) may not suit these CoTs' lengths";
      default -> "check the --difficulty policies and their thresholds";
    };
    warnings.add(String.format(Locale.ROOT, "%.1f%% of the labelled questions are %s, decided by %s for "
        + "%,d of them: %s", 100 * share, most.getKey(), policy, decider == null ? 0 : decider.getValue(), advice));
    return warnings;
  }

  /**
   * The file entries as the manifest lists them: by path, each once (a retried bundle reports the
   * file it replaced again).
   */
  static List<Map<String, Object>> filesSection(List<WrittenFile> files) {
    Map<String, WrittenFile> byPath = new TreeMap<>();
    files.forEach(file -> byPath.put(file.path(), file));
    List<Map<String, Object>> section = new ArrayList<>();
    for (WrittenFile file : byPath.values()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("path", file.path());
      entry.put("rows", file.rows());
      entry.put("bytes", file.bytes());
      entry.put("sha256", file.sha256());
      section.add(entry);
    }
    return section;
  }

  /** count, missing, min, p10, p25, median, p75, p90, max and mean of a histogram of integers. */
  static Map<String, Object> summary(Map<String, Long> histogram) {
    TreeMap<Long, Long> byValue = new TreeMap<>();
    long missing = 0;
    for (Map.Entry<String, Long> entry : histogram.entrySet()) {
      try {
        byValue.merge(Long.parseLong(entry.getKey()), entry.getValue(), Long::sum);
      } catch (NumberFormatException e) {
        missing += entry.getValue();
      }
    }
    long n = byValue.values().stream().mapToLong(Long::longValue).sum();
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("count", n);
    summary.put("missing", missing);
    if (n == 0) {
      return summary;
    }
    double total = 0;
    for (Map.Entry<Long, Long> entry : byValue.entrySet()) {
      total += (double) entry.getKey() * entry.getValue();
    }
    summary.put("min", byValue.firstKey());
    summary.put("p10", quantile(byValue, n, 0.10));
    summary.put("p25", quantile(byValue, n, 0.25));
    summary.put("median", quantile(byValue, n, 0.50));
    summary.put("p75", quantile(byValue, n, 0.75));
    summary.put("p90", quantile(byValue, n, 0.90));
    summary.put("max", byValue.lastKey());
    summary.put("mean", Math.round(total / n * 10) / 10.0);
    return summary;
  }

  /** Nearest-rank quantile of a histogram. */
  private static long quantile(TreeMap<Long, Long> byValue, long n, double q) {
    long rank = Math.max(1, (long) Math.ceil(q * n));
    long seen = 0;
    for (Map.Entry<Long, Long> entry : byValue.entrySet()) {
      seen += entry.getValue();
      if (seen >= rank) {
        return entry.getKey();
      }
    }
    return byValue.lastKey();
  }

  private static Map<String, Long> byPrefix(Map<String, Long> counts, String prefix) {
    Map<String, Long> selected = new TreeMap<>();
    counts.forEach((key, value) -> {
      if (key.startsWith(prefix) && value > 0) {
        selected.put(key.substring(prefix.length()), value);
      }
    });
    return selected;
  }

  private static final class WriteFn extends DoFn<KV<String, Iterable<KV<String, Long>>>, Void> {
    private final String outputDirectory;
    private final Map<String, Object> header;
    private final PCollectionView<List<WrittenFile>> files;
    private final double maxErrorRate;

    WriteFn(String outputDirectory, Map<String, Object> header, PCollectionView<List<WrittenFile>> files,
        double maxErrorRate) {
      this.outputDirectory = outputDirectory;
      this.header = header;
      this.files = files;
      this.maxErrorRate = maxErrorRate;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<KV<String, Long>>> all, ProcessContext context)
        throws IOException {
      Map<String, Long> counts = new TreeMap<>();
      for (KV<String, Long> count : all.getValue()) {
        counts.merge(count.getKey(), count.getValue(), Long::sum);
      }
      Map<String, Object> manifest = new LinkedHashMap<>(header);
      manifest.put("counts", countsSection(counts));
      manifest.put("error_rate", errorRateSection(counts, maxErrorRate));
      Map<String, Object> labels = distributionSection(counts, "label.", List.of("token_budget"));
      if (!labels.isEmpty()) {
        manifest.put("labels", labels);
      }
      List<String> warnings = warnings(counts);
      if (!warnings.isEmpty()) {
        manifest.put("warnings", warnings);
      }
      Map<String, Object> quality = qualitySection(counts);
      if (!quality.isEmpty()) {
        manifest.put("quality", quality);
      }
      Map<String, Object> examples = distributionSection(counts, "examples.", List.of());
      if (!examples.isEmpty()) {
        manifest.put("examples", examples);
      }
      Map<String, Object> compression = compressionSection(counts);
      if (!compression.isEmpty()) {
        manifest.put("compression", compression);
      }
      questionFilterSections(manifest, counts);
      manifest.put("files", filesSection(context.sideInput(files)));
      RenamedIntoPlace.write(outputDirectory, FILE_NAME, "application/json", channel ->
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
              .writeValue(Channels.newOutputStream(channel), manifest));
    }
  }
}
