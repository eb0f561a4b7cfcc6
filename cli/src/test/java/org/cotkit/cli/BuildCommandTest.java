package org.cotkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code cotkit build} end to end with the direct runner, read back with DuckDB. Every expectation
 * is derived from the input: the sample's CoTs, gold answers and graded samples.
 *
 * <p>Pipeline runs are shared between tests and started on first use: the sample with default
 * options, the sample with the tag in the completion and simple questions pruned from the long CoT,
 * and a small file with wrong answers, with and without {@code --keep-incorrect}.
 */
class BuildCommandTest {

  static final Path SAMPLE = CompressCommandTest.SAMPLE;
  static final int SAMPLE_RECORDS = CompressCommandTest.SAMPLE_RECORDS;
  static final String SEP = "<|eot_id|>";
  static final double DEFAULT_PASS_RATE_THRESHOLD = 0.75;
  static final List<Double> DEFAULT_RATIOS = List.of(0.5, 0.6, 0.7, 0.8, 0.9, 1.0);
  static final ObjectMapper JSON = new ObjectMapper();

  static final String ROWS = "SELECT id, source_id, split, mode, prompt, completion, ratio, achieved_ratio, difficulty, "
      + "difficulty_source, pass_rate, token_budget, cot_tokens, kept_tokens, answer, verified FROM rows";

  @TempDir static Path dir;

  /** A finished run: its output directory, exit code and stderr, manifest and every row. */
  record Build(Path output, CliRun run, JsonNode manifest, List<Map<String, Object>> rows) {
    List<Map<String, Object>> mode(String mode) {
      return rows.stream().filter(row -> mode.equals(row.get("mode"))).toList();
    }

    List<Map<String, Object>> of(String sourceId) {
      return rows.stream().filter(row -> sourceId.equals(row.get("source_id"))).toList();
    }

    long count(String path) {
      return manifest.at(path).asLong();
    }
  }

  private static Build defaultBuild;
  private static Build thinklessBuild;
  private static Build incorrectFiltered;
  private static Build incorrectKept;

  /** The sample with every option at its default (tag in the prompt, simple from the short CoT). */
  static synchronized Build defaultBuild() throws Exception {
    if (defaultBuild == null) {
      defaultBuild = build("default", SAMPLE);
    }
    return defaultBuild;
  }

  /**
   * The sample with a Thinkless-style tag in the completion, custom tags, and simple questions
   * answered with the long CoT pruned to 0.5: both options change only adaptive rows, and different
   * parts of them, so one run serves both.
   */
  static synchronized Build thinklessBuild() throws Exception {
    if (thinklessBuild == null) {
      thinklessBuild = build("thinkless", SAMPLE,
          "--tag-position", "completion", "--tags", "<short>,<think>", "--simple-from", "long:0.5");
    }
    return thinklessBuild;
  }

  static synchronized Build incorrectFiltered() throws Exception {
    if (incorrectFiltered == null) {
      incorrectFiltered = build("incorrect-filtered", incorrectInput());
    }
    return incorrectFiltered;
  }

  static synchronized Build incorrectKept() throws Exception {
    if (incorrectKept == null) {
      incorrectKept = build("incorrect-kept", incorrectInput(), "--keep-incorrect");
    }
    return incorrectKept;
  }

