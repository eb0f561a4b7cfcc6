package org.cotkit.compressors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.cotkit.testkit.Qwen3Tokenizer;
import org.junit.jupiter.api.Test;

class LineDeltaLengthTest {

  private static final WordSegmenter SEGMENTER = new WordSegmenter();
  private final StudentTokenizer qwen3 = StudentTokenizer.of(Qwen3Tokenizer.file());

  /** Several lines of real reasoning, with punctuation before line breaks and blank lines. */
  private static final String TRACE = String.join("", Gsm8kFixture.solutions(40).stream()
      .map(solution -> solution.cot() + "\n\n").toList()).strip();

  @Test
  void countsByLineAsTheWholeTextCountsOnRealPrunings() {
    List<Word> words = SEGMENTER.segment(TRACE);
    SurfaceRenderer renderer = new SurfaceRenderer(TRACE, words);
    Random random = new Random(5);
    LineDeltaLength lines = new LineDeltaLength(qwen3);
    boolean[] kept = new boolean[words.size()];
    Arrays.fill(kept, true);
    assertEquals(qwen3.count(TRACE), lines.of(renderer.render(kept)));
    int byDelta = 0;
    for (int step = 0; step < 400; step++) {
      int word = random.nextInt(words.size());
      kept[word] = !kept[word];
      String text = renderer.render(kept);
      assertEquals(qwen3.count(text), lines.of(text), "after flipping word " + word + " ('" + words.get(word).text() + "')");
      byDelta += lines.approximate() ? 1 : 0;
    }
    assertTrue(byDelta > 300, "most counts were deltas: " + byDelta);
  }

  @Test
  void aResetCountsTheNextTextWhole() {
    LineDeltaLength lines = new LineDeltaLength(qwen3);
    lines.of("one line.\ntwo lines.");
    lines.of("one line.\ntwo words.");
    assertTrue(lines.approximate());
    lines.reset();
    assertEquals(qwen3.count("a\nb"), lines.of("a\nb"));
    assertFalse(lines.approximate());
  }

  /** A tokenizer whose count depends on the whole text (one more for a text of odd length): lines do not add up. */
  private static final class PrefixedCounter implements TokenCounter {
    private final WordCounter words = new WordCounter();

    @Override
    public int count(String text) {
      return words.count(text) + text.length() % 2;
    }

    @Override
    public int[] costs(String text, List<Word> list) {
      int[] costs = words.costs(text, list);
      if (costs.length > 0) {
        costs[0] += text.length() % 2;
      }
      return costs;
    }

    @Override
    public boolean additive() {
      return false;
    }
  }

  @Test
  void aTokenizerWhoseLinesDoNotAddUpStillGetsExactCounts() {
    TokenCounter prefixed = new PrefixedCounter();
    ScoredCotPruner pruner = new ScoredCotPruner(new ForcedWords(false, List.of()), prefixed);
    List<Word> words = SEGMENTER.segment(TRACE);
    double[] scores = new Random(9).doubles(words.size()).toArray();
    for (CompressedCot result : pruner.prune(TRACE, words, scores, null, 0.5, 0.7, 0.9)) {
      assertEquals(prefixed.count(result.text()), result.keptTokens(), "at " + result.ratio());
      assertTrue(result.achievedRatio() >= result.ratio());
    }
  }
}
