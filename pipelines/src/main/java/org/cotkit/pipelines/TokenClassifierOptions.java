package org.cotkit.pipelines;

import org.cotkit.compressors.TokenClassifierSettings;

/** Turns the scorer options into the ONNX scorer's settings. */
public final class TokenClassifierOptions {

  private TokenClassifierOptions() {}

  /**
   * The token classifier settings of {@code --scorer onnx}; null for the n-gram scorer.
   *
   * @throws IllegalArgumentException naming the option at fault
   */
  public static TokenClassifierSettings settings(TokenSkipOptions options) {
    if (options.getScorer() != TokenSkipOptions.ScorerKind.ONNX) {
      return null;
    }
    if (options.getModelDir() == null || options.getModelDir().isBlank()) {
      throw new IllegalArgumentException("--scorer onnx needs --model-dir, a directory with model.onnx and tokenizer.json");
    }
    return new TokenClassifierSettings(options.getModelDir(), options.getDevice(), options.getThreads(),
        options.getBatchSize(), options.getMaxTokens(), options.getKeepLabel(), options.getWordScore());
  }
}
