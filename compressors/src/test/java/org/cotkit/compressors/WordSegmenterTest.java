package org.cotkit.compressors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class WordSegmenterTest {

  private final WordSegmenter segmenter = new WordSegmenter();

  private List<String> texts(String text) {
    return segmenter.segment(text).stream().map(Word::text).toList();
  }

  private List<String> keys(String text) {
    return segmenter.segment(text).stream().map(Word::key).toList();
  }

  static Stream<Arguments> trickyTexts() {
    return Stream.of(
        Arguments.of("latex fraction", "Half is $\\frac{1}{2}$ of it.", List.of("Half", "is", "$\\frac{1}{2}$", "of", "it.")),
        Arguments.of("latex boxed", "The answer is \\boxed{18}.", List.of("The", "answer", "is", "\\boxed{18}.")),
        Arguments.of(
            "number separators",
            "She paid 1,000 then 3.5 and got -2 back",
            List.of("She", "paid", "1,000", "then", "3.5", "and", "got", "-2", "back")),
        Arguments.of(
            "calculator note",
            "Natalia sold 48/2 = <<48/2=24>>24 clips in May.",
            List.of("Natalia", "sold", "48/2", "=", "<<48/2=24>>24", "clips", "in", "May.")),
        Arguments.of("newlines", "first line\nsecond line\n", List.of("first", "line", "second", "line")),
        Arguments.of("blank lines", "a b\n\n\nc\r\n\r\nd", List.of("a", "b", "c", "d")),
        Arguments.of(
            "markdown",
            "**Step 1:** add\n- item one\n- item two",
            List.of("**Step", "1:**", "add", "-", "item", "one", "-", "item", "two")),
        Arguments.of("tabs", "x\t=\t5\t\ty", List.of("x", "=", "5", "y")),
        Arguments.of("leading and trailing whitespace", "  \n\t so it is \t\n ", List.of("so", "it", "is")),
        Arguments.of(
            "unicode",
            "Janet’s ducks: 16 × 2 ÷ 4 − 1 = 7 鸭子 個 “quoted” €5",
            List.of("Janet’s", "ducks:", "16", "×", "2", "÷", "4", "−", "1", "=", "7", "鸭子", "個", "“quoted”", "€5")),
        Arguments.of("supplementary characters", "emoji 😀x 𝑥=1", List.of("emoji", "😀x", "𝑥=1")),
        Arguments.of("ideographic space", "甲\u3000乙", List.of("甲", "乙")),
        Arguments.of("empty", "", List.of()),
        Arguments.of("only whitespace", " \n\t\n ", List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("trickyTexts")
  void splitsOnWhitespaceOnly(String name, String text, List<String> expectedWords) {
    assertEquals(expectedWords, texts(text));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("trickyTexts")
  void offsetsAreExactAndGapsAreWhitespace(String name, String text, List<String> expectedWords) {
    List<Word> words = segmenter.segment(text);
    StringBuilder rebuilt = new StringBuilder();
    int cursor = 0;
    for (Word word : words) {
      assertTrue(word.start() >= cursor, "words overlap or go backwards at " + word);
      String gap = text.substring(cursor, word.start());
      assertTrue(gap.isBlank(), "gap before " + word + " is not whitespace: '" + gap + "'");
      if (cursor > 0) {
        assertFalse(gap.isEmpty(), "two words without whitespace between them at " + word);
      }
      assertEquals(word.text(), text.substring(word.start(), word.end()));
      assertFalse(word.text().isEmpty());
      assertTrue(word.text().codePoints().noneMatch(Character::isWhitespace), "whitespace inside " + word);
      rebuilt.append(gap).append(word.text());
      cursor = word.end();
    }
    String tail = text.substring(cursor);
    assertTrue(tail.isBlank());
    rebuilt.append(tail);
    assertEquals(text, rebuilt.toString());
  }

  @Test
  void offsetsOfASimpleSentence() {
    List<Word> words = segmenter.segment(" ab  c\nde ");
    assertEquals(3, words.size());
    assertEquals(new Word(1, 3, "ab", "ab"), words.get(0));
    assertEquals(new Word(5, 6, "c", "c"), words.get(1));
    assertEquals(new Word(7, 9, "de", "de"), words.get(2));
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 1000, 5000, 70_000})
  void veryLongWordStaysOneWord(int length) {
    StringBuilder longWord = new StringBuilder("$");
    while (longWord.length() < length - 1) {
      longWord.append("\\frac{1}{2}+");
    }
    longWord.setLength(length - 1);
    longWord.append('$');
    String text = "before " + longWord + " after";

    List<Word> words = segmenter.segment(text);

    assertEquals(List.of("before", longWord.toString(), "after"), words.stream().map(Word::text).toList());
    assertEquals(7, words.get(1).start());
    assertEquals(7 + length, words.get(1).end());
    assertEquals(8 + length, words.get(2).start());
  }

  @Test
  void longTextWithManyWordsKeepsOffsetsAcrossReaderBuffers() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      text.append("word").append(i).append(i % 7 == 0 ? "\n" : " ");
    }
    List<Word> words = segmenter.segment(text.toString());
    assertEquals(3000, words.size());
    for (int i = 0; i < words.size(); i++) {
      Word word = words.get(i);
      assertEquals("word" + i, word.text());
      assertEquals(word.text(), text.substring(word.start(), word.end()));
    }
  }

  @Test
  void keysAreLowerCasedWithoutSurroundingPunctuation() {
    assertEquals(
        List.of("clips", "natalia", "may", "step", "1", "janet’s", "quoted", "it's", "48/2", "3.5", "1,000", "2"),
        keys("Clips. NATALIA (May), **Step 1:** Janet’s “quoted” \"it's\" 48/2 3.5 1,000 -2"));
  }

  @Test
  void keyDoesNotChangeSurfaceText() {
    Word word = segmenter.segment("  (Clips.)  ").get(0);
    assertEquals("(Clips.)", word.text());
    assertEquals("clips", word.key());
    assertEquals(2, word.start());
    assertEquals(10, word.end());
  }

  @ParameterizedTest
  @ValueSource(strings = {"...", "=", "-", "**", "?!", "(", "—", "“”", "$"})
  void purePunctuationWordKeepsANonEmptyKey(String punctuation) {
    List<Word> words = segmenter.segment("a " + punctuation + " b");
    assertEquals(3, words.size());
    Word word = words.get(1);
    assertEquals(punctuation, word.text());
    assertFalse(word.key().isEmpty(), "empty key for '" + punctuation + "'");
    assertEquals(punctuation.toLowerCase(java.util.Locale.ROOT), word.key());
  }

  /**
   * Found by {@link WordSegmenterPropertyTest}: Lucene cuts tokens at 1 Mi chars, and such a word
   * came back as two words with no space between them, which pruning could tear apart.
   */
  @Test
  void aWordLongerThanLucenesTokenLimitIsOneWord() {
    String giant = "a".repeat(1024 * 1024 - 1) + "\uD83D\uDE00" + "b".repeat(1024 * 1024 + 5) + ".";
    List<Word> words = segmenter.segment("x " + giant + " y");
    assertEquals(List.of("x", giant, "y"), words.stream().map(Word::text).toList());
    assertEquals(2, words.get(1).start());
    assertEquals(2 + giant.length(), words.get(1).end());
  }

  @Test
  void segmenterIsReusableAndThreadSafe() throws Exception {
    String a = "Natalia sold 48/2 = 24 clips in May.";
    String b = "Weng earns 12/60 = $0.2 per minute.\nWorking 50 minutes, she earned $10.";
    List<Word> expectedA = segmenter.segment(a);
    List<Word> expectedB = segmenter.segment(b);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Boolean>> jobs = new java.util.ArrayList<>();
      for (int i = 0; i < 200; i++) {
        boolean even = i % 2 == 0;
        jobs.add(() -> even ? segmenter.segment(a).equals(expectedA) : segmenter.segment(b).equals(expectedB));
      }
      for (Future<Boolean> result : pool.invokeAll(jobs)) {
        assertTrue(result.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
