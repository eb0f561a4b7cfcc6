package org.cotkit.pipelines.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * LLaMA-Factory's {@code dataset_info.json} for a published folder: one dataset per training config
 * and split, {@code <name>_<config>_<split>}, pointing at its Parquet file with the format's
 * {@code formatting}, {@code columns} and {@code tags}. LLaMA-Factory's {@code file_name} names one
 * file or a whole folder, and a config's folder holds every split, so a split spread over several
 * files gets one dataset per file, {@code <name>_<config>_<split>_<i>}, which a training config
 * lists together ({@code dataset: a,b}). The {@code metadata} config has no training columns and no
 * entry.
 */
public final class LlamaFactoryDatasetInfo {

  /** The file's name in the published folder, which LLaMA-Factory takes as its {@code dataset_dir}. */
  public static final String FILE_NAME = "dataset_info.json";

  private LlamaFactoryDatasetInfo() {}

  public static Map<String, Object> of(String name, PublishedLayout layout, PublishFormat format) {
    Map<String, Object> info = new LinkedHashMap<>();
    for (PublishedLayout.Config config : layout.trainingConfigs()) {
      for (String split : config.rowsBySplit().keySet()) {
        List<String> names = datasetNames(name, layout, config, split);
        List<String> files = layout.files(config, split);
        for (int i = 0; i < files.size(); i++) {
          info.put(names.get(i), format.llamaFactoryEntry(files.get(i)));
        }
      }
    }
    return info;
  }

  /** The LLaMA-Factory dataset names of a config's split, one per file, in file order. */
  public static List<String> datasetNames(String name, PublishedLayout layout, PublishedLayout.Config config,
      String split) {
    int files = layout.shards(config, split);
    String base = name + "_" + config.name() + "_" + split;
    List<String> names = new ArrayList<>();
    for (int i = 0; i < files; i++) {
      names.add(files == 1 ? base : base + String.format(Locale.ROOT, "_%05d", i));
    }
    return names;
  }
}
