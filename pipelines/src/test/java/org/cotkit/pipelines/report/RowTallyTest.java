package org.cotkit.pipelines.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tally's figures equal DuckDB's aggregates of the same rows: random rows of both modes, three
 * splits, and the nulls a real dataset has (no γ on adaptive rows, no difficulty on compress rows,
 * rows never verified) and some it should not have (a TokenSkip row without lengths).
 */
class RowTallyTest {

  private static final double[] RATIOS = {0.5, 0.7, 1.0};
  private static final String[] SPLITS = {"train", "validation", "test"};
  private static DatasetStatistics stats;
  private static Connection duck;

  @BeforeAll
  static void tally() throws Exception {
    Random random = new Random(11);
    List<DatasetRow> rows = new ArrayList<>();
    for (int question = 0; question < 700; question++) {
      String split = SPLITS[random.nextInt(10) < 8 ? 0 : 1 + random.nextInt(2)];
      String difficulty = random.nextInt(5) == 0 ? null : random.nextBoolean() ? "simple" : "complex";
      Boolean verified = random.nextInt(4) == 0 ? null : random.nextInt(10) > 0;
      int cot = 5 + random.nextInt(400);
      for (double ratio : RATIOS) {
        int kept = (int) Math.round(cot * ratio) + random.nextInt(3) - 1;
        kept = Math.max(1, Math.min(cot, kept));
        boolean lengthless = random.nextInt(200) == 0;
        rows.add(new DatasetRow(split, "tokenskip", ratio, lengthless ? null : kept / (double) cot, difficulty, null,
            null, lengthless ? null : cot, lengthless ? null : kept, verified));
      }
      rows.add(new DatasetRow(split, "adaptive", null, null, difficulty,
          random.nextInt(20) == 0 ? null : random.nextInt(5) / 4.0, random.nextInt(20) == 0 ? null : 10 + random.nextInt(300),
          cot, cot, verified));
    }
    RowTally tally = new RowTally();
    rows.forEach(tally::add);
    stats = tally.statistics("/data/x", "build", "words", null);

    duck = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement sql = duck.createStatement()) {
      sql.execute("CREATE TABLE rows (split VARCHAR, mode VARCHAR, ratio DOUBLE, achieved_ratio DOUBLE, "
          + "difficulty VARCHAR, pass_rate DOUBLE, token_budget INTEGER, cot_tokens INTEGER, kept_tokens INTEGER, "
          + "verified BOOLEAN)");
    }
    try (PreparedStatement insert = duck.prepareStatement("INSERT INTO rows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (DatasetRow row : rows) {
        insert.setString(1, row.split());
        insert.setString(2, row.mode());
        insert.setObject(3, row.ratio(), Types.DOUBLE);
        insert.setObject(4, row.achievedRatio(), Types.DOUBLE);
        insert.setString(5, row.difficulty());
        insert.setObject(6, row.passRate(), Types.DOUBLE);
        insert.setObject(7, row.tokenBudget(), Types.INTEGER);
        insert.setObject(8, row.cotTokens(), Types.INTEGER);
        insert.setObject(9, row.keptTokens(), Types.INTEGER);
        insert.setObject(10, row.verified(), Types.BOOLEAN);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  @Test
  void groupsAreDuckDbsGroupBy() throws Exception {
    List<List<Object>> expected = new ArrayList<>();
    for (Map<String, Object> row : query("SELECT split, mode, ratio, difficulty, count(*) AS n, count(verified) AS c, "
        + "count(*) FILTER (WHERE verified) AS v FROM rows GROUP BY ALL "
        + "ORDER BY split, mode, ratio NULLS LAST, difficulty NULLS LAST")) {
      expected.add(List.of(row.get("split"), row.get("mode"), String.valueOf(row.get("ratio")),
          String.valueOf(row.get("difficulty")), row.get("n"), row.get("c"), row.get("v")));
    }
    List<List<Object>> actual = new ArrayList<>();
    for (DatasetStatistics.Group group : stats.groups()) {
      actual.add(List.of(group.split(), group.mode(), String.valueOf(group.ratio()), String.valueOf(group.difficulty()),
          group.rows(), group.checked(), group.verified()));
    }
    assertEquals(expected, actual);
    assertEquals(2800L, stats.rows());
  }

  @Test
  void lengthsErrorsAndSavingsAreDuckDbsAggregates() throws Exception {
    List<DatasetStatistics.Lengths> groups = new ArrayList<>(stats.lengths());
    groups.add(stats.tokenskip().orElseThrow());
    List<String> wheres = new ArrayList<>();
    for (double ratio : RATIOS) {
      wheres.add("mode = 'tokenskip' AND ratio = " + ratio);
    }
    wheres.add("mode = 'adaptive'");
    wheres.add("mode = 'tokenskip'");
    assertEquals(wheres.size(), groups.size(), "γ ascending, then adaptive");
    for (int g = 0; g < groups.size(); g++) {
      DatasetStatistics.Lengths lengths = groups.get(g);
      String where = " FROM rows WHERE " + wheres.get(g);
      assertEquals(longOf("SELECT count(*) AS x" + where), lengths.rows(), where);
      for (int percent : DatasetStatistics.LENGTH_PERCENTILES) {
        assertEquals(longOf("SELECT quantile_disc(cot_tokens, " + percent / 100.0 + ") AS x" + where),
            (long) lengths.before(percent).orElseThrow(), "before p" + percent + where);
        assertEquals(longOf("SELECT quantile_disc(kept_tokens, " + percent / 100.0 + ") AS x" + where),
            (long) lengths.after(percent).orElseThrow(), "after p" + percent + where);
      }
      assertEquals(longOf("SELECT max(cot_tokens) AS x" + where), (long) lengths.before(100).orElseThrow());
      assertEquals(longOf("SELECT sum(cot_tokens - kept_tokens) AS x" + where), lengths.saved(), where);
      assertEquals(longOf("SELECT sum(cot_tokens) FILTER (WHERE kept_tokens IS NOT NULL) AS x" + where),
          lengths.savedFrom(), where);
      Object mean = query("SELECT avg(abs(achieved_ratio - ratio)) AS x" + where).get(0).get("x");
      Object p95 = query("SELECT quantile_disc(abs(achieved_ratio - ratio), 0.95) AS x" + where).get(0).get("x");
      if (mean == null) {
        assertTrue(lengths.meanError().isEmpty() && lengths.error(95).isEmpty(), where);
      } else {
        assertEquals((Double) mean, lengths.meanError().orElseThrow(), 1e-12, where);
        assertEquals((Double) p95, lengths.error(95).orElseThrow(), 0.0, where);
      }
    }
  }

  @Test
  void adaptiveLabelsAreDuckDbsAggregatesOfTheAdaptiveRows() throws Exception {
    DatasetStatistics.Adaptive adaptive = stats.adaptive();
    assertEquals(longOf("SELECT count(*) AS x FROM rows WHERE mode = 'adaptive'"), adaptive.rows());
    assertEquals(longOf("SELECT count(*) AS x FROM rows WHERE mode = 'adaptive' AND token_budget IS NULL"),
        adaptive.withoutBudget());
    assertEquals(longOf("SELECT count(*) AS x FROM rows WHERE mode = 'adaptive' AND pass_rate IS NULL"),
        adaptive.withoutPassRate());
    for (int percent : DatasetStatistics.LENGTH_PERCENTILES) {
      assertEquals(longOf("SELECT quantile_disc(token_budget, " + percent / 100.0 + ") AS x FROM rows WHERE mode = 'adaptive'"),
          (long) adaptive.tokenBudget(percent).orElseThrow());
      assertEquals((Double) query("SELECT quantile_disc(pass_rate, " + percent / 100.0
              + ") AS x FROM rows WHERE mode = 'adaptive'").get(0).get("x"),
          adaptive.passRate(percent).orElseThrow(), 0.0);
    }
    Map<String, Map<String, Long>> bySplit = new TreeMap<>();
    for (Map<String, Object> row : query("SELECT split, coalesce(difficulty, '-') AS d, count(*) AS n FROM rows "
        + "WHERE mode = 'adaptive' GROUP BY ALL")) {
      bySplit.computeIfAbsent((String) row.get("split"), s -> new TreeMap<>()).put((String) row.get("d"),
          ((Number) row.get("n")).longValue());
    }
    assertEquals(bySplit, adaptive.difficultyBySplit());
  }

  @Test
  void aDatasetWithoutTokenSkipRowsHasNoHeadline() {
    RowTally tally = new RowTally();
    tally.add(new DatasetRow("train", "adaptive", null, null, "simple", 1.0, 12, 30, 30, true));
    DatasetStatistics adaptiveOnly = tally.statistics("/x", "build", "words", null);
    assertEquals(Optional.empty(), adaptiveOnly.tokenskip());
    assertEquals(Optional.empty(), StatisticsTable.headline(adaptiveOnly));
  }

  private static long longOf(String select) throws Exception {
    return ((Number) query(select).get(0).get("x")).longValue();
  }

  private static List<Map<String, Object>> query(String select) throws Exception {
    try (Statement sql = duck.createStatement(); ResultSet result = sql.executeQuery(select)) {
      List<Map<String, Object>> rows = new ArrayList<>();
      while (result.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
          row.put(result.getMetaData().getColumnLabel(i), result.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }
}
