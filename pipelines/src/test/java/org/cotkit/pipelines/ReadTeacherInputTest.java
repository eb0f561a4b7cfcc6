package org.cotkit.pipelines;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class ReadTeacherInputTest implements Serializable {

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();
  @Rule public final transient TemporaryFolder folder = new TemporaryFolder();

  /**
   * Five lines: CRLF endings, a blank line, a line with invalid UTF-8 (0xC3 0x28), a valid
   * multi-byte line, and a last line without a newline.
   */
  private static byte[] fiveLines() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write("{\"id\": \"1\", \"question\": \"Q1\"}\r\n".getBytes(StandardCharsets.UTF_8));
    bytes.write("\r\n".getBytes(StandardCharsets.UTF_8));
    bytes.write("{\"id\": \"3\", \"question\": \"caf".getBytes(StandardCharsets.UTF_8));
    bytes.write(new byte[] {(byte) 0xC3, (byte) 0x28});
    bytes.write("\"}\r\n".getBytes(StandardCharsets.UTF_8));
    bytes.write("{\"id\": \"4\", \"question\": \"café – ✓\"}\r\n".getBytes(StandardCharsets.UTF_8));
    bytes.write("{\"id\": \"5\", \"question\": \"Q5\"}".getBytes(StandardCharsets.UTF_8));
    return bytes.toByteArray();
  }

  private Path write(String name, byte[] content) throws IOException {
    Path file = folder.getRoot().toPath().resolve(name);
    Files.write(file, content);
    return file;
  }

  private static PCollection<RawRecord> flatten(PCollection<List<RawRecord>> batches) {
    return batches.apply("Flatten",
        FlatMapElements.into(TypeDescriptor.of(RawRecord.class)).via((List<RawRecord> batch) -> batch));
  }

  private static List<RawRecord> sortedByLine(Iterable<RawRecord> records) {
    List<RawRecord> all = new ArrayList<>();
    records.forEach(all::add);
    all.sort(Comparator.comparing(RawRecord::file).thenComparingLong(RawRecord::line));
    return all;
  }

  /** The five lines as read, whatever file they came from. */
  private static void assertFiveLines(List<RawRecord> records, String fileSuffix) {
    assertEquals(records.toString(), 5, records.size());
    for (int i = 0; i < 5; i++) {
      assertEquals(i + 1, records.get(i).line());
      assertTrue(records.get(i).file(), records.get(i).file().endsWith(fileSuffix));
    }
    assertEquals("{\"id\": \"1\", \"question\": \"Q1\"}", records.get(0).text());
    assertNull(records.get(0).readError());
    assertEquals("", records.get(1).text());
    assertNull(records.get(1).readError());
    assertEquals("not valid UTF-8", records.get(2).readError());
    assertTrue(records.get(2).text(), records.get(2).text().startsWith("{\"id\": \"3\""));
    assertFalse("no CR left", records.get(2).text().endsWith("\r"));
    assertEquals("{\"id\": \"4\", \"question\": \"café – ✓\"}", records.get(3).text());
    assertNull(records.get(3).readError());
    assertEquals("{\"id\": \"5\", \"question\": \"Q5\"}", records.get(4).text());
    assertNull(records.get(4).readError());
  }

  @Test
  public void jsonlLinesBecomeRawRecordsWithLineNumbers() throws IOException {
    String file = write("teacher.jsonl", fiveLines()).toString();
    PCollection<List<RawRecord>> batches =
        pipeline.apply(new ReadTeacherInput(file, ReadTeacherInput.Format.AUTO, 100));

    PAssert.that(flatten(batches)).satisfies(records -> {
      List<RawRecord> all = sortedByLine(records);
      assertFiveLines(all, "/teacher.jsonl");
      assertEquals(file, all.get(0).file());
      return null;
    });
    PAssert.that(batches).satisfies(all -> {
      int count = 0;
      for (List<RawRecord> batch : all) {
        assertEquals(5, batch.size());
        count++;
      }
      assertEquals("one batch when the file fits", 1, count);
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void batchesHoldAtMostBatchSizeRecordsAndTogetherAllOfThem() throws IOException {
    Path file = write("teacher.jsonl", fiveLines());
    PCollection<List<RawRecord>> batches =
        pipeline.apply(new ReadTeacherInput(file.toString(), ReadTeacherInput.Format.JSONL, 2));

    PAssert.that(batches).satisfies(all -> {
      List<RawRecord> records = new ArrayList<>();
      List<Integer> sizes = new ArrayList<>();
      for (List<RawRecord> batch : all) {
        assertTrue("batch of " + batch.size(), batch.size() >= 1 && batch.size() <= 2);
        sizes.add(batch.size());
        records.addAll(batch);
      }
      sizes.sort(null);
      assertEquals(List.of(1, 2, 2), sizes);
      assertFiveLines(sortedByLine(records), "/teacher.jsonl");
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void gzippedJsonlIsReadTheSame() throws IOException {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (OutputStream gzip = new GZIPOutputStream(compressed)) {
      gzip.write(fiveLines());
    }
    Path file = write("teacher.jsonl.gz", compressed.toByteArray());
    PCollection<List<RawRecord>> batches =
        pipeline.apply(new ReadTeacherInput(file.toString(), ReadTeacherInput.Format.AUTO, 3));

    PAssert.that(flatten(batches)).satisfies(records -> {
      assertFiveLines(sortedByLine(records), "/teacher.jsonl.gz");
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  private void writeParquet(Path file, String select) throws SQLException {
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = duck.createStatement()) {
      sql.execute("COPY (" + select + ") TO '" + file + "' (FORMAT PARQUET)");
    }
  }

  @Test
  public void parquetRowsBecomeJsonRecords() throws Exception {
    writeParquet(folder.getRoot().toPath().resolve("teacher.parquet"), "SELECT * FROM (VALUES "
        + "(1, 'What is 2+3?', '5', '2 plus 3 is 5', {'gold': 'five'}), "
        + "(2, 'Say \"hi\" – café', NULL, 'line one\nline two', {'gold': NULL}), "
        + "(3, 'Q3', '7', 'c', {'gold': '7'})"
        + ") AS t(id, question, answer, long_cot, meta) ORDER BY id");
    PCollection<List<RawRecord>> batches =
        pipeline.apply(new ReadTeacherInput(folder.getRoot() + "/*.parquet", ReadTeacherInput.Format.AUTO, 2));

    PAssert.that(batches).satisfies(all -> {
      all.forEach(batch -> assertTrue("batch of " + batch.size(), batch.size() <= 2));
      return null;
    });
    PAssert.that(flatten(batches)).satisfies(records -> {
      List<RawRecord> all = sortedByLine(records);
      assertEquals(all.toString(), 3, all.size());
      ObjectMapper json = new ObjectMapper();
      try {
        for (int i = 0; i < 3; i++) {
          RawRecord record = all.get(i);
          assertEquals(i + 1, record.line());
          assertNull(record.readError());
          assertTrue(record.file(), record.file().endsWith("/teacher.parquet"));
          JsonNode row = json.readTree(record.text());
          assertTrue(record.text(), row.isObject());
          assertTrue(record.text(), row.get("id").isIntegralNumber());
          assertEquals(i + 1, row.get("id").asInt());
        }
        JsonNode first = json.readTree(all.get(0).text());
        assertEquals("What is 2+3?", first.get("question").textValue());
        assertEquals("5", first.get("answer").textValue());
        assertEquals("2 plus 3 is 5", first.get("long_cot").textValue());
        assertEquals("five", first.at("/meta/gold").textValue());
        JsonNode second = json.readTree(all.get(1).text());
        assertEquals("Say \"hi\" – café", second.get("question").textValue());
        assertTrue(second.get("answer").isNull());
        assertEquals("line one\nline two", second.get("long_cot").textValue());

        // and the rows parse as teacher records, nested columns reached by dotted paths
        TeacherRecordParser parser = new TeacherRecordParser(FieldMapping.parse("answer=meta.gold"), InputPreset.NONE);
        TeacherRecord parsed = parser.parse(all.get(0));
        assertEquals("1", parsed.id());
        assertEquals("five", parsed.answer());
        assertNull(parser.parse(all.get(1)).answer());
      } catch (IOException | InvalidRecordException e) {
        throw new AssertionError(e);
      }
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void unreadableFileBecomesOneRecordWithAReadError() throws IOException {
    write("broken.parquet", "this is not a parquet file at all".getBytes(StandardCharsets.UTF_8));
    PCollection<List<RawRecord>> batches =
        pipeline.apply(new ReadTeacherInput(folder.getRoot() + "/broken.parquet", ReadTeacherInput.Format.AUTO, 10));

    PAssert.that(flatten(batches)).satisfies(records -> {
      List<RawRecord> all = sortedByLine(records);
      assertEquals(all.toString(), 1, all.size());
      assertEquals(0, all.get(0).line());
      assertTrue(all.get(0).file(), all.get(0).file().endsWith("/broken.parquet"));
      assertTrue(all.get(0).readError(), all.get(0).readError().startsWith("cannot read file: "));
      assertFalse(all.get(0).readError().contains("\n"));
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  /**
   * Parquet LIST columns (as DuckDB, pyarrow and Spark write them) must reach the parser as plain
   * arrays, not as parquet-avro's arrays of {"element": ...} records.
   */
  @Test
  public void parquetListColumnsBecomeJsonArrays() throws Exception {
    writeParquet(folder.getRoot().toPath().resolve("samples.parquet"),
        "SELECT 'Q' AS question, 'c' AS long_cot, ['a', 'b'] AS samples");
    PCollection<List<RawRecord>> batches =
        pipeline.apply(new ReadTeacherInput(folder.getRoot() + "/samples.parquet", ReadTeacherInput.Format.AUTO, 10));
    PAssert.that(flatten(batches)).satisfies(records -> {
      RawRecord record = records.iterator().next();
      try {
        TeacherRecord parsed = new TeacherRecordParser(FieldMapping.identity(), InputPreset.NONE).parse(record);
        assertEquals(List.of(new TeacherSample("a", null), new TeacherSample("b", null)), parsed.samples());
      } catch (InvalidRecordException e) {
        throw new AssertionError(record.text() + ": " + e.getMessage());
      }
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  /** A Parquet DECIMAL column keeps its value (1.5, not the unscaled 15). */
  @Test
  public void parquetDecimalKeepsItsValue() throws Exception {
    writeParquet(folder.getRoot().toPath().resolve("decimal.parquet"),
        "SELECT 'Q' AS question, 'c' AS long_cot, 1.5 AS answer");
    PCollection<List<RawRecord>> batches =
        pipeline.apply(new ReadTeacherInput(folder.getRoot() + "/decimal.parquet", ReadTeacherInput.Format.AUTO, 10));
    PAssert.that(flatten(batches)).satisfies(records -> {
      RawRecord record = records.iterator().next();
      try {
        assertEquals(record.text(), "1.5",
            new TeacherRecordParser(FieldMapping.identity(), InputPreset.NONE).parse(record).answer());
      } catch (InvalidRecordException e) {
        throw new AssertionError(record.text() + ": " + e.getMessage());
      }
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void batchSizeBelowOneIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new ReadTeacherInput("x.jsonl", ReadTeacherInput.Format.AUTO, 0));
  }

  @Test
  public void formatDecidesParquetOrJsonl() {
    assertTrue(ReadTeacherInput.isParquet("gs://b/DATA.PARQUET", ReadTeacherInput.Format.AUTO));
    assertFalse(ReadTeacherInput.isParquet("/d/data.jsonl", ReadTeacherInput.Format.AUTO));
    assertFalse(ReadTeacherInput.isParquet("/d/data.parquet", ReadTeacherInput.Format.JSONL));
    assertTrue(ReadTeacherInput.isParquet("/d/data.bin", ReadTeacherInput.Format.PARQUET));
  }
}
