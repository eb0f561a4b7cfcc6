package org.cotkit.pipelines.publish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Where a published dataset's rows go: one config per mode ({@code tokenskip}, {@code adaptive}),
 * {@code all} with every row, and {@code metadata} with every row's provenance, row-aligned with
 * {@code all}; each split of a config in {@code data/{config}/{split}-{i:05d}-of-{n:05d}.parquet},
 * at most {@code rowsPerFile} rows a file.
 *
 * @param configs in the order the card lists them: the modes (tokenskip, adaptive, then others),
 *     {@code all}, {@code metadata}
 */
public record PublishedLayout(List<Config> configs, long rowsPerFile) {

  /** The config of every row, whatever its mode. */
  public static final String ALL = "all";

  /** The config of the provenance columns. */
  public static final String METADATA = "metadata";

  /** The modes cotkit writes, in the order configs are listed; any other mode follows by name. */
  private static final List<String> KNOWN_MODES = List.of("tokenskip", "adaptive");

  /** Splits in the order the Hub lists them; any other split follows by name. */
  private static final List<String> KNOWN_SPLITS = List.of("train", "validation", "test");

  /**
   * One config.
   *
   * @param mode the rows' mode; null for {@code all} and {@code metadata}, which take every row
   * @param rowsBySplit rows of each split, in the order the card lists them
   */
  public record Config(String name, String mode, Map<String, Long> rowsBySplit) {

    /** Whether a row of {@code rowMode} belongs here. */
    public boolean takes(String rowMode) {
      return mode == null || mode.equals(rowMode);
    }

    public boolean isMetadata() {
      return name.equals(METADATA);
    }

    public long rows() {
      return rowsBySplit.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** The layout of a dataset with these rows ({@link SourceDataset#rowsByModeAndSplit}). */
  public static PublishedLayout of(Map<String, Map<String, Long>> rowsByModeAndSplit, long rowsPerFile) {
    if (rowsPerFile < 1) {
      throw new IllegalArgumentException("rows per file must be at least 1, got " + rowsPerFile);
    }
    List<String> modes = new ArrayList<>(rowsByModeAndSplit.keySet());
    modes.sort(knownFirst(KNOWN_MODES));
    Map<String, Long> everyRow = new LinkedHashMap<>();
    TreeSet<String> splits = new TreeSet<>(knownFirst(KNOWN_SPLITS));
    rowsByModeAndSplit.values().forEach(bySplit -> splits.addAll(bySplit.keySet()));
    splits.forEach(split -> everyRow.put(split, 0L));
    List<Config> configs = new ArrayList<>();
    for (String mode : modes) {
      Map<String, Long> rows = new LinkedHashMap<>();
      for (String split : splits) {
        long n = rowsByModeAndSplit.get(mode).getOrDefault(split, 0L);
        if (n > 0) {
          rows.put(split, n);
          everyRow.merge(split, n, Long::sum);
        }
      }
      configs.add(new Config(mode, mode, rows));
    }
    configs.add(new Config(ALL, null, everyRow));
    configs.add(new Config(METADATA, null, everyRow));
    return new PublishedLayout(List.copyOf(configs), rowsPerFile);
  }

  /** The {@code all} config. */
  public Config all() {
    return configs.stream().filter(config -> config.name().equals(ALL)).findFirst().orElseThrow();
  }

  /** The configs a trainer reads: all but {@code metadata}. */
  public List<Config> trainingConfigs() {
    return configs.stream().filter(config -> !config.isMetadata()).toList();
  }

  /** How many files the split of a config spreads over. */
  public int shards(Config config, String split) {
    return (int) ((config.rowsBySplit().get(split) + rowsPerFile - 1) / rowsPerFile);
  }

  /** The files of a config's split, relative to the published folder. */
  public List<String> files(Config config, String split) {
    int n = shards(config, split);
    List<String> files = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      files.add(file(config.name(), split, i, n));
    }
    return files;
  }

  /** {@code data/{config}/{split}-{i:05d}-of-{n:05d}.parquet}: the Hub's own shard names. */
  public static String file(String config, String split, int shard, int shards) {
    return String.format(Locale.ROOT, "data/%s/%s-%05d-of-%05d.parquet", config, split, shard, shards);
  }

  /** The pattern of a config's split in the card's {@code data_files}: its shards and nothing else. */
  public static String pattern(String config, String split) {
    return "data/" + config + "/" + split + "-*.parquet";
  }

  private static Comparator<String> knownFirst(List<String> known) {
    return Comparator.<String>comparingInt(name -> known.contains(name) ? known.indexOf(name) : known.size())
        .thenComparing(Comparator.naturalOrder());
  }
}
