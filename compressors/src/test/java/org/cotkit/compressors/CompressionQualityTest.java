package org.cotkit.compressors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each figure on real lines of teacher CoTs, kept and pruned by hand. */
class CompressionQualityTest {

  private static final WordSegmenter SEGMENTER = new WordSegmenter();

  private static CompressionQuality.Counts of(String text, String keptMask) {
    List<Word> words = SEGMENTER.segment(text);
    assertEquals(words.size(), keptMask.length(), "one mark per word of: " + text);
    boolean[] kept = new boolean[words.size()];
    for (int i = 0; i < kept.length; i++) {
      kept[i] = keptMask.charAt(i) == '1';
    }
    return CompressionQuality.of(words, kept, new boolean[words.size()]);
  }

  @Test
  void anEquationThatLostItsLatexOperatorIsNotIntact() {
    String line = "She pays $8 \\times 4 = 32$ dollars";
    //             She pays $8 \times 4 = 32$ dollars
    assertEquals(1, of(line, "00111111").equationsIntact());
    CompressionQuality.Counts lost = of(line, "00101111");
    assertEquals(0, lost.equationsIntact());
    assertEquals(1, lost.equations());
    assertEquals(3, lost.numbers());
    assertEquals(3, lost.numbersKept());
  }

  @Test
  void aSpelledOutOperatorBelongsToItsEquation() {
    String line = "so 0.2 times 50 is 10";
    assertEquals(0, of(line, "110111").equationsIntact());
    assertEquals(1, of(line, "011111").equationsIntact());
    assertEquals(1, of(line, "110111").equations()); // "is" ends the run: 10 is not in it
  }

  @Test
  void dollarAndParenthesisPairsAreBalancedWhenBothSidesShareAFate() {
    String line = "the total \\( 3 + 4 \\) and $ x $ here";
    //             the total \(  3  +  4  \)  and $  x  $  here
    CompressionQuality.Counts both = of(line, "001111100000");
    assertEquals(2, both.latexPairs());
    assertEquals(2, both.latexPairsBalanced());
    CompressionQuality.Counts oneSide = of(line, "001111001101");
    assertEquals(0, oneSide.latexPairsBalanced());
    // a pair inside one word is always whole
    assertEquals(0, of("so $x$ is 3", "1111").latexPairs());
    // money is no delimiter: GSM8K's "$18" and "$5" open nothing that closes
    assertEquals(0, of("She makes 9 * 2 = $18 every day and $5 more", "111111111111").latexPairs());
    // MATH's inline math across words
    CompressionQuality.Counts math = of("so $2 + 3 = 5$ and $x$", "11000011");
    assertEquals(1, math.latexPairs());
    assertEquals(0, math.latexPairsBalanced());
  }

  @Test
  void fillersAndContentWordsAreCountedApart() {
    String line = "Wait, so now we need to calculate the total cost";
    //             Wait, so  now we  need to  calculate the total cost
    CompressionQuality.Counts counts = of(line, "0000101011");
    assertEquals(3, counts.fillers());
    assertEquals(0, counts.fillersKept());
    // we (not a Lucene stop word), need, calculate, total, cost
    assertEquals(5, counts.content());
    assertEquals(4, counts.contentKept());
    assertEquals(3, counts.keptRuns());
    assertEquals(4, counts.keptWords());
  }

  @Test
  void countsAddUp() {
    CompressionQuality.Counts a = of("so 2 + 2 = 4", "111111");
    CompressionQuality.Counts sum = a.plus(a);
    assertEquals(2 * a.equations(), sum.equations());
    assertEquals(2 * a.words(), sum.words());
    assertEquals(a, CompressionQuality.Counts.NONE.plus(a));
  }
}
