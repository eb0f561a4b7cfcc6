package org.cotkit.compressors;

import java.io.Serializable;

/**
 * How to load and run an LLMLingua-2-style token classifier.
 *
 * @param modelDirectory a directory with {@code model.onnx} and {@code tokenizer.json} (Hugging
 *     Face format), and optionally {@code config.json} naming the labels
 * @param device where to run it
 * @param threads intra-op threads on the CPU; 0 lets ONNX Runtime decide
 * @param batchSize chunks per model call
 * @param maxTokens the model's window, special tokens included (512 for XLM-RoBERTa)
 * @param keepLabel the label whose probability is the importance: an index ({@code 1}) or a name
 *     from {@code config.json}'s {@code id2label}
 * @param pooling how subword probabilities become a word's score
 */
public record TokenClassifierSettings(
    String modelDirectory, ScoringDevice device, int threads, int batchSize, int maxTokens, String keepLabel,
    WordScorePooling pooling)
    implements Serializable {

  public static final int DEFAULT_MAX_TOKENS = 512;
  public static final int DEFAULT_BATCH_SIZE = 16;
  public static final String DEFAULT_KEEP_LABEL = "1";

  public TokenClassifierSettings {
    if (batchSize < 1) {
      throw new IllegalArgumentException("--batch-size must be at least 1, got " + batchSize);
    }
    if (maxTokens < 8) {
      throw new IllegalArgumentException("--max-tokens must be at least 8, got " + maxTokens);
    }
    if (threads < 0) {
      throw new IllegalArgumentException("--threads must be 0 (ONNX Runtime decides) or more, got " + threads);
    }
  }
}
