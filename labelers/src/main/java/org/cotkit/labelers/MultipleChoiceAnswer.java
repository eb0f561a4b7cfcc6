package org.cotkit.labelers;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A multiple-choice answer: the letter of an option (A–J, the ten options of MMLU-Pro at most) and,
 * where it was written with it, the option's text ({@code (C) 42}, {@code C: 42}).
 *
 * <p>Reads a letter out of a gold field ({@link #ofGold}) and out of a value a generation states
 * ({@link #ofStated}). Both strip the wrappers a letter comes in ({@code $…$}, {@code \text{…}},
 * {@code \textbf{…}}, {@code \boxed{…}}, Markdown {@code **…**}) and compare letters
 * case-insensitively, with or without parentheses.
 *
 * @param letter the option's letter, upper case
 * @param optionText the option's text when written beside the letter; null otherwise
 */
public record MultipleChoiceAnswer(char letter, String optionText) {

  /** LaTeX text commands around a letter or option text, replaced by their content wherever they are. */
  private static final Pattern TEXT_COMMAND =
      Pattern.compile("\\\\(?:text|textbf|textrm|textit|mathrm|mathbf|mbox)\\{([^{}]*)}");
  /** Wrappers around a whole value, removed outermost first: {@code \boxed{…}}, {@code $…$}, {@code *…*}. */
  private static final String[][] WRAPPERS = {
    {"\\boxed{", "}"}, {"\\fbox{", "}"}, {"$$", "$$"}, {"$", "$"}, {"\\(", "\\)"}, {"*", "*"}, {"`", "`"}
  };
  /**
   * {@code (C)}, {@code [C]}, {@code C)}, {@code C.}, {@code C:} or a bare {@code C}; lower case
   * only with a parenthesis ({@code (c)}, {@code c)}), since a bare {@code c} or {@code c.} in a gold
   * field is as likely a variable as an option.
   */
  private static final Pattern GOLD_LETTER =
      Pattern.compile("^(?:[(\\[]([A-Ja-j])[)\\]]|([A-Ja-j])\\)|([A-J])[.:]?)$");
  /** A letter, then its option text: {@code (C) 42}, {@code (C): 42}, {@code C) 42}, {@code C: 42}, {@code C. 42}. */
  private static final Pattern GOLD_WITH_TEXT =
      Pattern.compile("^(?:[(\\[]([A-J])[)\\]]\\s*[:.\\-]?\\s*|([A-J])(?:\\)\\s*|[.:]\\s+))(\\S.*)$", Pattern.DOTALL);
  /** Another option's label inside an option text: a multi-part answer such as {@code (A) 3, (B) 5}. */
  private static final Pattern OTHER_LABEL = Pattern.compile("[(\\[][A-Ja-j][)\\]]");
  /** "option B", "choice (C)": the word makes the letter a choice whatever follows. */
  private static final Pattern OPTION_WORD = Pattern.compile("(?i)^(?:option|choice)\\s*:?\\s*(.*)$", Pattern.DOTALL);
  /**
   * A stated letter: in brackets, followed by anything ({@code (B) because…}); bare, alone or
   * followed by punctuation ({@code B.}, {@code B, since…}). A bare letter followed by a word is not
   * a choice: "A train leaves…", "I think…".
   */
  private static final Pattern STATED_BRACKETED = Pattern.compile("^[(\\[]([A-Ja-j])[)\\]].*$", Pattern.DOTALL);
  private static final Pattern STATED_CLOSING = Pattern.compile("^([A-Ja-j])\\).*$", Pattern.DOTALL);
  private static final Pattern STATED_BARE = Pattern.compile("^([A-Ja-j])(?:[.,;:!]+(?:\\s.*)?)?$", Pattern.DOTALL);
  /** After "option" or "choice", a letter not followed by more letters or digits: "option B since…". */
  private static final Pattern STATED_AFTER_WORD =
      Pattern.compile("^[(\\[]?([A-Ja-j])[)\\]]?(?![\\p{L}\\d]).*$", Pattern.DOTALL);

  /**
   * The choice a gold field holds: {@code C}, {@code (C)}, {@code C)}, {@code C.}, {@code \text{(C)}}
   * (MATH's form), or a letter with its option text ({@code (C) 42}, {@code C: 42}). Empty for
   * anything else, including a lone lower-case letter and a multi-part answer
   * ({@code (a) 3, (b) 5}).
   */
  public static Optional<MultipleChoiceAnswer> ofGold(String gold) {
    if (gold == null) {
      return Optional.empty();
    }
    String s = unwrap(gold);
    Matcher letter = GOLD_LETTER.matcher(s);
    if (letter.matches()) {
      return Optional.of(new MultipleChoiceAnswer(firstGroup(letter), null));
    }
    Matcher withText = GOLD_WITH_TEXT.matcher(s);
    if (withText.matches() && !OTHER_LABEL.matcher(withText.group(3)).find()) {
      String text = withText.group(3).strip();
      return Optional.of(new MultipleChoiceAnswer(firstGroup(withText), text.isEmpty() ? null : text));
    }
    return Optional.empty();
  }

  /**
   * The choice a value stated by a generation names, read more strictly than a gold field since a
   * generation is prose: {@code B}, {@code (B)}, {@code B)}, {@code [B]}, {@code B.},
   * {@code \text{B}}, {@code \boxed{(B)}}, {@code **B**}, {@code option B}, {@code (B) 42}; lower
   * case too. Empty when the value does not start with a letter standing on its own. What follows
   * the letter is not kept: in prose it is as often a reason ("(B), since…") as the option's text.
   */
  public static Optional<MultipleChoiceAnswer> ofStated(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String s = unwrap(value);
    Matcher option = OPTION_WORD.matcher(s);
    if (option.matches()) {
      Matcher letter = STATED_AFTER_WORD.matcher(unwrap(option.group(1)));
      if (letter.matches()) {
        return Optional.of(new MultipleChoiceAnswer(upper(letter.group(1)), null));
      }
    }
    for (Pattern form : new Pattern[] {STATED_BRACKETED, STATED_CLOSING, STATED_BARE}) {
      Matcher letter = form.matcher(s);
      if (letter.matches()) {
        return Optional.of(new MultipleChoiceAnswer(upper(letter.group(1)), null));
      }
    }
    return Optional.empty();
  }

  /** Whether this names the same option as {@code other}; option texts do not matter. */
  public boolean sameChoice(MultipleChoiceAnswer other) {
    return letter == other.letter;
  }

  /**
   * The text with its LaTeX text commands replaced by their content and without the wrappers around
   * it as a whole ({@code $\boxed{\text{(B)}}$} is {@code (B)}). A wrapper is removed only when
   * its opening closes at the very end: {@code $A$ and $B$} stays as it is.
   */
  static String unwrap(String text) {
    // Markdown bold is never part of a letter, wherever it stands: "**B**.", "**(B) 42**"
    String s = TEXT_COMMAND.matcher(text.replace("**", "")).replaceAll(m -> Matcher.quoteReplacement(m.group(1))).strip();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (String[] wrapper : WRAPPERS) {
        String open = wrapper[0];
        String close = wrapper[1];
        if (s.length() < open.length() + close.length() || !s.startsWith(open) || !s.endsWith(close)) {
          continue;
        }
        boolean whole = open.endsWith("{")
            ? closesAtEnd(s, open.length() - 1)
            : s.indexOf(close, open.length()) == s.length() - close.length();
        if (whole) {
          s = s.substring(open.length(), s.length() - close.length()).strip();
          changed = true;
        }
      }
    }
    return s;
  }

  /** Whether the brace at {@code open} closes at the end of {@code s}, and not before. */
  private static boolean closesAtEnd(String s, int open) {
    return FinalAnswerExtractor.closingBrace(s, open) == s.length() - 1;
  }

  private static char firstGroup(Matcher m) {
    for (int g = 1; g <= m.groupCount(); g++) {
      if (m.group(g) != null) {
        return upper(m.group(g));
      }
    }
    throw new IllegalStateException("no letter in " + m.group());
  }

  private static char upper(String letter) {
    return letter.toUpperCase(Locale.ROOT).charAt(0);
  }
}
