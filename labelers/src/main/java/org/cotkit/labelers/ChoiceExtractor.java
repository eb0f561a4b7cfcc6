package org.cotkit.labelers;

import java.util.List;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the option a generation chooses, for a question whose gold answer is a choice letter. Only
 * an explicit statement counts, most trusted first:
 * <ol>
 *   <li>the last {@code \boxed{…}}: {@code \boxed{B}}, {@code \boxed{(B)}}, {@code \boxed{\text{B}}};
 *   <li>the last answer phrase: "the answer is (B)", "the correct answer is B.", "the correct option
 *       is C", "the answer should be option B"; an empty rest of the line is read on the next line
 *       ("The correct answer is:" then "**(B) 42**");
 *   <li>the last answer label at a line start: "Answer: (C)", "**Answer:** C", "Final answer: B";
 *   <li>the last line when it is nothing but a choice ("(B)", "B)", "(B) 42", "B", "Option (B)",
 *       "So, option C.") or says one is correct ("Thus, option B is correct.").
 * </ol>
 * A rule whose last statement is not a letter gives way to the next. As for math answers, the
 * response after a thought's closing marker is searched before the whole text.
 *
 * <p>A letter inside prose is never a choice: "A train leaves at 3 pm", "I think so", "a multiple of
 * 3". So a bare letter counts only when it stands alone or is followed by punctuation, and lower case
 * only in those forms; this is why the extractor runs only when the gold answer is a choice.
 */
public final class ChoiceExtractor {

  /** The source of a choice read from the last line ({@code (B)}, {@code option B}). */
  public static final String CHOICE_LINE = "choice_line";

  private static final Pattern ANSWER_PHRASE = Pattern.compile(
      "(?i)\\b(?:(?:final|correct|right|best)\\s+)?(?:answer|option|choice)\\s+(?:is|would\\s+be|should\\s+be|must\\s+be|will\\s+be)"
          // the rest of the line is looked at, not consumed: a later phrase on the same line is found too
          + "\\b[ \\t]*:?(?=(.*)$)",
      Pattern.MULTILINE);
  private static final Pattern ANSWER_LABEL = Pattern.compile(
      "(?i)^[\\s>#*_]*(?:(?:final|correct)\\s+)?(?:answer|option|choice)[\\s*_]*:[\\s*_]*(.*)$", Pattern.MULTILINE);

  private static final Pattern LINE_FILLER =
      Pattern.compile("(?i)^(?:so|thus|therefore|hence|finally|overall)\\b[,:]?\\s*");
  /** A last line that is only a choice, perhaps named as one: "(B)", "B", "Option (B)", "the answer: C". */
  private static final Pattern LINE_ALONE = Pattern.compile(
      "(?i)^(?:(?:the\\s+)?(?:(?:correct|right|best|final)\\s+)?(?:answer|option|choice)\\s*(?:is\\s*)?:?\\s*)?"
          + "[(\\[]?([A-J])[)\\]]?$");
  /** A last line that is a choice and its text: "(B) 42", "B) 42". Upper case: "a) …" is an enumeration. */
  private static final Pattern LINE_WITH_TEXT = Pattern.compile("^(?:[(\\[]([A-J])[)\\]]|([A-J])\\))\\s+\\S.*$");
  /** A last line that calls one option correct: "Thus, option B is correct", "(C) is the right answer". */
  private static final Pattern LINE_CORRECT = Pattern.compile(
      "(?i)(?:\\b(?:option|choice)\\s*[(\\[]?([A-J])[)\\]]?|[(\\[]([A-J])[)\\]])"
          + "\\s+is\\s+(?:the\\s+)?(?:correct|right|best|true)\\b");

  private record PhraseRule(Pattern pattern, String source) {}

  private static final List<PhraseRule> PHRASE_RULES = List.of(
      new PhraseRule(ANSWER_PHRASE, FinalAnswerExtractor.ANSWER_PHRASE),
      new PhraseRule(ANSWER_LABEL, FinalAnswerExtractor.ANSWER_LABEL));

  /**
   * The option {@code text} states, its {@link ExtractedAnswer#value() value} the upper-case letter
   * and its source {@code boxed}, {@code answer_phrase}, {@code answer_label} or
   * {@link #CHOICE_LINE}; empty when no rule finds a letter.
   */
  public Optional<ExtractedAnswer> extract(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    return ThinkTrace.responseFirst(text, ChoiceExtractor::extractStated);
  }

  private static Optional<ExtractedAnswer> extractStated(String text) {
    String boxed = FinalAnswerExtractor.lastBoxed(text);
    if (boxed != null) {
      Optional<MultipleChoiceAnswer> choice = MultipleChoiceAnswer.ofStated(boxed);
      if (choice.isPresent()) {
        return Optional.of(answer(choice.get(), FinalAnswerExtractor.BOXED));
      }
    }
    for (PhraseRule rule : PHRASE_RULES) {
      MatchResult last = null;
      for (Matcher m = rule.pattern().matcher(text); m.find(); ) {
        last = m.toMatchResult();
      }
      if (last != null) {
        String rest = last.group(1).isBlank() ? nextNonBlankLine(text, last.end()) : last.group(1);
        Optional<MultipleChoiceAnswer> choice = MultipleChoiceAnswer.ofStated(withoutSentenceEnd(rest));
        if (choice.isPresent()) {
          return Optional.of(answer(choice.get(), rule.source()));
        }
      }
    }
    return lastLine(text).map(choice -> answer(choice, CHOICE_LINE));
  }

  /** The choice the last non-blank line is, or calls correct. */
  private static Optional<MultipleChoiceAnswer> lastLine(String text) {
    String line = "";
    for (String candidate : text.split("\\R")) {
      if (!candidate.isBlank()) {
        line = candidate;
      }
    }
    line = MultipleChoiceAnswer.unwrap(withoutSentenceEnd(line));
    line = MultipleChoiceAnswer.unwrap(LINE_FILLER.matcher(line).replaceFirst(""));
    for (Pattern form : new Pattern[] {LINE_ALONE, LINE_WITH_TEXT}) {
      Matcher m = form.matcher(line);
      if (m.matches()) {
        return MultipleChoiceAnswer.ofStated(m.group(1) != null ? m.group(1) : m.group(2));
      }
    }
    Matcher correct = LINE_CORRECT.matcher(line);
    if (correct.find()) {
      return MultipleChoiceAnswer.ofStated(correct.group(1) != null ? correct.group(1) : correct.group(2));
    }
    return Optional.empty();
  }

  private static String nextNonBlankLine(String text, int from) {
    for (String line : text.substring(from).split("\\R")) {
      if (!line.isBlank()) {
        return line;
      }
    }
    return "";
  }

  /** "B." and "(B)!" end a sentence; the mark is not part of the choice. */
  private static String withoutSentenceEnd(String value) {
    return value.strip().replaceAll("[.!]+$", "").strip();
  }

  private static ExtractedAnswer answer(MultipleChoiceAnswer choice, String source) {
    return new ExtractedAnswer(String.valueOf(choice.letter()), source);
  }
}
