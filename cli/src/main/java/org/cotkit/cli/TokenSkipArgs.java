package org.cotkit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cotkit.compressors.LengthUnit;
import org.cotkit.compressors.OnnxTokenClassifierScorer;
import org.cotkit.compressors.ScoringDevice;
import org.cotkit.compressors.TokenClassifierSettings;
import org.cotkit.compressors.WordScorePooling;
import org.cotkit.pipelines.compress.RatioAssignment;
import org.cotkit.pipelines.compress.TokenSkipFormat;
import org.cotkit.pipelines.compress.TokenSkipSettings;
import org.cotkit.pipelines.sft.Instruction;
import picocli.CommandLine.Option;

/** Options of TokenSkip compression, shared by {@code compress} and {@code build}. */
final class TokenSkipArgs {

  @Option(names = "--ratios", paramLabel = "γ[,γ...]", defaultValue = "0.5,0.6,0.7,0.8,0.9,1.0",
      description = "Target ratios in (0, 1]: the share of tokens kept. Default: ${DEFAULT-VALUE}.")
  String ratios;

  @Option(names = "--ratio-assignment", paramLabel = "all|one", defaultValue = "all",
      description = "all: one example per record and ratio; one: a single ratio drawn per record "
          + "(seeded, the same on every run), as in TokenSkip's recipe. Default: ${DEFAULT-VALUE}.")
  RatioAssignment.Mode ratioAssignment;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
      description = "Seed of the ratio draw for --ratio-assignment one. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--force-token", paramLabel = "TOKEN",
      description = "A token to keep wherever it occurs (repeatable), on top of numbers, operators and "
          + "the answer: one word, case-sensitive, matched inside words at word boundaries ('So' keeps "
          + "'So,' but not 'Some').")
  List<String> forceTokens = new ArrayList<>();

  @Option(names = "--keep-digits", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Always keep words with digits or math operators (+ - * / × ÷ = < >). "
          + "--no-keep-digits lets the scorer drop them too (the final answer is still kept).")
  boolean keepDigits;

  @Option(names = "--separator", paramLabel = "SEP", defaultValue = TokenSkipFormat.DEFAULT_SEPARATOR,
      description = "Separator of the TokenSkip prompt {question}SEP{γ}SEP (and of a prompt tag); match "
          + "your student's chat template. Default: ${DEFAULT-VALUE}.")
  String separator;

  @Option(names = "--instruction", paramLabel = "TEXT",
      description = "An instruction before every question: in the prompt column (then a line break, then the "
          + "question) and as the system turn of messages. TokenSkip's: \"Please reason step by step, and put "
          + "your final answer within \\boxed{}.\" Default: none.")
  String instruction;

  @Option(names = "--max-cot-tokens", paramLabel = "N", defaultValue = "0",
      description = "Filter chains of thought longer than N (in --tokenizer tokens, else words), counted as "
          + "filtered.too_long; TokenSkip drops CoTs over 500 tokens. 0: no limit. Default: ${DEFAULT-VALUE}.")
  int maxCotTokens;

  @Option(names = "--scorer", paramLabel = "ngram|onnx", defaultValue = "ngram",
      description = "Importance scorer. ngram: a word's information under n-gram statistics of the input, less a "
          + "penalty for fillers and function words (no model needed). onnx: an LLMLingua-2-style token "
          + "classifier exported to ONNX, in --model-dir. Default: ${DEFAULT-VALUE}.")
  Scorer scorer;

  @Option(names = "--model-dir", paramLabel = "DIR",
      description = "For --scorer onnx: a local directory with model.onnx and tokenizer.json (Hugging Face "
          + "format), and optionally config.json naming the labels. Nothing is downloaded.")
  String modelDir;

  @Option(names = "--device", paramLabel = "cpu|cuda|auto", defaultValue = "cpu",
      description = "Where the ONNX scorer runs. cuda needs the gpu build (mvn -Pgpu) on a host with CUDA 12 "
          + "and cuDNN 9, and fails at start without them; auto uses CUDA when it can, else the CPU with a "
          + "warning. Default: ${DEFAULT-VALUE}.")
  ScoringDevice device;

  @Option(names = "--accelerator", paramLabel = "HINT", defaultValue = TokenSkipSettings.DEFAULT_ACCELERATOR,
      description = "With --device cuda: the accelerator resource hint of the scoring step, in Dataflow's syntax, "
          + "so a runner that places work by hints runs it on GPU workers. Default: ${DEFAULT-VALUE}.")
  String accelerator;

  @Option(names = "--batch-size", paramLabel = "N", defaultValue = "" + TokenClassifierSettings.DEFAULT_BATCH_SIZE,
      description = "Chunks per model call of the ONNX scorer; chunks are sorted by length first, so padding "
          + "stays low. Default: ${DEFAULT-VALUE}.")
  int batchSize;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
      description = "ONNX Runtime intra-op threads on the CPU per model; 0 lets it decide. Default: ${DEFAULT-VALUE}.")
  int threads;

  @Option(names = "--max-tokens", paramLabel = "N", defaultValue = "" + TokenClassifierSettings.DEFAULT_MAX_TOKENS,
      description = "The model's window, special tokens included; longer CoTs are cut into chunks at sentence "
          + "ends and scored piece by piece. Default: ${DEFAULT-VALUE}.")
  int maxTokens;

  @Option(names = "--keep-label", paramLabel = "LABEL", defaultValue = TokenClassifierSettings.DEFAULT_KEEP_LABEL,
      description = "The label whose probability is a token's importance: an index, or a name from the model's "
          + "config.json id2label. Default: ${DEFAULT-VALUE} (LLMLingua-2's keep).")
  String keepLabel;

  @Option(names = "--word-score", paramLabel = "mean|first", defaultValue = "mean",
      description = "How the probabilities of a word's subword tokens become its score. Default: ${DEFAULT-VALUE}.")
  WordScorePooling wordScore;

  /** The importance scorers. */
  enum Scorer {
    NGRAM,
    ONNX
  }

  /**
   * The validated compression settings.
   *
   * @throws IllegalArgumentException naming the option at fault
   */
  TokenSkipSettings settings(LengthUnit lengthUnit) {
    RatioAssignment assignment = new RatioAssignment(TokenSkipSettings.parseRatios(ratios), ratioAssignment, seed);
    return new TokenSkipSettings(assignment, keepDigits, forceTokens, separator, modelScorer(), accelerator,
        lengthUnit, Instruction.of(instruction), maxCotTokens);
  }

  /** The token classifier of {@code --scorer onnx}; null for the n-gram scorer. */
  private TokenClassifierSettings modelScorer() {
    if (scorer != Scorer.ONNX) {
      return null;
    }
    if (modelDir == null || modelDir.isBlank()) {
      throw new IllegalArgumentException("--scorer onnx needs --model-dir, a directory with model.onnx and tokenizer.json");
    }
    return new TokenClassifierSettings(Path.of(modelDir).toAbsolutePath().normalize().toString(), device, threads,
        batchSize, maxTokens, keepLabel, wordScore);
  }

  /**
   * Loads the scoring model before the run, so that a missing model or an unavailable device fails
   * at start with one line, and holds it while the run's workers in this JVM share it.
   */
  static AutoCloseable holdModel(TokenSkipSettings settings) {
    return settings.modelScorer() == null ? () -> {} : OnnxTokenClassifierScorer.open(settings.modelScorer());
  }
}
