package org.cotkit.pipelines.dedup;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words of a question as duplicates and benchmark overlaps compare them: Unicode NFKC (so a
 * full-width digit or a ligature is the plain character), lower case, and every run of punctuation
 * or whitespace one word break. {@code "Natalia sold clips to 48 of her friends in April, and"} and
 * {@code "natalia  sold clips to 48 of her friends in april and"} have the same words. Punctuation
 * breaks words rather than vanishing, so {@code 2.5} stays two words and never becomes {@code 25}.
 */
public final class QuestionWords {

  private QuestionWords() {}

  public static List<String> of(String question) {
    String text = Normalizer.normalize(question, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    List<String> words = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      boolean breaks = Character.isWhitespace(c) || Character.isSpaceChar(c) || isPunctuation(c);
      if (breaks && start >= 0) {
        words.add(text.substring(start, i));
        start = -1;
      } else if (!breaks && start < 0) {
        start = i;
      }
      i += Character.charCount(c);
    }
    if (start >= 0) {
      words.add(text.substring(start));
    }
    return words;
  }

  /** The question's exact-duplicate key: its words, one space between them. */
  public static String key(String question) {
    return String.join(" ", of(question));
  }

  private static boolean isPunctuation(int c) {
    return switch (Character.getType(c)) {
      case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
          Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION -> true;
      default -> false;
    };
  }
}
