package org.cotkit.benchmarks;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cotkit.compressors.ForcedWords;
import org.cotkit.compressors.ScoredCotPruner;
import org.cotkit.compressors.StudentTokenizer;
import org.cotkit.compressors.TokenCounter;
import org.cotkit.compressors.Word;
import org.cotkit.compressors.WordCounter;
import org.cotkit.compressors.WordSegmenter;
import org.cotkit.pipelines.io.RawRecord;
import org.cotkit.pipelines.record.ChosenCot;
import org.cotkit.pipelines.record.CotPreference;
import org.cotkit.pipelines.record.FieldMapping;
import org.cotkit.pipelines.record.InputPreset;
import org.cotkit.pipelines.record.TeacherRecordParser;

/**
 * Checks a {@code cotkit compress} output against the TokenSkip acceptance criteria and prints a
 * report: per ratio γ, the rows whose forced words alone exceed γ (in words, or in a tokenizer's tokens), and over the others the mean
 * |achieved − γ|; whether every number of each CoT and the final answer survive in every row.
 * The output is read with DuckDB; the original CoTs are re-read from the input.
 *
 * <p>Usage: {@code TokenSkipAcceptance INPUT.jsonl OUTPUT_DIR [gsm8k|none] [keep-digits|no-keep-digits]
 * [TOKENIZER_JSON]}: with a tokenizer (the run's {@code --tokenizer}), shares are in its tokens.
 */
public final class TokenSkipAcceptance {

  private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
  private static final String FINAL_ANSWER = "\n\nThe final answer is: ";

  private TokenSkipAcceptance() {}

  public static void main(String[] args) throws Exception {
    Path input = Path.of(args[0]);
    Path output = Path.of(args[1]);
    InputPreset preset = args.length > 2 ? InputPreset.named(args[2]) : InputPreset.NONE;
    boolean keepDigits = args.length <= 3 || !args[3].equals("no-keep-digits");
    TokenCounter counter = args.length > 4 ? StudentTokenizer.of(Path.of(args[4])) : new WordCounter();

    Map<String, ChosenCot> cots = readCots(input, preset);
    WordSegmenter segmenter = new WordSegmenter();
    // the pruner's own forced words: the forcing rules' and the other side of every pair holding one
    ScoredCotPruner pruner = new ScoredCotPruner(new ForcedWords(keepDigits, List.of()), counter);

    Map<Double, double[]> byRatio = new TreeMap<>(); // γ → {rows, excluded, sum |Δ| over included, max |Δ|}
    long rows = 0;
    long rowsLosingANumber = 0;
    long rowsLosingTheAnswer = 0;
    long rowsBelowTarget = 0;
    Map<String, double[]> forcedShares = new HashMap<>();
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = db.createStatement();
        ResultSet result = statement.executeQuery(
            "SELECT source_id, ratio, achieved_ratio, completion FROM read_parquet('"
                + output.resolve("data").toAbsolutePath() + "/**/*.parquet')")) {
      while (result.next()) {
        rows++;
        ChosenCot cot = cots.get(result.getString(1));
        double ratio = result.getDouble(2);
        double achieved = result.getDouble(3);
        String compressed = result.getString(4).split(Pattern.quote(FINAL_ANSWER), 2)[0];
        double forcedShare = forcedShares.computeIfAbsent(cot.record().id(), id -> {
          List<Word> words = segmenter.segment(cot.cot());
          boolean[] forced = pruner.forced(cot.cot(), words, cot.answer());
          int[] costs = counter.costs(cot.cot(), words);
          int count = 0;
          int total = 0;
          for (int i = 0; i < costs.length; i++) {
            count += forced[i] ? costs[i] : 0;
            total += costs[i];
          }
          return new double[] {total == 0 ? 0 : (double) count / total};
        })[0];
        if (achieved < ratio) {
          rowsBelowTarget++;
        }
        if (keepDigits && !numbers(cot.cot()).equals(numbers(compressed))) {
          rowsLosingANumber++;
        }
        if (cot.answer() != null && cot.cot().contains(cot.answer()) && !compressed.contains(cot.answer())) {
          rowsLosingTheAnswer++;
        }
        if (ratio >= 1.0) {
          continue;
        }
        double[] stats = byRatio.computeIfAbsent(ratio, r -> new double[4]);
        stats[0]++;
        if (forcedShare > ratio) {
          stats[1]++;
        } else {
          double error = Math.abs(achieved - ratio);
          stats[2] += error;
          stats[3] = Math.max(stats[3], error);
        }
      }
    }

    System.out.printf("rows: %,d from %,d records%n", rows, cots.size());
    System.out.printf("rows below their target ratio: %,d%n", rowsBelowTarget);
    if (keepDigits) {
      System.out.printf("rows where a number of the CoT was lost or changed: %,d%n", rowsLosingANumber);
    }
    System.out.printf("rows where the final answer (present in the CoT) was lost: %,d%n", rowsLosingTheAnswer);
    System.out.println("| γ | rows | forced words alone above γ | mean abs(achieved − γ) over the others | max |");
    System.out.println("|---|---|---|---|---|");
    byRatio.forEach((ratio, s) -> System.out.printf("| %.1f | %,d | %,d (%.1f%%) | %.4f | %.4f |%n",
        ratio, (long) s[0], (long) s[1], 100 * s[1] / s[0], s[2] / (s[0] - s[1]), s[3]));
  }

  private static Map<String, ChosenCot> readCots(Path input, InputPreset preset) throws Exception {
    TeacherRecordParser parser = new TeacherRecordParser(FieldMapping.identity(), preset, Integer.MAX_VALUE, false);
    Map<String, ChosenCot> cots = new HashMap<>();
    try (BufferedReader reader = Files.newBufferedReader(input)) {
      long line = 0;
      for (String text = reader.readLine(); text != null; text = reader.readLine()) {
        line++;
        if (!text.isBlank()) {
          ChosenCot cot = ChosenCot.choose(parser.parse(RawRecord.of(input.toString(), line, text)), CotPreference.LONG);
          cots.put(cot.record().id(), cot);
        }
      }
    }
    return cots;
  }

  private static List<String> numbers(String text) {
    List<String> numbers = new ArrayList<>();
    for (Matcher m = NUMBER.matcher(text); m.find(); ) {
      numbers.add(m.group());
    }
    return numbers;
  }
}
