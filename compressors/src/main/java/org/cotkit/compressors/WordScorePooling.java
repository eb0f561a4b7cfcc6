package org.cotkit.compressors;

/** How the keep probabilities of a word's subword tokens become the word's score. */
public enum WordScorePooling {
  /** Their mean, as LLMLingua-2 does. */
  MEAN,
  /** The first subword's. */
  FIRST
}
