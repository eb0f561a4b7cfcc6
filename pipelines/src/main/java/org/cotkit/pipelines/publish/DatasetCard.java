package org.cotkit.pipelines.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.cotkit.pipelines.io.WrittenFile;
import org.cotkit.pipelines.manifest.DroppedQuestions;

/**
 * The {@code README.md} of a published folder, the Hub's dataset card: YAML front matter that the
 * Hub and {@code datasets} read ({@code configs} with each split's {@code data_files},
 * {@code dataset_info} with each config's {@code features} and {@code splits}, licence, task and
 * tags), then for a reader the configs and their row counts, how to load them, the recipe that made
 * the data (from the source's manifest) and its quality figures.
 */
public final class DatasetCard {

  public static final String FILE_NAME = "README.md";

  /** The card's tags; {@code tokenskip} and {@code adaptive-reasoning} only where such rows are. */
  static final List<String> TAGS = List.of("chain-of-thought", "reasoning", "sft", "cotkit");

  /** Filter reasons a reader looks for, shown even when none was filtered for them. */
  private static final List<String> REPORTED_REASONS =
      List.of(DroppedQuestions.DUPLICATE, DroppedQuestions.NEAR_DUPLICATE, DroppedQuestions.CONTAMINATED);

  /** The options of the source run that say how the data was made, with their labels. */
  private static final Map<String, String> RECIPE_OPTIONS = recipeOptions();

  private static final Pattern PLAIN_ARGUMENT = Pattern.compile("[A-Za-z0-9_/.,:=@%+-]+");

  private static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

  private DatasetCard() {}

  /**
   * The card's text.
   *
   * @param files every data file written, for each config's download size
   * @param source the source dataset's manifest
   */
  /**
   * @param figures the source's figures as {@code cotkit stats} prints them (rows by split, mode and
   *     γ; lengths before and after pruning; tokens saved; what was filtered and dropped)
   */
  public static String of(PublishSettings settings, PublishedLayout layout, List<WrittenFile> files, JsonNode source,
      String figures) {
    return "---\n" + frontMatter(settings, layout, files) + "---\n\n" + body(settings, layout, source)
        + "## Figures\n\nAs `cotkit stats` reports them for the source dataset:\n\n```\n" + figures.strip()
        + "\n```\n";
  }

  /** The YAML between the {@code ---} lines. */
  static String frontMatter(PublishSettings settings, PublishedLayout layout, List<WrittenFile> files) {
    Map<String, Object> yaml = new LinkedHashMap<>();
    yaml.put("pretty_name", settings.displayName());
    yaml.put("license", settings.license());
    yaml.put("task_categories", List.of("text-generation"));
    yaml.put("tags", tags(layout));
    yaml.put("size_categories", List.of(sizeCategory(layout.all().rows())));
    List<Map<String, Object>> configs = new ArrayList<>();
    List<Map<String, Object>> infos = new ArrayList<>();
    for (PublishedLayout.Config config : layout.configs()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("config_name", config.name());
      if (config.name().equals(PublishedLayout.ALL)) {
        entry.put("default", true);
      }
      List<Map<String, Object>> dataFiles = new ArrayList<>();
      List<Map<String, Object>> splits = new ArrayList<>();
      for (Map.Entry<String, Long> split : config.rowsBySplit().entrySet()) {
        Map<String, Object> dataFile = new LinkedHashMap<>();
        dataFile.put("split", split.getKey());
        dataFile.put("path", PublishedLayout.pattern(config.name(), split.getKey()));
        dataFiles.add(dataFile);
        Map<String, Object> splitInfo = new LinkedHashMap<>();
        splitInfo.put("name", split.getKey());
        splitInfo.put("num_examples", split.getValue());
        splits.add(splitInfo);
      }
      entry.put("data_files", dataFiles);
      configs.add(entry);
      Map<String, Object> info = new LinkedHashMap<>();
      info.put("config_name", config.name());
      info.put("features", HubFeatures.of(config.isMetadata() ? MetadataColumns.SCHEMA : settings.format().schema()));
      info.put("splits", splits);
      String folder = "data/" + config.name() + "/";
      info.put("download_size", files.stream().filter(f -> f.path().startsWith(folder)).mapToLong(WrittenFile::bytes).sum());
      infos.add(info);
    }
    yaml.put("configs", configs);
    yaml.put("dataset_info", infos);
    try {
      return YAML.writeValueAsString(yaml);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the card's YAML cannot be written: " + e.getMessage(), e);
    }
  }

