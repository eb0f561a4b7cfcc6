package org.cotkit.pipelines;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Locale;
import org.cotkit.compressors.TokenClassifierSettings;

/** The part of {@code manifest.json} before the counts: the command, the version, the options used. */
final class ManifestHeader {

  private ManifestHeader() {}

  static LinkedHashMap<String, Object> of(String command, Map<String, Object> options) {
    LinkedHashMap<String, Object> header = new LinkedHashMap<>();
    header.put("command", command);
    header.put("cotkit_version", ManifestHeader.class.getPackage().getImplementationVersion());
    header.put("options", new LinkedHashMap<>(options));
    return header;
  }

  static LinkedHashMap<String, Object> input(TeacherInputOptions options) {
    LinkedHashMap<String, Object> used = new LinkedHashMap<>();
    used.put("input", options.getInput());
    used.put("output", options.getOutput());
    used.put("input_format", lower(options.getInputFormat()));
    used.put("map", options.getFieldMap());
    used.put("preset", lower(options.getPreset()));
    used.put("cot", lower(options.getCot()));
    used.put("records_per_batch", options.getRecordsPerBatch());
    used.put("runner", options.getRunner().getSimpleName());
    return used;
  }

  static LinkedHashMap<String, Object> tokenSkip(TokenSkipOptions options, RatioAssignment assignment) {
    LinkedHashMap<String, Object> used = new LinkedHashMap<>();
    used.put("ratios", Arrays.stream(assignment.ratios()).boxed().toList());
    used.put("ratio_assignment", lower(options.getRatioAssignment()));
    used.put("seed", options.getSeed());
    used.put("force_tokens", options.getForceTokens());
    used.put("keep_digits", options.getKeepDigits());
    used.put("prompt_separator", options.getPromptSeparator());
    TokenClassifierSettings model = TokenClassifierOptions.settings(options);
    if (model == null) {
      used.put("scorer", "self-information (bigram, Kneser-Ney, fitted on the input)");
    } else {
      used.put("scorer", "onnx token classifier");
      used.put("model_dir", model.modelDirectory());
      used.put("device", lower(model.device()));
      used.put("batch_size", model.batchSize());
      used.put("threads", model.threads());
      used.put("max_tokens", model.maxTokens());
      used.put("keep_label", model.keepLabel());
      used.put("word_score", lower(model.pooling()));
    }
    used.put("tokens", "words");
    return used;
  }

  static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
