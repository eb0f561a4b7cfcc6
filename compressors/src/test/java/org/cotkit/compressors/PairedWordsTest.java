package org.cotkit.compressors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** LaTeX delimiters and braces kept or dropped in pairs, on lines of real teacher CoTs (issue 14). */
class PairedWordsTest {

  private static final WordSegmenter SEGMENTER = new WordSegmenter();
  private static final Path MATH500 = Path.of("..", "testdata", "math500", "test.jsonl");
  private static final double[] RATIOS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

  /** The groups of more than one word, each as its words' texts in order. */
  private static Set<List<String>> groups(String text) {
    List<Word> words = SEGMENTER.segment(text);
    int[] next = PairedWords.groups(words);
    Set<List<String>> groups = new java.util.LinkedHashSet<>();
    for (int i = 0; i < next.length; i++) {
      if (next[i] != i) {
        TreeSet<Integer> members = new TreeSet<>();
        for (int j = i; members.add(j); j = next[j]) {
          // follow the ring back to i
        }
        groups.add(members.stream().map(m -> words.get(m).text()).toList());
      }
    }
    return groups;
  }

  @Test
  void aCommandAndItsBracesAreOneGroupWhenTheyStandInDifferentWords() {
    // MATH-500: "\text{The ones digit of }1^3 \text{ is } 1."
    assertEquals(Set.of(List.of("\\text{The", "}1^3"), List.of("\\text{", "}")),
        groups("\\text{The ones digit of }1^3 \\text{ is } 1."));
    // a command whose braces close in its own word is one word already
    assertEquals(Set.of(), groups("the perimeter of the hexagon is 2(21\\text{inches})"));
  }

  @Test
  void theTwoSidesOfADelimiterPairAreOneGroup() {
    // MATH-500: "Their difference, $\angle BAC$, measures"; R1-style "\( 2 \times 12 = 24 \)"
    assertEquals(Set.of(List.of("$\\angle", "BAC$,")), groups("Their difference, $\\angle BAC$, measures"));
    assertEquals(Set.of(List.of("\\(", "\\)")), groups("- **Cups bought:** \\( 2 \\times 12 = 24 \\)\n"));
    assertEquals(Set.of(List.of("\\[", "\\]")), groups("so \\[ x = 3 \\] and"));
  }

  @Test
  void pairsThatShareAWordJoinIntoOneGroup() {
    // MATH-500: "Multiply $5\text{ yaps}=3\text{ baps}$ by 14": the $…$ pair and both braces
    assertEquals(Set.of(List.of("$5\\text{", "yaps}=3\\text{", "baps}$")),
        groups("Multiply $5\\text{ yaps}=3\\text{ baps}$ by 14 to find that 70 yaps are equal to 42 baps."));
  }

  @Test
  void escapedBracesMoneyAndStrayBracesMakeNoGroup() {
    assertEquals(Set.of(List.of("$\\{1,", "2\\}$")), groups("the set $\\{1, 2\\}$ has"));
    assertEquals(Set.of(), groups("She pays $18 a day and $5 more"));
    assertEquals(Set.of(), groups("a stray } here and { there"));
  }

  @Test
  void aForcedSideForcesTheOther() {
    String text = "\\text{The ones digit of }1^3 \\text{ is } 1.";
    List<Word> words = SEGMENTER.segment(text);
    ScoredCotPruner pruner = new ScoredCotPruner(new ForcedWords(true, List.of()), new WordCounter());
    boolean[] forced = pruner.forced(text, words, null);
    assertTrue(forced[0], "\\text{The is forced because }1^3 holds a digit");
    assertTrue(forced[4]);
    assertEquals("\\text{", words.get(5).text());
    assertTrue(!forced[5] && !forced[7], "a pair with no forced side competes");
  }

  /**
   * Every MATH-500 solution pruned to nine ratios under seeded random scores: every delimiter
   * pair and brace group in different words is whole or gone, and the kept share still reaches γ
   * and exceeds it by less than the largest group.
   */
  @Test
  void pruningRealSolutionsKeepsOrDropsEveryPairTogether() throws IOException {
    ObjectMapper json = new ObjectMapper();
    Random random = new Random(14);
    ForcedWords forcedWords = new ForcedWords(true, List.of());
    RatioPruner pruner = new RatioPruner();
    int pairs = 0;
    for (String line : Files.readAllLines(MATH500)) {
      String solution = json.readTree(line).get("solution").asText();
      List<Word> words = SEGMENTER.segment(solution);
      List<int[]> together = new ArrayList<>(PairedWords.delimiterPairs(words));
      together.addAll(PairedWords.bracePairs(words));
      pairs += together.size();
      int[] next = PairedWords.groups(words);
      boolean[] forced = PairedWords.closeForced(forcedWords.mark(solution, words, null), next);
      double[] scores = random.doubles(words.size()).toArray();
      int[] costs = new int[words.size()];
      Arrays.fill(costs, 1);
      int largestGroup = 1;
      int forcedCount = 0;
      for (int i = 0; i < next.length; i++) {
        int size = 1;
        for (int j = next[i]; j != i; j = next[j]) {
          size++;
        }
        largestGroup = Math.max(largestGroup, size);
        forcedCount += forced[i] ? 1 : 0;
      }
      for (RatioPruner.Selection selection : pruner.select(costs, scores, forced, next, null, RATIOS)) {
        boolean[] kept = selection.kept();
        for (int[] pair : together) {
          assertEquals(kept[pair[0]], kept[pair[1]],
              words.get(pair[0]).text() + " … " + words.get(pair[1]).text() + " at " + selection.ratio());
        }
        long target = RatioPruner.targetTokens(selection.ratio(), words.size());
        assertTrue(selection.keptTokens() >= target);
        if (forcedCount < target) {
          assertTrue(selection.keptTokens() - target < largestGroup, "overshoot at " + selection.ratio());
        }
      }
    }
    assertTrue(pairs > 1000, "MATH-500 holds " + pairs + " pairs in different words");
  }
}
