package org.cotkit.compressors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WordImportanceScorerTest {

  private static final WordSegmenter SEGMENTER = new WordSegmenter();

  private static final double LN_2 = Math.log(2);

  /**
   * An R1-style paragraph, written for cotkit in the voice of DeepSeek-R1-distill traces (which
   * cannot be copied here): a filler in about every fourth word.
   */
  static final String FILLER_HEAVY = "Okay, so I need to figure out how much the bakery earns in a week. Let me start "
      + "with the daily sales. Hmm, the bakery sells 40 loaves each day, and each loaf costs $3. So that's 40 times 3, "
      + "which is 120 dollars a day. Wait, let me check that again. Yeah, 40 loaves at $3 each gives $120. Now, the "
      + "week has 7 days, so I multiply 120 by 7. Hmm, 120 times 7 is 840. Okay, so the bakery earns $840 in a week. "
      + "Wait, but does the bakery open every day? The problem says each day, so yes. Alright, so the answer is 840.";

  private static BigramModel model;
  /** Bigram self-information alone: the scorer before word classes. */
  private static WordImportanceScorer scorer;
  private static WordImportanceScorer defaults;

  @BeforeAll
  static void fitOnGsm8k() {
    model = Gsm8kFixture.fitModel(SEGMENTER, Gsm8kFixture.solutions(1000));
    scorer = new WordImportanceScorer(model, WordImportanceScorer.Weights.BIGRAM_ONLY);
    defaults = new WordImportanceScorer(model);
  }

  @Test
  void theDefaultScoreMixesBothInformationsAndTakesTheClassPenalty() {
    WordImportanceScorer.Weights w = WordImportanceScorer.Weights.DEFAULT;
    List<Word> words = SEGMENTER.segment("So the total number of clips is");
    double[] scores = defaults.score(words);
    String previous = BigramCounts.START;
    for (int i = 0; i < words.size(); i++) {
      String key = words.get(i).key();
      double penalty = switch (WordClasses.of(key)) {
        case FILLER -> w.fillerPenalty();
        case FUNCTION -> w.functionPenalty();
        default -> 0;
      };
      double expected = -(1 - w.unigramShare()) * model.logProbability(previous, key) / LN_2
          - w.unigramShare() * model.logUnigramProbability(model.wordNumber(key)) / LN_2 - penalty;
      assertEquals(expected, scores[i], 1e-9, key);
      previous = key;
    }
    assertEquals(WordClasses.WordClass.FILLER, WordClasses.of("so"));
    assertEquals(WordClasses.WordClass.FUNCTION, WordClasses.of("the"));
    assertEquals(WordClasses.WordClass.CONTENT, WordClasses.of("clips"));
    assertEquals(WordClasses.WordClass.CONTENT, WordClasses.of("not"), "a negation is not glue");
  }

  /**
   * GSM8K: "First find the total number of snakes eaten". Under a bigram model "total" is
   * predictable after "the"; with the word's own information and the class prior it outranks the
   * glue around it.
   */
  @Test
  void theContentWordOfAStockPhraseOutranksItsGlue() {
    String line = "First find the total number of snakes eaten: 5 snakes/jaguar * 6 jaguars = 30 snakes";
    List<Word> words = SEGMENTER.segment(line);
    assertEquals("total", words.get(3).key());
    double[] scores = defaults.score(words);
    for (int glue : new int[] {0, 2, 5}) { // First, the, of
      assertTrue(scores[3] > scores[glue], "total " + scores[3] + " vs " + words.get(glue).text() + " " + scores[glue]);
    }
    double[] before = scorer.score(words);
    assertTrue(before[3] < before[0], "the bigram scorer ranked 'total' below 'First'");
  }

  @Test
  void aFillerHeavyParagraphLosesItsFillersBeforeItsContentWords() {
    List<Word> words = SEGMENTER.segment(FILLER_HEAVY);
    ScoredCotPruner pruner = new ScoredCotPruner(new ForcedWords(true, List.of()), new WordCounter());
    CompressionQuality.Counts after = pruner.prune(FILLER_HEAVY, words, defaults.score(words), "840", 0.5).get(0).quality();
    CompressionQuality.Counts before = pruner.prune(FILLER_HEAVY, words, scorer.score(words), "840", 0.5).get(0).quality();
    double fillersAfter = (double) after.fillersKept() / after.fillers();
    double contentAfter = (double) after.contentKept() / after.content();
    double fillersBefore = (double) before.fillersKept() / before.fillers();
    double contentBefore = (double) before.contentKept() / before.content();
    assertTrue(after.fillers() >= 15, "fillers: " + after.fillers());
    assertTrue(fillersAfter < contentAfter - 0.4, "fillers " + fillersAfter + ", content " + contentAfter);
    assertTrue(contentAfter - fillersAfter > contentBefore - fillersBefore,
        "before: fillers " + fillersBefore + ", content " + contentBefore);
  }

  @Test
  void aContentWordTheQuestionNamesGetsTheQuestionBonus() {
    List<Word> words = SEGMENTER.segment("the bakery earns 840 dollars");
    List<Word> question = SEGMENTER.segment("How much does the bakery earn?");
    double[] alone = defaults.score(words);
    double[] withQuestion = defaults.score(words, question);
    assertEquals(alone[1] + WordImportanceScorer.Weights.DEFAULT.questionBonus(), withQuestion[1], 1e-9, "bakery");
    assertEquals(alone[0], withQuestion[0], 1e-9, "'the' is in the question but is no content word");
    assertEquals(alone[2], withQuestion[2], 1e-9, "'earns' is not 'earn'");
    assertEquals(alone[4], withQuestion[4], 1e-9);
  }

  @Test
  void eachDoublingOfAWordsCountCostsTheRepetitionPenalty() {
    WordImportanceScorer repeated = new WordImportanceScorer(model, new WordImportanceScorer.Weights(0, 0, 0, 1.5, 0));
    List<Word> words = SEGMENTER.segment("clips clips clips clips sold");
    double[] bigram = scorer.score(words);
    double[] scores = repeated.score(words);
    for (int i = 0; i < 4; i++) {
      assertEquals(bigram[i] - 1.5 * 2, scores[i], 1e-9, "four times: two doublings");
    }
    assertEquals(bigram[4], scores[4], 1e-9, "said once: no penalty");
  }

  @Test
  void aWordTheModelNeverSawIsStillClassed() {
    List<Word> words = SEGMENTER.segment("Hmm zyzzyva");
    assertEquals(-1, model.wordNumber("hmm"));
    double[] scores = defaults.score(words);
    WordImportanceScorer.Weights w = WordImportanceScorer.Weights.DEFAULT;
    double unseen = -model.logUnigramProbability(-1) / LN_2;
    double expectedHmm = -(1 - w.unigramShare()) * model.logProbability(BigramCounts.START, "hmm") / LN_2
        + w.unigramShare() * unseen - w.fillerPenalty();
    assertEquals(expectedHmm, scores[0], 1e-9);
    double expectedZyzzyva = -(1 - w.unigramShare()) * model.logProbability("hmm", "zyzzyva") / LN_2
        + w.unigramShare() * unseen;
    assertEquals(expectedZyzzyva, scores[1], 1e-9, "an unseen content word takes no penalty");
  }

  @Test
  void weightsOutsideTheirRangeAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new WordImportanceScorer.Weights(1.5, 0, 0, 0, 0));
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