  private static List<String> tags(PublishedLayout layout) {
    List<String> tags = new ArrayList<>(TAGS);
    for (PublishedLayout.Config config : layout.configs()) {
      if ("tokenskip".equals(config.mode())) {
        tags.add("tokenskip");
      } else if ("adaptive".equals(config.mode())) {
        tags.add("adaptive-reasoning");
      }
    }
    return tags;
  }

  /** The Hub's size bucket of a row count. */
  static String sizeCategory(long rows) {
    String[] names = {"n<1K", "1K<n<10K", "10K<n<100K", "100K<n<1M", "1M<n<10M", "10M<n<100M", "100M<n<1B"};
    long bound = 1_000;
    for (String name : names) {
      if (rows < bound) {
        return name;
      }
      bound *= 10;
    }
    return "1B<n<10B"; // publishing more rows than that is not a case to plan for
  }

  private static String body(PublishSettings settings, PublishedLayout layout, JsonNode source) {
    StringBuilder md = new StringBuilder();
    String repo = settings.repoId() != null ? settings.repoId() : "<org>/" + settings.name();
    md.append("# ").append(settings.displayName()).append("\n\n");
    md.append("Chain-of-thought SFT data that teaches a student model to reason on a budget, made by cotkit `")
        .append(source.path("command").asText()).append("` and laid out for the Hub by `cotkit publish`. ")
        .append("Training configs hold only the columns of the `").append(settings.format().cliName())
        .append("` format; each row's provenance is in the `metadata` config.\n\n");

    md.append("## Configs\n\n");
    List<String> splits = new ArrayList<>(layout.all().rowsBySplit().keySet());
    md.append("| config | what |");
    splits.forEach(split -> md.append(' ').append(split).append(" |"));
    md.append(" files |\n|---|---|");
    splits.forEach(split -> md.append("---|"));
    md.append("---|\n");
    for (PublishedLayout.Config config : layout.configs()) {
      md.append("| `").append(config.name()).append("` | ").append(describe(config)).append(" |");
      int fileCount = 0;
      for (String split : splits) {
        Long rows = config.rowsBySplit().get(split);
        md.append(' ').append(rows == null ? "–" : String.format(Locale.ROOT, "%,d", rows)).append(" |");
        fileCount += rows == null ? 0 : layout.shards(config, split);
      }
      md.append(' ').append(fileCount).append(" |\n");
    }
    md.append("\nFiles: `data/{config}/{split}-{i:05d}-of-{n:05d}.parquet`, at most ")
        .append(String.format(Locale.ROOT, "%,d", layout.rowsPerFile())).append(" rows each.\n\n");
    md.append("Columns of the training configs (`--format ").append(settings.format().cliName()).append("`): ")
        .append(columns(settings.format())).append(".\n\n");
    md.append("`metadata` is row-aligned with `all`: the same splits and files, row *i* of ")
        .append("`data/metadata/train-00000-of-…` describes row *i* of `data/all/train-00000-of-…`, and each row ")
        .append("carries its `id`. Its columns: ").append(String.join(", ", columnNames(MetadataColumns.SCHEMA)))
        .append(". The rows of one mode, in order, are that mode's config in order.\n\n");

    md.append("## Loading\n\n```python\nfrom datasets import load_dataset\n\n");
    String first = layout.trainingConfigs().get(0).name();
    md.append("data = load_dataset(\"").append(repo).append("\", \"").append(first).append("\")\n");
    md.append("meta = load_dataset(\"").append(repo).append("\", \"metadata\")  # row-aligned with \"all\"\n```\n\n");
    md.append("TRL (").append(trlNote(settings.format())).append("):\n\n```python\n")
        .append("from trl import SFTConfig, SFTTrainer\n\n")
        .append("trainer = SFTTrainer(model=\"Qwen/Qwen2.5-0.5B-Instruct\", train_dataset=data[\"train\"], ")
        .append("args=SFTConfig(output_dir=\"out\"))\ntrainer.train()\n```\n\n");
    PublishedLayout.Config trainConfig = layout.trainingConfigs().get(0);
    md.append("LLaMA-Factory: `").append(LlamaFactoryDatasetInfo.FILE_NAME)
        .append("` names one dataset per config and split; point `dataset_dir` at this folder (a clone of the ")
        .append("repository) and name them in the training config:\n\n```yaml\ndataset_dir: ")
        .append(settings.displayName()).append('\n');
    for (String split : trainConfig.rowsBySplit().keySet()) {
      String key = split.equals("train") ? "dataset" : split.equals("validation") ? "eval_dataset" : null;
      if (key != null) {
        md.append(key).append(": ").append(String.join(",",
            LlamaFactoryDatasetInfo.datasetNames(settings.name(), layout, trainConfig, split))).append('\n');
      }
    }
    md.append("```\n\n");

    md.append("## Recipe\n\n");
    md.append("- command line: `").append(commandLine(source.path("command_line"))).append("`\n");
    md.append("- cotkit version: ").append(text(source.path("cotkit_version"))).append(" (published with ")
        .append(text(publishVersion())).append(")\n");
    JsonNode options = source.path("options");
    for (Map.Entry<String, String> option : RECIPE_OPTIONS.entrySet()) {
      if (options.has(option.getKey())) {
        md.append("- ").append(option.getValue()).append(": ").append(code(options.path(option.getKey()))).append('\n');
      }
    }
    for (JsonNode input : source.path("inputs")) {
      md.append("- input: `").append(input.path("path").asText()).append("` (")
          .append(String.format(Locale.ROOT, "%,d", input.path("bytes").asLong())).append(" bytes)\n");
    }
    md.append('\n');

    md.append("## Counts\n\n");
    JsonNode counts = source.path("counts");
    md.append("| records read | written | rows | dead-lettered | filtered |\n|---|---|---|---|---|\n");
    md.append(String.format(Locale.ROOT, "| %,d | %,d | %,d | %,d | %,d |%n%n", counts.path("records_read").asLong(),
        counts.path("records_written").asLong(), counts.path("rows_written").asLong(),
        counts.path("dead_lettered").asLong(), counts.path("filtered").asLong()));
    Map<String, Long> byReason = new LinkedHashMap<>();
    REPORTED_REASONS.forEach(reason -> byReason.put(reason, 0L));
    counts.path("filtered_by_reason").fields().forEachRemaining(reason ->
        byReason.put(reason.getKey(), reason.getValue().asLong()));
    md.append("Filtered by reason: ");
    List<String> reasons = new ArrayList<>();
    byReason.forEach((reason, n) -> reasons.add(String.format(Locale.ROOT, "%s %,d", reason.replace('_', ' '), n)));
    md.append(String.join(", ", reasons)).append(".\n\n");
    JsonNode dedup = source.path("deduplication");
    if (dedup.isObject()) {
      md.append("Deduplication: ").append(fields(dedup)).append(".\n\n");
    }
    JsonNode decontamination = source.path("decontamination");
    if (decontamination.isObject()) {
      md.append("Decontamination (").append(text(decontamination.path("ngram"))).append("-grams):\n\n")
          .append("| benchmark | questions | contaminated |\n|---|---|---|\n");
      for (JsonNode benchmark : decontamination.path("benchmarks")) {
        md.append("| `").append(benchmark.path("file").asText().replace("|", "\\|")).append("` | ")
            .append(String.format(Locale.ROOT, "%,d", benchmark.path("questions").asLong())).append(" | ")
            .append(String.format(Locale.ROOT, "%,d", benchmark.path("contaminated").asLong())).append(" |\n");
      }
      md.append('\n');
    }
    JsonNode labels = source.path("labels");
    if (labels.isObject()) {
      md.append("## Labels\n\n");
      labels.fields().forEachRemaining(label ->
          md.append("- ").append(label.getKey().replace('_', ' ')).append(": ").append(fields(label.getValue())).append('\n'));
      md.append('\n');
    }
    JsonNode quality = source.path("quality");
    if (quality.isObject() && quality.size() > 0) {
      md.append("## Quality figures\n\n")
          .append("Per target ratio γ, over the pruned chains of thought (each figure's count in parentheses):\n\n");
      List<String> metrics = new ArrayList<>();
      quality.elements().next().fieldNames().forEachRemaining(metrics::add);
      md.append("| γ |");
      metrics.forEach(metric -> md.append(' ').append(metric.replace('_', ' ')).append(" |"));
      md.append("\n|---|");
      metrics.forEach(metric -> md.append("---|"));
      md.append('\n');
      quality.fields().forEachRemaining(ratio -> {
        md.append("| ").append(ratio.getKey()).append(" |");
        for (String metric : metrics) {
          md.append(' ').append(figure(metric, ratio.getValue().path(metric))).append(" |");
        }
        md.append('\n');
      });
      md.append('\n');
    }
    return md.toString();
  }


