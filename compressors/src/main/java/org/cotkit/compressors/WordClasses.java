package org.cotkit.compressors;

import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * The classes of words that the model-free scorer ranks apart and the quality figures count apart,
 * told by a word's {@link Word#key() key}.
 */
public final class WordClasses {

  /** What a word is, as far as its importance goes. */
  public enum WordClass {
    /** Discourse glue of reasoning traces ({@code so}, {@code wait}, {@code let me}): carries the least. */
    FILLER,
    /** Articles, pronouns, auxiliaries, prepositions: needed for grammar, not for the reasoning. */
    FUNCTION,
    /** A word of letters that is neither: what the reasoning is about. */
    CONTENT,
    /** Numbers, symbols, markup, punctuation. */
    OTHER
  }

  /** Discourse fillers of reasoning traces: what carries the least, however often it is said. */
  public static final Set<String> FILLERS = Set.of(
      "therefore", "thus", "so", "now", "then", "hence", "wait", "hmm", "okay", "ok", "alright", "well",
      "let", "me", "let's", "actually", "basically", "first", "next", "finally", "also", "just", "right");

  /**
   * Function words: Lucene's English stop words without {@code no} and {@code not} (a negation
   * turns a step around) and {@code then} (a filler), with the pronouns, auxiliaries and
   * contractions that reasoning traces are full of.
   */
  static final Set<String> FUNCTION_WORDS = functionWords();

  private WordClasses() {}

  /** The class of a word key. */
  public static WordClass of(String key) {
    if (FILLERS.contains(key)) {
      return WordClass.FILLER;
    }
    if (FUNCTION_WORDS.contains(key)) {
      return WordClass.FUNCTION;
    }
    return isLetters(key) ? WordClass.CONTENT : WordClass.OTHER;
  }

  /** Whether a key is a word of letters (an apostrophe inside, as in "don't", allowed). */
  static boolean isLetters(String key) {
    if (key.isEmpty() || !Character.isLetter(key.charAt(0))) {
      return false;
    }
    for (int i = 1; i < key.length(); i++) {
      char c = key.charAt(i);
      if (!Character.isLetter(c) && c != '\'' && c != '’') {
        return false;
      }
    }
    return true;
  }

  private static Set<String> functionWords() {
    Set<String> words = new HashSet<>();
    for (Object word : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET) {
      words.add(word instanceof char[] chars ? new String(chars) : word.toString());
    }
    words.removeAll(Set.of("no", "not", "then"));
    words.addAll(Set.of(
        "i", "we", "you", "he", "she", "him", "her", "his", "its", "our", "us", "your", "my", "them", "those",
        "am", "were", "been", "being", "has", "have", "had", "do", "does", "did", "can", "could", "would",
        "should", "may", "might", "must", "shall", "from", "i'm", "i'll", "i've", "i'd", "it's", "that's",
        "there's", "we'll", "we're", "we've", "you're", "what's", "here's", "he's", "she's"));
    return Set.copyOf(words);
  }
}
