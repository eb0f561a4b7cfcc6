package org.cotkit.compressors;

import static org.cotkit.compressors.onnx.TinyTokenClassifier.id;
import static org.cotkit.compressors.onnx.TinyTokenClassifier.probability;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cotkit.compressors.onnx.TinyTokenClassifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ONNX scorer on a tiny real model whose per-token logits are fixed, so every word's score can
 * be computed by hand: softmax of the keep label, averaged over the word's subword tokens.
 */
class OnnxTokenClassifierScorerTest {

  @TempDir static Path dir;
  static Path plainModel;
  static Path typedModel;

  @BeforeAll
  static void writeModels() throws IOException {
    plainModel = TinyTokenClassifier.write(dir.resolve("plain"), false);
    typedModel = TinyTokenClassifier.write(dir.resolve("typed"), true);
  }

  static TokenClassifierSettings settings(Path model, int batchSize, int maxTokens, String keepLabel, WordScorePooling pooling) {
    return new TokenClassifierSettings(model.toString(), ScoringDevice.CPU, 1, batchSize, maxTokens, keepLabel, pooling);
  }

  static TokenClassifierSettings defaults(Path model) {
    return settings(model, 16, 512, "1", WordScorePooling.MEAN);
  }

  static double[] score(TokenClassifierSettings settings, String text) {
    try (OnnxTokenClassifierScorer scorer = OnnxTokenClassifierScorer.open(settings)) {
      return scorer.score(new WordSegmenter().segment(text));
    }
  }

  static double mean(boolean typed, String... tokens) {
    double sum = 0;
    for (String token : tokens) {
      sum += probability(id(token), 1, typed);
    }
    return sum / tokens.length;
  }

  @Test
  void singleSubwordWordsScoreTheirTokensKeepProbability() {
    for (boolean typed : new boolean[] {false, true}) {
      double[] scores = score(defaults(typed ? typedModel : plainModel), "She sells 16 eggs");
      assertArrayEquals(new double[] {
          mean(typed, "she"), mean(typed, "sells"), mean(typed, "16"), mean(typed, "eggs")}, scores, 1e-6,
          typed ? "with token_type_ids" : "without token_type_ids");
    }
  }

  @Test
  void multiSubwordWordsAverageTheirPieces() {
    double[] scores = score(defaults(plainModel), "unhappyly eggs, $18.");
    assertArrayEquals(new double[] {
        mean(false, "un", "##happy", "##ly"), mean(false, "eggs", ","), mean(false, "$", "18", ".")}, scores, 1e-6);
  }

  @Test
  void firstPoolingTakesTheFirstPiece() {
    double[] scores = score(settings(typedModel, 16, 512, "1", WordScorePooling.FIRST), "unhappyly eggs, $18.");
    assertArrayEquals(new double[] {mean(true, "un"), mean(true, "eggs"), mean(true, "$")}, scores, 1e-6);
  }

  @Test
  void unknownWordsScoreTheUnknownTokenAndDroppedCharactersScoreZero() {
    List<Word> words = List.of(new Word(0, 4, "Élan", "élan"), new Word(5, 6, "\u0007", "\u0007"),
        new Word(7, 10, "she", "she"), new Word(11, 13, "😀", "😀"), new Word(14, 16, "18", "18"));
    try (OnnxTokenClassifierScorer scorer = OnnxTokenClassifierScorer.open(defaults(plainModel))) {
      double[] scores = scorer.score(words);
      assertEquals(5, scores.length);
      assertEquals(probability(TinyTokenClassifier.UNK, 1, false), scores[0], 1e-6);
      assertEquals(0.0, scores[1], "a word the tokenizer drops entirely scores 0");
      assertEquals(mean(false, "she"), scores[2], 1e-6);
      assertEquals(probability(TinyTokenClassifier.UNK, 1, false), scores[3], 1e-6, "a character outside the BMP");
      assertEquals(mean(false, "18"), scores[4], 1e-6, "offsets after a surrogate pair still find the word");
    }
  }

  @Test
  void keepLabelByIndexOrByNameFromConfig() {
    String text = "she sells 9 eggs";
    double[] keep = score(defaults(plainModel), text);
    double[] drop = score(settings(plainModel, 16, 512, "0", WordScorePooling.MEAN), text);
    double[] byName = score(settings(plainModel, 16, 512, "drop", WordScorePooling.MEAN), text);
    for (int i = 0; i < keep.length; i++) {
      assertEquals(1 - keep[i], drop[i], 1e-6);
      assertEquals(drop[i], byName[i], 1e-12);
    }
  }

  @Test
  void badKeepLabelsAreRejectedNamingTheOption() {
    for (String bad : new String[] {"2", "important"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> OnnxTokenClassifierScorer.open(settings(plainModel, 16, 512, bad, WordScorePooling.MEAN)));
      assertTrue(e.getMessage().startsWith("--keep-label"), e.getMessage());
    }
  }

