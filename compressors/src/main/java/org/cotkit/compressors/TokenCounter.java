package org.cotkit.compressors;

import java.util.List;

/**
 * Measures a text in the unit its ratios, lengths and budgets are reported in: whitespace words
 * (TokenSkip's ratio, the default) or the tokens of the student's tokenizer. The pruner keeps or
 * drops whole words, so it also needs each word's share of the text's length.
 */
public interface TokenCounter {

  /** The length of {@code text} in this unit. */
  int count(String text);

  /**
   * Each word's share of {@link #count(String) count(text)}: the costs sum to it.
   *
   * @param words the words of {@code text}, as {@link WordSegmenter} gives them
   */
  int[] costs(String text, List<Word> words);

  /**
   * Whether the costs of any selection of words add up to exactly the length of the text they
   * render to. A subword tokenizer's are estimates (a word can tokenize differently next to other
   * words), so a pruner measures the rendered text again.
   */
  boolean additive();
}
