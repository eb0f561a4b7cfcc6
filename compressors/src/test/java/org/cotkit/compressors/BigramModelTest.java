package org.cotkit.compressors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BigramModelTest {

  private static final WordSegmenter SEGMENTER = new WordSegmenter();
  private static final double EPS = 1e-12;

  private static List<Gsm8kFixture.Solution> solutions;
  private static BigramModel gsm8kModel;

  @BeforeAll
  static void fitOnGsm8k() {
    solutions = Gsm8kFixture.solutions(400);
    gsm8kModel = Gsm8kFixture.fitModel(SEGMENTER, solutions);
  }

  private static BigramCounts count(String... texts) {
    BigramCounts counts = new BigramCounts();
    for (String text : texts) {
      counts.add(SEGMENTER.segment(text));
    }
    return counts;
  }

  private static double p(BigramModel model, String previous, String word) {
    return Math.exp(model.logProbability(previous, word));
  }

  @Test
  void matchesHandComputedKneserNeyValues() {
    // bigrams: (<s>,a)=3 (a,b)=2 (a,c)=1; continuation denominator = 3 types + 3 words + 1 = 7
    BigramModel model = BigramModel.fit(count("a b", "a c", "a b"));
    double d = BigramModel.DEFAULT_DISCOUNT;
    double backoff = d * 2 / 3;
    assertEquals((2 - d) / 3 + backoff * 2 / 7, p(model, "a", "b"), EPS);
    assertEquals((1 - d) / 3 + backoff * 2 / 7, p(model, "a", "c"), EPS);
    assertEquals(backoff * 2 / 7, p(model, "a", "a"), EPS);
    assertEquals(backoff * 1 / 7, p(model, "a", "never-seen"), EPS);
    assertEquals((3 - d) / 3 + d / 3 * 2 / 7, p(model, BigramCounts.START, "a"), EPS);
    assertEquals(2.0 / 7, p(model, "unseen-history", "b"), EPS);
    assertEquals(1.0 / 7, p(model, "unseen-history", "unseen-word"), EPS);
    assertEquals(3, model.vocabularySize());
  }

  @Test
  void customDiscountIsUsed() {
    BigramModel model = BigramModel.fit(count("a b", "a c", "a b"), 0.5);
    assertEquals((2 - 0.5) / 3 + 0.5 * 2 / 3 * 2 / 7, p(model, "a", "b"), EPS);
    assertNotEquals(
        BigramModel.fit(count("a b", "a c", "a b")).logProbability("a", "b"), model.logProbability("a", "b"));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, 1.0, -0.5, 1.5, Double.NaN})
  void discountOutsideZeroToOneIsRejected(double discount) {
    assertThrows(IllegalArgumentException.class, () -> BigramModel.fit(count("a b"), discount));
  }

  @Test
  void probabilitiesOverTheVocabularyPlusUnknownMassSumToOne() {
    BigramModel model = BigramModel.fit(count("the cat sat on the mat", "the dog sat", "a cat ran on a mat"));
    Set<String> vocabulary = new LinkedHashSet<>();
    for (String text : List.of("the cat sat on the mat", "the dog sat", "a cat ran on a mat")) {
      SEGMENTER.segment(text).forEach(w -> vocabulary.add(w.key()));
    }
    assertEquals(vocabulary.size(), model.vocabularySize());
    for (String history : List.of(BigramCounts.START, "the", "cat", "sat", "on", "mat", "never-seen-history")) {
      double sum = p(model, history, "<a word never seen>");
      for (String word : vocabulary) {
        sum += p(model, history, word);
      }
      assertEquals(1.0, sum, 1e-9, "history " + history);
    }
  }

  @Test
  void frequentContinuationIsMoreLikelyThanARareOne() {
    BigramModel model =
        BigramModel.fit(count("she sold clips", "she sold clips", "she sold clips", "she sold pens", "he bought pens"));
    assertTrue(p(model, "sold", "clips") > p(model, "sold", "pens"));
    assertTrue(p(model, "sold", "pens") > p(model, "sold", "bought"), "seen continuation beats unseen one");
    assertTrue(p(model, "sold", "bought") > p(model, "sold", "never-seen"), "known word beats unknown word");

    // on real GSM8K reference solutions
    assertTrue(p(gsm8kModel, "per", "hour") > p(gsm8kModel, "per", "she"));
    assertTrue(p(gsm8kModel, "in", "total") > p(gsm8kModel, "in", "clips"));
    assertTrue(p(gsm8kModel, BigramCounts.START, "she") > p(gsm8kModel, BigramCounts.START, "altogether"));
  }

  @Test
  void unseenWordsAndHistoriesGetFiniteLogProbabilities() {
    for (BigramModel model : List.of(gsm8kModel, BigramModel.fit(count("a b")), BigramModel.fit(new BigramCounts()))) {
      for (String[] pair :
          new String[][] {
            {"per", "zyzzyva"}, {"zyzzyva", "per"}, {"zyzzyva", "qwerty"}, {BigramCounts.START, "zyzzyva"}, {"", ""}
          }) {
        double logP = model.logProbability(pair[0], pair[1]);
        assertTrue(Double.isFinite(logP), pair[0] + " -> " + pair[1] + " gave " + logP);
        assertTrue(logP <= 0, "a probability cannot exceed 1");
      }
    }
  }

  @Test
  void emptyCorpusGivesAUniformFiniteModel() {
    BigramModel model = BigramModel.fit(new BigramCounts());
    assertEquals(0, model.vocabularySize());
    assertEquals(0.0, model.logProbability("x", "y"), EPS);
  }

  @Test
  void fittedModelDoesNotChangeWhenTheCountsChangeLater() {
    BigramCounts counts = count("a b", "a c");
    BigramModel model = BigramModel.fit(counts);
    double before = model.logProbability("a", "b");
    counts.add(SEGMENTER.segment("a b a b a b"));
    assertEquals(before, model.logProbability("a", "b"));
    assertEquals(3, model.vocabularySize());
  }

  @Test
  void vocabularyCountsDistinctKeysOfTheCorpus() {
    Set<String> keys = new LinkedHashSet<>();
    for (Gsm8kFixture.Solution solution : solutions) {
      SEGMENTER.segment(solution.cot()).forEach(w -> keys.add(w.key()));
    }
    assertEquals(keys.size(), gsm8kModel.vocabularySize());
  }

  @Test
  void survivesJavaSerializationWithIdenticalScores() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(gsm8kModel);
    }
    BigramModel copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (BigramModel) in.readObject();
    }
    assertEquals(gsm8kModel.vocabularySize(), copy.vocabularySize());
    WordImportanceScorer original = new WordImportanceScorer(gsm8kModel);
    WordImportanceScorer restored = new WordImportanceScorer(copy);
    for (Gsm8kFixture.Solution solution : solutions.subList(0, 50)) {
      List<Word> words = SEGMENTER.segment(solution.cot());
      assertEquals(java.util.Arrays.toString(original.score(words)), java.util.Arrays.toString(restored.score(words)));
    }
    assertEquals(gsm8kModel.logProbability("zyzzyva", "qwerty"), copy.logProbability("zyzzyva", "qwerty"));
  }
}
