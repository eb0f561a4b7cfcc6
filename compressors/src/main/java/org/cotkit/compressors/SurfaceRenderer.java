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

  private SurfaceRenderer() {}

  public static String render(String source, List<Word> words, boolean[] kept) {
    if (words.isEmpty()) {
      return source;
    }
    StringBuilder out = new StringBuilder(source.length());
    int previousKept = -1;
    for (int i = 0; i < words.size(); i++) {
      if (!kept[i]) {
        continue;
      }
      Word word = words.get(i);
      if (previousKept < 0) {
        if (i == 0) {
          out.append(source, 0, word.start());
        }
      } else {
        appendSeparator(out, source, words, previousKept, i);
      }
      out.append(source, word.start(), word.end());
      previousKept = i;
    }
    if (previousKept == words.size() - 1) {
      out.append(source, words.get(previousKept).end(), source.length());
    }
    return out.toString();
  }

  private static void appendSeparator(
      StringBuilder out, String source, List<Word> words, int previousKept, int next) {
    int bestStart = words.get(next - 1).end();
    int bestEnd = words.get(next).start();
    int bestBreaks = lineBreaks(source, bestStart, bestEnd);
    for (int j = next - 1; j > previousKept; j--) {
      int start = words.get(j - 1).end();
      int end = words.get(j).start();
      int breaks = lineBreaks(source, start, end);
      if (breaks > bestBreaks) {
        bestStart = start;
        bestEnd = end;
        bestBreaks = breaks;
      }
    }
    out.append(source, bestStart, bestEnd);
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
