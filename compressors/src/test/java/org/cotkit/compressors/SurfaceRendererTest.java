package org.cotkit.compressors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SurfaceRendererTest {

  private static final WordSegmenter SEGMENTER = new WordSegmenter();

  /** Renders {@code source} keeping the words whose flag is set in {@code pattern} ('1' keep, '0' drop). */
  private static String render(String source, String pattern) {
    List<Word> words = SEGMENTER.segment(source);
    assertEquals(words.size(), pattern.length(), "pattern length");
    boolean[] kept = new boolean[pattern.length()];
    for (int i = 0; i < kept.length; i++) {
      kept[i] = pattern.charAt(i) == '1';
    }
    return SurfaceRenderer.render(source, words, kept);
  }

  private static boolean[] all(int n, boolean value) {
    boolean[] flags = new boolean[n];
    Arrays.fill(flags, value);
    return flags;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Natalia sold 48/2 = 24 clips in May.",
        "  leading and trailing  \n",
        "\n\nstarts with blank lines\n\n\nand ends with them\n\n",
        "tabs\tbetween\t\twords\t",
        "**Step 1:** add\n- item one\n  - nested item\r\n\r\n$\\frac{1}{2}$ \\boxed{18}",
        "Janet’s ducks lay 16 eggs × 2 ÷ 4 = 8 鸭子",
        "single",
        " x "
      })
  void keepingEveryWordGivesTheSourceBackExactly(String source) {
    List<Word> words = SEGMENTER.segment(source);
    assertEquals(source, SurfaceRenderer.render(source, words, all(words.size(), true)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\n\n", " \t\n "})
  void textWithoutWordsIsReturnedAsIs(String source) {
    assertEquals(source, SurfaceRenderer.render(source, List.of(), new boolean[0]));
  }

  @Test
  void droppingEveryWordGivesAnEmptyText() {
    String source = " a b\nc ";
    List<Word> words = SEGMENTER.segment(source);
    assertEquals("", SurfaceRenderer.render(source, words, all(words.size(), false)));
  }

  @Test
  void droppedWordsInsideALineLeaveSingleSpaces() {
    assertEquals("Natalia 48/2 = 24 clips May.", render("Natalia sold 48/2 = 24 clips in May.", "10111101"));
    assertEquals("a e", render("a b c d e", "10001"));
    assertEquals("b d", render("a b c d e", "01010"));
  }

  @Test
  void droppingTheFirstWordOfALineKeepsTheLineBreak() {
    assertEquals("a b\nd", render("a b\nc d", "1101"));
    assertEquals("a\nd", render("a b\nc d", "1001"));
    assertEquals("a b\n\nd e", render("a b\n\nc d e", "11011"));
  }

  @Test
  void droppingTheLastWordOfALineKeepsTheLineBreak() {
    assertEquals("a\nc d", render("a b\nc d", "1011"));
    assertEquals("a\n\nd", render("a b\n\nc d", "1001"));
  }

  @Test
  void droppingAWholeLineKeepsOneBreakNotTheLine() {
    assertEquals("first\nthird line", render("first\nsecond line\nthird line", "10011"));
    assertEquals("first\n\nthird", render("first\n\nsecond\nthird", "101"));
  }

  @Test
  void theGapWithMostLineBreaksIsUsed() {
    assertEquals("a\n\nd", render("a\nb\n\nc d", "1001"));
    assertEquals("a\n\n\nd", render("a b\n\n\nc\nd", "1001"));
  }

  @Test
  void tabsAndIndentationInsideTheChosenGapAreKept() {
    assertEquals("x\ty", render("x\ty\tz", "110"));
    assertEquals("a\n  - c", render("a\n  - b\n  - c", "10011"));
  }

  @Test
  void leadingWhitespaceIsKeptOnlyWithTheFirstWordAndTrailingOnlyWithTheLast() {
    assertEquals("  a b", render("  a b c\n", "110"));
    assertEquals("b c\n", render("  a b c\n", "011"));
    assertEquals("b", render("  a b c\n", "010"));
    assertEquals("  a c\n", render("  a b c\n", "101"));
  }

  @Test
  void randomDropsOnMultiLineTextsKeepWordsVerbatimInOrderWithoutDoubleSpacesOrGluedLines() {
    String source =
        "Natalia sold 48/2 = 24 clips in May.\n"
            + "Natalia sold 48+24 = 72 clips altogether in April and May.\n"
            + "\n"
            + "**Step 2:** so the answer is \\boxed{72} clips\n"
            + "- she sold $\\frac{1}{2}$ as many in May\n"
            + "Janet’s ducks lay 16 eggs × 3";
    List<Word> words = SEGMENTER.segment(source);
    int[] lineOf = new int[words.size()];
    for (int i = 0; i < words.size(); i++) {
      lineOf[i] = (int) source.substring(0, words.get(i).start()).chars().filter(c -> c == '\n').count();
    }
    Random random = new Random(42);
    for (int trial = 0; trial < 300; trial++) {
      boolean[] kept = new boolean[words.size()];
      for (int i = 0; i < kept.length; i++) {
        kept[i] = random.nextInt(100) < 20 + trial % 70;
      }
      String rendered = SurfaceRenderer.render(source, words, kept);

      List<String> expectedWords = new ArrayList<>();
      for (int i = 0; i < kept.length; i++) {
        if (kept[i]) {
          expectedWords.add(words.get(i).text());
        }
      }
      List<String> renderedWords = SEGMENTER.segment(rendered).stream().map(Word::text).toList();
      assertEquals(expectedWords, renderedWords, "kept words must appear verbatim and in order");

      for (String line : rendered.split("\n", -1)) {
        assertFalse(line.contains("  "), "double space in '" + line + "' of\n" + rendered);
        assertFalse(line.startsWith(" ") || line.endsWith(" "), "stray space at the edge of '" + line + "'");
      }

      // words on different source lines are never glued onto one line, and the other way round
      List<Word> renderedSegments = SEGMENTER.segment(rendered);
      int k = 0;
      int previous = -1;
      for (int i = 0; i < kept.length; i++) {
        if (!kept[i]) {
          continue;
        }
        if (previous >= 0) {
          String gap = rendered.substring(renderedSegments.get(k - 1).end(), renderedSegments.get(k).start());
          assertEquals(
              lineOf[i] != lineOf[previous],
              gap.contains("\n"),
              "gap between '" + words.get(previous).text() + "' and '" + words.get(i).text() + "'");
        }
        previous = i;
        k++;
      }
    }
  }

  @Test
  void keptWordsAreCutFromTheSourceNotFromTheirKeys() {
    String source = "Clips. (May) “Quoted”";
    assertEquals("Clips. “Quoted”", render(source, "101"));
  }
}
