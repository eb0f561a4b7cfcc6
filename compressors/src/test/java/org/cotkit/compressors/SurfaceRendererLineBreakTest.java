package org.cotkit.compressors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pins down the renderer's line-break fix: a lone {@code \r} is a line break like {@code \n}, and
 * {@code \r\n} is one break, not two.
 */
class SurfaceRendererLineBreakTest {

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

  @Test
  void loneCarriageReturnSurvivesWhenTheWordsAroundItAreDropped() {
    assertEquals("a\rd", render("a b\rc d", "1001"));
  }

  @Test
  void loneCarriageReturnSurvivesDroppingTheFirstOrLastWordOfALine() {
    assertEquals("a b\rd", render("a b\rc d", "1101"));
    assertEquals("a\rc d", render("a b\rc d", "1011"));
    assertEquals("first\rthird line", render("first\rsecond line\rthird line", "10011"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\n", "\r", "\r\n"})
  void everyKindOfLineBreakIsKeptWhole(String lineBreak) {
    assertEquals("a" + lineBreak + "d", render("a b" + lineBreak + "c d", "1001"));
    assertEquals("a" + lineBreak + lineBreak + "d", render("a b" + lineBreak + lineBreak + "c d", "1001"));
  }

  @Test
  void moreLoneCarriageReturnsWinOverFewerNewlines() {
    assertEquals("a\r\rd", render("a\nb\r\rc d", "1001"));
    assertEquals("a\r\r\rd", render("a b\r\r\rc\nd", "1001"));
  }

  @Test
  void crLfCountsAsOneBreakNotTwo() {
    // two breaks "\n\n" beat one "\r\n"; were "\r\n" counted twice, the later gap would win the tie
    assertEquals("a\n\nd", render("a\n\nb c\r\nd", "1001"));
    assertEquals("a\n\n\nd", render("a\r\n\r\nb c\n\n\nd", "1001"));
    // one "\r\n" ties with one "\n": the gap nearest the next kept word is used
    assertEquals("a\nd", render("a\r\nb c\nd", "1001"));
    assertEquals("a\r\nd", render("a\nb c\r\nd", "1001"));
  }

  @Test
  void crLfIsNotDuplicatedWhenTheWordsAroundItAreDropped() {
    String rendered = render("a b\r\nc d\r\ne f", "100001");
    assertEquals("a\r\nf", rendered);
    assertEquals(1, rendered.split("\r\n", -1).length - 1);
  }

  @Test
  void loneCarriageReturnAfterACrLfCountsAsAnotherBreak() {
    // "\r\n\r" is two breaks and beats the single "\n" that comes later
    assertEquals("a\r\n\rd", render("a b\r\n\rc\nd", "1001"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a b\rc d", "a\r\rb\r\nc\n\rd\r", "\r lead\rand trail \r", "x\r\n\r\ny\rz"})
  void keepingEveryWordGivesTheSourceBackExactly(String source) {
    List<Word> words = SEGMENTER.segment(source);
    boolean[] kept = new boolean[words.size()];
    Arrays.fill(kept, true);
    assertEquals(source, SurfaceRenderer.render(source, words, kept));
  }

  @Test
  void randomDropsNeverGlueLinesWhateverTheirLineEnds() {
    String[] lines = {
      "Natalia sold 48/2 = 24 clips in May.",
      "Natalia sold 48+24 = 72 clips altogether.",
      "",
      "**Step 2:** so the answer is \\boxed{72}",
      "- she sold half as many in May",
      "Janet’s ducks lay 16 eggs × 3"
    };
    String[] ends = {"\r", "\r\n", "\n"};
    Random random = new Random(7);
    for (int variant = 0; variant < 20; variant++) {
      StringBuilder source = new StringBuilder();
      List<Integer> lineStarts = new ArrayList<>();
      for (int l = 0; l < lines.length; l++) {
        lineStarts.add(source.length());
        source.append(lines[l]);
        if (l + 1 < lines.length) {
          source.append(ends[random.nextInt(ends.length)]);
        }
      }
      String text = source.toString();
      List<Word> words = SEGMENTER.segment(text);
      int[] lineOf = new int[words.size()];
      for (int i = 0; i < words.size(); i++) {
        int line = 0;
        while (line + 1 < lineStarts.size() && lineStarts.get(line + 1) <= words.get(i).start()) {
          line++;
        }
        lineOf[i] = line;
      }
      for (int trial = 0; trial < 50; trial++) {
        boolean[] kept = new boolean[words.size()];
        for (int i = 0; i < kept.length; i++) {
          kept[i] = random.nextInt(100) < 20 + trial;
        }
        String rendered = SurfaceRenderer.render(text, words, kept);
        List<Word> renderedWords = SEGMENTER.segment(rendered);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < kept.length; i++) {
          if (kept[i]) {
            expected.add(words.get(i).text());
          }
        }
        assertEquals(expected, renderedWords.stream().map(Word::text).toList());

        int k = 0;
        int previous = -1;
        for (int i = 0; i < kept.length; i++) {
          if (!kept[i]) {
            continue;
          }
          if (previous >= 0) {
            String gap = rendered.substring(renderedWords.get(k - 1).end(), renderedWords.get(k).start());
            boolean hasBreak = gap.indexOf('\n') >= 0 || gap.indexOf('\r') >= 0;
            assertEquals(
                lineOf[i] != lineOf[previous],
                hasBreak,
                "gap between '" + words.get(previous).text() + "' and '" + words.get(i).text() + "' in "
                    + text.replace("\r", "\\r").replace("\n", "\\n"));
          }
          previous = i;
          k++;
        }
      }
    }
  }
}
