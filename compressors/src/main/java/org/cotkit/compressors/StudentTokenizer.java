package org.cotkit.compressors;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import ai.djl.huggingface.tokenizers.jni.TokenizersLibrary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lengths in the tokens of the student's tokenizer (a Hugging Face {@code tokenizer.json}), as the
 * student will see the text: no special tokens, no truncation. One instance per file serves every
 * thread of a JVM; the native tokenizer is thread-safe and lives as long as the JVM.
 */
public final class StudentTokenizer implements TokenCounter {

  private static final Map<Path, StudentTokenizer> LOADED = new ConcurrentHashMap<>();

  private final HuggingFaceTokenizer tokenizer;

  private StudentTokenizer(HuggingFaceTokenizer tokenizer) {
    this.tokenizer = tokenizer;
  }

  /**
   * The tokenizer of {@code file}, loaded once per JVM.
   *
   * @throws IllegalArgumentException naming the file when it cannot be loaded
   */
  public static StudentTokenizer of(Path file) {
    return LOADED.computeIfAbsent(file.toAbsolutePath().normalize(), StudentTokenizer::load);
  }

  private static StudentTokenizer load(Path file) {
    try {
      return new StudentTokenizer(HubTokenizers.load(file));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("--tokenizer '" + file + "': cannot load it as a Hugging Face "
          + "tokenizer.json: " + TokenClassifierModel.firstLine(e));
    }
  }

  /**
   * Asks the native library for the token ids alone: DJL's {@code encode} also fetches every
   * token's string, offsets and masks, which took about a third of the time of a count.
   */
  @Override
  public int count(String text) {
    if (text.isEmpty()) {
      return 0;
    }
    long encoding = TokenizersLibrary.LIB.encode(tokenizer.getHandle(), text, false);
    try {
      return TokenizersLibrary.LIB.getTokenIds(encoding).length;
    } finally {
      TokenizersLibrary.LIB.deleteEncoding(encoding);
    }
  }

  /**
   * Shares out the tokens of the whole text: each token goes to the first word that ends after the
   * token starts, so a token of the whitespace before a word (Qwen's and GPT's {@code Ġword}, a
   * line break) is the word's, and one of trailing whitespace is the last word's.
   */
  @Override
  public int[] costs(String text, List<Word> words) {
    int[] costs = new int[words.size()];
    if (words.isEmpty() || text.isEmpty()) {
      return costs;
    }
    CharSpan[] spans;
    long encoding = TokenizersLibrary.LIB.encode(tokenizer.getHandle(), text, false);
    try {
      spans = TokenizersLibrary.LIB.getTokenCharSpans(encoding);
    } finally {
      TokenizersLibrary.LIB.deleteEncoding(encoding);
    }
    int[] toUtf16 = HubTokenizers.codePointToUtf16(text);
    int word = 0;
    for (CharSpan span : spans) {
      if (span == null) {
        costs[word]++; // no offset (none of the tokens of plain text): counted where we are
        continue;
      }
      int start = toUtf16 == null ? span.getStart() : toUtf16[Math.min(span.getStart(), toUtf16.length - 1)];
      while (word < costs.length - 1 && words.get(word).end() <= start) {
        word++;
      }
      costs[word]++;
    }
    return costs;
  }

  /** A word's tokens depend on its neighbours, so a selection's length is measured, not summed. */
  @Override
  public boolean additive() {
    return false;
  }
}
