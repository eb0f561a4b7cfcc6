package org.cotkit.pipelines.shape;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.cotkit.pipelines.io.SerializedFile;

/**
 * The results of a run's corpus pass, as the record pass reads them: one file per statistic, read
 * once per JVM and shared by every worker thread in it (a bigram model of a large corpus is hundreds
 * of megabytes).
 */
public final class CorpusStatistics {

  /** No statistics: for a command whose record pass needs none. */
  public static final CorpusStatistics NONE = new CorpusStatistics(Map.of());

  /** By statistic name, the path of the file last read for it and its value; one per name. */
  private static final Map<String, Map.Entry<String, Object>> LOADED = new HashMap<>();

  private final Map<String, String> files;

  /** @param files the result file of each statistic, by name */
  public CorpusStatistics(Map<String, String> files) {
    this.files = Map.copyOf(files);
  }

  /**
   * The result of the statistic named {@code name}.
   *
   * @throws IllegalStateException when the run has no such statistic
   */
  public <T extends Serializable> T get(String name, Class<T> type) {
    String path = files.get(name);
    if (path == null) {
      throw new IllegalStateException("the corpus pass computed no '" + name + "'; it has " + files.keySet());
    }
    synchronized (LOADED) {
      Map.Entry<String, Object> loaded = LOADED.get(name);
      if (loaded == null || !loaded.getKey().equals(path)) {
        LOADED.remove(name); // the previous run's value can go before this one is read
        loaded = Map.entry(path, SerializedFile.read(path, type));
        LOADED.put(name, loaded);
      }
      return type.cast(loaded.getValue());
    }
  }
}
