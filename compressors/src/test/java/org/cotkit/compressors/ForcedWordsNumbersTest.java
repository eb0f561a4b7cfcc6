package org.cotkit.compressors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pins down the ForcedWords fixes: answers written with thousands separators, numeric answers
 * matching the same number written differently, and GSM8K's lone {@code x} as a times sign.
 */
class ForcedWordsNumbersTest {

  private static final WordSegmenter SEGMENTER = new WordSegmenter();

  private static final ForcedWords DIGITS_AND_OPERATORS = new ForcedWords(true, List.of());
  private static final ForcedWords NOTHING_BUT_ANSWER = new ForcedWords(false, List.of());

  /** Marks a single word, wrapped between two plain words that are never forced. */
  private static boolean forced(ForcedWords forcedWords, String word, String answer) {
    List<Word> words = SEGMENTER.segment("so " + word + " then");
    assertEquals(3, words.size(), "test word must be a single word: " + word);
    boolean[] marks = forcedWords.mark(words, answer);
    assertFalse(marks[0]);
    assertFalse(marks[2]);
    return marks[1];
  }

  private static boolean[] mark(ForcedWords forcedWords, String text, String answer) {
    return forcedWords.mark(SEGMENTER.segment(text), answer);
  }

  // ---- answers written with thousands separators -----------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"1000", "1,000", "$1,000.", "$1000", "1000.", "(1,000)", "1,000,", "1000.00"})
  void answerWithThousandsSeparatorsMatchesTheNumberWithOrWithoutThem(String word) {
    assertTrue(forced(NOTHING_BUT_ANSWER, word, "1,000"), word);
  }

  @ParameterizedTest
  @ValueSource(strings = {"10000", "10,000", "1,0000", "11,000", "100", "1,000.5", "1.000", "0.1000"})
  void answerWithThousandsSeparatorsDoesNotMatchOtherNumbers(String word) {
    assertFalse(forced(NOTHING_BUT_ANSWER, word, "1,000"), word);
  }

  /** Words that are not plain numbers, so only the separator-free spelling of the answer finds them. */
  @ParameterizedTest
  @ValueSource(strings = {"=1000", "1000/2", "2*500=1000", "<<2*500=1000>>1000", "1000:", "x=1000."})
  void answerWithThousandsSeparatorsMatchesInsideCalculations(String word) {
    assertTrue(forced(NOTHING_BUT_ANSWER, word, "1,000"), word);
  }

  @Test
  void multiWordAnswerWithThousandsSeparatorsMatchesTheNumberWithoutThem() {
    assertArrayEquals(
        new boolean[] {false, true, true, false, false, false},
        mark(NOTHING_BUT_ANSWER, "paid 1000 dollars 1,000 then 10000", "1,000 dollars"));
  }

  @Test
  void largeAnswerWithSeveralSeparatorsMatches() {
    assertTrue(forced(NOTHING_BUT_ANSWER, "1234567", "1,234,567"));
    assertTrue(forced(NOTHING_BUT_ANSWER, "$1,234,567.", "1,234,567"));
    assertFalse(forced(NOTHING_BUT_ANSWER, "234,567", "1,234,567"));
  }

  @Test
  void separatedAnswerInAWholeSentenceForcesOnlyItsNumbers() {
    assertArrayEquals(
        new boolean[] {false, false, true, false, true, false, false},
        mark(NOTHING_BUT_ANSWER, "she paid 1000 then 1,000 and 10,000", "1,000"));
  }

  // ---- numeric answers match the same number written differently -------------------------

  @ParameterizedTest
  @ValueSource(strings = {"$990.00", "990.0", "990.", "990", "$990", "990.00.", "$990.00,", "(990.0)", "990%"})
  void numericAnswerForcesWordsStatingTheSameNumber(String word) {
    assertTrue(forced(NOTHING_BUT_ANSWER, word, "990"), word);
  }

