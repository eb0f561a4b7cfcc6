package org.cotkit.compressors;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Strips punctuation from both ends of each term ({@code "Clips."} → {@code Clips},
 * {@code ($18)} → {@code 18}); a term of punctuation only is left as it is, so that it keeps a
 * key of its own. Offsets are untouched: they still span the whole word.
 *
 * <p>A plain character loop, not a regular expression: this runs for every word of the corpus,
 * twice.
 */
final class EdgePunctuationFilter extends TokenFilter {

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  EdgePunctuationFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    char[] buffer = term.buffer();
    int length = term.length();
    int start = 0;
    int end = length;
    while (start < end && isPunctuation(buffer[start])) {
      start++;
    }
    while (end > start && isPunctuation(buffer[end - 1])) {
      end--;
    }
    if (start == end || (start == 0 && end == length)) {
      return true;
    }
    System.arraycopy(buffer, start, buffer, 0, end - start);
    term.setLength(end - start);
    return true;
  }

  static boolean isPunctuation(char c) {
    switch (Character.getType(c)) {
      case Character.CONNECTOR_PUNCTUATION:
      case Character.DASH_PUNCTUATION:
      case Character.START_PUNCTUATION:
      case Character.END_PUNCTUATION:
      case Character.INITIAL_QUOTE_PUNCTUATION:
      case Character.FINAL_QUOTE_PUNCTUATION:
      case Character.OTHER_PUNCTUATION:
        return true;
      default:
        // ASCII symbols such as $ % + < = > ^ ` | ~ are punctuation to a reader too
        return c < 128 && "$+<=>^`|~".indexOf(c) >= 0;
    }
  }
}
