package org.cotkit.labelers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The options a multiple-choice question lists in its own text, letter to option text, so that a
 * generation that states an option's text rather than its letter can still be checked. Options are
 * labelled {@code (A)} (also {@code \textbf{(A)}}, as MATH writes them) anywhere, or {@code A.} /
 * {@code A)} at a line start; they count only as a run of consecutive letters from A, at least two
 * of them, so a stray "(B)" in the prose lists nothing. An option's text runs to the next label, the
 * last one's to the end of its line.
 */
final class ChoiceOptions {

  private static final Pattern LABEL = Pattern.compile(
      "(?<![\\p{L}\\d])(?:\\\\textbf\\{)?\\(([A-J])\\)}?|^[ \\t]*([A-J])[.)][ \\t]+", Pattern.MULTILINE);
  /** Spacing and math delimiters around an option's text: {@code \ 3(1 + r)^x = 7\qquad}. */
  private static final Pattern EDGES = Pattern.compile("^(?:\\s|\\\\ |\\$|:)+|(?:\\s|\\\\qquad|\\\\quad|\\\\ |\\$|[,;])+$");

  private ChoiceOptions() {}

  /** The options {@code question} lists, in order; empty when it lists fewer than two. */
  static Map<Character, String> listedIn(String question) {
    if (question == null) {
      return Map.of();
    }
    List<int[]> labels = new ArrayList<>(); // {letter, label start, text start}
    char expected = 'A';
    for (Matcher m = LABEL.matcher(question); m.find(); ) {
      char letter = (m.group(1) != null ? m.group(1) : m.group(2)).charAt(0);
      if (letter == expected) {
        labels.add(new int[] {letter, m.start(), m.end()});
        expected++;
      }
    }
    if (labels.size() < 2) {
      return Map.of();
    }
    Map<Character, String> options = new LinkedHashMap<>();
    for (int i = 0; i < labels.size(); i++) {
      int from = labels.get(i)[2];
      int to;
      if (i + 1 < labels.size()) {
        to = labels.get(i + 1)[1];
      } else {
        int lineEnd = question.indexOf('\n', from);
        to = lineEnd < 0 ? question.length() : lineEnd;
      }
      String text = EDGES.matcher(question.substring(from, to)).replaceAll("");
      if (!text.isEmpty()) {
        options.put((char) labels.get(i)[0], text);
      }
    }
    return Collections.unmodifiableMap(options);
  }
}
