package org.cotkit.compressors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScoredCotPrunerTest {

  private static final WordSegmenter SEGMENTER = new WordSegmenter();

  private final ScoredCotPruner pruner =
      new ScoredCotPruner(new ForcedWords(true, List.of()), new WordCounter());

  @Test
  void forcesSelectsAndRendersEachRatio() {
    String cot = "She had 5 apples\nand then she ate them all";
    List<Word> words = SEGMENTER.segment(cot);
    //                she  had  5  apples and then she  ate  them all
    double[] scores = {0.2, 0.9, 0, 0.8, 0.1, 0.3, 0.4, 0.7, 0.5, 0.6};

    List<CompressedCot> results = pruner.prune(cot, words, scores, null, 0.5, 0.3, 1.0);

    assertEquals(List.of(0.5, 0.3, 1.0), results.stream().map(CompressedCot::ratio).toList());
    assertEquals(new CompressedCot("had 5 apples\nate all", 0.5, 5, 10), withoutQuality(results.get(0)));
    assertEquals(new CompressedCot("had 5 apples", 0.3, 3, 10), withoutQuality(results.get(1)));
    assertEquals(new CompressedCot(cot, 1.0, 10, 10), withoutQuality(results.get(2)));
    // the quality of the 0.3 pruning: "5" forced; kept had, 5, apples in one run
    CompressionQuality.Counts quality = results.get(1).quality();
    assertEquals(1, quality.forced());
    assertEquals(10, quality.words());
    assertEquals(3, quality.keptWords());
    assertEquals(1, quality.keptRuns());
    assertEquals(0, quality.fillersKept()); // "then" dropped
    assertEquals(1, quality.fillers());
  }

  private static CompressedCot withoutQuality(CompressedCot cot) {
    return new CompressedCot(cot.text(), cot.ratio(), cot.keptTokens(), cot.totalTokens());
  }

  @Test
  void answerIsAlwaysKept() {
    String cot = "so the final answer is Tuesday then";
    List<Word> words = SEGMENTER.segment(cot);
    double[] scores = {6, 5, 4, 3, 2, 0, 1};
    assertEquals("so the final answer", pruner.prune(cot, words, scores, null, 0.5).get(0).text());
    assertEquals("so the final Tuesday", pruner.prune(cot, words, scores, "Tuesday", 0.5).get(0).text());
  }

  @Test
  void ratioOneReturnsTheSourceVerbatimEvenWithSurroundingWhitespace() {
    String cot = "\n  x = 3 ,\tso  y = 4\n\n";
    List<Word> words = SEGMENTER.segment(cot);
    CompressedCot result = pruner.prune(cot, words, new double[words.size()], null, 1.0).get(0);
    assertEquals(cot, result.text());
  }

  @Test
  void allForcedWordsRenderTheWholeSourceAtAnyRatio() {
    String cot = " 1 + 2 = 3 ";
    List<Word> words = SEGMENTER.segment(cot);
    CompressedCot result = pruner.prune(cot, words, new double[words.size()], null, 0.5).get(0);
    assertEquals(cot, result.text());
    assertEquals(5, result.keptTokens());
  }

  @Test
  void invalidRatioIsRejected() {
    String cot = "a b c";
    List<Word> words = SEGMENTER.segment(cot);
    assertThrows(IllegalArgumentException.class, () -> pruner.prune(cot, words, new double[3], null, 0));
    assertThrows(IllegalArgumentException.class, () -> pruner.prune(cot, words, new double[2], null, 0.5));
  }
}
