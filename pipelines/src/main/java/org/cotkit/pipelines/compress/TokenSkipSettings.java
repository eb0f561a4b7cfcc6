package org.cotkit.pipelines.compress;

import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.beam.sdk.transforms.resourcehints.ResourceHints;
import org.cotkit.compressors.ForcedWords;
import org.cotkit.compressors.LengthUnit;
import org.cotkit.compressors.ScoringDevice;
import org.cotkit.compressors.TokenClassifierSettings;
import org.cotkit.pipelines.sft.Instruction;

/**
 * How chains of thought are scored, pruned and laid out as TokenSkip (L1) examples.
 *
 * @param assignment the target ratios and which of them each record gets
 * @param keepDigits whether words with digits and math operators are always kept
 * @param forceTokens tokens always kept wherever they occur
 * @param promptSeparator the separator of the prompt {@code {question}SEP{γ}SEP}
 * @param modelScorer the token classifier that scores words; null for the model-free
 *     n-gram scorer
 * @param accelerator the accelerator resource hint of the record pass when the model runs on CUDA
 * @param lengthUnit what the ratios are shares of: words, or the student tokenizer's tokens
 * @param instruction the instruction before every question
 * @param maxCotTokens chains of thought longer than this (in {@code lengthUnit}) are filtered; 0 for no limit
 */
public record TokenSkipSettings(RatioAssignment assignment, boolean keepDigits, List<String> forceTokens,
    String promptSeparator, TokenClassifierSettings modelScorer, String accelerator, LengthUnit lengthUnit,
    Instruction instruction, int maxCotTokens) implements Serializable {

  /** Dataflow's accelerator hint when none is given: one NVIDIA L4, driver installed. */
  public static final String DEFAULT_ACCELERATOR = "type:nvidia-l4;count:1;install-nvidia-driver";

  /** Settings whose ratios are shares of words. */
  public TokenSkipSettings(RatioAssignment assignment, boolean keepDigits, List<String> forceTokens,
      String promptSeparator, TokenClassifierSettings modelScorer, String accelerator) {
    this(assignment, keepDigits, forceTokens, promptSeparator, modelScorer, accelerator, LengthUnit.WORDS,
        Instruction.NONE, 0);
  }

  /** @throws IllegalArgumentException naming the option at fault */
  public TokenSkipSettings {
    forceTokens = List.copyOf(forceTokens);
    if (maxCotTokens < 0) {
      throw new IllegalArgumentException("--max-cot-tokens must be 0 (no limit) or more, got " + maxCotTokens);
    }
    for (String token : forceTokens) {
      if (token.strip().chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("--force-token '" + token + "' has a space; a force token is one word");
      }
    }
  }

  /**
   * The TokenSkip layout of these settings.
   *
   * @param ratioAlwaysShown whether γ = 1.0 is written in the prompt too (see {@link TokenSkipFormat})
   */
  public TokenSkipFormat format(boolean ratioAlwaysShown) {
    return new TokenSkipFormat(promptSeparator, ratioAlwaysShown, instruction);
  }

  public ForcedWords forcedWords() {
    return new ForcedWords(keepDigits, forceTokens);
  }

  /**
   * Resource hints of the step that scores: an accelerator where the model runs on CUDA, so a
   * runner that places work by hints (Dataflow) runs it on GPU workers.
   */
  public ResourceHints resourceHints() {
    return modelScorer != null && modelScorer.device() == ScoringDevice.CUDA
        ? ResourceHints.create().withAccelerator(accelerator)
        : ResourceHints.create();
  }

  /**
   * Parses {@code --ratios}.
   *
   * @throws IllegalArgumentException naming the value at fault
   */
  public static double[] parseRatios(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("--ratios is empty; give values in (0, 1] such as 0.5,0.7,1.0");
    }
    return Arrays.stream(spec.split(","))
        .map(String::strip)
        .mapToDouble(value -> {
          double ratio;
          try {
            ratio = Double.parseDouble(value);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--ratios value '" + value + "' is not a number");
          }
          if (!(ratio > 0 && ratio <= 1)) {
            throw new IllegalArgumentException("--ratios value '" + value + "' is outside (0, 1]");
          }
          return ratio;
        })
        .toArray();
  }

  /** The settings as the manifest reports them. */
  public Map<String, Object> describe() {
    LinkedHashMap<String, Object> used = new LinkedHashMap<>();
    used.put("ratios", Arrays.stream(assignment.ratios()).boxed().toList());
    used.put("ratio_assignment", lower(assignment.mode()));
    used.put("seed", assignment.seed());
    used.put("force_tokens", forceTokens);
    used.put("keep_digits", keepDigits);
    used.put("prompt_separator", promptSeparator);
    if (modelScorer == null) {
      used.put("scorer", "n-gram information and word classes (Kneser-Ney bigrams, fitted on the input)");
    } else {
      used.put("scorer", "onnx token classifier");
      used.put("model_dir", modelScorer.modelDirectory());
      used.put("device", lower(modelScorer.device()));
      used.put("batch_size", modelScorer.batchSize());
      used.put("threads", modelScorer.threads());
      used.put("max_tokens", modelScorer.maxTokens());
      used.put("keep_label", modelScorer.keepLabel());
      used.put("word_score", lower(modelScorer.pooling()));
    }
    used.putAll(lengthUnit.describe());
    used.put("instruction", instruction.text());
    used.put("max_cot_tokens", maxCotTokens == 0 ? null : maxCotTokens);
    return used;
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