  private static String describe(PublishedLayout.Config config) {
    return switch (config.name()) {
      case "tokenskip" -> "TokenSkip (L1): the question and a target ratio γ, then the chain of thought pruned to γ";
      case "adaptive" -> "adaptive (L2): the question tagged simple or complex, then a short or a long chain of thought";
      case PublishedLayout.ALL -> "every row, whatever its mode";
      case PublishedLayout.METADATA -> "every row's provenance, row-aligned with `all`";
      default -> "rows of mode `" + config.name() + "`";
    };
  }

  private static String columns(PublishFormat format) {
    return switch (format) {
      case MESSAGES -> "`messages`, a list of `{role, content}` turns (`system` when the run had an instruction, "
          + "`user`, `assistant`)";
      case PROMPT_COMPLETION -> "`prompt`, `completion`";
      case ALPACA -> "`instruction`, `input`, `output`, as TokenSkip's LLaMA-Factory files (the instruction, the "
          + "question with its γ, the completion; without an instruction the prompt is in `instruction` and "
          + "`input` is empty)";
      case SHAREGPT -> "`conversations`, a list of `{from, value}` turns (`system`, `human`, `gpt`)";
    };
  }

  private static String trlNote(PublishFormat format) {
    return switch (format) {
      case MESSAGES -> "conversational: the model's chat template is applied";
      case PROMPT_COMPLETION -> "prompt-completion: the loss is on the completion only";
      case ALPACA, SHAREGPT -> "map the columns to `messages` or `prompt`/`completion` first; "
          + "`cotkit publish --format messages` writes them so";
    };
  }

