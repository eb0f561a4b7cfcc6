package org.cotkit.compressors;

import java.util.ArrayList;
import java.util.List;
import org.cotkit.compressors.WordClasses.WordClass;

/**
 * Model-free importance of each word of a chain of thought, from the corpus's own n-gram
 * statistics and a word's class, in bits:
 *
 * <pre>
 *   (1 − λ)·bigram bits + λ·unigram bits − class penalty − ρ·log2(times in this CoT) + question bonus
 * </pre>
 *
 * <ul>
 *   <li>Information: bigram self-information {@code −log2 P(w | previous)} alone punishes the
 *       content word of a stock phrase for being predictable ({@code down} of "break down",
 *       {@code total} of "the total"); mixing in the word's own self-information
 *       {@code −log2 P(w)} keeps it above the glue around it.
 *   <li>Class: discourse fillers and function words carry the reasoning least, however surprising
 *       they are where they stand ({@link WordClasses}).
 *   <li>Repetition: a word said twenty times in one CoT ("Wait") carries less each time than one
 *       said twice.
 *   <li>Question: a content word the question names is what the reasoning is about.
 * </ul>
 *
 * Scores are only compared within one CoT. Thread-safe once built: the per-word part is computed
 * once per word of the model, the rest per call.
 */
public final class WordImportanceScorer implements ImportanceScorer {

  /**
   * How much each ingredient weighs, in bits.
   *
   * @param unigramShare λ: the share of a word's own self-information in its information (0: bigram only)
   * @param fillerPenalty bits taken from a discourse filler
   * @param functionPenalty bits taken from a function word
   * @param repetitionPenalty ρ: bits taken per doubling of a word's count in the CoT
   * @param questionBonus bits given to a content word the question names
   */
  public record Weights(double unigramShare, double fillerPenalty, double functionPenalty,
      double repetitionPenalty, double questionBonus) {

    /** The weights {@code cotkit compress} uses, chosen on GSM8K, MATH-500 and R1 traces (BENCHMARKS.md). */
    public static final Weights DEFAULT = new Weights(0.75, 10, 3, 0, 4);

    /** Bigram self-information alone: the scorer before word classes. */
    public static final Weights BIGRAM_ONLY = new Weights(0, 0, 0, 0, 0);

    public Weights {
      if (!(unigramShare >= 0 && unigramShare <= 1)) {
        throw new IllegalArgumentException("unigram share must be in [0, 1], got " + unigramShare);
      }
    }
  }

  private static final double LN_2 = Math.log(2);

  private final BigramModel model;
  private final Weights weights;
  /** By word number: λ·unigram bits − class penalty. */
  private final double[] ownBits;
  /** By word number: whether it is a content word. */
  private final boolean[] content;

  public WordImportanceScorer(BigramModel model, Weights weights) {
    this.model = model;
    this.weights = weights;
    int words = model.numberedWords();
    ownBits = new double[words];
    content = new boolean[words];
    for (int number = 0; number < words; number++) {
      WordClass wordClass = WordClasses.of(model.key(number));
      ownBits[number] = ownBits(model.logUnigramProbability(number), wordClass);
      content[number] = wordClass == WordClass.CONTENT;
    }
  }

  public WordImportanceScorer(BigramModel model) {
    this(model, Weights.DEFAULT);
  }

  @Override
  public double[] score(List<Word> words) {
    return score(words, List.of());
  }

  /** A content word among the question's words gets the question bonus. */
  @Override
  public double[] score(List<Word> words, List<Word> question) {
    int n = words.size();
    // the counts cost a table per text: only when they weigh anything
    int[] numbers = null;
    NumberTally tally = null;
    if (weights.repetitionPenalty() != 0) {
      numbers = new int[n];
      tally = new NumberTally(n);
      for (int i = 0; i < n; i++) {
        numbers[i] = model.wordNumber(words.get(i).key());
        tally.add(numbers[i]);
      }
    }
    NumberTally named = null;
    if (weights.questionBonus() != 0 && !question.isEmpty()) {
      named = new NumberTally(question.size());
      for (Word word : question) {
        named.add(model.wordNumber(word.key()));
      }
    }
    double bigramShare = 1 - weights.unigramShare();
    double[] scores = new double[n];
    int previous = model.wordNumber(BigramCounts.START);
    for (int i = 0; i < n; i++) {
      int word = numbers != null ? numbers[i] : model.wordNumber(words.get(i).key());
      double bits = -bigramShare * model.logProbability(previous, word) / LN_2;
      if (word >= 0) {
        bits += ownBits[word];
        if (tally != null) {
          bits -= weights.repetitionPenalty() * log2(tally.count(word));
        }
        if (named != null && content[word] && named.count(word) > 0) {
          bits += weights.questionBonus();
        }
      } else {
        // a word the model never saw (the model was fitted on other texts): its class still counts
        bits += ownBits(model.logUnigramProbability(-1), WordClasses.of(words.get(i).key()));
      }
      scores[i] = bits;
      previous = word;
    }
    return scores;
  }

  @Override
  public List<double[]> scoreBatch(List<List<Word>> texts, List<List<Word>> questions) {
    List<double[]> scores = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      scores.add(score(texts.get(i), questions.get(i)));
    }
    return scores;
  }

  private double ownBits(double logUnigram, WordClass wordClass) {
    double penalty = switch (wordClass) {
      case FILLER -> weights.fillerPenalty();
      case FUNCTION -> weights.functionPenalty();
      case CONTENT, OTHER -> 0;
    };
    return -weights.unigramShare() * logUnigram / LN_2 - penalty;
  }

  private static double log2(int count) {
    return count <= 1 ? 0 : Math.log(count) / LN_2;
  }

  /** Counts of word numbers in one text: open addressing, sized for the text; -1 is never counted. */
  private static final class NumberTally {
    private final int[] numbers;
    private final int[] counts;
    private final int mask;

    NumberTally(int expected) {
      int size = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
      numbers = new int[size];
      counts = new int[size];
      mask = size - 1;
    }

    void add(int number) {
      if (number < 0) {
        return;
      }
      int slot = slot(number);
      numbers[slot] = number + 1;
      counts[slot]++;
    }

    int count(int number) {
      return counts[slot(number)];
    }

    /** The slot holding {@code number}, or the empty one where it would go (numbers are stored plus one). */
    private int slot(int number) {
      int slot = (number * 0x9E3779B9 >>> 7) & mask;
      while (numbers[slot] != 0 && numbers[slot] != number + 1) {
        slot = (slot + 1) & mask;
      }
      return slot;
    }
  }
}
