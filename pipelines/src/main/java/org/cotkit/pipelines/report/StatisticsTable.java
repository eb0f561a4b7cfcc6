package org.cotkit.pipelines.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.IntFunction;
import org.cotkit.pipelines.manifest.DroppedQuestions;

/** Prints {@link DatasetStatistics} as plain, aligned text for a terminal. */
public final class StatisticsTable {

  private StatisticsTable() {}

  /** The whole table, one section after another, ending in a newline. */
  public static String render(DatasetStatistics stats) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "cotkit stats: %s (%s, %,d rows; CoT lengths in %s)%n%n", stats.folder(),
        stats.command(), stats.rows(), stats.lengthUnit()));
    out.append("Rows by split, mode, γ and difficulty\n").append(groups(stats)).append('\n');
    if (!stats.lengths().isEmpty()) {
      out.append("CoT length in ").append(stats.lengthUnit())
          .append(": percentiles (nearest rank) before pruning (cot_tokens) and after (kept_tokens)\n")
          .append(lengths(stats)).append('\n');
    }
    out.append(labelsAndCounts(stats));
    return out.toString();
  }

  /**
   * One line of what pruning did over every TokenSkip row, as compress and build print it at the
   * end of a run; empty when the dataset has no TokenSkip row.
   */
  public static Optional<String> headline(DatasetStatistics stats) {
    return stats.tokenskip().map(all -> compression(all.savedShare(), all.saved(), all.savedFrom(), stats.lengthUnit(),
        all.rows(), all.meanError())
        + String.format(Locale.ROOT, ", p%d %s", DatasetStatistics.ERROR_PERCENTILE,
            error(all.error(DatasetStatistics.ERROR_PERCENTILE))));
  }

  /**
   * What pruning saved and how close it came to γ, in one line: the headline's figures that sums
   * give, so a run's summary prints them from its manifest's counts alone.
   */
  public static String compression(OptionalDouble savedShare, long saved, long savedFrom, String lengthUnit,
      long rows, OptionalDouble meanError) {
    return String.format(Locale.ROOT,
        "tokens saved %s (%,d of %,d %s) over %,d TokenSkip rows; mean |achieved − γ| %s",
        percent(savedShare), saved, savedFrom, lengthUnit, rows, error(meanError));
  }

  private static String groups(DatasetStatistics stats) {
    AlignedColumns table = new AlignedColumns("  ", "LLRLRR").row("split", "mode", "γ", "difficulty", "rows", "verified");
    long checked = 0;
    long verified = 0;
    for (DatasetStatistics.Group group : stats.groups()) {
      table.row(text(group.split()), text(group.mode()), ratio(group.ratio()), text(group.difficulty()),
          count(group.rows()), percent(group.verifiedShare()));
      checked += group.checked();
      verified += group.verified();
    }
    table.row("all", "", "", "", count(stats.rows()),
        percent(checked == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) verified / stats.rows())));
    return table.render();
  }

  private static String lengths(DatasetStatistics stats) {
    int[] percentiles = DatasetStatistics.LENGTH_PERCENTILES;
    int p = percentiles.length;
    AlignedColumns table = new AlignedColumns("  ", "LL" + "R".repeat(1 + 2 * p + 4))
        .span("before", 3, 2 + p).span("after", 3 + p, 2 + 2 * p)
        .span("|achieved − γ|", 3 + 2 * p, 4 + 2 * p).span("saved", 5 + 2 * p, 6 + 2 * p);
    List<String> header = new ArrayList<>(List.of("mode", "γ", "rows"));
    for (int i = 0; i < 2; i++) {
      for (int percent : percentiles) {
        header.add(percent == 100 ? "max" : "p" + percent);
      }
    }
    header.addAll(List.of("mean", "p" + DatasetStatistics.ERROR_PERCENTILE, stats.lengthUnit().split(" ")[0], "share"));
    table.row(header.toArray(String[]::new));
    List<Map.Entry<String, DatasetStatistics.Lengths>> rows = new ArrayList<>();
    stats.lengths().forEach(lengths -> rows.add(Map.entry(ratio(lengths.ratio()), lengths)));
    if (stats.lengths().stream().filter(lengths -> lengths.ratio() != null).count() > 1) {
      stats.tokenskip().ifPresent(all -> rows.add(Map.entry("all", all)));
    }
    for (Map.Entry<String, DatasetStatistics.Lengths> row : rows) {
      DatasetStatistics.Lengths lengths = row.getValue();
      List<String> cells = new ArrayList<>(List.of(text(lengths.mode()), row.getKey(), count(lengths.rows())));
      addPercentiles(cells, percentiles, lengths::before);
      addPercentiles(cells, percentiles, lengths::after);
      cells.add(error(lengths.meanError()));
      cells.add(error(lengths.error(DatasetStatistics.ERROR_PERCENTILE)));
      cells.add(count(lengths.saved()));
      cells.add(percent(lengths.savedShare()));
      table.row(cells.toArray(String[]::new));
    }
    return table.render();
  }

  private static void addPercentiles(List<String> cells, int[] percentiles, IntFunction<Optional<Integer>> value) {
    for (int percent : percentiles) {
      cells.add(value.apply(percent).map(StatisticsTable::count).orElse("-"));
    }
  }

  private static String labelsAndCounts(DatasetStatistics stats) {
    AlignedColumns lines = new AlignedColumns("", "LL");
    long checked = stats.groups().stream().mapToLong(DatasetStatistics.Group::checked).sum();
    long verified = stats.groups().stream().mapToLong(DatasetStatistics.Group::verified).sum();
    lines.row("Verified", checked == 0 ? "no row was checked (verified is null in every row)"
        : String.format(Locale.ROOT, "%,d of %,d rows correct (%s); %,d not checked", verified, stats.rows(),
            percent(OptionalDouble.of((double) verified / stats.rows())), stats.rows() - checked));
    DatasetStatistics.Adaptive adaptive = stats.adaptive();
    if (adaptive.rows() == 0) {
      lines.row("Adaptive", "no adaptive rows");
    } else {
      lines.row("Adaptive", String.format(Locale.ROOT, "%,d rows (one per question); difficulty %s", adaptive.rows(),
          shares(adaptive.difficulty())));
      lines.row("", "token budget " + (adaptive.tokenBudgets().length == 0 ? "none"
          : join(DatasetStatistics.LENGTH_PERCENTILES, pc -> count(adaptive.tokenBudget(pc).orElseThrow())))
          + String.format(Locale.ROOT, " (%,d without one)", adaptive.withoutBudget()));
      lines.row("", "pass rate " + (adaptive.passRates().length == 0 ? "none"
          : join(DatasetStatistics.LENGTH_PERCENTILES,
              pc -> String.format(Locale.ROOT, "%.2f", adaptive.passRate(pc).orElseThrow())))
          + String.format(Locale.ROOT, " (%,d without one)", adaptive.withoutPassRate()));
    }
    DatasetStatistics.ManifestCounts counts = stats.manifest();
    lines.row("Filtered", count(counts.filtered()) + " records" + byKey(counts.filteredByReason()));
    lines.row("Dead-lettered", count(counts.deadLettered()) + " records" + byKey(counts.deadLetteredByStage()));
    lines.row("Duplicates", String.format(Locale.ROOT, "%,d exact, %,d near", counts.filtered(
            DroppedQuestions.DUPLICATE), counts.filtered(DroppedQuestions.NEAR_DUPLICATE))
        + counts.deduplication().map(d -> String.format(Locale.ROOT, " (deduplication %s%s)", d.mode(),
            d.jaccardThreshold().isPresent()
                ? String.format(Locale.ROOT, ", Jaccard ≥ %s", d.jaccardThreshold().getAsDouble()) : ""))
            .orElse(" (no deduplication in the manifest)"));
    lines.row("Contaminated", count(counts.filtered(DroppedQuestions.CONTAMINATED))
        + counts.decontamination().map(d -> {
          StringBuilder line = new StringBuilder(String.format(Locale.ROOT, " (%d-gram overlap", d.ngram()));
          d.benchmarks().forEach(b -> line.append(String.format(Locale.ROOT, "; %,d against %s (%,d questions)",
              b.contaminated(), b.file(), b.questions())));
          return line.append(')').toString();
        }).orElse(" (no decontamination in the manifest)"));
    return lines.render();
  }

  /** "p10 26, p50 57, p90 107, p99 200, max 244". */
  private static String join(int[] percentiles, IntFunction<String> value) {
    List<String> parts = new ArrayList<>();
    for (int percent : percentiles) {
      parts.add((percent == 100 ? "max " : "p" + percent + " ") + value.apply(percent));
    }
    return String.join(", ", parts);
  }

  /** "complex 144 (72.0%), simple 56 (28.0%)". */
  private static String shares(Map<String, Long> counts) {
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    List<String> parts = new ArrayList<>();
    counts.forEach((key, n) -> parts.add(String.format(Locale.ROOT, "%s %,d (%s)", key, n,
        percent(OptionalDouble.of((double) n / total)))));
    return String.join(", ", parts);
  }

  /** "  (3 blank line, 2 incorrect)", or nothing for no entries. */
  private static String byKey(Map<String, Long> counts) {
    if (counts.isEmpty()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    counts.forEach((key, n) -> parts.add(String.format(Locale.ROOT, "%,d %s", n, key.replace('_', ' '))));
    return " (" + String.join(", ", parts) + ")";
  }

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static String ratio(Double ratio) {
    return ratio == null ? RowTally.NONE : ratio.toString();
  }

  static String percent(OptionalDouble share) {
    return share.isPresent() ? String.format(Locale.ROOT, "%.1f%%", 100 * share.getAsDouble()) : "-";
  }

  static String error(OptionalDouble error) {
    return error.isPresent() ? String.format(Locale.ROOT, "%.4f", error.getAsDouble()) : "-";
  }

  private static String text(String value) {
    return value == null ? RowTally.NONE : value;
  }
}
