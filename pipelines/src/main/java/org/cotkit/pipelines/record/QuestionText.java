package org.cotkit.pipelines.record;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The form of a question that identifies it: trimmed, lower-cased, every run of whitespace
 * (Unicode spaces too, such as the no-break space some exports carry) one space. Derived ids and
 * the train/validation split both hash this form, so a question repeated with different spacing or
 * case is the same question.
 */
public final class QuestionText {

  private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}]+", Pattern.UNICODE_CHARACTER_CLASS);

  private QuestionText() {}

  public static String normalise(String question) {
    return WHITESPACE.matcher(question).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
  }
}
