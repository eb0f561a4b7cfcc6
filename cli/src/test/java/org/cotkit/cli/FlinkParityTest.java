package org.cotkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same {@code cotkit compress}, {@code build} and {@code label} on the bundled sample, once on
 * an embedded Flink cluster with two slots and once on the direct runner, give the same rows
 * (compared as multisets of whole rows with DuckDB) and the same manifest: counts, label
 * distributions and example counts. The build decides difficulty by the long CoT's length, so its
 * corpus pass merges both the bigram counts and the lengths for the percentile across Flink's
 * workers; label, with its default policies, writes Parquet.
 */
class FlinkParityTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Each command's options, the same on both runners. */
  private static final Map<String, List<String>> COMMANDS = Map.of(
      "compress", List.of(),
      "build", List.of("--difficulty", "length"),
      "label", List.of("--output-format", "parquet"));

  /** Rows each command writes for the sample's records: six ratios, build one adaptive row more. */
  private static final Map<String, Long> ROWS_PER_RECORD = Map.of("compress", 6L, "build", 7L, "label", 1L);

  @TempDir static Path runs;

  /** One command run on both runners. */
  record Runs(Path flink, Path direct, CliRun flinkRun, CliRun directRun) {
    JsonNode flinkManifest() throws Exception {
      return JSON.readTree(flink.resolve("manifest.json").toFile());
    }

    JsonNode directManifest() throws Exception {
      return JSON.readTree(direct.resolve("manifest.json").toFile());
    }
  }

  private static final Map<String, Runs> RUNS = new LinkedHashMap<>();

  @BeforeAll
  static void runEachCommandOnBothRunners() {
    String sample = CompressCommandTest.SAMPLE.toString();
    for (String command : List.of("compress", "build", "label")) {
      Path flink = runs.resolve(command + "-flink");
      Path direct = runs.resolve(command + "-direct");
      // a small batch size gives Flink several batches to spread over its two slots
      List<String> args = new ArrayList<>(List.of(command, "--input", sample, "--records-per-batch", "40", "--quiet"));
      args.addAll(COMMANDS.get(command));
      CliRun flinkRun = run(args, "--output", flink.toString(),
          "--runner", "FlinkRunner", "--flink-master", "[local]", "--parallelism", "2");
      CliRun directRun = run(args, "--output", direct.toString());
      RUNS.put(command, new Runs(flink, direct, flinkRun, directRun));
    }
  }

  private static CliRun run(List<String> args, String... more) {
    List<String> all = new ArrayList<>(args);
    all.addAll(Arrays.asList(more));
    return CliRun.of(all.toArray(String[]::new));
  }

  @ParameterizedTest
  @ValueSource(strings = {"compress", "build", "label"})
  void bothRunsSucceedEachOnItsRunner(String command) throws Exception {
    Runs runs = RUNS.get(command);
    assertEquals(0, runs.flinkRun().exitCode(), runs.flinkRun().err());
    assertEquals(0, runs.directRun().exitCode(), runs.directRun().err());
    assertTrue(runs.flinkRun().err().contains("(runner FlinkRunner)"), runs.flinkRun().err());
    assertEquals("FlinkRunner", runs.flinkManifest().at("/options/runner").asText());
    assertEquals("DirectRunner", runs.directManifest().at("/options/runner").asText());
  }

  @ParameterizedTest
  @ValueSource(strings = {"compress", "build", "label"})
  void flinkWritesExactlyTheRowsOfTheDirectRunner(String command) throws Exception {
    Runs runs = RUNS.get(command);
    assertEquals(CompressCommandTest.SAMPLE_RECORDS * ROWS_PER_RECORD.get(command), Parquet.count(runs.flink(), ""));
    assertEquals(0, rowsOnlyIn(runs.flink(), runs.direct()), "rows written on Flink but not on the direct runner");
    assertEquals(0, rowsOnlyIn(runs.direct(), runs.flink()), "rows written on the direct runner but not on Flink");
  }

  @ParameterizedTest
  @ValueSource(strings = {"compress", "build", "label"})
  void manifestsCountTheSame(String command) throws Exception {
    Runs runs = RUNS.get(command);
    JsonNode flinkCounts = runs.flinkManifest().path("counts");
    assertEquals(runs.directManifest().path("counts"), flinkCounts);
    assertTrue(flinkCounts.path("balanced").asBoolean(), flinkCounts.toString());
    assertEquals(CompressCommandTest.SAMPLE_RECORDS, flinkCounts.path("records_read").asLong());
  }

  @ParameterizedTest
  @ValueSource(strings = {"build", "label"})
  void manifestsLabelTheSame(String command) throws Exception {
    Runs runs = RUNS.get(command);
    JsonNode flinkLabels = runs.flinkManifest().path("labels");
    assertTrue(flinkLabels.path("difficulty").size() > 0, flinkLabels.toString());
    assertEquals(runs.directManifest().path("labels"), flinkLabels);
  }

  @Test
  void buildManifestsCountTheSameExamples() throws Exception {
    Runs build = RUNS.get("build");
    JsonNode flinkExamples = build.flinkManifest().path("examples");
    assertEquals(CompressCommandTest.SAMPLE_RECORDS, flinkExamples.at("/mode/adaptive").asLong(), flinkExamples.toString());
    assertEquals(build.directManifest().path("examples"), flinkExamples);
    // every question decided by its length against the percentile of the whole input's lengths
    assertEquals(CompressCommandTest.SAMPLE_RECORDS, build.flinkManifest().at("/labels/decided_by/length").asLong());
  }

  /**
   * Apart from where the output went and which runner ran it (and the command line that said so),
   * the manifests are the same: the same counts and the same files, byte for byte by their SHA-256.
   */
  @ParameterizedTest
  @ValueSource(strings = {"compress", "build", "label"})
  void manifestsAreTheSameButForOutputAndRunner(String command) throws Exception {
    Runs runs = RUNS.get(command);
    assertEquals(withoutOutputAndRunner(runs.directManifest()), withoutOutputAndRunner(runs.flinkManifest()));
  }

  private static JsonNode withoutOutputAndRunner(JsonNode manifest) {
    ObjectNode copy = manifest.deepCopy();
    ((ObjectNode) copy.path("options")).remove(List.of("output", "runner"));
    copy.remove("command_line");
    return copy;
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
    return "read_parquet('" + output.resolve("data").toAbsolutePath() + "/**/*.parquet')";
  }
}
