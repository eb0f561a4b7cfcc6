package org.cotkit.compressors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SelfInformationScorerTest {

  private static final WordSegmenter SEGMENTER = new WordSegmenter();

  private static BigramModel model;
  private static SelfInformationScorer scorer;

  @BeforeAll
  static void fitOnGsm8k() {
    model = Gsm8kFixture.fitModel(SEGMENTER, Gsm8kFixture.solutions(1000));
    scorer = new SelfInformationScorer(model);
  }

  private static double scoreOf(String text, int index) {
    return scorer.score(SEGMENTER.segment(text))[index];
  }

  @Test
  void scoresAreMinusLog2OfTheBigramProbabilityChainedOverKeys() {
    List<Word> words = SEGMENTER.segment("So Natalia sold CLIPS, in May.");
    double[] scores = scorer.score(words);
    assertEquals(words.size(), scores.length);
    String previous = BigramCounts.START;
    for (int i = 0; i < words.size(); i++) {
      double expected = -model.logProbability(previous, words.get(i).key()) / Math.log(2);
      assertEquals(expected, scores[i], 1e-12, words.get(i).text());
      assertTrue(scores[i] > 0, "self-information of a word with probability < 1 is positive");
      previous = words.get(i).key();
    }
  }

  @Test
  void scoresDependOnThePreviousWord() {
    // "hour" is predictable after "per" and surprising after "the"
    assertTrue(scoreOf("per hour", 1) < scoreOf("the hour", 1));
    assertTrue(scoreOf("in total", 1) < scoreOf("clips total", 1));
  }

  @Test
  void rareWordsScoreHigherThanFrequentFunctionWords() {
    String text = "She sold the clips to the zookeeper and the veterinarian of the town.";
    List<Word> words = SEGMENTER.segment(text);
    double[] scores = scorer.score(words);
    double maxFunctionWord = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < words.size(); i++) {
      if (List.of("the", "and", "of", "to").contains(words.get(i).key())) {
        maxFunctionWord = Math.max(maxFunctionWord, scores[i]);
      }
    }
    int zookeeper = 6;
    int veterinarian = 9;
    assertEquals("zookeeper", words.get(zookeeper).key());
    assertEquals("veterinarian", words.get(veterinarian).key());
    assertTrue(scores[zookeeper] > maxFunctionWord, "zookeeper " + scores[zookeeper] + " vs " + maxFunctionWord);
    assertTrue(scores[veterinarian] > maxFunctionWord);
  }

  @Test
  void onARealSolutionContentWordsOutscoreTheGlue() {
    String cot = "Natalia sold 48/2 = 24 clips in May.\nNatalia sold 48+24 = 72 clips altogether in April and May.";
    List<Word> words = SEGMENTER.segment(cot);
    double[] scores = scorer.score(words);
    double clips = scores[5];
    double in = scores[6];
    assertEquals("clips", words.get(5).key());
    assertEquals("in", words.get(6).key());
    assertTrue(clips > in, "clips " + clips + " vs in " + in);
    double natalia = scores[0];
    double theAndIn = Math.max(scores[6], scores[words.size() - 2]); // "in", "and"
    assertTrue(natalia > theAndIn);
  }

  @Test
  void keyNormalisationMakesCaseAndPunctuationIrrelevant() {
    assertArrayEquals(
        scorer.score(SEGMENTER.segment("she sold the clips")),
        scorer.score(SEGMENTER.segment("She SOLD “the” clips.")));
  }

  @Test
  void emptyTextHasNoScores() {
    assertEquals(0, scorer.score(List.of()).length);
  }

  @Test
  void everyScoreOfRealSolutionsIsFinite() {
    List<List<Word>> texts =
        Gsm8kFixture.solutions(200).stream().map(s -> SEGMENTER.segment(s.cot())).toList();
    List<double[]> batch = scorer.scoreBatch(texts);
    assertEquals(texts.size(), batch.size());
    for (int t = 0; t < texts.size(); t++) {
      assertArrayEquals(scorer.score(texts.get(t)), batch.get(t), "batch must equal one-by-one scoring");
      for (double score : batch.get(t)) {
        assertTrue(Double.isFinite(score) && score > 0);
      }
    }
  }
}
