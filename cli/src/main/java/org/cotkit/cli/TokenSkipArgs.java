package org.cotkit.cli;

import java.util.ArrayList;
import java.util.List;
import org.cotkit.pipelines.CompressPipeline;
import org.cotkit.pipelines.RatioAssignment;
import org.cotkit.pipelines.TokenSkipFormat;
import org.cotkit.pipelines.TokenSkipOptions;
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

  /**
   * Validates and copies the options.
   *
   * @throws IllegalArgumentException naming the option at fault
   */
  void applyTo(TokenSkipOptions options) {
    CompressPipeline.parseRatios(ratios);
    for (String token : forceTokens) {
      if (token.strip().chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("--force-token '" + token + "' has a space; a force token is one word");
      }
    }
    options.setRatios(ratios);
    options.setRatioAssignment(ratioAssignment);
    options.setSeed(seed);
    options.setForceTokens(List.copyOf(forceTokens));
    options.setKeepDigits(keepDigits);
    options.setPromptSeparator(separator);
  }
}
