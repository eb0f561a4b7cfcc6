package org.cotkit.pipelines.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The nearest-rank percentile is DuckDB's quantile_disc, the one the stats tests check against. */
class NearestRankTest {

  private static final int[] PERCENTS = {1, 10, 25, 50, 75, 90, 95, 99, 100};

  @Test
  void theRankIsTheCeilingOfPTimesNOverAHundred() {
    assertEquals(0, NearestRank.index(1, 10));
    assertEquals(0, NearestRank.index(10, 10)); // rank 1 of 10
    assertEquals(8, NearestRank.index(10, 90)); // rank 9, exactly: no rounding up from 9.000000000000002
    assertEquals(9, NearestRank.index(10, 91));
    assertEquals(99, NearestRank.index(100, 100));
    assertEquals(0, NearestRank.index(3, 0));
    assertEquals(2, NearestRank.of(new int[] {1, 2, 3, 4}, 50)); // rank 2: the lower middle value, never a mean
    assertThrows(IllegalArgumentException.class, () -> NearestRank.index(0, 50));
    assertThrows(IllegalArgumentException.class, () -> NearestRank.index(5, 101));
  }

  @Test
  void itPicksWhatDuckDbsQuantileDiscPicks() throws Exception {
    Random random = new Random(7);
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = duck.createStatement()) {
      sql.execute("CREATE TABLE v (n INTEGER, x INTEGER)");
      try (PreparedStatement insert = duck.prepareStatement("INSERT INTO v VALUES (?, ?)")) {
        for (int n = 1; n <= 120; n++) {
          for (int i = 0; i < n; i++) {
            insert.setInt(1, n);
            insert.setInt(2, random.nextInt(1000));
            insert.addBatch();
          }
        }
        insert.executeBatch();
      }
      for (int n = 1; n <= 120; n++) {
        int[] values;
        try (ResultSet rows = sql.executeQuery("SELECT x FROM v WHERE n = " + n)) {
          values = new int[n];
          for (int i = 0; rows.next(); i++) {
            values[i] = rows.getInt(1);
          }
        }
        Arrays.sort(values);
        for (int percent : PERCENTS) {
          String q = percent == 100 ? "1.0" : String.format("0.%02d", percent);
          try (ResultSet duckDb = sql.executeQuery("SELECT quantile_disc(x, " + q + ") FROM v WHERE n = " + n)) {
            duckDb.next();
            assertEquals(duckDb.getInt(1), NearestRank.of(values, percent), "p" + percent + " of " + n + " values");
          }
        }
      }
    }
  }
}
