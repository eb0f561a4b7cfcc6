package org.cotkit.compressors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pins down two segmenter fixes: every Unicode space separator (no-break spaces included) splits
 * words, and keys never carry ISO control characters, which {@link BigramCounts} uses as markers.
 */
class WordSegmenterUnicodeTest {

  private static final WordSegmenter SEGMENTER = new WordSegmenter();
  private static final double EPS = 1e-12;

  private static boolean isSpace(int c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  private static List<String> texts(String text) {
    return SEGMENTER.segment(text).stream().map(Word::text).toList();
  }

  // ---- space separators ------------------------------------------------------------------

  @Test
  void noBreakSpaceSplitsANumberFromItsUnit() {
    List<Word> words = SEGMENTER.segment("5\u00A0apples");
    assertEquals(List.of(new Word(0, 1, "5", "5"), new Word(2, 8, "apples", "apples")), words);
  }

  @Test
  void narrowNoBreakSpaceSplitsThousandsGroupsAndUnits() {
    List<Word> words = SEGMENTER.segment("Pay 1\u202F000\u202F€ now");
    assertEquals(
        List.of(
            new Word(0, 3, "Pay", "pay"),
            new Word(4, 5, "1", "1"),
            new Word(6, 9, "000", "000"),
            new Word(10, 11, "€", "€"),
            new Word(12, 15, "now", "now")),
        words);
  }

  /** The space separators (category Zs) that {@link Character#isWhitespace} does not report. */
  @ParameterizedTest
  @ValueSource(chars = {'\u00A0', '\u2007', '\u202F'})
  void noBreakSpacesThatAreNotJavaWhitespaceStillSplit(char space) {
    assertFalse(Character.isWhitespace(space), "precondition: not Java whitespace");
    assertEquals(List.of("5", "apples", "x"), texts("5" + space + "apples" + space + space + "x"));
  }

  @Test
  void everyUnicodeSpaceSeparatorSplitsWords() {
    List<Character> separators = new ArrayList<>();
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      if (Character.getType(c) == Character.SPACE_SEPARATOR
          || Character.getType(c) == Character.LINE_SEPARATOR
          || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
        separators.add(c);
      }
    }
    assertTrue(separators.size() >= 17, "found only " + separators);
    for (char separator : separators) {
      String text = "a" + separator + "b";
      List<Word> words = SEGMENTER.segment(text);
      String name = String.format("U+%04X", (int) separator);
      assertEquals(List.of("a", "b"), words.stream().map(Word::text).toList(), name);
      assertEquals(0, words.get(0).start(), name);
      assertEquals(1, words.get(0).end(), name);
      assertEquals(2, words.get(1).start(), name);
      assertEquals(3, words.get(1).end(), name);
    }
  }

