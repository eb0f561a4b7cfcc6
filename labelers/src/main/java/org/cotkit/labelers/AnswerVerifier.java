package org.cotkit.labelers;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a predicted final answer equals the gold one. Both are first
 * {@link AnswerNormalizer normalised}; equal forms are correct. Otherwise numbers are compared by
 * value with a relative tolerance ({@code 0.5 = 1/2 = \frac{1}{2}}), tuples and intervals element
 * by element (brackets must match), and other simple expressions ({@code \sqrt{2}},
 * {@code 3\pi}) by their normalised form. An answer with LaTeX the verifier does not understand
 * is {@link Verdict#UNVERIFIABLE}, never silently equal or unequal.
 */
public final class AnswerVerifier {

  /** The outcome of a comparison. */
  public enum Verdict {
    CORRECT,
    INCORRECT,
    UNVERIFIABLE
  }

  private static final double RELATIVE_TOLERANCE = 1e-6;
  /**
   * Tuples nested deeper than this are not compared: no real answer nests so deep, every level
   * scans the whole answer again, and a runaway generation's thousands of levels overflowed the stack.
   */
  private static final int MAX_NESTING = 32;
  private static final Pattern DECIMAL = Pattern.compile("-?(?:\\d+(?:\\.\\d*)?|\\.\\d+)");
  private static final Pattern SLASH_FRACTION = Pattern.compile("(-?\\d+)/(\\d+)");
  private static final Pattern LATEX_FRACTION = Pattern.compile("(-?)\\\\frac\\{(-?\\d+)}\\{(\\d+)}");
  /** Commands whose meaning the structural comparison of normalised forms respects. */
  private static final Pattern KNOWN_COMMANDS = Pattern.compile(
      "\\\\(?:frac|sqrt|pi|cdot|times|infty|pm|le|ge|leq|geq|ne|neq|circ|emptyset|cup|cap|in|theta|alpha|beta)(?![a-zA-Z])");
  private static final Pattern DANGLING_COMMAND = Pattern.compile("\\\\(?:frac|sqrt)(?![{\\d])");
  private static final Pattern DIVISION_BY_ZERO = Pattern.compile("/0+(?![\\d.])|\\\\frac\\{[^{}]*}\\{0+}");
  /** Letters (words, variables, apostrophes), digits and plain math symbols. */
  private static final Pattern SIMPLE_EXPRESSION = Pattern.compile("[\\p{L}\\d+\\-*/^_(){}\\[\\].,=<>|']*");

  public Verdict verify(String predicted, String gold) {
    String p = AnswerNormalizer.normalize(predicted);
    String g = AnswerNormalizer.normalize(gold);
    if (p.isEmpty() || g.isEmpty() || malformed(p) || malformed(g)) {
      return Verdict.UNVERIFIABLE;
    }
    return p.equals(g) ? Verdict.CORRECT : compare(p, g, 0);
  }

  private static Verdict compare(String p, String g, int depth) {
    if (depth > MAX_NESTING) {
      return Verdict.UNVERIFIABLE;
    }
    Sequence ps = Sequence.of(p);
    Sequence gs = Sequence.of(g);
    if (ps != null || gs != null) {
      if (ps == null || gs == null) {
        return isSimple(p) && isSimple(g) ? Verdict.INCORRECT : Verdict.UNVERIFIABLE;
      }
      if (!ps.open().equals(gs.open()) || !ps.close().equals(gs.close()) || ps.elements().size() != gs.elements().size()) {
        return Verdict.INCORRECT;
      }
      Verdict all = Verdict.CORRECT;
      for (int i = 0; i < ps.elements().size(); i++) {
        String pe = ps.elements().get(i);
        String ge = gs.elements().get(i);
        Verdict element = pe.equals(ge) ? Verdict.CORRECT : compare(pe, ge, depth + 1);
        if (element == Verdict.UNVERIFIABLE) {
          return Verdict.UNVERIFIABLE;
        }
        if (element == Verdict.INCORRECT) {
          all = Verdict.INCORRECT;
        }
      }
      return all;
    }
    Double pv = value(p);
    Double gv = value(g);
    if (pv != null && gv != null) {
      return Math.abs(pv - gv) <= RELATIVE_TOLERANCE * Math.max(1.0, Math.max(Math.abs(pv), Math.abs(gv)))
          ? Verdict.CORRECT
          : Verdict.INCORRECT;
    }
    return isSimple(p) && isSimple(g) ? Verdict.INCORRECT : Verdict.UNVERIFIABLE;
  }

  /** The value of a plain number, {@code a/b} or {@code \frac{a}{b}}; null for anything else. */
  static Double value(String s) {
    if (DECIMAL.matcher(s).matches()) {
      return Double.valueOf(s);
    }
    Matcher slash = SLASH_FRACTION.matcher(s);
    if (slash.matches()) {
      return Double.parseDouble(slash.group(1)) / Double.parseDouble(slash.group(2));
    }
    Matcher frac = LATEX_FRACTION.matcher(s);
    if (frac.matches()) {
      double v = Double.parseDouble(frac.group(2)) / Double.parseDouble(frac.group(3));
      return frac.group(1).isEmpty() ? v : -v;
    }
    return null;
  }

  /**
   * An answer that is not a complete expression cannot be compared either way: unbalanced brackets
   * or braces ({@code \frac{}), a {@code \frac} or {@code \sqrt} without its argument, a division
   * by zero ({@code 0/0}).
   */
  static boolean malformed(String s) {
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ("([{".indexOf(c) >= 0) {
        depth++;
      } else if (")]}".indexOf(c) >= 0 && --depth < 0) {
        return true;
      }
    }
    return depth != 0 || DANGLING_COMMAND.matcher(s).find() || DIVISION_BY_ZERO.matcher(s).find();
  }

  /** Whether a normalised answer uses only plain symbols and LaTeX commands the comparison knows. */
  private static boolean isSimple(String s) {
    String withoutKnown = KNOWN_COMMANDS.matcher(s).replaceAll("");
    return !withoutKnown.contains("\\") && SIMPLE_EXPRESSION.matcher(withoutKnown).matches();
  }

  /** A tuple, interval or list: its brackets (possibly empty) and top-level elements. */
  private record Sequence(String open, String close, List<String> elements) {

    static Sequence of(String s) {
      String open = "";
      String close = "";
      String inner = s;
      if (s.length() >= 2 && "([".indexOf(s.charAt(0)) >= 0 && ")]".indexOf(s.charAt(s.length() - 1)) >= 0
          && enclosesAll(s)) {
        open = s.substring(0, 1);
        close = s.substring(s.length() - 1);
        inner = s.substring(1, s.length() - 1);
      } else if (s.startsWith("\\{") && s.endsWith("\\}")) {
        open = "\\{";
        close = "\\}";
        inner = s.substring(2, s.length() - 2);
      }
      List<String> elements = splitTopLevel(inner);
      return elements.size() > 1 ? new Sequence(open, close, elements) : null;
    }

    /** Whether the first bracket closes only at the end ("(1,2)" yes, "(1)+(2)" no). */
    private static boolean enclosesAll(String s) {
      int depth = 0;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if ("([{".indexOf(c) >= 0) {
          depth++;
        } else if (")]}".indexOf(c) >= 0 && --depth == 0 && i < s.length() - 1) {
          return false;
        }
      }
      return depth == 0;
    }

    private static List<String> splitTopLevel(String s) {
      List<String> parts = new ArrayList<>();
      int depth = 0;
      int start = 0;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if ("([{".indexOf(c) >= 0) {
          depth++;
        } else if (")]}".indexOf(c) >= 0) {
          depth--;
        } else if (c == ',' && depth == 0) {
          parts.add(s.substring(start, i));
          start = i + 1;
        }
      }
      parts.add(s.substring(start));
      return parts;
    }
  }
}
