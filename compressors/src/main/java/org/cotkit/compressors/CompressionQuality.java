package org.cotkit.compressors;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * What a reader of a pruned chain of thought can still follow, counted on one pruning: the figures
 * a user checks before training on it. Each figure is a count over a count (kept numbers over
 * numbers, say), so that a run adds them up over all its rows and divides once.
 *
 * <ul>
 *   <li><b>forced</b>: words kept by the forcing rules, over all words.
 *   <li><b>numbers</b>: words with a digit that were kept, over all of them.
 *   <li><b>equations</b>: equations whose every operator between two kept numbers was kept, over
 *       all equations. An equation is a run of adjacent math words (numbers, and operator or
 *       relation signs {@code + - * / × ÷ = < >}, or an operator in LaTeX or words between two
 *       numbers: {@code \times}, {@code \cdot}, {@code \div}, {@code \pm}, a lone {@code x},
 *       {@code times}, {@code plus}, {@code minus}, {@code over}, {@code of},
 *       {@code divided by}, {@code multiplied by}) holding an operator between two numbers.
 *       {@code 8 4 = 32} left of {@code 8 \times 4 = 32} is one that lost an operator.
 *   <li><b>latex_pairs</b>: LaTeX delimiter pairs ({@code \(…\)}, {@code \[…\]}, {@code $…$},
 *       {@code $$…$$}) in different words whose two sides were both kept or both dropped, over
 *       all such pairs.
 *   <li><b>fillers</b> and <b>content</b>: discourse fillers kept ({@code so}, {@code then},
 *       {@code wait}, {@code hmm}, {@code okay}, {@code let}…), over all fillers; content words
 *       kept (words of letters that are neither a filler nor one of Lucene's English stop words),
 *       over all content words.
 *   <li><b>runs</b>: kept words, over the runs of adjacent kept words they form: the mean words
 *       per kept run. Longer runs read as phrases; runs of one word read as a list of keywords.
 * </ul>
 */
public final class CompressionQuality {

  /** The figures of one pruning (or of a sum of them), as kept (or good) counts over totals. */
  public record Counts(long forced, long words, long numbersKept, long numbers, long equationsIntact,
      long equations, long latexPairsBalanced, long latexPairs, long fillersKept, long fillers,
      long contentKept, long content, long keptWords, long keptRuns) implements Serializable {

    public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public Counts plus(Counts other) {
      return new Counts(forced + other.forced, words + other.words, numbersKept + other.numbersKept,
          numbers + other.numbers, equationsIntact + other.equationsIntact, equations + other.equations,
          latexPairsBalanced + other.latexPairsBalanced, latexPairs + other.latexPairs,
          fillersKept + other.fillersKept, fillers + other.fillers, contentKept + other.contentKept,
          content + other.content, keptWords + other.keptWords, keptRuns + other.keptRuns);
    }
  }

  private static final CharArraySet STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

  private static final byte OTHER = 0;
  private static final byte NUMBER = 1;
  private static final byte OPERATOR = 2;
  private static final byte FILLER = 3;
  private static final byte CONTENT = 4;

  /** What each word is. */
  private final byte[] kinds;
  private final boolean[] forced;
  /** Each equation's number pairs with operators between them: {first number, second number}, by equation. */
  private final List<List<int[]>> equations;
  /** Delimiter pairs in different words: {opening word, closing word}. */
  private final List<int[]> latexPairs;

  private CompressionQuality(byte[] kinds, boolean[] forced, List<List<int[]>> equations, List<int[]> latexPairs) {
    this.kinds = kinds;
    this.forced = forced;
    this.equations = equations;
    this.latexPairs = latexPairs;
  }

  /**
   * Reads one chain of thought once, for counting any number of its prunings.
   *
   * @param words the chain of thought's words
   * @param forced which the forcing rules keep
   */
  public static CompressionQuality of(List<Word> words, boolean[] forced) {
    byte[] kinds = new byte[words.size()];
    for (int i = 0; i < kinds.length; i++) {
      String text = words.get(i).text();
      String key = words.get(i).key();
      kinds[i] = isNumber(text) ? NUMBER
          : isOperator(text) || ForcedWords.isOperatorBetweenNumbers(words, i) ? OPERATOR
          : WordClasses.FILLERS.contains(key) ? FILLER
          : ForcedWords.isLetters(key) && !STOP_WORDS.contains(key) ? CONTENT
          : OTHER;
    }
    return new CompressionQuality(kinds, forced, equations(kinds), PairedWords.delimiterPairs(words));
  }

  /** The counts of one pruning: {@code kept[i]} for word i. */
  public Counts count(boolean[] kept) {
    long[] keptByKind = new long[5];
    long[] allByKind = new long[5];
    long forcedCount = 0;
    long keptWords = 0;
    long keptRuns = 0;
    for (int i = 0; i < kinds.length; i++) {
      forcedCount += forced[i] ? 1 : 0;
      allByKind[kinds[i]]++;
      if (kept[i]) {
        keptByKind[kinds[i]]++;
        keptWords++;
        keptRuns += i == 0 || !kept[i - 1] ? 1 : 0;
      }
    }
    long intact = 0;
    for (List<int[]> equation : equations) {
      boolean whole = true;
      for (int[] pair : equation) {
        if (kept[pair[0]] && kept[pair[1]]) {
          for (int k = pair[0] + 1; k < pair[1]; k++) {
            whole &= kept[k];
          }
        }
      }
      intact += whole ? 1 : 0;
    }
    long balanced = 0;
    for (int[] pair : latexPairs) {
      balanced += kept[pair[0]] == kept[pair[1]] ? 1 : 0;
    }
    return new Counts(forcedCount, kinds.length, keptByKind[NUMBER], allByKind[NUMBER], intact, equations.size(),
        balanced, latexPairs.size(), keptByKind[FILLER], allByKind[FILLER], keptByKind[CONTENT], allByKind[CONTENT],
        keptWords, keptRuns);
  }

  /** The counts of one pruning of {@code words}. */
  public static Counts of(List<Word> words, boolean[] kept, boolean[] forced) {
    return of(words, forced).count(kept);
  }

  /** Each run of adjacent math words with an operator between two numbers: its number pairs. */
  private static List<List<int[]>> equations(byte[] kinds) {
    List<List<int[]>> equations = new ArrayList<>();
    int i = 0;
    while (i < kinds.length) {
      if (kinds[i] != NUMBER && kinds[i] != OPERATOR) {
        i++;
        continue;
      }
      List<int[]> pairs = new ArrayList<>();
      int previousNumber = -1;
      int end = i;
      for (; end < kinds.length && (kinds[end] == NUMBER || kinds[end] == OPERATOR); end++) {
        if (kinds[end] == NUMBER) {
          if (previousNumber >= 0 && end - previousNumber > 1) {
            pairs.add(new int[] {previousNumber, end});
          }
          previousNumber = end;
        }
      }
      if (!pairs.isEmpty()) {
        equations.add(pairs);
      }
      i = end;
    }
    return equations;
  }

  /** A word with a digit: a number, or a calculation written without spaces ({@code 48/2=24}). */
  private static boolean isNumber(String text) {
    return ForcedWords.hasDigit(text);
  }

  /** A word that is only an operator or relation sign ({@code =}, {@code +}, {@code ×}…). */
  private static boolean isOperator(String text) {
    String bare = ForcedWords.strip(text, "$([{", "$)]},.;:");
    if (bare.isEmpty()) {
      return false;
    }
    for (int i = 0; i < bare.length(); i++) {
      if (ForcedWords.OPERATORS.indexOf(bare.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }
}
