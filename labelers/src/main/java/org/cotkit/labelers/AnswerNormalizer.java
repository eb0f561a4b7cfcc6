package org.cotkit.labelers;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites a final answer into a canonical surface form, so that answers written differently but
 * meaning the same compare equal as strings: {@code $\dfrac{1}{2}$}, {@code \frac12} and
 * {@code \frac{1}{2}.} all become {@code \frac{1}{2}}; {@code 1,000 dollars} becomes {@code 1000};
 * {@code 90^\circ} becomes {@code 90}. Numeric equality ({@code 0.5 = 1/2}) is the verifier's job.
 */
public final class AnswerNormalizer {

  private static final Pattern TEXT_COMMAND = Pattern.compile("\\\\(?:text|textbf|mathrm|mbox)\\{([^{}]*)}");
  private static final Pattern THOUSANDS = Pattern.compile("(?<![\\d.])(\\d{1,3})((?:,\\d{3})+)(?![\\d])");
  private static final Pattern FRAC_SHORT = Pattern.compile("\\\\frac(\\d)(\\d)");
  private static final Pattern FRAC_HALF_SHORT = Pattern.compile("\\\\frac\\{([^{}]*)}(\\d)");
  private static final Pattern SQRT_SHORT = Pattern.compile("\\\\sqrt(\\d+|[a-zA-Z])");
  private static final Pattern TRAILING_UNIT = Pattern.compile("^(-?[\\d.]+(?:/\\d+)?)\\s*[a-zA-Z]+(?:\\s+[a-zA-Z]+)*$");

  private AnswerNormalizer() {}

  public static String normalize(String answer) {
    if (answer == null) {
      return "";
    }
    String s = answer.strip();
    s = s.replace("\\left", "").replace("\\right", "");
    s = s.replace("\\!", "").replace("\\,", "").replace("\\;", "").replace("\\:", "").replace("~", " ");
    s = s.replace("\\dfrac", "\\frac").replace("\\tfrac", "\\frac");
    s = s.replace("^{\\circ}", "").replace("^\\circ", "").replace("°", "");
    s = s.replace("\\%", "").replace("%", "");
    s = s.replace("\\$", "").replace("$", "");
    s = TEXT_COMMAND.matcher(s).replaceAll(m -> Matcher.quoteReplacement(" " + m.group(1) + " "));
    s = s.strip();
    while (s.endsWith(".")) {
      s = s.substring(0, s.length() - 1).strip();
    }
    s = THOUSANDS.matcher(s).replaceAll(m -> m.group(1) + m.group(2).replace(",", ""));
    Matcher unit = TRAILING_UNIT.matcher(s);
    if (unit.matches()) {
      s = unit.group(1); // "120 pints", "5 dollars": the number is the answer
    }
    s = FRAC_SHORT.matcher(s).replaceAll("\\\\frac{$1}{$2}");
    s = FRAC_HALF_SHORT.matcher(s).replaceAll("\\\\frac{$1}{$2}");
    s = SQRT_SHORT.matcher(s).replaceAll("\\\\sqrt{$1}");
    s = s.replaceAll("\\s+", "");
    if (s.matches("-?\\d+\\.\\d*")) {
      s = s.replaceAll("0+$", "").replaceAll("\\.$", ""); // 5.0 and 5.50 are 5 and 5.5
    }
    return s;
  }
}
