package org.cotkit.compressors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.cotkit.testkit.PropertyCheck;
import org.cotkit.testkit.Texts;
import org.junit.jupiter.api.Test;

/**
 * Properties of {@link RatioPruner} for arbitrary words, token costs, scores (NaN and infinities
 * included), forced marks and ratios γ in [0.5, 1]: it keeps every forced word, then the best-ranked
 * others until the kept share of tokens reaches γ and no further, and γ = 1 keeps every word.
 */
class RatioPrunerPropertyTest {

  private static final double[] SPECIAL_SCORES = {
    Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0, Double.MIN_VALUE,
    Double.MAX_VALUE, -Double.MAX_VALUE, 1.0, -1.0
  };

  /** One pruning problem: {@code tokens[i]} is what word i costs. */
  private record Problem(List<Word> words, int[] tokens, double[] scores, boolean[] forced, double[] ratios) {

    int totalTokens() {
      return Arrays.stream(tokens).sum();
    }

    @Override
    public String toString() {
      return "tokens=" + Arrays.toString(tokens) + " scores=" + Arrays.toString(scores) + " forced="
          + Arrays.toString(forced) + " ratios=" + Arrays.toString(ratios);
    }
  }

  private static Problem problem(Random random, int size) {
    int n = size > 80 && random.nextInt(10) == 0 ? random.nextInt(2_000) : random.nextInt(size + 1);
    List<Word> words = new ArrayList<>(n);
    int[] tokens = new int[n];
    double[] scores = new double[n];
    boolean[] forced = new boolean[n];
    boolean oneTokenEach = random.nextBoolean(); // as WordCounter counts
    int distinctScores = Texts.oneOf(random, 0, 1, 2, 5); // few distinct scores: many ties; 0: any double
    double forcedShare = Texts.oneOf(random, 0.0, 0.1, 0.5, 0.9, 1.0);
    for (int i = 0; i < n; i++) {
      words.add(new Word(4 * i, 4 * i + 3, "w" + String.format("%02d", i % 100), "w" + i));
      tokens[i] = oneTokenEach ? 1 : 1 + random.nextInt(5);
      scores[i] = random.nextInt(8) == 0 ? SPECIAL_SCORES[random.nextInt(SPECIAL_SCORES.length)]
          : distinctScores == 0 ? random.nextGaussian() * Math.pow(10, random.nextInt(10) - 5)
          : random.nextInt(distinctScores);
      forced[i] = random.nextDouble() < forcedShare;
    }
    double[] ratios = new double[1 + random.nextInt(4)];
    int total = Arrays.stream(tokens).sum();
    for (int r = 0; r < ratios.length; r++) {
      ratios[r] = ratio(random, total);
    }
    return new Problem(words, tokens, scores, forced, ratios);
  }

  /**
   * A γ in [0.5, 1]: uniform, a ratio users pass (0.5, 0.6…), or one at or just beside a share the
   * pruner can reach exactly (k of {@code total} tokens), where rounding decides how much is kept.
   */
  static double ratio(Random random, int total) {
    double ratio = switch (random.nextInt(6)) {
      case 0 -> 0.5 + random.nextDouble() * 0.5;
      case 1 -> Texts.oneOf(random, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 0.55, 0.65, 0.75, 0.85, 0.95);
      case 2 -> 1.0;
      default -> {
        int t = Math.max(total, 1);
        double share = (double) (t / 2 + random.nextInt(t - t / 2 + 1)) / t;
        yield switch (random.nextInt(4)) {
          case 0 -> share;
          case 1 -> Math.nextUp(share);
          case 2 -> Math.nextDown(share);
          default -> share + random.nextDouble() * 1e-9;
        };
      }
    };
    return Math.min(1.0, Math.max(0.5, ratio));
  }

  private static List<RatioPruner.Selection> select(Problem problem, double... ratios) {
    return new RatioPruner().select(problem.tokens(), problem.scores(), problem.forced(), null, ratios);
  }

  /** Whether word a comes before word b in the order unforced words are added: score, then position. */
  private static boolean ranksBefore(double[] scores, int a, int b) {
    int byScore = Double.compare(scores[b], scores[a]);
    return byScore != 0 ? byScore < 0 : a < b;
  }

  @Test
  void keepsEveryForcedWordAndReachesTheRatioByTheBestRankedWordsAndNoFurther() {
    PropertyCheck.forAll("pruning keeps forced words and reaches γ with the best words, no more", 500,
        RatioPrunerPropertyTest::problem, problem -> {
          boolean[] forcedBefore = problem.forced().clone();
          List<RatioPruner.Selection> selections =
              select(problem, problem.ratios());
          assertArrayEquals(forcedBefore, problem.forced(), "the forced marks were changed");
          assertEquals(problem.ratios().length, selections.size());
          int n = problem.words().size();
          int total = problem.totalTokens();
          for (int r = 0; r < selections.size(); r++) {
            RatioPruner.Selection selection = selections.get(r);
            double ratio = problem.ratios()[r];
            boolean[] kept = selection.kept();
            assertEquals(ratio, selection.ratio());
            assertEquals(n, kept.length);
            assertEquals(total, selection.totalTokens());
            int keptTokens = 0;
            int lastAdded = -1;
            for (int i = 0; i < n; i++) {
              assertTrue(kept[i] || !problem.forced()[i], "forced word " + i + " dropped at γ=" + ratio);
              keptTokens += kept[i] ? problem.tokens()[i] : 0;
              if (kept[i] && !problem.forced()[i] && (lastAdded < 0 || ranksBefore(problem.scores(), lastAdded, i))) {
                lastAdded = i;
              }
            }
            assertEquals(keptTokens, selection.keptTokens(), "keptTokens disagrees with the kept words");
            if (total > 0) {
              assertTrue((double) keptTokens / total >= ratio,
                  "kept share " + keptTokens + "/" + total + " is under γ=" + ratio);
            }
            if (lastAdded >= 0) {
              int without = keptTokens - problem.tokens()[lastAdded];
              assertTrue((double) without / total < ratio,
                  "kept word " + lastAdded + " is not needed to reach γ=" + ratio + " (" + without + "/" + total + ")");
              for (int i = 0; i < n; i++) {
                assertTrue(kept[i] || !ranksBefore(problem.scores(), i, lastAdded),
                    "dropped word " + i + " outranks kept word " + lastAdded + " at γ=" + ratio);
              }
            }
            if (ratio == 1.0) {
              for (int i = 0; i < n; i++) {
                assertTrue(kept[i], "γ=1 dropped word " + i);
              }
            }
          }
        });
  }

  @Test
  void aHigherRatioKeepsEveryWordALowerOneKeeps() {
    PropertyCheck.forAll("kept words are nested across ratios", RatioPrunerPropertyTest::problem, problem -> {
      double[] ratios = problem.ratios().clone();
      Arrays.sort(ratios);
      List<RatioPruner.Selection> selections =
          select(problem, ratios);
      for (int r = 1; r < selections.size(); r++) {
        for (int i = 0; i < problem.words().size(); i++) {
          assertTrue(!selections.get(r - 1).kept()[i] || selections.get(r).kept()[i],
              "word " + i + " kept at γ=" + ratios[r - 1] + " but not at γ=" + ratios[r]);
        }
      }
    });
  }
}
