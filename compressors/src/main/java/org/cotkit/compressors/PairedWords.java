package org.cotkit.compressors;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Words that pruning keeps or drops together: the two sides of a LaTeX delimiter pair
 * ({@code \(…\)}, {@code \[…\]}, {@code $…$}, {@code $$…$$}) and of a brace group
 * ({@code \text{total cost}}, {@code \frac{a + b}{2}}) when they stand in different words. One side
 * without the other leaves the rest of the text in or out of math mode, or a command that never
 * ends; the words between the two sides still compete one by one.
 */
public final class PairedWords {

  private PairedWords() {}

  /**
   * The groups of words to keep or drop together, as a ring: {@code next[i]} is the next word of
   * word i's group, and following it comes back to i; {@code next[i] == i} for a word on its own.
   * Pairs that share a word ({@code b$,} closing one {@code $…$} and {@code $c} of the next are
   * different words, but {@code }\)} closes both a brace and a delimiter) join into one group.
   */
  public static int[] groups(List<Word> words) {
    int[] parent = new int[words.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    boolean any = false;
    for (List<int[]> pairs : List.of(delimiterPairs(words), bracePairs(words))) {
      for (int[] pair : pairs) {
        parent[root(parent, pair[0])] = root(parent, pair[1]);
        any = true;
      }
    }
    int[] next = new int[parent.length];
    for (int i = 0; i < next.length; i++) {
      next[i] = i;
    }
    if (!any) {
      return next;
    }
    // splice each word into its root's ring, right after the root
    for (int i = 0; i < next.length; i++) {
      int root = root(parent, i);
      if (root != i) {
        next[i] = next[root];
        next[root] = i;
      }
    }
    return next;
  }

  /** Marks every word of a group that holds a forced word as forced too, in place; returns the marks. */
  public static boolean[] closeForced(boolean[] forced, int[] next) {
    for (int i = 0; i < forced.length; i++) {
      if (forced[i] && next[i] != i) {
        for (int j = next[i]; j != i; j = next[j]) {
          forced[j] = true;
        }
      }
    }
    return forced;
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /** LaTeX delimiter pairs whose two sides are in different words: {opening word, closing word}. */
  static List<int[]> delimiterPairs(List<Word> words) {
    List<int[]> pairs = new ArrayList<>();
    Deque<int[]> open = new ArrayDeque<>(); // {word, kind}: 0 \( 1 \[ 2 $ 3 $$
    for (int w = 0; w < words.size(); w++) {
      String text = words.get(w).text();
      if (text.indexOf('$') < 0 && text.indexOf('\\') < 0) {
        continue; // most words hold no delimiter
      }
      for (int c = 0; c < text.length(); c++) {
        int kind;
        boolean opening = false;
        boolean closing = false;
        if (text.startsWith("\\(", c) || text.startsWith("\\[", c)) {
          kind = text.charAt(c + 1) == '(' ? 0 : 1;
          opening = true;
          c++;
        } else if (text.startsWith("\\)", c) || text.startsWith("\\]", c)) {
          kind = text.charAt(c + 1) == ')' ? 0 : 1;
          closing = true;
          c++;
        } else if (text.charAt(c) == '$' && (c == 0 || text.charAt(c - 1) != '\\')) {
          kind = text.startsWith("$$", c) ? 3 : 2;
          int end = c + (kind == 3 ? 2 : 1);
          // a $ opens at the start of a word and closes at its end; one in the middle of a word
          // ("$18" is money, not math, when nothing closes it) is neither
          boolean atStart = onlyOf(text, 0, c, "([{");
          boolean atEnd = onlyOf(text, end, text.length(), ".,;:!?)]}");
          boolean top = !open.isEmpty() && open.peek()[1] == kind;
          opening = atStart && !(atEnd && top);
          closing = atEnd && !opening;
          c = end - 1;
        } else {
          continue;
        }
        if (opening) {
          open.push(new int[] {w, kind});
        } else if (closing && popTo(open, kind)) {
          int from = open.pop()[0];
          if (from != w) {
            pairs.add(new int[] {from, w});
          }
        }
      }
    }
    return pairs;
  }

  /**
   * Brace groups whose two braces are in different words: {word of the {, word of the matching }}.
   * Escaped braces ({@code \{ 1, 2 \}}, a set) are text, not a group; a stray {@code }} closes nothing.
   */
  static List<int[]> bracePairs(List<Word> words) {
    List<int[]> pairs = new ArrayList<>();
    Deque<Integer> open = new ArrayDeque<>();
    for (int w = 0; w < words.size(); w++) {
      String text = words.get(w).text();
      for (int c = 0; c < text.length(); c++) {
        char ch = text.charAt(c);
        if (ch == '\\') {
          c++; // an escaped character, \{ or \} among them
        } else if (ch == '{') {
          open.push(w);
        } else if (ch == '}' && !open.isEmpty()) {
          int from = open.pop();
          if (from != w) {
            pairs.add(new int[] {from, w});
          }
        }
      }
    }
    return pairs;
  }

  /** Whether a delimiter of {@code kind} is open; openers above it (money's "$" never closes) are dropped. */
  private static boolean popTo(Deque<int[]> open, int kind) {
    for (int[] opener : open) {
      if (opener[1] == kind) {
        while (open.peek()[1] != kind) {
          open.pop();
        }
        return true;
      }
    }
    return false;
  }

  private static boolean onlyOf(String text, int from, int to, String chars) {
    for (int i = from; i < to; i++) {
      if (chars.indexOf(text.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }
}
