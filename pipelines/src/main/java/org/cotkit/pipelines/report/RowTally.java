package org.cotkit.pipelines.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cotkit.pipelines.build.AdaptiveExample;

/**
 * Adds up rows one at a time into {@link DatasetStatistics}. Per row it keeps only what a
 * percentile or a histogram needs (a length, a ratio error, a budget: a few bytes), so a dataset
 * of millions of rows fits in memory; everything else is a count.
 */
final class RowTally {

  /** Where a value is missing: no γ, no difficulty. */
  static final String NONE = "-";

  private record GroupKey(String split, String mode, Double ratio, String difficulty) {}

  private record LengthKey(String mode, Double ratio) {}

  /** Nulls last; otherwise natural order: splits, modes and difficulties alphabetically, γ ascending. */
  private static final Comparator<GroupKey> GROUP_ORDER = Comparator
      .comparing(GroupKey::split, Comparator.nullsLast(Comparator.<String>naturalOrder()))
      .thenComparing(GroupKey::mode, Comparator.nullsLast(Comparator.<String>naturalOrder()))
      .thenComparing(GroupKey::ratio, Comparator.nullsLast(Comparator.<Double>naturalOrder()))
      .thenComparing(GroupKey::difficulty, Comparator.nullsLast(Comparator.<String>naturalOrder()));

  /** Rows with a γ first, by γ; then the others (adaptive) by mode. */
  private static final Comparator<LengthKey> LENGTH_ORDER = Comparator
      .comparing(LengthKey::ratio, Comparator.nullsLast(Comparator.<Double>naturalOrder()))
      .thenComparing(LengthKey::mode, Comparator.nullsLast(Comparator.<String>naturalOrder()));

  private long rows;
  private final Map<GroupKey, long[]> groups = new HashMap<>(); // rows, checked, verified
  private final Map<LengthKey, LengthTally> lengths = new HashMap<>();
  private long adaptiveRows;
  private final Map<String, Map<String, Long>> difficultyBySplit = new TreeMap<>();
  private final GrowingArrays.Ints budgets = new GrowingArrays.Ints();
  private long withoutBudget;
  private final GrowingArrays.Doubles passRates = new GrowingArrays.Doubles();
  private long withoutPassRate;

  void add(DatasetRow row) {
    rows++;
    long[] group = groups.computeIfAbsent(new GroupKey(row.split(), row.mode(), row.ratio(), row.difficulty()),
        key -> new long[3]);
    group[0]++;
    if (row.verified() != null) {
      group[1]++;
      if (row.verified()) {
        group[2]++;
      }
    }
    lengths.computeIfAbsent(new LengthKey(row.mode(), row.ratio()), key -> new LengthTally()).add(row);
    if (AdaptiveExample.MODE.equals(row.mode())) {
      adaptiveRows++;
      difficultyBySplit.computeIfAbsent(orNone(row.split()), split -> new TreeMap<>())
          .merge(orNone(row.difficulty()), 1L, Long::sum);
      if (row.tokenBudget() != null) {
        budgets.add(row.tokenBudget());
      } else {
        withoutBudget++;
      }
      if (row.passRate() != null) {
        passRates.add(row.passRate());
      } else {
        withoutPassRate++;
      }
    }
  }

  DatasetStatistics statistics(String folder, String command, String lengthUnit,
      DatasetStatistics.ManifestCounts manifest) {
    List<DatasetStatistics.Group> groupList = new ArrayList<>();
    groups.entrySet().stream().sorted(Map.Entry.comparingByKey(GROUP_ORDER)).forEach(entry -> {
      GroupKey key = entry.getKey();
      long[] n = entry.getValue();
      groupList.add(new DatasetStatistics.Group(key.split(), key.mode(), key.ratio(), key.difficulty(), n[0], n[1], n[2]));
    });
    List<DatasetStatistics.Lengths> lengthList = new ArrayList<>();
    lengths.entrySet().stream().sorted(Map.Entry.comparingByKey(LENGTH_ORDER))
        .forEach(entry -> lengthList.add(entry.getValue().lengths(entry.getKey().mode(), entry.getKey().ratio())));
    DatasetStatistics.Adaptive adaptive = new DatasetStatistics.Adaptive(adaptiveRows, difficultyBySplit,
        budgets.sorted(), withoutBudget, passRates.sorted(), withoutPassRate);
    return new DatasetStatistics(folder, command, lengthUnit, rows, List.copyOf(groupList), List.copyOf(lengthList),
        adaptive, manifest);
  }

  private static String orNone(String value) {
    return value == null ? NONE : value;
  }

  /** The lengths of one mode and γ. */
  private static final class LengthTally {
    private long rows;
    private final GrowingArrays.Ints before = new GrowingArrays.Ints();
    private final GrowingArrays.Ints after = new GrowingArrays.Ints();
    private final GrowingArrays.Doubles achieved = new GrowingArrays.Doubles();
    private final GrowingArrays.Doubles errors = new GrowingArrays.Doubles();
    private long savedFrom;
    private long saved;

    void add(DatasetRow row) {
      rows++;
      if (row.cotTokens() != null) {
        before.add(row.cotTokens());
      }
      if (row.keptTokens() != null) {
        after.add(row.keptTokens());
      }
      if (row.cotTokens() != null && row.keptTokens() != null) {
        savedFrom += row.cotTokens();
        saved += row.cotTokens() - row.keptTokens();
      }
      if (row.ratio() != null && row.achievedRatio() != null) {
        achieved.add(row.achievedRatio());
        errors.add(Math.abs(row.achievedRatio() - row.ratio()));
      }
    }

    DatasetStatistics.Lengths lengths(String mode, Double ratio) {
      return new DatasetStatistics.Lengths(mode, ratio, rows, before.sorted(), after.sorted(), achieved.sorted(),
          errors.sorted(), savedFrom, saved);
    }
  }
}
