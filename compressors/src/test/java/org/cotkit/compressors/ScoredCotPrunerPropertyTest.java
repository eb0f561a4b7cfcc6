package org.cotkit.compressors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cotkit.testkit.PropertyCheck;
import org.cotkit.testkit.Texts;
import org.junit.jupiter.api.Test;

/**
 * Properties of pruning a whole chain of thought ({@link ScoredCotPruner}) for arbitrary text,
 * scores, answers and γ in [0.5, 1]: the pruned text is the kept words of the source, in order and
 * verbatim; it holds every forced word (digits, operators, the answer, force tokens, as
 * {@link ForcedWords} defines them); its share of words is at least γ; and γ = 1 gives the source
 * back unchanged.
 */
class ScoredCotPrunerPropertyTest {

  private static final WordSegmenter SEGMENTER = new WordSegmenter();

  private static final String[] COT_FRAGMENTS = {
    " 18 ", " 1,000 ", " -2 ", " 3.5 ", " $18. ", " 48/2=24 ", " + ", " = ", " x ", " 2 x 16 ", " ≤ ", " well-known ",
    " **Step ", " --- ", " <br> ", " the ", " so ", " apples ", "\n", "\n\n", " $\\frac{1}{2}$ ", " ٣ ", " ０ "
  };

  private record Pruning(String cot, double[] scores, String answer, List<String> forceTokens, double[] ratios) {
    @Override
    public String toString() {
      return "cot=" + cot + " answer=" + answer + " forceTokens=" + forceTokens + " ratios="
          + java.util.Arrays.toString(ratios) + " scores=" + java.util.Arrays.toString(scores);
    }
  }

  private static Pruning pruning(Random random, int size) {
    String cot = Texts.any(random, size * 4, COT_FRAGMENTS);
    List<Word> words = SEGMENTER.segment(cot);
    double[] scores = random.doubles(words.size(), -5, 5).toArray();
    if (!words.isEmpty() && random.nextBoolean()) {
      scores[random.nextInt(scores.length)] = Texts.oneOf(random, Double.NaN, Double.NEGATIVE_INFINITY, Double.MAX_VALUE);
    }
    String someWord = words.isEmpty() ? "18" : words.get(random.nextInt(words.size())).text();
    String answer = Texts.oneOf(random, null, "", someWord, "18", "Blue Whale", Texts.any(random, 6));
    List<String> forceTokens = random.nextBoolean() ? List.of() : List.of(someWord, Texts.any(random, 3));
    double[] ratios = new double[1 + random.nextInt(3)];
    for (int r = 0; r < ratios.length; r++) {
      ratios[r] = RatioPrunerPropertyTest.ratio(random, words.size());
    }
    return new Pruning(cot, scores, answer, forceTokens, ratios);
  }

  private static boolean hasDigit(String text) {
    return text.chars().anyMatch(Character::isDigit);
  }

  private static Map<String, Integer> counts(List<String> texts) {
    Map<String, Integer> counts = new HashMap<>();
    texts.forEach(text -> counts.merge(text, 1, Integer::sum));
    return counts;
  }

  @Test
  void prunedTextIsTheKeptWordsInOrderWithEveryForcedWordAndAtLeastTheRatio() {
    PropertyCheck.forAll("pruned text keeps forced words, order and γ", 400, ScoredCotPrunerPropertyTest::pruning, p -> {
      ForcedWords forcedWords = new ForcedWords(true, p.forceTokens());
      ScoredCotPruner pruner = new ScoredCotPruner(forcedWords, new WordCounter());
      List<Word> words = SEGMENTER.segment(p.cot());
      List<String> sourceWords = words.stream().map(Word::text).toList();
      boolean[] forced = forcedWords.mark(p.cot(), words, p.answer());

      List<CompressedCot> results = pruner.prune(p.cot(), words, p.scores(), p.answer(), p.ratios());

      assertEquals(p.ratios().length, results.size());
      for (int r = 0; r < results.size(); r++) {
        CompressedCot result = results.get(r);
        double ratio = p.ratios()[r];
        assertEquals(ratio, result.ratio());
        assertEquals(words.size(), result.totalTokens());
        if (ratio == 1.0) {
          assertEquals(p.cot(), result.text(), "γ=1 changed the text");
        }
        List<String> keptWords = SEGMENTER.segment(result.text()).stream().map(Word::text).toList();
        assertEquals(result.keptTokens(), keptWords.size(), "the text holds other words than the kept ones");
        assertTrue(isSubsequence(keptWords, sourceWords), "kept words are not the source's, in order: " + keptWords);
        assertTrue(words.isEmpty() || result.achievedRatio() >= ratio,
            "achieved " + result.achievedRatio() + " under γ=" + ratio);
        Map<String, Integer> kept = counts(keptWords);
        for (int i = 0; i < words.size(); i++) {
          String word = words.get(i).text();
          if (forced[i] || hasDigit(word)) {
            assertTrue(kept.merge(word, -1, Integer::sum) >= 0, "forced word '" + word + "' (" + i + ") dropped");
          }
        }
      }
    });
  }

  private static boolean isSubsequence(List<String> part, List<String> whole) {
    int at = 0;
    for (String word : whole) {
      if (at < part.size() && part.get(at).equals(word)) {
        at++;
      }
    }
    return at == part.size();
  }
}
