package org.cotkit.pipelines.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The words duplicates and benchmark overlaps compare, on GSM8K's first test question. */
class QuestionWordsTest {

  static final String JANET = "Janet\u2019s ducks lay 16 eggs per day. She eats three for breakfast every morning";

  @Test
  void caseSpacingAndPunctuationAreSetAside() {
    String changed = "janet's  ducks lay 16 eggs per day --  she eats three\u00a0for breakfast, every morning!";
    assertEquals(QuestionWords.key(JANET), QuestionWords.key(changed));
    assertEquals(List.of("janet", "s", "ducks", "lay", "16", "eggs"), QuestionWords.of(JANET).subList(0, 6));
  }

  @Test
  void compatibilityFormsAreThePlainCharacters() {
    // full-width digits and letters, a ligature: NFKC makes them the ASCII a reader sees
    assertEquals(QuestionWords.key("Janet has 16 eggs, ﬁve of them"), QuestionWords.key("Ｊａｎｅｔ has １６ eggs, five of them"));
  }

  @Test
  void punctuationBreaksWordsInsteadOfJoiningThem() {
    assertEquals(List.of("2", "5", "kg"), QuestionWords.of("2.5 kg"));
    assertNotEquals(QuestionWords.key("2.5 kg"), QuestionWords.key("25 kg"));
  }

  @Test
  void symbolsAndLatexStayWords() {
    // $ and + are symbols, not punctuation; backslashes and braces are punctuation
    assertEquals(List.of("compute", "$", "dbinom", "8", "4", "$"), QuestionWords.of("Compute $\\dbinom{8}{4}$."));
    assertNotEquals(QuestionWords.key("$x+1$"), QuestionWords.key("$x 1$"));
  }

  @Test
  void anEmptyQuestionHasNoWords() {
    assertEquals(List.of(), QuestionWords.of("  ?! "));
  }
}
