package org.cotkit.compressors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CotCompressorTest {

  private static final double[] RATIOS = {0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");

  private static final WordSegmenter SEGMENTER = new WordSegmenter();

  private static List<Gsm8kFixture.Solution> solutions;
  private static CotCompressor compressor;

  @BeforeAll
  static void buildCompressor() {
    solutions = Gsm8kFixture.solutions(300);
    BigramModel model = Gsm8kFixture.fitModel(SEGMENTER, solutions);
    compressor =
        new CotCompressor(
            SEGMENTER,
            new WordImportanceScorer(model),
            new ScoredCotPruner(new ForcedWords(true, List.of()), new WordCounter()));
  }

  private static List<String> numbers(String text) {
    List<String> numbers = new ArrayList<>();
    Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      numbers.add(m.group());
    }
    return numbers;
  }

  @Test
  void fixtureStripsCalculatorNotesAndTheFinalAnswerLine() {
    Gsm8kFixture.Solution first = solutions.get(0);
    assertEquals(
        "Natalia sold 48/2 = 24 clips in May.\nNatalia sold 48+24 = 72 clips altogether in April and May.",
        first.cot());
    assertEquals("72", first.answer());
    for (Gsm8kFixture.Solution solution : solutions) {
      assertFalse(solution.cot().contains("<<"), solution.cot());
      assertFalse(solution.cot().contains("####"), solution.cot());
      assertNotNull(solution.answer());
    }
  }

  @Test
  void realSolutionsKeepEveryNumberAndReachTheTargetRatio() {
    int checked = 0;
    for (Gsm8kFixture.Solution solution : solutions.subList(0, 60)) {
      String cot = solution.cot();
      List<Word> words = SEGMENTER.segment(cot);
      List<CompressedCot> results = compressor.compress(cot, solution.answer(), RATIOS);
      assertEquals(RATIOS.length, results.size());
      for (int r = 0; r < RATIOS.length; r++) {
        CompressedCot result = results.get(r);
        String context = "ratio " + RATIOS[r] + " of:\n" + cot + "\n->\n" + result.text();
        assertEquals(RATIOS[r], result.ratio());
        assertEquals(words.size(), result.totalTokens(), context);
        assertTrue(result.achievedRatio() >= RATIOS[r], context);
        assertEquals(
            SEGMENTER.segment(result.text()).size(), result.keptTokens(), "keptTokens must count the rendered words");
        assertEquals(numbers(cot), numbers(result.text()), "every number survives, in order: " + context);
        if (ForcedWords.containsAtBoundary(cot.replace(",", ""), solution.answer())) {
          assertTrue(
              ForcedWords.containsAtBoundary(result.text().replace(",", ""), solution.answer()),
              "final answer kept: " + context);
        }
        assertSubsequence(words, SEGMENTER.segment(result.text()), context);
        checked++;
      }
      assertEquals(cot, results.get(RATIOS.length - 1).text(), "ratio 1.0 returns the input");
      assertTrue(
          results.get(0).keptTokens() < words.size() || words.stream().allMatch(w -> hasDigitOrOperator(w.text())),
          "ratio 0.5 must drop something unless every word is forced");
    }
    assertEquals(60 * RATIOS.length, checked);
  }

  @Test
  void ratioOneReturnsTheExactInputEvenWithOddWhitespace() {
    String cot = "  Step 1:\tshe has  5 apples.\n\n\nStep 2: 5 × 2 = 10  \n";
    List<CompressedCot> results = compressor.compress(cot, "10", 1.0);
    assertEquals(cot, results.get(0).text());
    assertEquals(1.0, results.get(0).achievedRatio());
  }

  @Test
  void lowerRatiosDropTheMostPredictableWordsFirst() {
    String cot = solutions.get(0).cot();
    List<CompressedCot> results = compressor.compress(cot, "72", 0.5, 0.7, 0.9);
    for (int r = 1; r < results.size(); r++) {
      assertTrue(results.get(r).keptTokens() >= results.get(r - 1).keptTokens());
      assertSubsequence(SEGMENTER.segment(results.get(r).text()), SEGMENTER.segment(results.get(r - 1).text()), "nested");
    }
    assertTrue(results.get(0).text().length() < cot.length());
  }

  @Test
  void emptyCotStaysEmpty() {
    List<CompressedCot> results = compressor.compress("", null, 0.5, 1.0);
    for (CompressedCot result : results) {
      assertEquals("", result.text());
      assertEquals(0, result.totalTokens());
      assertEquals(1.0, result.achievedRatio());
    }
  }

  @Test
  void resultsComeInTheOrderOfTheRatiosGiven() {
    List<CompressedCot> results = compressor.compress(solutions.get(1).cot(), solutions.get(1).answer(), 0.9, 0.5, 0.7);
    assertEquals(List.of(0.9, 0.5, 0.7), results.stream().map(CompressedCot::ratio).toList());
  }

  private static boolean hasDigitOrOperator(String text) {
    return text.chars().anyMatch(c -> Character.isDigit(c) || ForcedWords.OPERATORS.indexOf(c) >= 0);
  }

  /** The words of {@code compressed} are a subsequence of {@code original}'s, by surface text. */
  private static void assertSubsequence(List<Word> original, List<Word> compressed, String context) {
    int i = 0;
    for (Word word : compressed) {
      while (i < original.size() && !original.get(i).text().equals(word.text())) {
        i++;
      }
      assertTrue(i < original.size(), "'" + word.text() + "' is not an in-order word of the source: " + context);
      i++;
    }
  }
}
