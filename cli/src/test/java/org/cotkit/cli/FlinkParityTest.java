package org.cotkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same {@code cotkit compress} on the bundled sample, once on an embedded Flink cluster and
 * once on the direct runner, gives the same rows (compared as multisets of whole rows with DuckDB)
 * and the same manifest counts.
 */
class FlinkParityTest {

  @TempDir static Path runs;
  static Path flink;
  static Path direct;
  static CliRun flinkRun;
  static CliRun directRun;

  @BeforeAll
  static void compressOnBothRunners() {
    flink = runs.resolve("flink");
    direct = runs.resolve("direct");
    String sample = CompressCommandTest.SAMPLE.toString();
    // a small batch size gives Flink several batches to spread over its two slots
    flinkRun = CliRun.of("compress", "--input", sample, "--output", flink.toString(), "--records-per-batch", "40",
        "--runner", "FlinkRunner", "--flink-master", "[local]", "--parallelism", "2", "--quiet");
    directRun = CliRun.of("compress", "--input", sample, "--output", direct.toString(), "--records-per-batch", "40",
        "--quiet");
  }

  @Test
  void bothRunsSucceed() {
    assertEquals(0, flinkRun.exitCode(), flinkRun.err());
    assertEquals(0, directRun.exitCode(), directRun.err());
  }

  @Test
  void flinkWritesExactlyTheRowsOfTheDirectRunner() throws Exception {
    assertEquals(CompressCommandTest.SAMPLE_RECORDS * 6L, Parquet.count(flink, ""));
    assertEquals(0, rowsOnlyIn(flink, direct), "rows written on Flink but not on the direct runner");
    assertEquals(0, rowsOnlyIn(direct, flink), "rows written on the direct runner but not on Flink");
  }

  @Test
  void manifestsCountTheSame() throws Exception {
    JsonNode flinkCounts = new ObjectMapper().readTree(flink.resolve("manifest.json").toFile()).path("counts");
    JsonNode directCounts = new ObjectMapper().readTree(direct.resolve("manifest.json").toFile()).path("counts");
    assertEquals(directCounts, flinkCounts);
    assertEquals(true, flinkCounts.path("balanced").asBoolean());
  }

  /** Rows of {@code a} not matched one for one by a row of {@code b}, every column compared. */
  private static long rowsOnlyIn(Path a, Path b) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT count(*) FROM (SELECT * FROM " + rows(a)
            + " EXCEPT ALL SELECT * FROM " + rows(b) + ")")) {
      result.next();
      return result.getLong(1);
    }
  }

  private static String rows(Path output) {
    return "read_parquet('" + output.resolve("data").toAbsolutePath() + "/*.parquet')";
  }
}