  @ParameterizedTest
  @ValueSource(strings = {"9900", "99.0", "990.5", "9.90", "$9,900", "0.990", "990.01", "1990.0", "99"})
  void numericAnswerDoesNotForceOtherNumbers(String word) {
    assertFalse(forced(NOTHING_BUT_ANSWER, word, "990"), word);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"$990.00|990", "990.0|990", "990.|990", "$990.00|$990", "1,000.00|1000", "$5.50|5.5", "5.50|5.5"})
  void numericAnswerWrittenDifferentlyStillMatches(String word, String answer) {
    assertTrue(forced(NOTHING_BUT_ANSWER, word, answer), word + " vs " + answer);
  }

  @Test
  void answerStatedWithTrailingZerosForcesThePlainNumber() {
    assertTrue(forced(NOTHING_BUT_ANSWER, "990", "990.00"));
    assertTrue(forced(NOTHING_BUT_ANSWER, "$990", "$990.00"));
    assertFalse(forced(NOTHING_BUT_ANSWER, "99", "990.00"));
  }

  @Test
  void numericAnswerInAGsm8kSentence() {
    String text = "He paid 9 x $110 = $990.00 in total, not 9900 or 99.0 so 990.";
    List<Word> words = SEGMENTER.segment(text);
    boolean[] marks = NOTHING_BUT_ANSWER.mark(words, "990");
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i).text();
      assertEquals(w.equals("$990.00") || w.equals("990."), marks[i], w);
    }
  }

  /** From GSM8K train: "making them 280-56 =$224.00" with the answer 224. */
  @Test
  void numericAnswerInsideACalculationWordIsForced() {
    assertTrue(forced(NOTHING_BUT_ANSWER, "=$224.00", "224"));
    assertTrue(forced(NOTHING_BUT_ANSWER, "280-56=224", "224"));
    assertTrue(forced(NOTHING_BUT_ANSWER, "(224)", "224"));
    assertFalse(forced(NOTHING_BUT_ANSWER, "=$2240.00", "224"));
    assertFalse(forced(NOTHING_BUT_ANSWER, "224th", "224"));
    assertTrue(forced(NOTHING_BUT_ANSWER, "x=-5", "-5"));
    assertFalse(forced(NOTHING_BUT_ANSWER, "10-5", "-5"), "a minus between numbers is an operator");
  }

  @Test
  void numericMatchingNeedsASingleNumericAnswer() {
    assertFalse(forced(NOTHING_BUT_ANSWER, "$990.00", "990 dollars"), "a multi-word answer is matched word by word");
    assertFalse(forced(NOTHING_BUT_ANSWER, "990.0", "nine"));
  }

  // ---- a lone x between numbers is a times sign -------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"x", "X"})
  void loneXBetweenTwoNumbersIsForced(String x) {
    assertArrayEquals(new boolean[] {true, true, true}, mark(DIGITS_AND_OPERATORS, "2 " + x + " 16", null));
    assertArrayEquals(
        new boolean[] {false, true, true, true, true, true},
        mark(DIGITS_AND_OPERATORS, "so 2 " + x + " $16 = $32", null));
  }

  @Test
  void loneXBetweenWordsContainingDigitsIsForced() {
    assertArrayEquals(
        new boolean[] {false, true, true, true, false},
        mark(DIGITS_AND_OPERATORS, "buy $2.50 x 4kg today", null));
    assertArrayEquals(
        new boolean[] {true, true, true, true, true, true, true},
        mark(DIGITS_AND_OPERATORS, "(3 x 4) x 2 X 5", null));
  }

  @Test
  void xNotBetweenNumbersIsNotForced() {
    assertArrayEquals(new boolean[] {false, false, false}, mark(DIGITS_AND_OPERATORS, "the x axis", null));
    assertArrayEquals(new boolean[] {false, false, true, true}, mark(DIGITS_AND_OPERATORS, "let x = 5", null));
    // a digit on the left only: x is followed by "=", which is an operator but not a number
    assertArrayEquals(new boolean[] {true, false, true, true}, mark(DIGITS_AND_OPERATORS, "3 x = 5", null));
    assertArrayEquals(new boolean[] {false, false, true}, mark(DIGITS_AND_OPERATORS, "apples x 16", null));
    assertArrayEquals(new boolean[] {true, false, false}, mark(DIGITS_AND_OPERATORS, "2 x apples", null));
    assertArrayEquals(new boolean[] {false, true}, mark(DIGITS_AND_OPERATORS, "x 16", null));
    assertArrayEquals(new boolean[] {true, false}, mark(DIGITS_AND_OPERATORS, "2 x", null));
    assertArrayEquals(new boolean[] {false}, mark(DIGITS_AND_OPERATORS, "x", null));
  }

  @Test
  void onlyALoneXIsATimesSign() {
    assertArrayEquals(new boolean[] {true, false, true}, mark(DIGITS_AND_OPERATORS, "2 xx 16", null));
    assertArrayEquals(new boolean[] {true, false, true}, mark(DIGITS_AND_OPERATORS, "2 a 16", null));
    assertArrayEquals(new boolean[] {true, false, true}, mark(DIGITS_AND_OPERATORS, "2 x. 16", null));
    assertArrayEquals(new boolean[] {true, false, true}, mark(DIGITS_AND_OPERATORS, "2 y 16", null));
  }

  @Test
  void withoutDigitsAndOperatorsTheLoneXIsNotForced() {
    assertArrayEquals(new boolean[3], mark(NOTHING_BUT_ANSWER, "2 x 16", null));
    assertArrayEquals(new boolean[3], mark(NOTHING_BUT_ANSWER, "2 X 16", null));
    assertArrayEquals(new boolean[] {false, false, true}, mark(NOTHING_BUT_ANSWER, "2 x 16", "16"));
    assertArrayEquals(new boolean[] {false, false, true}, mark(new ForcedWords(false, List.of("16")), "2 x 16", null));
  }
}
