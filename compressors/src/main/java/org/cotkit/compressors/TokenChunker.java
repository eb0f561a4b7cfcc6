package org.cotkit.compressors;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a tokenized text into chunks that fit a model's window. A cut falls between words, after a
 * word that ends a sentence when one lies in the back half of the window (so the model sees whole
 * sentences), else after the last word that fits; only a single word longer than the window is cut
 * inside. Every token is in exactly one chunk.
 */
public final class TokenChunker {

  private TokenChunker() {}

  /** A chunk of tokens {@code [from, to)}. */
  public record Chunk(int from, int to) {
    public int length() {
      return to - from;
    }
  }

  /**
   * @param tokenWords for each token, the index of the word it belongs to (non-decreasing)
   * @param sentenceEnds for each word, whether it ends a sentence
   * @param maxTokens the most tokens a chunk may hold
   */
  public static List<Chunk> chunk(int[] tokenWords, boolean[] sentenceEnds, int maxTokens) {
    if (maxTokens < 1) {
      throw new IllegalArgumentException("a chunk holds at least one token");
    }
    List<Chunk> chunks = new ArrayList<>();
    int from = 0;
    int n = tokenWords.length;
    while (from < n) {
      int limit = from + maxTokens;
      if (limit >= n) {
        chunks.add(new Chunk(from, n));
        break;
      }
      int wordBoundary = -1;
      int sentenceBoundary = -1;
      for (int cut = limit; cut > from; cut--) {
        if (tokenWords[cut] != tokenWords[cut - 1]) {
          if (wordBoundary < 0) {
            wordBoundary = cut;
          }
          if (sentenceEnds[tokenWords[cut - 1]]) {
            sentenceBoundary = cut;
            break;
          }
        }
      }
      int cut;
      if (sentenceBoundary > from + maxTokens / 2) {
        cut = sentenceBoundary;
      } else if (wordBoundary > 0) {
        cut = wordBoundary;
      } else {
        cut = limit; // one word longer than the window
      }
      chunks.add(new Chunk(from, cut));
      from = cut;
    }
    return chunks;
  }

  /** Whether a word ends a sentence: its text ends in . ! ? : or ; (after closing quotes or brackets). */
  public static boolean endsSentence(String word) {
    int i = word.length() - 1;
    while (i >= 0 && "\"')]}»”’*".indexOf(word.charAt(i)) >= 0) {
      i--;
    }
    return i >= 0 && ".!?:;。！？".indexOf(word.charAt(i)) >= 0;
  }
}
