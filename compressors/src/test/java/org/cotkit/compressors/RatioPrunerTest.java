package org.cotkit.compressors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RatioPrunerTest {

  private static final double[] RATIOS = {0.5, 0.6, 0.7, 0.8, 0.9, 1.0};

  private final RatioPruner wordPruner = new RatioPruner();

  /** {@code n} synthetic words "w0 w1 ..." with exact offsets. */
  private static List<Word> words(int n) {
    List<Word> words = new ArrayList<>(n);
    int at = 0;
    for (int i = 0; i < n; i++) {
      String text = "w" + i;
      words.add(new Word(at, at + text.length(), text, text));
      at += text.length() + 1;
    }
    return words;
  }

  /** 1 to 3 tokens a word, by its offset. */
  private static int[] costs(List<Word> words) {
    return words.stream().mapToInt(word -> 1 + word.start() % 3).toArray();
  }

  private static int count(boolean[] flags) {
    int count = 0;
    for (boolean flag : flags) {
      if (flag) {
        count++;
      }
    }
    return count;
  }

  /** Smallest integer k with k / total >= ratio, computed exactly in decimal. */
  private static long exactCeil(double ratio, int total) {
    return new java.math.BigDecimal(Double.toString(ratio))
        .multiply(java.math.BigDecimal.valueOf(total))
        .setScale(0, java.math.RoundingMode.CEILING)
        .longValueExact();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 7, 10, 11, 19, 20, 33, 100, 101, 257})
  void keptWordsAreExactlyMaxOfForcedAndCeilRatioTimesTotal(int n) {
    Random random = new Random(n);
    List<Word> words = words(n);
    double[] scores = random.doubles(n).toArray();
    boolean[] forced = new boolean[n];
    for (int i = 0; i < n; i++) {
      forced[i] = random.nextInt(4) == 0;
    }
    int forcedCount = count(forced);

    List<RatioPruner.Selection> selections = wordPruner.select(words, scores, forced, RATIOS);

    assertEquals(RATIOS.length, selections.size());
    for (int r = 0; r < RATIOS.length; r++) {
      RatioPruner.Selection selection = selections.get(r);
      double ratio = RATIOS[r];
      long expected = Math.max(forcedCount, exactCeil(ratio, n));
      assertEquals(ratio, selection.ratio());
      assertEquals(n, selection.totalTokens());
      assertEquals(expected, selection.keptTokens(), "n=" + n + " ratio=" + ratio);
      assertEquals(expected, count(selection.kept()), "kept flags disagree with keptTokens");
      if (n > 0) {
        assertTrue((double) selection.keptTokens() / n >= ratio, "achieved below target at n=" + n + " ratio=" + ratio);
        assertTrue(selection.keptTokens() >= ratio * n - 1e-9);
      }
      for (int i = 0; i < n; i++) {
        if (forced[i]) {
          assertTrue(selection.kept()[i], "forced word " + i + " dropped at ratio " + ratio);
        }
      }
    }
  }

  @Test
  void floatingPointDoesNotKeepAnExtraWord() {
    // 0.7 * 10 is 7.000000000000001 in binary floating point; the pruner must still keep exactly 7
    List<RatioPruner.Selection> selections =
        wordPruner.select(words(10), new double[10], new boolean[10], 0.7, 0.3, 0.6, 0.9);
    assertEquals(7, selections.get(0).keptTokens());
    assertEquals(3, selections.get(1).keptTokens());
    assertEquals(6, selections.get(2).keptTokens());
    assertEquals(9, selections.get(3).keptTokens());
  }

  /** Found by {@link RatioPrunerPropertyTest}: a tolerance of 1e-9 tokens let these keep k of n. */
  @Test
  void aRatioJustAboveAReachableShareIsNeverUndershot() {
    assertEquals(4, wordPruner.select(words(4), new double[4], new boolean[4], Math.nextUp(0.75)).get(0).keptTokens());
    assertEquals(4, wordPruner.select(words(4), new double[4], new boolean[4], 0.7500000001).get(0).keptTokens());
    assertEquals(5, wordPruner.select(words(6), new double[6], new boolean[6], Math.nextUp(4.0 / 6)).get(0).keptTokens());
    assertEquals(8, wordPruner.select(words(10), new double[10], new boolean[10], 0.7000000001).get(0).keptTokens());
    // and a share reached exactly still keeps no more than it
    assertEquals(3, wordPruner.select(words(4), new double[4], new boolean[4], 0.75).get(0).keptTokens());
    assertEquals(4, wordPruner.select(words(6), new double[6], new boolean[6], 4.0 / 6).get(0).keptTokens());
  }

  @Test
  void highestScoresAreKeptFirst() {
    double[] scores = {0.1, 5.0, 3.0, 0.2, 4.0, 1.0, 2.0, 0.0, 6.0, 0.3};
    List<RatioPruner.Selection> selections =
        wordPruner.select(words(10), scores, new boolean[10], 0.1, 0.3, 0.5, 0.7);
    assertArrayEquals(
        new boolean[] {false, false, false, false, false, false, false, false, true, false},
        selections.get(0).kept());
    assertArrayEquals(
        new boolean[] {false, true, false, false, true, false, false, false, true, false},
        selections.get(1).kept());
    assertArrayEquals(
        new boolean[] {false, true, true, false, true, false, true, false, true, false},
        selections.get(2).kept());
    assertArrayEquals(
        new boolean[] {false, true, true, false, true, true, true, false, true, true},
        selections.get(3).kept());
  }

  @Test
  void keptSetsAreNestedAcrossRatios() {
    Random random = new Random(7);
    int n = 60;
    double[] scores = random.doubles(n).toArray();
    boolean[] forced = new boolean[n];
    forced[3] = forced[40] = true;
    List<RatioPruner.Selection> selections = wordPruner.select(words(n), scores, forced, RATIOS);
    for (int r = 1; r < selections.size(); r++) {
      for (int i = 0; i < n; i++) {
        if (selections.get(r - 1).kept()[i]) {
          assertTrue(selections.get(r).kept()[i], "word " + i + " kept at lower ratio but not at higher");
        }
      }
    }
  }

  @Test
  void everyKeptUnforcedWordOutscoresEveryDroppedWord() {
    Random random = new Random(11);
    int n = 80;
    double[] scores = random.doubles(n).toArray();
    boolean[] forced = new boolean[n];
    for (int i = 0; i < n; i += 9) {
      forced[i] = true;
    }
    for (RatioPruner.Selection selection : wordPruner.select(words(n), scores, forced, RATIOS)) {
      double minKept = Double.POSITIVE_INFINITY;
      double maxDropped = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        if (forced[i]) {
          continue;
        }
        if (selection.kept()[i]) {
          minKept = Math.min(minKept, scores[i]);
        } else {
          maxDropped = Math.max(maxDropped, scores[i]);
        }
      }
      assertTrue(minKept > maxDropped || maxDropped == Double.NEGATIVE_INFINITY, "ratio " + selection.ratio());
    }
  }

  @Test
  void equalScoresKeepTheEarlierWord() {
    double[] scores = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    List<RatioPruner.Selection> selections = wordPruner.select(words(10), scores, new boolean[10], 0.3, 0.5);
    assertArrayEquals(
        new boolean[] {true, true, true, false, false, false, false, false, false, false}, selections.get(0).kept());
    assertArrayEquals(
        new boolean[] {true, true, true, true, true, false, false, false, false, false}, selections.get(1).kept());

    double[] mixed = {2, 1, 3, 1, 3, 1};
    RatioPruner.Selection selection = wordPruner.select(words(6), mixed, new boolean[6], 0.5).get(0);
    assertArrayEquals(new boolean[] {true, false, true, false, true, false}, selection.kept());
    selection = wordPruner.select(words(6), mixed, new boolean[6], 4.0 / 6).get(0);
    assertArrayEquals(new boolean[] {true, true, true, false, true, false}, selection.kept());
  }

  @Test
  void keepsTheSameWordsAsAComparatorSortOverManyTies() {
    Random random = new Random(11);
    RatioPruner pruner = new RatioPruner();
    for (int trial = 0; trial < 2_000; trial++) {
      int n = random.nextInt(60);
      List<Word> words = words(n);
      double[] scores = new double[n];
      boolean[] forced = new boolean[n];
      for (int i = 0; i < n; i++) {
        scores[i] = random.nextInt(5) * 0.25 + (random.nextBoolean() ? 0 : random.nextDouble());
        forced[i] = random.nextInt(5) == 0;
      }
      // the order the pruner promises, by a plain comparator sort
      Integer[] order = IntStream.range(0, n).filter(i -> !forced[i]).boxed().toArray(Integer[]::new);
      Arrays.sort(order, (a, b) -> scores[a] != scores[b] ? Double.compare(scores[b], scores[a]) : Integer.compare(a, b));
      for (RatioPruner.Selection selection : pruner.select(costs(words), scores, forced, null, RATIOS)) {
        boolean[] expected = forced.clone();
        int kept = 0;
        int total = 0;
        for (int i = 0; i < n; i++) {
          total += 1 + words.get(i).start() % 3;
          kept += forced[i] ? 1 + words.get(i).start() % 3 : 0;
        }
        long target = Math.max((long) Math.ceil(selection.ratio() * total - 1e-9), total > 0 ? 1 : 0);
        for (int r = 0; r < order.length && kept < target; r++) {
          expected[order[r]] = true;
          kept += 1 + words.get(order[r]).start() % 3;
        }
        assertArrayEquals(expected, selection.kept(), "trial " + trial + " ratio " + selection.ratio());
        assertEquals(kept, selection.keptTokens());
      }
    }
  }

  @Test
  void forcedWordsAreAlwaysKeptEvenWithLowestScores() {
    double[] scores = {-100, 5, 4, -100, 3, 2, 1, -100};
    boolean[] forced = {true, false, false, true, false, false, false, true};
    RatioPruner.Selection selection = wordPruner.select(words(8), scores, forced, 0.5).get(0);
    assertArrayEquals(new boolean[] {true, true, false, true, false, false, false, true}, selection.kept());
    assertEquals(4, selection.keptTokens());
  }

  @Test
  void forcedWordsAloneMayExceedTheRatio() {
    boolean[] forced = {true, true, true, true, true, true, true, false, false, false};
    RatioPruner.Selection selection = wordPruner.select(words(10), new double[10], forced, 0.5).get(0);
    assertEquals(7, selection.keptTokens());
    assertArrayEquals(forced, selection.kept());
  }

  @Test
  void forcedArrayIsNotModified() {
    boolean[] forced = {true, false, false, false};
    wordPruner.select(words(4), new double[] {1, 2, 3, 4}, forced, 1.0);
    assertArrayEquals(new boolean[] {true, false, false, false}, forced);
  }

  @Test
  void ratioOneKeepsEverything() {
    Random random = new Random(3);
    for (int n : new int[] {1, 5, 37}) {
      RatioPruner.Selection selection =
          wordPruner.select(words(n), random.doubles(n).toArray(), new boolean[n], 1.0).get(0);
      assertEquals(n, selection.keptTokens());
      assertEquals(n, count(selection.kept()));
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, -0.1, 1.0000001, 1.5, 2, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void ratiosOutsideZeroToOneAreRejected(double ratio) {
    assertThrows(
        IllegalArgumentException.class, () -> wordPruner.select(words(3), new double[3], new boolean[3], 0.5, ratio));
  }

  @Test
  void smallRatioKeepsAtLeastOneWord() {
    RatioPruner.Selection selection =
        wordPruner.select(words(5), new double[] {1, 2, 3, 4, 5}, new boolean[5], 0.01).get(0);
    assertEquals(1, selection.keptTokens());
    assertTrue(selection.kept()[4]);
  }

  @Test
  void tinyPositiveRatioIsNeverUndershot() {
    RatioPruner.Selection selection =
        wordPruner.select(words(5), new double[] {1, 2, 3, 4, 5}, new boolean[5], 1e-12).get(0);
    assertTrue((double) selection.keptTokens() / selection.totalTokens() >= selection.ratio());
  }

  @Test
  void mismatchedLengthsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> wordPruner.select(words(3), new double[2], new boolean[3], 0.5));
    assertThrows(IllegalArgumentException.class, () -> wordPruner.select(words(3), new double[3], new boolean[4], 0.5));
    assertThrows(IllegalArgumentException.class, () -> wordPruner.select(words(0), new double[1], new boolean[0], 0.5));
  }

  @Test
  void noRatiosGiveNoSelections() {
    assertEquals(List.of(), wordPruner.select(words(3), new double[3], new boolean[3]));
  }

  @Test
  void customTokenCounterIsRespected() {
    RatioPruner pruner = new RatioPruner();
    String[] texts = {"a", "bbbbbbbbbb", "cc", "ddd", "eeeeeee", "f", "gggg", "hh", "iiiiii", "j"};
    List<Word> words = new ArrayList<>();
    int at = 0;
    int total = 0;
    for (String text : texts) {
      words.add(new Word(at, at + text.length(), text, text));
      at += text.length() + 1;
      total += text.length();
    }
    double[] scores = IntStream.range(0, texts.length).mapToDouble(i -> (i * 37) % 11).toArray();
    boolean[] forced = new boolean[texts.length];
    forced[1] = true; // 10 of the 37 characters

    int[] byLength = words.stream().mapToInt(word -> word.text().length()).toArray();
    for (RatioPruner.Selection selection : pruner.select(byLength, scores, forced, null, RATIOS)) {
      int keptLength = 0;
      int lastAddedLength = 0;
      for (int i = 0; i < texts.length; i++) {
        if (selection.kept()[i]) {
          keptLength += texts[i].length();
        }
      }
      assertEquals(total, selection.totalTokens());
      assertEquals(keptLength, selection.keptTokens(), "keptTokens must be counted with the custom counter");
      assertTrue(selection.kept()[1]);
      assertTrue((double) keptLength / total >= selection.ratio(), "ratio " + selection.ratio());
      // minimality: dropping the lowest-scored kept unforced word must fall below the target
      int weakest = -1;
      for (int i = 0; i < texts.length; i++) {
        if (selection.kept()[i] && !forced[i] && (weakest < 0 || scores[i] < scores[weakest]
            || (scores[i] == scores[weakest] && i > weakest))) {
          weakest = i;
        }
      }
      if (weakest >= 0) {
        lastAddedLength = texts[weakest].length();
        assertTrue((double) (keptLength - lastAddedLength) / total < selection.ratio(),
            "kept more than needed at ratio " + selection.ratio());
      }
    }
    assertEquals(total, pruner.select(byLength, scores, forced, null, 1.0).get(0).keptTokens());
  }

  @Test
  void customTokenCounterDiffersFromWordCount() {
    // one long word worth 10 tokens outscores nine 1-token words: at ratio 0.5 it alone suffices
    int[] firstIsHeavy = {10, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    double[] scores = {9, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    RatioPruner.Selection selection = new RatioPruner().select(firstIsHeavy, scores, new boolean[10], null, 0.5).get(0);
    assertEquals(19, selection.totalTokens());
    assertEquals(10, selection.keptTokens());
    assertEquals(1, count(selection.kept()));
    assertTrue(selection.kept()[0]);
  }

  @Test
  void anExactMeasureThatRunsShortOfTheEstimateAddsTheNextRankedWordsUntilTheRatioIsReached() {
    // ten words of one estimated token each; measured, every kept word but the first costs none
    // extra, as if the tokenizer merged it with its neighbour, so the estimate runs short
    double[] scores = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
    int[] costs = new int[10];
    Arrays.fill(costs, 1);
    List<boolean[]> measured = new ArrayList<>();
    RatioPruner.KeptLength exact = kept -> {
      measured.add(kept.clone());
      int words = count(kept);
      return words - words / 3; // every third kept word is merged away
    };
    RatioPruner.Selection selection = new RatioPruner().select(costs, scores, new boolean[10], exact, 0.5).get(0);
    assertEquals(5, selection.keptTokens(), "measured, not estimated");
    assertEquals(7, count(selection.kept()), "7 words measure 5 tokens; 6 would measure 4");
    for (int i = 0; i < 7; i++) {
      assertTrue(selection.kept()[i], "word " + i + " is among the best ranked");
    }
    assertTrue(measured.size() >= 2, "the first selection was measured short and topped up");
  }

  @Test
  void anExactMeasureAboveTheEstimateGivesBackTheLastWordsWhileTheShareHolds() {
    double[] scores = {5, 4, 3, 2, 1, 0};
    int[] costs = {1, 1, 1, 1, 1, 1};
    // measured, every selection is one token longer than its words: 2 words reach 3 of 6 tokens
    RatioPruner.Selection selection =
        new RatioPruner().select(costs, scores, new boolean[6], kept -> count(kept) + 1, 0.5).get(0);
    assertArrayEquals(new boolean[] {true, true, false, false, false, false}, selection.kept());
    assertEquals(3, selection.keptTokens());
  }
}