  @Test
  void aMissingModelDirectoryIsRejectedNamingTheOption() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OnnxTokenClassifierScorer.open(defaults(empty)));
    assertTrue(e.getMessage().contains("--model-dir") && e.getMessage().contains("model.onnx"), e.getMessage());
  }

  @Test
  void longTextsAreChunkedAndEveryWordIsScoredOnce() {
    // several thousand words, sentences of varied length, a window of 16 tokens: hundreds of chunks
    String[] vocabulary = {"she", "sells", "16", "eggs,", "a", "day", "so", "the", "answer", "is", "18.", "unhappyly"};
    StringBuilder text = new StringBuilder();
    List<Double> expected = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      String word = vocabulary[(i * 7) % vocabulary.length];
      text.append(i == 0 ? "" : (i % 13 == 0 ? "\n" : " ")).append(word);
      expected.add(expectedScore(word));
    }
    List<Word> words = new WordSegmenter().segment(text.toString());
    assertEquals(4000, words.size());
    try (OnnxTokenClassifierScorer scorer = OnnxTokenClassifierScorer.open(settings(plainModel, 8, 16, "1", WordScorePooling.MEAN))) {
      double[] scores = scorer.score(words);
      assertEquals(4000, scores.length);
      for (int i = 0; i < scores.length; i++) {
        assertEquals(expected.get(i), scores[i], 1e-6, "word " + i + " '" + words.get(i).text() + "'");
      }
      assertTrue(scorer.stats().sequences() > 4000 * 1.4 / 14, "chunks: " + scorer.stats().sequences());
      assertTrue(scorer.stats().tokens() <= scorer.stats().sequences() * 16L);
    }
  }

  private static double expectedScore(String word) {
    return switch (word) {
      case "eggs," -> mean(false, "eggs", ",");
      case "18." -> mean(false, "18", ".");
      case "unhappyly" -> mean(false, "un", "##happy", "##ly");
      default -> mean(false, word);
    };
  }

  @Test
  void aBatchScoresLikeOneTextAtATimeWithLittlePadding() {
    List<List<Word>> texts = new ArrayList<>();
    WordSegmenter segmenter = new WordSegmenter();
    for (int n = 1; n <= 40; n++) {
      texts.add(segmenter.segment("she sells 16 eggs a day. ".repeat(n % 7 + 1) + "so the answer is 18"));
    }
    try (OnnxTokenClassifierScorer batched = OnnxTokenClassifierScorer.open(settings(typedModel, 8, 512, "1", WordScorePooling.MEAN))) {
      List<double[]> together = batched.scoreBatch(texts);
      for (int i = 0; i < texts.size(); i++) {
        assertArrayEquals(batched.score(texts.get(i)), together.get(i), 1e-9);
      }
      assertEquals(5 + 40, batched.stats().batches(), "40 chunks in batches of 8, then one call per text");
    }
    try (OnnxTokenClassifierScorer scorer = OnnxTokenClassifierScorer.open(settings(typedModel, 8, 512, "1", WordScorePooling.MEAN))) {
      scorer.scoreBatch(texts);
      // sorted by length, 7 distinct lengths in batches of 8: little padding
      assertTrue(scorer.stats().paddingShare() < 0.15, "padding share " + scorer.stats().paddingShare());
    }
  }

  @Test
  void cudaOnAMachineWithoutItFailsWithOneClearLine() {
    TokenClassifierSettings cuda =
        new TokenClassifierSettings(plainModel.toString(), ScoringDevice.CUDA, 0, 16, 512, "1", WordScorePooling.MEAN);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> OnnxTokenClassifierScorer.open(cuda));
    assertTrue(e.getMessage().startsWith("--device cuda cannot start"), e.getMessage());
    assertTrue(e.getMessage().contains("CUDA 12") && !e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void autoFallsBackToTheCpuAndSaysWhy() {
    TokenClassifierSettings auto =
        new TokenClassifierSettings(plainModel.toString(), ScoringDevice.AUTO, 0, 16, 512, "1", WordScorePooling.MEAN);
    try (OnnxTokenClassifierScorer scorer = OnnxTokenClassifierScorer.open(auto)) {
      assertEquals(ScoringDevice.CPU, scorer.device());
      assertTrue(scorer.deviceNote().contains("CUDA"), scorer.deviceNote());
      assertArrayEquals(score(defaults(plainModel), "she sells"), scorer.score(new WordSegmenter().segment("she sells")), 1e-9);
    }
    try (OnnxTokenClassifierScorer scorer = OnnxTokenClassifierScorer.open(defaults(plainModel))) {
      assertNull(scorer.deviceNote());
    }
  }

  @Test
  void oneModelIsSharedAndClosedWithItsLastUser() {
    TokenClassifierSettings shared = settings(plainModel, 4, 64, "1", WordScorePooling.MEAN);
    OnnxTokenClassifierScorer first = OnnxTokenClassifierScorer.open(shared);
    OnnxTokenClassifierScorer second = OnnxTokenClassifierScorer.open(shared);
    assertEquals(first.loadNanos(), second.loadNanos(), "the second scorer did not load the model again");
    assertTrue(TokenClassifierModel.isLoaded(shared));
    first.close();
    first.close(); // idempotent: does not take the second scorer's share
    assertTrue(TokenClassifierModel.isLoaded(shared));
    assertEquals(mean(false, "she"), second.score(new WordSegmenter().segment("she"))[0], 1e-6);
    second.close();
    assertTrue(!TokenClassifierModel.isLoaded(shared));
    assertThrows(IllegalStateException.class, () -> second.score(List.of(new Word(0, 3, "she", "she"))));
  }
}
