package org.cotkit.compressors;

import java.util.Arrays;
import java.util.List;

/** Lengths in whitespace words, each word one unit: TokenSkip's ratio as its paper counts it. */
public final class WordCounter implements TokenCounter {

  private final WordSegmenter segmenter = new WordSegmenter();

  @Override
  public int count(String text) {
    return segmenter.segment(text).size();
  }

  @Override
  public int[] costs(String text, List<Word> words) {
    int[] costs = new int[words.size()];
    Arrays.fill(costs, 1);
    return costs;
  }

  @Override
  public boolean additive() {
    return true;
  }
}
