package org.cotkit.compressors;

import java.util.List;

/**
 * Model-free importance: the self-information {@code −log2 P(w | previous word)} of each word under
 * a bigram model fitted on the corpus itself. Predictable words (the glue of a sentence) carry
 * little information and are pruned first; rare, surprising words (names, quantities) stay.
 */
public final class SelfInformationScorer implements ImportanceScorer {

  private static final double LN_2 = Math.log(2);

  private final BigramModel model;

  public SelfInformationScorer(BigramModel model) {
    this.model = model;
  }

  @Override
  public double[] score(List<Word> words) {
    double[] scores = new double[words.size()];
    int previous = model.wordNumber(BigramCounts.START);
    for (int i = 0; i < scores.length; i++) {
      int word = model.wordNumber(words.get(i).key());
      scores[i] = -model.logProbability(previous, word) / LN_2;
      previous = word;
    }
    return scores;
  }
}