  private static List<String> columnNames(org.apache.avro.Schema schema) {
    return schema.getFields().stream().map(field -> "`" + field.name() + "`").toList();
  }

  /** A quality figure: a share as a percentage, a mean (words per kept run) as it is. */
  private static String figure(String metric, JsonNode figure) {
    JsonNode value = figure.path("value");
    String of = String.format(Locale.ROOT, " (%,d)", figure.path("of").asLong());
    if (!value.isNumber()) {
      return "–" + of;
    }
    return (metric.startsWith("words_per")
        ? String.format(Locale.ROOT, "%.2f", value.asDouble())
        : String.format(Locale.ROOT, "%.1f%%", 100 * value.asDouble())) + of;
  }

  /** {@code key value, key value} of an object's fields (a nested object in parentheses). */
  private static String fields(JsonNode object) {
    List<String> parts = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode value = field.getValue();
      String shown = value.isObject() ? "(" + fields(value) + ")" : text(value);
      parts.add(field.getKey().replace('_', ' ') + " " + shown);
    }
    return String.join(", ", parts);
  }

  private static String code(JsonNode value) {
    boolean empty = value.isNull() || value.isMissingNode() || (value.isArray() && value.isEmpty());
    return empty ? "none" : "`" + text(value).replace("`", "'") + "`";
  }

  private static String text(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "none";
    }
    if (value.isArray()) {
      List<String> items = new ArrayList<>();
      value.forEach(item -> items.add(text(item)));
      return String.join(", ", items);
    }
    if (value.isNumber() && value.isIntegralNumber()) {
      return String.format(Locale.ROOT, "%,d", value.asLong());
    }
    return value.asText();
  }

  private static String text(String value) {
    return value == null ? "a development build" : value;
  }

  /** The source's command line as a shell would take it back. */
  static String commandLine(JsonNode arguments) {
    List<String> quoted = new ArrayList<>();
    for (JsonNode argument : arguments) {
      String text = argument.asText();
      quoted.add(PLAIN_ARGUMENT.matcher(text).matches() ? text : "'" + text.replace("'", "'\\''") + "'");
    }
    return String.join(" ", quoted).replace("`", "'");
  }

  static String publishVersion() {
    return DatasetCard.class.getPackage().getImplementationVersion();
  }

  private static Map<String, String> recipeOptions() {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("scorer", "scorer");
    options.put("length_unit", "length unit");
    options.put("tokenizer", "tokenizer");
    options.put("ratios", "target ratios γ");
    options.put("ratio_assignment", "ratios per record");
    options.put("prompt_separator", "prompt separator");
    options.put("instruction", "instruction");
    options.put("force_tokens", "forced tokens");
    options.put("max_cot_tokens", "longest chain of thought");
    options.put("difficulty", "difficulty policies");
    options.put("pass_rate_threshold", "pass-rate threshold τ");
    options.put("tags", "difficulty tags");
    options.put("tag_position", "tag position");
    options.put("simple_from", "simple questions' chain of thought");
    options.put("budget_cap", "token budget cap");
    options.put("budget_scale", "token budget scale");
    options.put("keep_incorrect", "keep incorrect");
    options.put("validation_fraction", "validation fraction");
    options.put("split", "split");
    options.put("seed", "seed");
    return options;
  }
}
