package org.cotkit.pipelines;

import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/**
 * Compressing a chunk at a time in one step writes exactly the rows, in exactly the files, and the
 * counts of the step-by-step pipeline, on the bundled sample with a bad line and a blank line added.
 */
@RunWith(JUnit4.class)
public class CompressChunksTest {

  @ClassRule public static final TemporaryFolder FOLDER = new TemporaryFolder();

  private static Path inChunks;
  private static Path stepByStep;

  @BeforeClass
  public static void compressBothWays() throws IOException {
    Path input = FOLDER.getRoot().toPath().resolve("teacher.jsonl");
    List<String> lines = Files.readAllLines(Path.of("..", "samples", "gsm8k-teacher.jsonl"));
    lines.add(37, "{\"question\": ");
    lines.add(81, "");
    Files.write(input, lines);
    inChunks = FOLDER.getRoot().toPath().resolve("in-chunks");
    stepByStep = FOLDER.getRoot().toPath().resolve("step-by-step");
    run(input, inChunks, true);
    run(input, stepByStep, false);
  }

  private static void run(Path input, Path output, boolean chunked) {
    CompressOptions options = PipelineOptionsFactory.create().as(CompressOptions.class);
    options.setRunner(DirectRunner.class);
    options.setInput(input.toString());
    options.setOutput(output.toString());
    options.setInputFormat(ReadTeacherInput.Format.AUTO);
    options.setFieldMap("");
    options.setPreset(InputPreset.NONE);
    options.setCot(CotPreference.LONG);
    options.setRecordsPerBatch(30);
    Pipeline pipeline = Pipeline.create(options);
    CompressPipeline.build(pipeline, options, chunked);
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void writesTheSameFiles() throws IOException {
    assertEquals(files(stepByStep), files(inChunks));
    assertEquals(7, files(inChunks).size()); // 202 lines in batches of 30
  }

  @Test
  public void leavesNoTemporaryFileBehind() throws IOException {
    try (Stream<Path> files = Files.list(inChunks)) {
      assertEquals(List.of("data", "errors", WriteManifest.FILE_NAME),
          files.map(f -> f.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  public void writesTheSameRows() throws Exception {
    assertEquals(200L * 6, count("SELECT count(*) FROM " + rows(inChunks)));
    assertEquals(0, count("SELECT count(*) FROM (SELECT * FROM " + rows(inChunks) + " EXCEPT ALL SELECT * FROM "
        + rows(stepByStep) + ")"));
    assertEquals(0, count("SELECT count(*) FROM (SELECT * FROM " + rows(stepByStep) + " EXCEPT ALL SELECT * FROM "
        + rows(inChunks) + ")"));
  }

  @Test
  public void countsTheSameAndBalances() throws IOException {
    JsonNode counts = manifestCounts(inChunks);
    assertEquals(manifestCounts(stepByStep), counts);
    assertEquals(202, counts.path("records_read").asLong());
    assertEquals(200, counts.path("records_written").asLong());
    assertEquals(1, counts.path("dead_lettered").asLong());
    assertEquals(1, counts.path("filtered").asLong());
    assertEquals(true, counts.path("balanced").asBoolean());
  }

  @Test
  public void deadLettersTheBadLineWithItsLineNumber() throws IOException {
    try (Stream<Path> files = Files.list(inChunks.resolve("errors"))) {
      String errors = String.join("\n", files.filter(f -> !f.getFileName().toString().startsWith("."))
          .flatMap(f -> {
            try {
              return Files.readAllLines(f).stream();
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
          }).toList());
      JsonNode letter = new ObjectMapper().readTree(errors);
      assertEquals(38, letter.path("line").asLong());
      assertEquals("parse", letter.path("stage").asText());
    }
  }

  private static List<String> files(Path output) throws IOException {
    try (Stream<Path> files = Files.list(output.resolve("data"))) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  private static JsonNode manifestCounts(Path output) throws IOException {
    return new ObjectMapper().readTree(output.resolve(WriteManifest.FILE_NAME).toFile()).path("counts");
  }

  private static String rows(Path output) {
    return "read_parquet('" + output.resolve("data").toAbsolutePath() + "/*.parquet')";
  }

  private static long count(String sql) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }
}
