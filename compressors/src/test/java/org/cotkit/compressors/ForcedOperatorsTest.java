package org.cotkit.compressors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Operators in words and LaTeX, and list markers, on lines of real teacher CoTs (issue 14). */
class ForcedOperatorsTest {

  private static final WordSegmenter SEGMENTER = new WordSegmenter();
  private static final ForcedWords FORCED = new ForcedWords(true, List.of());

  /** The forced words of {@code text}, in order. */
  private static List<String> forced(String text) {
    List<Word> words = SEGMENTER.segment(text);
    boolean[] marks = FORCED.mark(text, words, null);
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < marks.length; i++) {
      if (marks[i]) {
        kept.add(words.get(i).text());
      }
    }
    return kept;
  }

  @Test
  void aLatexTimesBetweenTwoNumbersIsForced() {
    // MATH-500 style
    assertEquals(List.of("$4", "\\times", "3", "\\times", "2", "=", "24$"),
        forced("There are $4 \\times 3 \\times 2 = 24$ ways."));
    // the delimiters are not forced: they are to be kept or dropped in pairs, a rule still to come
    assertEquals(List.of("2", "\\cdot", "5", "=", "10"), forced("So \\( 2 \\cdot 5 = 10 \\) apples"));
  }

  @Test
  void aLatexOperatorBetweenLettersIsAnOrdinaryWord() {
    assertEquals(List.of(), forced("the area is $a \\times b$"));
  }

  @Test
  void spelledOutOperatorsBetweenNumbersAreForcedAndProseIsNot() {
    // R1-distill traces say it in words
    assertEquals(List.of("0.2", "times", "50", "10."), forced("So, 0.2 times 50 is 10."));
    assertEquals(List.of("48", "divided", "by", "2", "24."), forced("Then 48 divided by 2 gives 24."));
    assertEquals(List.of("20%", "of", "50", "10."), forced("Wait, 20% of 50 is 10."));
    assertEquals(List.of(), forced("She tried three times, but half of them left."));
    assertEquals(List.of("3"), forced("divided by 3"));
  }

  @Test
  void anOperatorAfterANumberAndItsQuantityIsForced() {
    // GSM8K train: "So, Bea's mom planted 2 trees x 2 = 4 Narra trees."
    assertEquals(List.of("2", "x", "2", "=", "4"), forced("So, Bea's mom planted 2 trees x 2 = 4 Narra trees."));
    assertEquals(List.of("5", "times", "3", "15"), forced("5 apples times 3 is 15"));
    assertEquals(List.of("48", "divided", "by", "2"), forced("48 cookies divided by 2 friends"));
    // "of" stays strict: only between two numbers
    assertEquals(List.of("5", "3"), forced("5 apples of 3 baskets"));
    assertEquals(List.of("2"), forced("the 2 trees x axis"));
  }

  @Test
  void theTypesetMinusSignAndDotsAreOperators() {
    // GSM8K train: "Clare has $47 − $12 = $35 left." (U+2212, not a hyphen)
    assertEquals(List.of("$47", "−", "$12", "=", "$35"), forced("Clare has $47 − $12 = $35 left."));
    assertEquals(List.of("3", "·", "4", "=", "12"), forced("so 3 · 4 = 12"));
  }

  @Test
  void aDashStartingAListItemIsMarkupAndAMinusIsNot() {
    String bullets = "The costs are:\n- 12 for the bus\n- the rest for food\n  * a nested item\n";
    assertEquals(List.of("12"), forced(bullets));
    assertEquals(List.of("20", "-", "8", "=", "12"), forced("Then 20 - 8 = 12 remain"));
    // a lone dash that begins a line is taken for a list marker, even before a number
    assertEquals(List.of("20", "8"), forced("20\n- 8"));
  }
}
