package org.cotkit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cotkit.compressors.BigramCounts;
import org.cotkit.compressors.BigramModel;
import org.cotkit.compressors.CompressedCot;
import org.cotkit.compressors.CompressionQuality;
import org.cotkit.compressors.ForcedWords;
import org.cotkit.compressors.PairedWords;
import org.cotkit.compressors.RatioPruner;
import org.cotkit.compressors.ScoredCotPruner;
import org.cotkit.compressors.Word;
import org.cotkit.compressors.WordCounter;
import org.cotkit.compressors.WordImportanceScorer;
import org.cotkit.compressors.WordImportanceScorer.Weights;
import org.cotkit.compressors.WordSegmenter;
import org.cotkit.labelers.Gsm8kSolution;

/**
 * The quality figures and ratio adherence of the model-free scorer under several weightings, on
 * the CoTs {@code cotkit compress} would prune: for weighing each ingredient of
 * {@link WordImportanceScorer} on real data. The bigram model is fitted on the source's CoTs, as
 * compress fits it on its input; pruning counts words and forces digits and operators, as by default.
 *
 * <p>Usage: {@code ScorerAblation SOURCE FILE [NAME=λ,filler,function,repetition,question ...]}, where
 * SOURCE is {@code gsm8k} (GSM8K's {@code answer} solutions), {@code math500} ({@code problem},
 * {@code solution}, {@code answer}) or {@code r1} (a {@code response} trace, its thought only, and
 * GSM8K's {@code answer} for the gold); without weightings it compares the bigram scorer with the default.
 */
public final class ScorerAblation {

  private static final double[] RATIOS = {0.5, 0.7};

  /** Stock phrases whose second word is the content: how often each pruning keeps it. */
  private static final String[][] STOCK_PHRASES = {{"break", "down"}, {"the", "total"}, {"to", "calculate"}};

  private ScorerAblation() {}

  record Cot(String question, String text, String answer) {}

