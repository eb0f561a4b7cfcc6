package org.cotkit.compressors;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores how important each word of a chain of thought is: higher means keep it longer.
 *
 * <p>Scores are only compared within one text, so any monotone scale works. Implementations that
 * gain from batching (model scorers) override {@link #scoreBatch}.
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
}
