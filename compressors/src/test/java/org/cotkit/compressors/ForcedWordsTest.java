package org.cotkit.compressors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ForcedWordsTest {

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

  @ParameterizedTest
  @ValueSource(
      strings = {
        "18", "3.5", "1,000", "$18.", "-2", "48/2", "<<48/2=24>>24", "\\boxed{18}", "$\\frac{1}{2}$", "50%",
        "2nd", "x2", "٣", "+", "-", "*", "/", "×", "÷", "=", "<", ">", "≤", "≥", "≠", "a+b", "x=y", "a*b", "a<b",
        "-x", "x-", "/per", "and/", "e-", "−1"
      })
  void digitsAndOperatorsAreForced(String word) {
    assertTrue(forced(DIGITS_AND_OPERATORS, word, null), word);
  }

  @ParameterizedTest
  @ValueSource(strings = {"well-known", "and/or", "half-price", "x-axis", "km/h", "clips", "May.", "(total)", "Janet’s", "—", "..."})
  void hyphenOrSlashBetweenLettersAndPlainWordsAreNotForced(String word) {
    assertFalse(forced(DIGITS_AND_OPERATORS, word, null), word);
  }

  @Test
  void hyphenBetweenLettersIsForcedWhenAnotherOperatorIsPresent() {
    assertTrue(forced(DIGITS_AND_OPERATORS, "well-known=x", null));
    assertTrue(forced(DIGITS_AND_OPERATORS, "and/or-", null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"18", "$18.", "18,", "(18)", "$18", "18.", "-18", "=18", "x=18", "18)."})
  void answerMatchesAtWordBoundaries(String word) {
    assertTrue(forced(NOTHING_BUT_ANSWER, word, "18"), word);
  }

  @ParameterizedTest
  @ValueSource(strings = {"180", "0.18", "1,800", "118", "18.5", "18,000", "a18", "18th", "$1,018", "1.18"})
  void answerDoesNotMatchInsideLargerNumbersOrWords(String word) {
    assertFalse(forced(NOTHING_BUT_ANSWER, word, "18"), word);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1,000|1000", "$1,000.|1000", "1,000,000|1000000", "$1,234,567|1234567", "1000|1000", "(1,000)|1000"
      })
  void answerMatchesNumbersWrittenWithThousandsSeparators(String word, String answer) {
    assertTrue(forced(NOTHING_BUT_ANSWER, word, answer), word + " vs " + answer);
  }

  @Test
  void thousandsSeparatorMatchIsStillAtBoundaries() {
    assertFalse(forced(NOTHING_BUT_ANSWER, "11,000", "1000"));
    assertFalse(forced(NOTHING_BUT_ANSWER, "1,0001", "1000"));
  }

  @Test
  void multiWordAnswerForcesEachPart() {
    List<Word> words = SEGMENTER.segment("the answer is Blue Whale today");
    boolean[] marks = NOTHING_BUT_ANSWER.mark(words, "  Blue   Whale ");
    assertArrayEquals(new boolean[] {false, false, false, true, true, false}, marks);
  }

  @Test
  void markdownAndMarkupAreNotOperators() {
    List<Word> words = SEGMENTER.segment("**Step 1:** add --- <br> one:** -> 2**3 a*b x**2");
    boolean[] marks = DIGITS_AND_OPERATORS.mark(words, null);
    List<String> forced = new java.util.ArrayList<>();
    for (int i = 0; i < marks.length; i++) {
      if (marks[i]) {
        forced.add(words.get(i).text());
      }
    }
    assertEquals(List.of("1:**", "->", "2**3", "a*b", "x**2"), forced);
  }

  @Test
  void multiWordAnswerIsForcedOnlyWhereItsWordsStandTogether() {
    List<Word> words = SEGMENTER.segment("the dog saw the cat, so the answer is the cat.");
    boolean[] marks = NOTHING_BUT_ANSWER.mark(words, "the cat");
    assertArrayEquals(
        new boolean[] {false, false, false, true, true, false, false, false, false, true, true}, marks);
  }

  @Test
  void wordAnswerIsMatchedOnlyAsAWholeWord() {
    List<Word> words = SEGMENTER.segment("Monday, Mon, Mondays, Monday.");
    assertArrayEquals(new boolean[] {true, false, false, true}, NOTHING_BUT_ANSWER.mark(words, "Monday"));
  }

  @Test
  void nullOrBlankAnswerForcesNothingExtra() {
    List<Word> words = SEGMENTER.segment("she has apples");
    assertArrayEquals(new boolean[3], NOTHING_BUT_ANSWER.mark(words, null));
    assertArrayEquals(new boolean[3], NOTHING_BUT_ANSWER.mark(words, ""));
    assertArrayEquals(new boolean[3], NOTHING_BUT_ANSWER.mark(words, "  \n"));
  }

  @Test
  void withoutDigitsAndOperatorsNumbersAreNotForced() {
    List<Word> words = SEGMENTER.segment("Natalia sold 48/2 = 24 clips and 1,000 more");
    assertArrayEquals(new boolean[words.size()], NOTHING_BUT_ANSWER.mark(words, null));
    boolean[] withAnswer = NOTHING_BUT_ANSWER.mark(words, "24");
    for (int i = 0; i < words.size(); i++) {
      assertEquals(words.get(i).text().equals("24"), withAnswer[i], words.get(i).text());
    }
  }

  @Test
  void withDigitsAndOperatorsEveryNumberAndOperatorIsForced() {
    List<Word> words = SEGMENTER.segment("Natalia sold 48/2 = 24 clips and 1,000 more");
    assertArrayEquals(
        new boolean[] {false, false, true, true, true, false, false, true, false},
        DIGITS_AND_OPERATORS.mark(words, null));
  }

  @Test
  void userForceTokensAreKeptAtWordBoundaries() {
    ForcedWords forcedWords = new ForcedWords(false, List.of("therefore", " total ", "", "  ", "km/h"));
    List<Word> words = SEGMENTER.segment("therefore, the total: subtotal totally (therefore) 60km/h km/h.");
    assertArrayEquals(
        new boolean[] {true, false, true, false, false, true, false, true},
        forcedWords.mark(words, null));
  }

  @Test
  void userForceTokensAddToDigitsAndOperators() {
    ForcedWords forcedWords = new ForcedWords(true, List.of("so"));
    List<Word> words = SEGMENTER.segment("so she has 5 + also so.");
    assertArrayEquals(new boolean[] {true, false, false, true, true, false, true}, forcedWords.mark(words, null));
  }

  @Test
  void blankForceTokensForceNothing() {
    ForcedWords forcedWords = new ForcedWords(false, List.of("", " ", "\t"));
    List<Word> words = SEGMENTER.segment("a b c");
    assertArrayEquals(new boolean[3], forcedWords.mark(words, null));
  }

  /**
   * Found by {@link ScoredCotPrunerPropertyTest}: a force token or answer made only of thousands
   * separators is empty without them, and marking then never returned.
   */
  @Test
  void aForceTokenOrAnswerOfCommasOnlyEnds() {
    List<Word> words = SEGMENTER.segment("so , 3 apples, pears");
    boolean[] marks = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> new ForcedWords(false, List.of(",")).mark(words, null));
    assertArrayEquals(new boolean[] {false, true, false, false, false}, marks);
    marks = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> NOTHING_BUT_ANSWER.mark(words, ",,"));
    assertArrayEquals(new boolean[5], marks);
    assertFalse(assertTimeoutPreemptively(Duration.ofSeconds(10), () -> ForcedWords.containsAtBoundary("ab", "")));
  }

  @Test
  void emptyTextHasNoMarks() {
    assertEquals(0, DIGITS_AND_OPERATORS.mark(List.of(), "18").length);
  }

  @Test
  void containsAtBoundaryEdgeCases() {
    assertTrue(ForcedWords.containsAtBoundary("18", "18"));
    assertTrue(ForcedWords.containsAtBoundary("180 18", "18")); // second occurrence matches
    assertFalse(ForcedWords.containsAtBoundary("1818", "18"));
    assertTrue(ForcedWords.containsAtBoundary("x.18", "18")); // a dot after a letter is not a decimal point
    assertFalse(ForcedWords.containsAtBoundary("", "18"));
  }
}