  private static Build build(String name, Path input, String... options) throws Exception {
    Path output = dir.resolve(name);
    List<String> args = new ArrayList<>(List.of("build", "--input", input.toString(), "--output", output.toString()));
    args.addAll(Arrays.asList(options));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run.err());
    return new Build(output, run, JSON.readTree(output.resolve("manifest.json").toFile()), Parquet.query(output, ROWS));
  }

  // ---------------------------------------------------------------- default run on the sample

  @Test
  void writesSixTokenSkipRowsPerRecordAndOneAdaptiveRowPerQuestion() throws Exception {
    Build build = defaultBuild();
    Map<String, JsonNode> input = sampleById();
    long written = build.count("/counts/records_written");
    long filtered = build.count("/counts/filtered");
    assertEquals(SAMPLE_RECORDS, build.count("/counts/records_read"));
    assertEquals(0, build.count("/counts/dead_lettered"));
    assertEquals(SAMPLE_RECORDS, written + filtered);
    assertEquals(filtered, build.count("/counts/filtered_by_reason/incorrect"), build.manifest().toString());
    assertTrue(build.manifest().at("/counts/balanced").asBoolean());
    assertTrue(written > SAMPLE_RECORDS * 0.9, "the GSM8K reference CoTs should nearly all verify: " + written);

    List<Map<String, Object>> tokenSkip = build.mode("tokenskip");
    List<Map<String, Object>> adaptive = build.mode("adaptive");
    assertEquals(build.rows().size(), tokenSkip.size() + adaptive.size(), "no other mode");
    assertEquals(build.rows().size(), build.count("/counts/rows_written"));
    assertEquals(DEFAULT_RATIOS.size() * written, tokenSkip.size());
    Map<String, List<Double>> ratiosById = new TreeMap<>();
    tokenSkip.forEach(row -> ratiosById.computeIfAbsent(id(row), k -> new ArrayList<>()).add((Double) row.get("ratio")));
    assertEquals(written, ratiosById.size());
    ratiosById.forEach((id, ratios) -> assertEquals(DEFAULT_RATIOS, ratios.stream().sorted().toList(), id));
    assertTrue(input.keySet().containsAll(ratiosById.keySet()));

    long skipped = 0;
    for (JsonNode n : build.manifest().path("examples").path("adaptive_skipped")) {
      skipped += n.asLong();
    }
    assertEquals(written - skipped, adaptive.size(), "one adaptive row per written question, less the skipped ones");
    Set<String> adaptiveIds = adaptive.stream().map(BuildCommandTest::id).collect(Collectors.toSet());
    assertEquals(adaptive.size(), adaptiveIds.size(), "a question has at most one adaptive row");
    assertTrue(ratiosById.keySet().containsAll(adaptiveIds));
    assertTrue(adaptive.size() > 0);
    assertEquals(adaptive.size(), build.count("/examples/mode/adaptive"));
    assertEquals(tokenSkip.size(), build.count("/examples/mode/tokenskip"));
    assertEquals(build.rows().size(), build.rows().stream().map(row -> row.get("id")).distinct().count(),
        "row ids are unique");
  }

  @Test
  void splitsByQuestionWithoutLeaks() throws Exception {
    Build build = defaultBuild();
    Map<String, JsonNode> input = sampleById();
    Map<String, Set<String>> splitsById = new HashMap<>();
    Map<String, Set<String>> splitsByQuestion = new HashMap<>();
    for (Map<String, Object> row : build.rows()) {
      String split = (String) row.get("split");
      assertTrue(split.equals("train") || split.equals("validation"), split);
      String prompt = (String) row.get("prompt");
      String question = prompt.contains(SEP) ? prompt.substring(0, prompt.indexOf(SEP)) : prompt;
      assertEquals(input.get(id(row)).get("question").asText(), question, "question part of " + row.get("id"));
      splitsById.computeIfAbsent(id(row), k -> new HashSet<>()).add(split);
      splitsByQuestion.computeIfAbsent(normalised(question), k -> new HashSet<>()).add(split);
    }
    splitsById.forEach((id, splits) -> assertEquals(1, splits.size(), id + " is in " + splits));
    splitsByQuestion.forEach((question, splits) -> assertEquals(1, splits.size(), question + " is in " + splits));
    // and the same as DuckDB sees it, in one query
    assertEquals(List.of(), Parquet.query(build.output(),
        "SELECT source_id FROM rows GROUP BY source_id HAVING count(DISTINCT split) > 1"));
    assertEquals(List.of(), Parquet.query(build.output(),
        "SELECT split_part(prompt, '" + SEP + "', 1) AS q FROM rows GROUP BY q HAVING count(DISTINCT split) > 1"));

    long validationQuestions = splitsById.values().stream().filter(s -> s.contains("validation")).count();
    double share = validationQuestions / (double) splitsById.size();
    assertTrue(share >= 0.01 && share <= 0.10, "validation share " + share + " with --validation-fraction 0.05");
    long validationRows = build.rows().stream().filter(row -> "validation".equals(row.get("split"))).count();
    assertEquals(validationRows, build.count("/examples/split/validation"));
    assertEquals(build.rows().size() - validationRows, build.count("/examples/split/train"));
  }

  @Test
  void adaptiveRowsAreTaggedAndAnsweredWithTheCotTheirDifficultyCallsFor() throws Exception {
    Build build = defaultBuild();
    Map<String, JsonNode> input = sampleById();
    Set<String> difficulties = new HashSet<>();
    for (Map<String, Object> row : build.mode("adaptive")) {
      JsonNode record = input.get(id(row));
      String difficulty = difficultyByPassRate(record);
      assertEquals(difficulty, row.get("difficulty"), id(row));
      difficulties.add(difficulty);
      String cot = record.get(difficulty.equals("simple") ? "short_cot" : "long_cot").asText();
      String answer = record.get("answer").asText();
      assertEquals(id(row) + ":adaptive", row.get("id"));
      assertEquals(record.get("question").asText() + SEP + "[" + difficulty + "]" + SEP, row.get("prompt"), id(row));
      assertEquals(cot + answerLine(answer), row.get("completion"), id(row));
      assertEquals(answer, row.get("answer"));
      assertNull(row.get("ratio"), id(row));
      assertNull(row.get("achieved_ratio"), id(row));
      assertEquals(words(cot), row.get("cot_tokens"), id(row));
      assertEquals(row.get("cot_tokens"), row.get("kept_tokens"), id(row));
      assertEquals(Boolean.TRUE, row.get("verified"), id(row));
    }
    assertEquals(Set.of("simple", "complex"), difficulties, "both difficulties occur, or this test proves little");
    assertEquals(0, Parquet.count(build.output(), "WHERE mode = 'adaptive' AND ("
        + "difficulty = 'simple' AND NOT suffix(prompt, '" + SEP + "[simple]" + SEP + "') "
        + "OR difficulty = 'complex' AND NOT suffix(prompt, '" + SEP + "[complex]" + SEP + "'))"));
    assertEquals(0, Parquet.count(build.output(),
        "WHERE len(messages) <> 2 OR messages[1].role <> 'user' OR messages[1].content <> prompt "
            + "OR messages[2].role <> 'assistant' OR messages[2].content <> completion"));
  }

  @Test
  void everyRowCarriesItsQuestionsLabels() throws Exception {
    Build build = defaultBuild();
    Map<String, JsonNode> input = sampleById();
    for (Map<String, Object> row : build.rows()) {
      JsonNode record = input.get(id(row));
      String what = (String) row.get("id");
      assertEquals(passRate(record), (Double) row.get("pass_rate"), 1e-12, what);
      assertEquals(difficultyByPassRate(record), row.get("difficulty"), what);
      assertEquals("pass_rate", row.get("difficulty_source"), what);
      assertEquals(dastBudget(record), row.get("token_budget"), what);
      assertEquals(Boolean.TRUE, row.get("verified"), what); // wrong ones are filtered, and every record has gold
      assertEquals(record.get("answer").asText(), row.get("answer"), what);
    }
    assertEquals(0, Parquet.count(build.output(), "WHERE mode = 'tokenskip' AND (difficulty IS NULL OR "
        + "pass_rate IS NULL OR token_budget IS NULL OR verified IS NULL OR difficulty_source IS NULL)"));
  }

  @Test
  void manifestLabelsCountEveryLabelledRecord() throws Exception {
    Build build = defaultBuild();
    Map<String, JsonNode> input = sampleById();
    // one row per written question (all its rows carry the same labels), then the filtered records
    Map<String, Long> difficulty = new TreeMap<>();
    Map<String, Long> decidedBy = new TreeMap<>();
    List<Long> budgets = new ArrayList<>();
    List<Map<String, Object>> perQuestion = Parquet.query(build.output(),
        "SELECT source_id, any_value(difficulty) AS d, any_value(difficulty_source) AS s, any_value(token_budget) AS b "
            + "FROM rows GROUP BY source_id");
    Set<String> written = new HashSet<>();
    for (Map<String, Object> q : perQuestion) {
      written.add(id(q));
      difficulty.merge((String) q.get("d"), 1L, Long::sum);
      decidedBy.merge((String) q.get("s"), 1L, Long::sum);
      budgets.add(((Number) q.get("b")).longValue());
    }
    Set<String> filtered = new HashSet<>(input.keySet());
    filtered.removeAll(written);
    assertEquals(build.count("/counts/filtered"), filtered.size());
    for (String id : filtered) {
      difficulty.merge(difficultyByPassRate(input.get(id)), 1L, Long::sum);
      decidedBy.merge("pass_rate", 1L, Long::sum);
      budgets.add((long) dastBudget(input.get(id)));
    }

    JsonNode labels = build.manifest().get("labels");
    assertNotNull(labels, build.manifest().toString());
    assertEquals(difficulty, counts(labels.get("difficulty")));
    assertEquals(decidedBy, counts(labels.get("decided_by")));
    assertEquals(written.size(), labels.at("/verified/correct").asLong());
    assertEquals(filtered.size(), labels.at("/verified/incorrect").asLong());
    JsonNode budget = labels.get("token_budget");
    assertEquals(SAMPLE_RECORDS, budget.get("count").asLong());
    assertEquals(0, budget.get("missing").asLong());
    assertEquals(nearestRank(budgets, 0.5), budget.get("median").asLong());
    assertEquals(nearestRank(budgets, 0.1), budget.get("p10").asLong());
    assertEquals(nearestRank(budgets, 0.9), budget.get("p90").asLong());
    assertEquals(budgets.stream().mapToLong(Long::longValue).min().orElseThrow(), budget.get("min").asLong());
    assertEquals(budgets.stream().mapToLong(Long::longValue).max().orElseThrow(), budget.get("max").asLong());
    assertEquals(budgets.stream().mapToLong(Long::longValue).average().orElseThrow(), budget.get("mean").asDouble(), 0.051);

    Map<String, Long> passRates = new TreeMap<>();
    input.values().forEach(r -> passRates.merge(String.format(Locale.ROOT, "%.2f", passRate(r)), 1L, Long::sum));
    assertEquals(passRates, counts(labels.get("pass_rate")));
  }

  @Test
  void summaryPrintsDifficultySharesAndTokenBudget() throws Exception {
    Build build = defaultBuild();
    Map<String, Long> difficulty = new TreeMap<>();
    List<Long> budgets = new ArrayList<>();
    sampleById().values().forEach(r -> {
      difficulty.merge(difficultyByPassRate(r), 1L, Long::sum);
      budgets.add((long) dastBudget(r));
    });
    String shares = difficulty.entrySet().stream()
        .map(e -> String.format("%s %,d (%.1f%%)", e.getKey(), e.getValue(), 100.0 * e.getValue() / SAMPLE_RECORDS))
        .collect(Collectors.joining(", "));
    String err = build.run().err();
    assertTrue(err.contains("\n  difficulty        " + shares + "\n"), shares + " in\n" + err);
    assertTrue(err.contains("\n  decided by        pass_rate " + SAMPLE_RECORDS + " (100.0%)\n"), err);
    assertTrue(err.contains(String.format("\n  token budget      median %d, p10 %d, p90 %d, min %d, max %d, mean ",
        nearestRank(budgets, 0.5), nearestRank(budgets, 0.1), nearestRank(budgets, 0.9),
        budgets.stream().mapToLong(Long::longValue).min().orElseThrow(),
        budgets.stream().mapToLong(Long::longValue).max().orElseThrow())), err);
    assertTrue(err.contains("\n  rows by mode      adaptive "), err);
  }

  /**
   * The same questions under other ids (as when two teachers' files are combined) kept with --dedup
   * none, with half the questions in validation: each question's rows, under either id, are in one
   * split.
   */
  @Test
  void repeatedQuestionsUnderOtherIdsShareTheirSplit() throws Exception {
    List<String> lines = Files.readAllLines(SAMPLE).subList(0, 30);
    List<String> twice = new ArrayList<>(lines);
    for (String line : lines) {
      ObjectNode record = (ObjectNode) JSON.readTree(line);
      record.put("id", "again-" + record.get("id").asText());
      twice.add(JSON.writeValueAsString(record));
    }
    Path input = dir.resolve("repeated.jsonl");
    Files.write(input, twice);
    Build build = build("repeated", input, "--validation-fraction", "0.5", "--ratios", "1.0", "--dedup", "none");
    assertEquals(60, build.count("/counts/records_written") + build.count("/counts/filtered"));
    Map<String, JsonNode> sample = sampleById();
    Map<String, Set<String>> splitsByQuestion = new HashMap<>();
    Set<String> ids = new HashSet<>();
    for (Map<String, Object> row : build.rows()) {
      ids.add(id(row));
      String question = sample.get(id(row).replaceFirst("^again-", "")).get("question").asText();
      splitsByQuestion.computeIfAbsent(question, k -> new HashSet<>()).add((String) row.get("split"));
    }
    assertTrue(ids.size() > 50, "both copies of nearly every record are written: " + ids.size());
    splitsByQuestion.forEach((question, splits) -> assertEquals(1, splits.size(), question + " is in " + splits));
    long validation = splitsByQuestion.values().stream().filter(s -> s.contains("validation")).count();
    assertTrue(validation >= 5 && validation <= 25,
        validation + " of " + splitsByQuestion.size() + " questions in validation with --validation-fraction 0.5");
  }

  // ------------------------------------------------ tag in the completion, simple from the long CoT

  @Test
  void tagInTheCompletionLeavesThePromptAsTheQuestion() throws Exception {
    Build build = thinklessBuild();
    Map<String, JsonNode> input = sampleById();
    List<Map<String, Object>> adaptive = build.mode("adaptive");
    assertFalse(adaptive.isEmpty());
    Set<String> difficulties = new HashSet<>();
    for (Map<String, Object> row : adaptive) {
      JsonNode record = input.get(id(row));
      String difficulty = difficultyByPassRate(record);
      difficulties.add(difficulty);
      assertEquals(difficulty, row.get("difficulty"), id(row));
      assertEquals(record.get("question").asText(), row.get("prompt"), id(row));
      String completion = (String) row.get("completion");
      String tag = difficulty.equals("simple") ? "<short>\n" : "<think>\n";
      assertTrue(completion.startsWith(tag), id(row) + ": " + completion);
      assertTrue(completion.endsWith(answerLine(record.get("answer").asText())), id(row) + ": " + completion);
      if (difficulty.equals("complex")) {
        assertEquals(tag + record.get("long_cot").asText() + answerLine(record.get("answer").asText()), completion);
      }
    }
    assertEquals(Set.of("simple", "complex"), difficulties);
    assertEquals(0, Parquet.count(build.output(), "WHERE mode = 'adaptive' AND (contains(prompt, '" + SEP + "') "
        + "OR contains(prompt, '<short>') OR contains(prompt, '<think>') OR contains(prompt, '[simple]'))"));
    // TokenSkip rows keep their own layout
    assertEquals(0, Parquet.count(build.output(), "WHERE mode = 'tokenskip' AND ratio < 1.0 "
        + "AND NOT suffix(prompt, '" + SEP + "' || CAST(ratio AS VARCHAR) || '" + SEP + "')"));
    assertEquals(0, Parquet.count(build.output(), "WHERE mode = 'tokenskip' AND "
        + "(starts_with(completion, '<short>') OR starts_with(completion, '<think>'))"));
    JsonNode options = build.manifest().get("options");
    assertEquals("completion", options.get("tag_position").asText());
    assertEquals(List.of("<short>", "<think>"), List.of(options.get("tags").get(0).asText(), options.get("tags").get(1).asText()));
  }

  @Test
  void simpleFromLongPrunesTheLongCotToItsRatio() throws Exception {
    Build build = thinklessBuild();
    Map<String, JsonNode> input = sampleById();
    int simple = 0;
    int shorter = 0;
    for (Map<String, Object> row : build.mode("adaptive")) {
      JsonNode record = input.get(id(row));
      if (!"simple".equals(row.get("difficulty"))) {
        assertNull(row.get("ratio"), id(row));
        assertEquals(row.get("cot_tokens"), row.get("kept_tokens"), id(row));
        continue;
      }
      simple++;
      String longCot = record.get("long_cot").asText();
      assertEquals(0.5, (Double) row.get("ratio"), 0.0, id(row));
      double achieved = (Double) row.get("achieved_ratio");
      int cotTokens = (Integer) row.get("cot_tokens");
      int keptTokens = (Integer) row.get("kept_tokens");
      assertTrue(achieved >= 0.5, id(row) + " achieved " + achieved);
      assertEquals(keptTokens / (double) cotTokens, achieved, 1e-9, id(row));
      assertEquals(words(longCot), cotTokens, id(row) + ": cot_tokens counts the long CoT");
      assertTrue(keptTokens <= cotTokens, id(row));
      if (keptTokens < cotTokens) {
        shorter++;
      }
      String completion = (String) row.get("completion");
      String answerLine = answerLine(record.get("answer").asText());
      assertTrue(completion.startsWith("<short>\n") && completion.endsWith(answerLine), completion);
      String kept = completion.substring("<short>\n".length(), completion.length() - answerLine.length());
      assertEquals(keptTokens, words(kept), id(row) + ": " + kept);
      assertTrue(isSubsequence(kept.split("\\s+"), longCot.split("\\s+")),
          id(row) + ": the kept words come from the long CoT, in order: " + kept);
      assertFalse(kept.equals(record.get("short_cot").asText()), id(row));
    }
    assertTrue(simple > 0, "the sample has simple questions");
    assertTrue(shorter > 0, "some simple long CoT should be pruned");
    assertEquals("long:0.5", build.manifest().at("/options/simple_from").asText());
  }

  // ------------------------------------------------------------------------- wrong answers

  /** c*: the CoTs reach the gold answer; w*: both reach 5, gold is 6; n1: no gold answer. */
  static Path incorrectInput() throws Exception {
    Path input = dir.resolve("incorrect.jsonl");
    if (Files.exists(input)) {
      return input;
    }
    List<String> lines = new ArrayList<>();
    String[][] records = {
      {"c1", "Ann has 2 apples and gets 3 more. How many apples does she have?", "5", "2", "3"},
      {"c2", "Bob has 1 pear and gets 4 more. How many pears does he have?", "5", "1", "4"},
      {"w1", "Cal has 3 plums and gets 3 more. How many plums does he have?", "6", "3", "2"},
      {"w2", "Dee has 4 figs and gets 2 more. How many figs does she have?", "6", "4", "1"},
      {"n1", "Eve has 1 lime and gets 4 more. How many limes does she have?", null, "1", "4"},
    };
    for (String[] r : records) {
      Map<String, Object> record = new LinkedHashMap<>();
      record.put("id", r[0]);
      record.put("question", r[1]);
      if (r[2] != null) {
        record.put("answer", r[2]);
      }
      int a = Integer.parseInt(r[3]);
      int b = Integer.parseInt(r[4]);
      record.put("long_cot", "We start with " + a + " and add the " + b + " that come later, so " + a + " + " + b
          + " = " + (a + b) + ". The answer is " + (a + b));
      record.put("short_cot", a + " + " + b + " = " + (a + b) + ". The answer is " + (a + b));
      lines.add(JSON.writeValueAsString(record));
    }
    Files.write(input, lines);
    return input;
  }

  @Test
  void recordsWithAWrongAnswerAreFilteredByDefault() throws Exception {
    Build build = incorrectFiltered();
    JsonNode counts = build.manifest().get("counts");
    assertEquals(5, counts.get("records_read").asLong());
    assertEquals(3, counts.get("records_written").asLong());
    assertEquals(2, counts.get("filtered").asLong());
    assertEquals(2, counts.at("/filtered_by_reason/incorrect").asLong());
    assertTrue(counts.get("balanced").asBoolean());
    assertTrue(build.of("w1").isEmpty() && build.of("w2").isEmpty(), build.rows().toString());
    for (String id : List.of("c1", "c2", "n1")) {
      assertEquals(DEFAULT_RATIOS.size(), build.of(id).stream().filter(r -> r.get("mode").equals("tokenskip")).count(), id);
      assertEquals(1, build.of(id).stream().filter(r -> r.get("mode").equals("adaptive")).count(), id);
    }
    build.of("c1").forEach(row -> assertEquals(Boolean.TRUE, row.get("verified"), row.toString()));
    build.of("c2").forEach(row -> assertEquals(Boolean.TRUE, row.get("verified"), row.toString()));
    // no gold answer: kept, unverifiable, answered with what the teacher states
    build.of("n1").forEach(row -> {
      assertNull(row.get("verified"), row.toString());
      assertEquals("5", row.get("answer"), row.toString());
    });
    JsonNode verified = build.manifest().at("/labels/verified");
    assertEquals(Map.of("correct", 2L, "incorrect", 2L, "unverifiable", 1L), counts(verified));
    assertTrue(build.run().err().contains("filtered          2  (2 incorrect)"),
        "counts by reason in words: " + build.run().err());
  }

  @Test
  void keepIncorrectKeepsThemMarkedUnverified() throws Exception {
    Build build = incorrectKept();
    JsonNode counts = build.manifest().get("counts");
    assertEquals(5, counts.get("records_written").asLong());
    assertEquals(0, counts.get("filtered").asLong());
    assertTrue(counts.get("balanced").asBoolean());
    assertTrue(build.manifest().at("/options/keep_incorrect").asBoolean());
    Map<String, JsonNode> input = new HashMap<>();
    for (String line : Files.readAllLines(incorrectInput())) {
      JsonNode record = JSON.readTree(line);
      input.put(record.get("id").asText(), record);
    }
    for (String id : List.of("w1", "w2")) {
      List<Map<String, Object>> rows = build.of(id);
      assertEquals(DEFAULT_RATIOS.size() + 1, rows.size(), id + ": " + rows);
      for (Map<String, Object> row : rows) {
        assertEquals(Boolean.FALSE, row.get("verified"), row.toString());
      }
      // its short CoT is wrong too, so the short-cot policy calls it complex: the adaptive row has the long CoT
      Map<String, Object> adaptive = rows.stream().filter(r -> r.get("mode").equals("adaptive")).findFirst().orElseThrow();
      assertEquals("complex", adaptive.get("difficulty"));
      assertEquals("short_cot", adaptive.get("difficulty_source"));
      assertTrue(((String) adaptive.get("completion")).startsWith(input.get(id).get("long_cot").asText() + "\n\n"),
          adaptive.toString());
    }
    build.of("c1").forEach(row -> assertEquals(Boolean.TRUE, row.get("verified"), row.toString()));
    assertEquals(5 * (DEFAULT_RATIOS.size() + 1), build.rows().size());
  }

  // ------------------------------------------------------------------------- usage errors

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "--validation-fraction 1.0              | --validation-fraction | 1.0",
    "--simple-from long:2                   | --simple-from         | long:2",
    "--tags a                               | --tags                | two",
    "--difficulty bogus                     | --difficulty          | bogus",
    "--pass-rate-threshold 1.5              | --pass-rate-threshold | 1.5",
    "--simple-from long:0.5 --cot short     | --simple-from         | --cot long",
  })
  void badOptionIsAUsageErrorNamingIt(String options, String option, String detail) {
    Path output = dir.resolve("usage-" + Math.abs(options.hashCode()));
    List<String> args = new ArrayList<>(List.of("build", "--input", SAMPLE.toString(), "--output", output.toString()));
    args.addAll(Arrays.asList(options.split(" ")));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertEquals(2, run.exitCode(), run.err());
    String[] lines = run.err().split("\n");
    assertTrue(lines[0].startsWith(option + " "), run.err());
    assertTrue(lines[0].contains(detail), run.err());
    assertEquals("Try 'cotkit build --help' for the options.", lines[lines.length - 1],
        "one line of error, then where the options are explained, not the whole usage: " + run.err());
    assertFalse(run.err().contains("Usage:"), run.err());
    assertFalse(Files.exists(output), "nothing is written on a usage error");
  }

  // ------------------------------------------------------------------------- derived expectations

  /** The sample's records by id, in file order. */
  static Map<String, JsonNode> sampleById() throws Exception {
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    for (String line : Files.readAllLines(SAMPLE)) {
      JsonNode record = JSON.readTree(line);
      byId.put(record.get("id").asText(), record);
    }
    assertEquals(SAMPLE_RECORDS, byId.size());
    return byId;
  }

  /** Words separated by any kind of space: the unit cotkit counts tokens in. */
  static int words(String text) {
    int n = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      boolean space = Character.isWhitespace(c) || Character.isSpaceChar(c);
      if (!space && !inWord) {
        n++;
      }
      inWord = !space;
      i += Character.charCount(c);
    }
    return n;
  }

  /** Share of the record's samples the input marks correct. */
  static double passRate(JsonNode record) {
    JsonNode samples = record.get("samples");
    int correct = 0;
    for (JsonNode sample : samples) {
      if (sample.get("correct").asBoolean()) {
        correct++;
      }
    }
    return correct / (double) samples.size();
  }

  static String difficultyByPassRate(JsonNode record) {
    return passRate(record) >= DEFAULT_PASS_RATE_THRESHOLD ? "simple" : "complex";
  }

  /** DAST: round(p · mean length of correct samples + (1 − p) · longest sample), lengths in words. */
  static int dastBudget(JsonNode record) {
    int longest = 0;
    long correctTotal = 0;
    int correctCount = 0;
    int n = 0;
    for (JsonNode sample : record.get("samples")) {
      int length = words(sample.get("cot").asText());
      longest = Math.max(longest, length);
      if (sample.get("correct").asBoolean()) {
        correctTotal += length;
        correctCount++;
      }
      n++;
    }
    double p = (double) correctCount / n;
    double meanCorrect = correctCount == 0 ? 0 : (double) correctTotal / correctCount;
    return (int) Math.round(p * meanCorrect + (1 - p) * longest);
  }

  static long nearestRank(List<Long> values, double q) {
    List<Long> sorted = values.stream().sorted().toList();
    int rank = (int) Math.max(1, Math.ceil(q * sorted.size()));
    return sorted.get(rank - 1);
  }

  static String answerLine(String answer) {
    return "\n\nThe final answer is: $\\boxed{" + answer + "}$";
  }

  static Map<String, Long> counts(JsonNode object) {
    Map<String, Long> counts = new TreeMap<>();
    object.fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
    return counts;
  }

  private static String id(Map<String, Object> row) {
    return (String) row.get("source_id");
  }

  private static String normalised(String question) {
    return question.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  private static boolean isSubsequence(String[] part, String[] whole) {
    int j = 0;
    for (String word : part) {
      while (j < whole.length && !whole[j].equals(word)) {
        j++;
      }
      if (j == whole.length) {
        return false;
      }
      j++;
    }
    return true;
  }
}