  public static void main(String[] args) throws Exception {
    List<Cot> cots = read(args[0], Path.of(args[1]));
    List<String> names = new ArrayList<>();
    List<Weights> weightings = new ArrayList<>();
    if (args.length == 2) {
      names.add("bigram");
      weightings.add(Weights.BIGRAM_ONLY);
      names.add("default");
      weightings.add(Weights.DEFAULT);
    }
    for (int a = 2; a < args.length; a++) {
      String[] nameAndWeights = args[a].split("=", 2);
      String[] w = nameAndWeights[1].split(",");
      names.add(nameAndWeights[0]);
      weightings.add(new Weights(Double.parseDouble(w[0]), Double.parseDouble(w[1]), Double.parseDouble(w[2]),
          Double.parseDouble(w[3]), Double.parseDouble(w[4])));
    }
    WordSegmenter segmenter = new WordSegmenter();
    List<List<Word>> segmented = new ArrayList<>();
    List<List<Word>> questions = new ArrayList<>();
    BigramCounts counts = new BigramCounts();
    for (Cot cot : cots) {
      List<Word> words = segmenter.segment(cot.text());
      segmented.add(words);
      questions.add(segmenter.segment(cot.question()));
      counts.add(words);
    }
    BigramModel model = BigramModel.fit(counts);
    ScoredCotPruner pruner = new ScoredCotPruner(new ForcedWords(true, List.of()), new WordCounter());
    System.out.printf("%s: %d CoTs, %d words%n", args[0], cots.size(), segmented.stream().mapToInt(List::size).sum());
    System.out.println("weights | γ | forced | numbers | equations | pairs | fillers | content | gap | run | mean |Δ| | max |Δ|");
    for (int v = 0; v < weightings.size(); v++) {
      WordImportanceScorer scorer = new WordImportanceScorer(model, weightings.get(v));
      CompressionQuality.Counts[] sums = {CompressionQuality.Counts.NONE, CompressionQuality.Counts.NONE};
      double[] deviation = new double[RATIOS.length];
      double[] maxDeviation = new double[RATIOS.length];
      int[] measured = new int[RATIOS.length];
      long[][] phraseKept = new long[RATIOS.length][STOCK_PHRASES.length];
      long[] phrases = new long[STOCK_PHRASES.length];
      for (int c = 0; c < cots.size(); c++) {
        List<Word> words = segmented.get(c);
        if (words.isEmpty()) {
          continue;
        }
        double[] scores = scorer.score(words, questions.get(c));
        List<CompressedCot> pruned = pruner.prune(cots.get(c).text(), words, scores, cots.get(c).answer(), RATIOS);
        int[] ones = new int[words.size()];
        java.util.Arrays.fill(ones, 1);
        List<RatioPruner.Selection> selections = new RatioPruner().select(ones, scores,
            pruner.forced(cots.get(c).text(), words, cots.get(c).answer()), PairedWords.groups(words), null, RATIOS);
        List<Integer> phraseAt = new ArrayList<>();
        for (int i = 1; i < words.size(); i++) {
          for (int p = 0; p < STOCK_PHRASES.length; p++) {
            if (words.get(i - 1).key().equals(STOCK_PHRASES[p][0]) && words.get(i).key().equals(STOCK_PHRASES[p][1])) {
              phrases[p]++;
              phraseAt.add(i * STOCK_PHRASES.length + p);
            }
          }
        }
        for (int r = 0; r < RATIOS.length; r++) {
          boolean[] kept = selections.get(r).kept();
          for (int at : phraseAt) {
            phraseKept[r][at % STOCK_PHRASES.length] += kept[at / STOCK_PHRASES.length] ? 1 : 0;
          }
          CompressionQuality.Counts quality = pruned.get(r).quality();
          sums[r] = sums[r].plus(quality);
          if ((double) quality.forced() / quality.words() < RATIOS[r]) {
            double off = Math.abs(pruned.get(r).achievedRatio() - RATIOS[r]);
            deviation[r] += off;
            maxDeviation[r] = Math.max(maxDeviation[r], off);
            measured[r]++;
          }
        }
      }
      for (int r = 0; r < RATIOS.length; r++) {
        CompressionQuality.Counts s = sums[r];
        double fillers = share(s.fillersKept(), s.fillers());
        double content = share(s.contentKept(), s.content());
        System.out.printf("%s | %.1f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.2f | %.4f | %.4f%n",
            names.get(v), RATIOS[r], share(s.forced(), s.words()), share(s.numbersKept(), s.numbers()),
            share(s.equationsIntact(), s.equations()), share(s.latexPairsBalanced(), s.latexPairs()), fillers, content,
            content - fillers, share(s.keptWords(), s.keptRuns()), deviation[r] / measured[r], maxDeviation[r]);
        StringBuilder stock = new StringBuilder("    stock phrases, second word kept:");
        for (int p = 0; p < STOCK_PHRASES.length; p++) {
          stock.append(String.format(" %s %s %.2f (%d)", STOCK_PHRASES[p][0], STOCK_PHRASES[p][1],
              share(phraseKept[r][p], phrases[p]), phrases[p]));
        }
        System.out.println(stock);
      }
    }
  }

  private static double share(long part, long whole) {
    return whole == 0 ? Double.NaN : (double) part / whole;
  }

  static List<Cot> read(String source, Path file) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<Cot> cots = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode row = json.readTree(line);
      switch (source) {
        case "gsm8k" -> Gsm8kSolution.parse(row.get("answer").asText()).ifPresent(solution ->
            cots.add(new Cot(row.get("question").asText(), solution.reasoning(), solution.answer())));
        case "math500" -> cots.add(new Cot(row.get("problem").asText(), row.get("solution").asText(),
            row.get("answer").asText()));
        case "r1" -> {
          String response = row.get("response").asText();
          int end = response.indexOf("</think>");
          String thought = (end >= 0 ? response.substring(0, end) : response).replace("<think>", "").strip();
          String gold = Gsm8kSolution.parse(row.get("answer").asText()).map(Gsm8kSolution::answer).orElse(null);
          cots.add(new Cot(row.get("question").asText(), thought, gold));
        }
        default -> throw new IllegalArgumentException("source must be gsm8k, math500 or r1, got " + source);
      }
    }
    return cots;
  }
}
