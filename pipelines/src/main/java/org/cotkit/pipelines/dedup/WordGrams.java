package org.cotkit.pipelines.dedup;

import java.util.Arrays;
import java.util.List;

/**
 * Word n-grams of a question, as 64-bit hashes: the n-grams a benchmark overlap is found by, and the
 * shingles whose Jaccard similarity says two questions are near duplicates. 64 bits keep accidental
 * collisions out of reach: among a million questions of 50 n-grams each, the chance of any is
 * below one in a million.
 */
public final class WordGrams {

  /** Words per shingle of the near-duplicate comparison. */
  public static final int SHINGLE_WORDS = 3;

  private WordGrams() {}

  /** Each word's hash, computed once per question for all the n-grams and shingles made of it. */
  public static long[] wordHashes(List<String> words) {
    long[] hashes = new long[words.size()];
    for (int w = 0; w < hashes.length; w++) {
      String word = words.get(w);
      long h = 0xcbf29ce484222325L; // FNV-1a over the chars, then mixed
      for (int i = 0; i < word.length(); i++) {
        h = (h ^ word.charAt(i)) * 0x100000001b3L;
      }
      hashes[w] = mix(h);
    }
    return hashes;
  }

  /**
   * The hash of every run of {@code n} consecutive words, in order; a question of fewer than
   * {@code n} but at least {@code minWords} words is one run of all its words, a shorter one has none.
   */
  public static long[] ngrams(long[] wordHashes, int n, int minWords) {
    if (wordHashes.length < n) {
      return wordHashes.length >= minWords ? new long[] {hash(wordHashes, 0, wordHashes.length)} : new long[0];
    }
    long[] grams = new long[wordHashes.length - n + 1];
    for (int i = 0; i < grams.length; i++) {
      grams[i] = hash(wordHashes, i, i + n);
    }
    return grams;
  }

  /** The text of the n-gram at {@code start}, for a listing. */
  public static String text(List<String> words, int start, int n) {
    return String.join(" ", words.subList(start, Math.min(words.size(), start + n)));
  }

  /** The question's distinct shingles, sorted: word 3-grams, or all its words when it has fewer. */
  public static long[] shingles(long[] wordHashes) {
    long[] grams = ngrams(wordHashes, SHINGLE_WORDS, 1);
    Arrays.sort(grams);
    int distinct = 0;
    for (int i = 0; i < grams.length; i++) {
      if (i == 0 || grams[i] != grams[i - 1]) {
        grams[distinct++] = grams[i];
      }
    }
    return Arrays.copyOf(grams, distinct);
  }

  /** |a ∩ b| / |a ∪ b| of two sorted distinct sets; 0 when both are empty. */
  public static double jaccard(long[] a, long[] b) {
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    int union = a.length + b.length - common;
    return union == 0 ? 0 : (double) common / union;
  }

  /** A 64-bit hash of the words {@code from..to}, in order; their number is part of it. */
  static long hash(long[] wordHashes, int from, int to) {
    long h = to - from;
    for (int w = from; w < to; w++) {
      h = mix(h * 0x9e3779b97f4a7c15L + wordHashes[w]);
    }
    return h;
  }

  /** MurmurHash3's 64-bit finaliser: every input bit reaches every output bit. */
  static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