  static Stream<Arguments> textsWithNoBreakSpaces() {
    return Stream.of(
        Arguments.of("nbsp", "5\u00A0apples", List.of("5", "apples")),
        Arguments.of("narrow nbsp", "48\u202F/\u202F2\u202F=\u202F24", List.of("48", "/", "2", "=", "24")),
        Arguments.of("figure space", "\u2007\u20071\u2007234", List.of("1", "234")),
        Arguments.of(
            "mixed with ordinary whitespace",
            "\u00A0 She\u00A0\u00A0paid $1,000\u202F\n\u00A0in\tMay.\u00A0",
            List.of("She", "paid", "$1,000", "in", "May.")),
        Arguments.of("ideographic and nbsp", "甲\u3000\u00A0乙\u202F丙", List.of("甲", "乙", "丙")),
        Arguments.of(
            "surrogates next to nbsp", "😀\u00A0𝑥=1\u202F😀x", List.of("😀", "𝑥=1", "😀x")),
        Arguments.of("only no-break spaces", "\u00A0\u202F\u2007\u00A0", List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("textsWithNoBreakSpaces")
  void noBreakSpacesSplitWithExactOffsetsAndAnExactRoundTrip(String name, String text, List<String> expected) {
    List<Word> words = SEGMENTER.segment(text);
    assertEquals(expected, words.stream().map(Word::text).toList());

    StringBuilder rebuilt = new StringBuilder();
    int cursor = 0;
    for (Word word : words) {
      assertTrue(word.start() >= cursor, "words overlap or go backwards at " + word);
      String gap = text.substring(cursor, word.start());
      assertTrue(gap.chars().allMatch(WordSegmenterUnicodeTest::isSpace), "gap before " + word + " is not spaces");
      if (cursor > 0) {
        assertFalse(gap.isEmpty(), "two words without a space between them at " + word);
      }
      assertEquals(word.text(), text.substring(word.start(), word.end()), "offsets of " + word);
      assertTrue(word.text().codePoints().noneMatch(WordSegmenterUnicodeTest::isSpace), "space inside " + word);
      rebuilt.append(gap).append(word.text());
      cursor = word.end();
    }
    String tail = text.substring(cursor);
    assertTrue(tail.chars().allMatch(WordSegmenterUnicodeTest::isSpace), "tail is not spaces");
    rebuilt.append(tail);
    assertEquals(text, rebuilt.toString());
  }

  @Test
  void keepingEveryWordOfATextWithNoBreakSpacesRendersItBackExactly() {
    String text = "\u00A0She\u00A0paid 1\u202F000\u2007€\u00A0\nfor 5\u00A0apples.\u202F";
    List<Word> words = SEGMENTER.segment(text);
    boolean[] kept = new boolean[words.size()];
    java.util.Arrays.fill(kept, true);
    assertEquals(text, SurfaceRenderer.render(text, words, kept));
  }

  // ---- control characters never reach a key ----------------------------------------------

  @Test
  void controlCharactersInsideAWordAreReplacedInTheKeyOnly() {
    List<Word> words = SEGMENTER.segment("a\u0001B \u0002s \u0000x\u007F");
    assertEquals(List.of("a\u0001B", "\u0002s", "\u0000x\u007F"), words.stream().map(Word::text).toList());
    assertEquals(List.of("a\uFFFDb", "\uFFFDs", "\uFFFDx\uFFFD"), words.stream().map(Word::key).toList());
    assertEquals(new Word(0, 3, "a\u0001B", "a\uFFFDb"), words.get(0));
    assertEquals(new Word(4, 6, "\u0002s", "\uFFFDs"), words.get(1));
  }

  @Test
  void noKeyEverContainsAnIsoControlCharacter() {
    for (char c = 0; c <= 0x9F; c++) {
      if (!Character.isISOControl(c)) {
        continue;
      }
      String name = String.format("U+%04X", (int) c);
      for (String text : List.of("x" + c + "y z", c + "s a", "a " + c, c + "" + c, "(" + c + ")")) {
        List<Word> words = SEGMENTER.segment(text);
        for (Word word : words) {
          assertEquals(text.substring(word.start(), word.end()), word.text(), name);
          assertTrue(word.key().chars().noneMatch(Character::isISOControl), name + " in key of " + word);
          assertFalse(word.key().isEmpty(), name + " gave an empty key for " + word);
        }
      }
    }
  }

  @Test
  void aWordSpelledLikeTheStartMarkerIsNotTheStartHistory() {
    List<Word> words = SEGMENTER.segment("\u0002s a");
    assertEquals(2, words.size());
    assertFalse(words.get(0).key().equals(BigramCounts.START), "a key must never equal START");

    BigramCounts counts = new BigramCounts().add(words);

    assertEquals(0, counts.count(BigramCounts.START, BigramCounts.START), "no START -> START bigram");
    assertEquals(0, counts.count(BigramCounts.START, "a"));
    assertEquals(1, counts.count(BigramCounts.START, "\uFFFDs"));
    assertEquals(1, counts.count("\uFFFDs", "a"));
    assertEquals(2, counts.distinctBigrams());
    assertOnlyOneSeparatorPerPair(counts);
  }

  @Test
  void aWordContainingThePairSeparatorDoesNotShiftTheHistory() {
    List<Word> words = SEGMENTER.segment("a\u0001b c");
    String first = words.get(0).key();
    String second = words.get(1).key();
    assertEquals("c", second);

    BigramCounts counts = new BigramCounts().add(words);
    assertOnlyOneSeparatorPerPair(counts);
    assertEquals(1, counts.count(BigramCounts.START, first));
    assertEquals(1, counts.count(first, "c"));

    BigramModel model = BigramModel.fit(counts);
    assertEquals(2, model.vocabularySize(), "the vocabulary is {" + first + ", c}");
    // (<s>, a?b)=1, (a?b, c)=1: denominator = 2 types + 2 words + 1 = 5, and a?b is a seen history
    double d = BigramModel.DEFAULT_DISCOUNT;
    double expected = (1 - d) / 1 + d * 1 / 1 * (1 + 1) / 5.0;
    assertEquals(expected, Math.exp(model.logProbability(first, "c")), EPS);
    assertTrue(
        model.logProbability(first, "c") > model.logProbability("never-seen-history", "c"),
        "the history of 'c' must be a seen history");

    // probabilities after the seen history still sum to one over vocabulary plus unknown mass
    double sum = Math.exp(model.logProbability(first, "<unknown>"));
    for (String word : List.of(first, "c")) {
      sum += Math.exp(model.logProbability(first, word));
    }
    assertEquals(1.0, sum, 1e-9);

    double[] scores = new WordImportanceScorer(model, WordImportanceScorer.Weights.BIGRAM_ONLY).score(words);
    for (double score : scores) {
      assertTrue(Double.isFinite(score) && score >= 0, "score " + score);
    }
    assertEquals(-Math.log(expected) / Math.log(2), scores[1], 1e-9);
  }

  @Test
  void textsWithMarkerCharactersKeepTheModelsVocabularyExact() {
    List<String> corpus =
        List.of("\u0002s a", "a\u0001b c", "\u0001 \u0002 \u0001\u0002", "x\u0002s\u0001y z", "\u0002s\u0001\u0002s");
    BigramCounts counts = new BigramCounts();
    Set<String> keys = new LinkedHashSet<>();
    for (String text : corpus) {
      List<Word> words = SEGMENTER.segment(text);
      words.forEach(w -> keys.add(w.key()));
      counts.add(words);
    }
    assertOnlyOneSeparatorPerPair(counts);
    assertEquals(0, counts.count(BigramCounts.START, BigramCounts.START));
    BigramModel model = BigramModel.fit(counts);
    assertEquals(keys.size(), model.vocabularySize(), "vocabulary " + keys);
    for (String history : keys) {
      double sum = Math.exp(model.logProbability(history, "<unknown>"));
      for (String word : keys) {
        sum += Math.exp(model.logProbability(history, word));
      }
      assertEquals(1.0, sum, 1e-9, "history " + history);
    }
  }

  private static void assertOnlyOneSeparatorPerPair(BigramCounts counts) {
    for (Map.Entry<String, Long> entry : counts.asMap().entrySet()) {
      String pair = entry.getKey();
      long separators = pair.chars().filter(c -> c == BigramCounts.SEPARATOR).count();
      assertEquals(1, separators, "pair " + pair.replace(BigramCounts.SEPARATOR, '|'));
      String previous = pair.substring(0, pair.indexOf(BigramCounts.SEPARATOR));
      String word = pair.substring(pair.indexOf(BigramCounts.SEPARATOR) + 1);
      assertFalse(word.equals(BigramCounts.START), "START is never a word");
      assertFalse(word.contains("\u0002"), "word keys never contain U+0002");
      assertTrue(previous.equals(BigramCounts.START) || !previous.contains("\u0002"), "bad history " + previous);
    }
  }
}
