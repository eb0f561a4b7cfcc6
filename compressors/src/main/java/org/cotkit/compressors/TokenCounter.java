package org.cotkit.compressors;

/** Counts how many tokens of the student's tokenizer a word costs; ratios are shares of tokens. */
@FunctionalInterface
public interface TokenCounter {

  /** Every word costs one token: the default, TokenSkip's ratio measured in words. */
  TokenCounter WORDS = word -> 1;

  int count(Word word);
}
