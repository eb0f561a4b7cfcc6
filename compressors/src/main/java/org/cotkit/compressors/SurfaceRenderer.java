package org.cotkit.compressors;

import java.util.List;

/**
 * Writes the kept words of a text back out, each cut verbatim from the source, with the source's
 * own whitespace between them. Line breaks survive pruning: when dropped words stood between two
 * kept ones, the separator is the gap with the most line breaks in that stretch, so removing the
 * start of a line does not glue it to the previous one. Keeping every word gives back the source
 * exactly.
 */
public final class SurfaceRenderer {

  private final String source;
  private final List<Word> words;
  /** Line breaks in the gap before each word (index 0: none counted, no gap is chosen there). */
  private final int[] gapBreaks;

  /**
   * A renderer of one text, for rendering several selections of its words (one per ratio).
   *
   * @param words the text's words in order, not overlapping, as {@link WordSegmenter} gives them
   */
  public SurfaceRenderer(String source, List<Word> words) {
    this.source = source;
    this.words = words;
    this.gapBreaks = new int[words.size()];
    for (int i = 1; i < gapBreaks.length; i++) {
      gapBreaks[i] = lineBreaks(source, words.get(i - 1).end(), words.get(i).start());
    }
  }

  public static String render(String source, List<Word> words, boolean[] kept) {
    return new SurfaceRenderer(source, words).render(kept);
  }

  /** The text of the kept words ({@code kept[i]} for word i). */
  public String render(boolean[] kept) {
    if (words.isEmpty()) {
      return source;
    }
    // every piece copied is a different stretch of the source, in order, so the output fits in
    // the source's length; String.getChars copies in bulk where StringBuilder.append(source,
    // from, to) copies a char at a time (Java 17)
    char[] out = new char[source.length()];
    int length = 0;
    int previousKept = -1;
    for (int i = 0; i < words.size(); i++) {
      if (!kept[i]) {
        continue;
      }
      Word word = words.get(i);
      int from;
      if (previousKept >= 0) {
        int gap = separatorBefore(previousKept, i);
        int gapStart = words.get(gap - 1).end();
        int gapEnd = words.get(gap).start();
        source.getChars(gapStart, gapEnd, out, length);
        length += gapEnd - gapStart;
        from = word.start();
      } else {
        from = i == 0 ? 0 : word.start();
      }
      source.getChars(from, word.end(), out, length);
      length += word.end() - from;
      previousKept = i;
    }
    if (previousKept == words.size() - 1) {
      int end = words.get(previousKept).end();
      source.getChars(end, source.length(), out, length);
      length += source.length() - end;
    }
    return new String(out, 0, length);
  }

  /**
   * Which gap to write between two kept words: the one before word {@code j} with the most line
   * breaks, for {@code previousKept < j <= next}; the last one (just before {@code next}) on a tie.
   */
  private int separatorBefore(int previousKept, int next) {
    int best = next;
    for (int j = next - 1; j > previousKept; j--) {
      if (gapBreaks[j] > gapBreaks[best]) {
        best = j;
      }
    }
    return best;
  }

  private static int lineBreaks(String source, int start, int end) {
    int breaks = 0;
    for (int i = start; i < end; i++) {
      char c = source.charAt(i);
      // "\r\n" counts once, a lone "\r" (old Mac line ends) counts too
      if (c == '\n' || (c == '\r' && (i + 1 == end || source.charAt(i + 1) != '\n'))) {
        breaks++;
      }
    }
    return breaks;
  }
}
