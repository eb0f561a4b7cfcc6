package org.cotkit.compressors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.cotkit.testkit.PropertyCheck;
import org.cotkit.testkit.Texts;
import org.junit.jupiter.api.Test;

/**
 * Properties of {@link WordSegmenter} on arbitrary text: it never throws, and its words are the
 * text's maximal runs of non-space characters, in order, with offsets that cut out their surface
 * text, so that pruning can copy every kept word verbatim.
 */
class WordSegmenterPropertyTest {

  private static final WordSegmenter SEGMENTER = new WordSegmenter();

  /** What chains of thought are made of, which random characters would rarely spell. */
  private static final String[] COT_FRAGMENTS = {
    "1,000", "-2", "3.5", "$\\frac{1}{2}$", "48/2=24", "<<48/2=24>>", "\\boxed{18}", "**Step 1:**", "---", "<br>",
    "</think>", "\r\n", "\n\n", "\u00A0", "\u202F", "(", ")", "...", "—", "x", "=", "well-known", "$", "%", "#### 18"
  };

  /**
   * Mostly short texts; now and then one longer than Lucene's 4,096-char read buffer, or one with a
   * word longer than its 1 Mi-char token limit (a surrogate pair where it cuts).
   */
  private static String text(Random random, int size) {
    if (size > 90 && random.nextInt(10) == 0) {
      String giant = "a".repeat(1_048_570 + random.nextInt(10)) + "\uD83D\uDE00" + "b".repeat(random.nextInt(20));
      return Texts.any(random, size, COT_FRAGMENTS) + " " + giant + Texts.oneOf(random, "", " ", ".") + Texts.any(random, size);
    }
    int maxLength = size > 80 && random.nextInt(10) == 0 ? 12_000 : size * 3;
    return Texts.any(random, maxLength, COT_FRAGMENTS);
  }

  private static boolean isSpace(int codePoint) {
    return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
  }

  private static boolean allSpaces(String text) {
    return text.codePoints().allMatch(WordSegmenterPropertyTest::isSpace);
  }

  @Test
  void wordsAreTheMaximalNonSpaceRunsInOrderWithOffsetsIntoTheText() {
    PropertyCheck.forAll("segmented words are the text's non-space runs", 500, WordSegmenterPropertyTest::text, text -> {
      List<Word> words = SEGMENTER.segment(text);
      int cursor = 0;
      for (Word word : words) {
        assertTrue(word.start() >= cursor && word.start() < word.end() && word.end() <= text.length(),
            "span of " + word + " after " + cursor + " in a text of " + text.length());
        assertEquals(text.substring(word.start(), word.end()), word.text(), "offsets do not point at the surface text");
        assertTrue(word.text().codePoints().noneMatch(WordSegmenterPropertyTest::isSpace), "space inside " + word);
        String gap = text.substring(cursor, word.start());
        assertTrue(allSpaces(gap), "non-space text between words before " + word);
        assertFalse(cursor > 0 && gap.isEmpty(), "two words with no space between them at " + word);
        cursor = word.end();
      }
      assertTrue(allSpaces(text.substring(cursor)), "non-space text after the last word");
    });
  }

  @Test
  void keysAreNeverEmptyAndHoldNoControlCharacters() {
    PropertyCheck.forAll("word keys are non-empty and control-free", 500, WordSegmenterPropertyTest::text, text -> {
      for (Word word : SEGMENTER.segment(text)) {
        assertFalse(word.key().isEmpty(), "empty key for " + word);
        assertTrue(word.key().chars().noneMatch(Character::isISOControl), "control character in the key of " + word);
      }
    });
  }

  @Test
  void segmentingIsTheSameWhateverWasSegmentedBefore() {
    // the analyzer reuses its token stream per thread: no state may carry from one text to the next
    PropertyCheck.forAll("segmenting does not depend on the text before",
        (random, size) -> new String[] {text(random, size), text(random, size)},
        texts -> {
          List<Word> first = SEGMENTER.segment(texts[0]);
          SEGMENTER.segment(texts[1]);
          assertEquals(first, SEGMENTER.segment(texts[0]));
          assertEquals(first, new WordSegmenter().segment(texts[0]));
        });
  }
}
