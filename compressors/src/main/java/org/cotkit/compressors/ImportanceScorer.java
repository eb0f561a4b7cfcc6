package org.cotkit.compressors;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores how important each word of a chain of thought is: higher means keep it longer.
 *
 * <p>Scores are only compared within one text, so any monotone scale works. Implementations that
 * gain from batching (model scorers) override {@link #scoreBatch(List)}; those that read the
 * question the text answers override the methods that take it.
 */
public interface ImportanceScorer {

  /** Returns one score per word, in word order. */
  double[] score(List<Word> words);

  /** Scores several texts; the default scores them one by one. */
  default List<double[]> scoreBatch(List<List<Word>> texts) {
    List<double[]> scores = new ArrayList<>(texts.size());
    for (List<Word> words : texts) {
      scores.add(score(words));
    }
    return scores;
  }

  /**
   * Scores a chain of thought written for a question (its words); a scorer that does not read the
   * question scores the chain of thought alone.
   */
  default double[] score(List<Word> words, List<Word> question) {
    return score(words);
  }

  /** Scores several texts, each written for the question at the same place of {@code questions}. */
  default List<double[]> scoreBatch(List<List<Word>> texts, List<List<Word>> questions) {
    return scoreBatch(texts);
  }
}
