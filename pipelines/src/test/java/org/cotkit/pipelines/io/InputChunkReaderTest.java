package org.cotkit.pipelines.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chunk's lines (or Parquet rows) become raw records, each with its file and number; bad bytes
 * and unreadable files become records with a read error, never an exception.
 */
class InputChunkReaderTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path folder;

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
    Path file = folder.resolve(name);
    Files.write(file, content);
    return file;
  }

  /** The file's records in batches of {@code batchSize}, as a record pass reads them. */
  private static List<List<RawRecord>> batches(Path file, InputFormat format, int batchSize) {
    List<List<RawRecord>> batches = new ArrayList<>();
    RecordBatcher<RawRecord> batcher = new RecordBatcher<>(batchSize, batches::add);
    new InputChunkReader(format, 1 << 20).read(InputChunk.wholeFile(file.toString()), batcher::add);
    batcher.flush();
    return batches;
  }

  private static List<RawRecord> read(Path file) {
    List<RawRecord> records = new ArrayList<>();
    new InputChunkReader(InputFormat.AUTO, 1 << 20).read(InputChunk.wholeFile(file.toString()), records::add);
    return records;
  }

  private static List<RawRecord> sortedByLine(List<List<RawRecord>> batches) {
    List<RawRecord> all = new ArrayList<>();
    batches.forEach(all::addAll);
    all.sort(Comparator.comparing(RawRecord::file).thenComparingLong(RawRecord::line));
    return all;
  }

  /** The five lines as read, whatever file they came from. */
  private static void assertFiveLines(List<RawRecord> records, String fileSuffix) {
    assertEquals(5, records.size(), records.toString());
    for (int i = 0; i < 5; i++) {
      assertEquals(i + 1, records.get(i).line());
      assertTrue(records.get(i).file().endsWith(fileSuffix), records.get(i).file());
    }
    assertEquals("{\"id\": \"1\", \"question\": \"Q1\"}", records.get(0).text());
    assertNull(records.get(0).readError());
    assertEquals("", records.get(1).text());
    assertNull(records.get(1).readError());
    assertEquals("not valid UTF-8", records.get(2).readError());
    assertTrue(records.get(2).text().startsWith("{\"id\": \"3\""), records.get(2).text());
    assertFalse(records.get(2).text().endsWith("\r"), "no CR left");
    assertEquals("{\"id\": \"4\", \"question\": \"café – ✓\"}", records.get(3).text());
    assertNull(records.get(3).readError());
    assertEquals("{\"id\": \"5\", \"question\": \"Q5\"}", records.get(4).text());
    assertNull(records.get(4).readError());
  }

  @Test
  void jsonlLinesBecomeRawRecordsWithLineNumbers() throws IOException {
    Path file = write("teacher.jsonl", fiveLines());
    List<List<RawRecord>> batches = batches(file, InputFormat.AUTO, 100);

    List<RawRecord> all = sortedByLine(batches);
    assertFiveLines(all, "/teacher.jsonl");
    assertEquals(file.toString(), all.get(0).file());
    for (List<RawRecord> batch : batches) {
      assertEquals(5, batch.size());
    }
    assertEquals(1, batches.size(), "one batch when the file fits");
  }

  @Test
  void batchesHoldAtMostBatchSizeRecordsAndTogetherAllOfThem() throws IOException {
    Path file = write("teacher.jsonl", fiveLines());
    List<List<RawRecord>> batches = batches(file, InputFormat.JSONL, 2);

    List<Integer> sizes = new ArrayList<>();
    for (List<RawRecord> batch : batches) {
      assertTrue(batch.size() >= 1 && batch.size() <= 2, "batch of " + batch.size());
      sizes.add(batch.size());
    }
    sizes.sort(null);
    assertEquals(List.of(1, 2, 2), sizes);
    assertFiveLines(sortedByLine(batches), "/teacher.jsonl");
  }

  @Test
  void gzippedJsonlIsReadTheSame() throws IOException {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (OutputStream gzip = new GZIPOutputStream(compressed)) {
      gzip.write(fiveLines());
    }
    Path file = write("teacher.jsonl.gz", compressed.toByteArray());

    assertFiveLines(sortedByLine(batches(file, InputFormat.AUTO, 3)), "/teacher.jsonl.gz");
  }

  @Test
  void parquetRowsBecomeJsonRecords() throws Exception {
    Path file = folder.resolve("teacher.parquet");
    DuckDbParquet.write(file, "SELECT * FROM (VALUES "
        + "(1, 'What is 2+3?', '5', '2 plus 3 is 5', {'gold': 'five'}), "
        + "(2, 'Say \"hi\" – café', NULL, 'line one\nline two', {'gold': NULL}), "
        + "(3, 'Q3', '7', 'c', {'gold': '7'})"
        + ") AS t(id, question, answer, long_cot, meta) ORDER BY id");
    List<List<RawRecord>> batches = batches(file, InputFormat.AUTO, 2);

    batches.forEach(batch -> assertTrue(batch.size() <= 2, "batch of " + batch.size()));
    List<RawRecord> all = sortedByLine(batches);
    assertEquals(3, all.size(), all.toString());
    for (int i = 0; i < 3; i++) {
      RawRecord record = all.get(i);
      assertEquals(i + 1, record.line());
      assertNull(record.readError());
      assertTrue(record.file().endsWith("/teacher.parquet"), record.file());
      JsonNode row = JSON.readTree(record.text());
      assertTrue(row.isObject(), record.text());
      assertTrue(row.get("id").isIntegralNumber(), record.text());
      assertEquals(i + 1, row.get("id").asInt());
    }
    JsonNode first = JSON.readTree(all.get(0).text());
    assertEquals("What is 2+3?", first.get("question").textValue());
    assertEquals("5", first.get("answer").textValue());
    assertEquals("2 plus 3 is 5", first.get("long_cot").textValue());
    assertEquals("five", first.at("/meta/gold").textValue());
    JsonNode second = JSON.readTree(all.get(1).text());
    assertEquals("Say \"hi\" – café", second.get("question").textValue());
    assertTrue(second.get("answer").isNull());
    assertEquals("line one\nline two", second.get("long_cot").textValue());
  }

  @Test
  void unreadableFileBecomesOneRecordWithAReadError() throws IOException {
    Path file = write("broken.parquet", "this is not a parquet file at all".getBytes(StandardCharsets.UTF_8));

    List<RawRecord> all = sortedByLine(batches(file, InputFormat.AUTO, 10));
    assertEquals(1, all.size(), all.toString());
    assertEquals(0, all.get(0).line());
    assertTrue(all.get(0).file().endsWith("/broken.parquet"), all.get(0).file());
    assertTrue(all.get(0).readError().startsWith("cannot read file: "), all.get(0).readError());
    assertFalse(all.get(0).readError().contains("\n"));
    // Parquet's own message names the file by its path, not by an object's hash code
    assertTrue(all.get(0).readError().contains(file + " is not a Parquet file"), all.get(0).readError());
  }

  /**
   * A failure of what is done with a record (its batch cannot be written) fails the read, as it
   * is: it is not a read error of the lines after it, and nothing is dead-lettered in its place.
   */
  @Test
  void aFailureOfTheConsumerIsNotAReadError() throws IOException {
    Path file = write("three.jsonl", "{\"a\":1}\n{\"a\":2}\n{\"a\":3}\n".getBytes(StandardCharsets.UTF_8));
    List<RawRecord> seen = new ArrayList<>();
    IllegalStateException thrown = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> new InputChunkReader(InputFormat.AUTO, 1 << 20).read(InputChunk.wholeFile(file.toString()), record -> {
          seen.add(record);
          if (record.line() == 2) {
            throw new IllegalStateException("disk full");
          }
        }));
    assertEquals("disk full", thrown.getMessage());
    assertEquals(List.of(1L, 2L), seen.stream().map(RawRecord::line).toList(), "no dead letter follows the failure");
  }

  /**
   * Parquet LIST columns (as DuckDB, pyarrow and Spark write them) must become plain JSON arrays,
   * not parquet-avro's arrays of {"element": ...} records.
   */
  @Test
  void parquetListColumnsBecomeJsonArrays() throws Exception {
    Path file = folder.resolve("samples.parquet");
    DuckDbParquet.write(file, "SELECT 'Q' AS question, 'c' AS long_cot, ['a', 'b'] AS samples");

    List<RawRecord> records = read(file);
    assertEquals(1, records.size(), records.toString());
    assertEquals(JSON.readTree("[\"a\", \"b\"]"), JSON.readTree(records.get(0).text()).get("samples"),
        records.get(0).text());
  }

  /** A Parquet DECIMAL column keeps its value (1.5, not the unscaled 15). */
  @Test
  void parquetDecimalKeepsItsValue() throws Exception {
    Path file = folder.resolve("decimal.parquet");
    DuckDbParquet.write(file, "SELECT 'Q' AS question, 'c' AS long_cot, 1.5 AS answer");

    List<RawRecord> records = read(file);
    assertEquals(1, records.size(), records.toString());
    JsonNode answer = JSON.readTree(records.get(0).text()).get("answer");
    assertTrue(answer.isNumber(), records.get(0).text());
    assertEquals("1.5", answer.asText(), records.get(0).text());
  }

  @Test
  void formatDecidesParquetOrJsonl() {
    assertTrue(InputFormat.AUTO.isParquet("gs://b/DATA.PARQUET"));
    assertFalse(InputFormat.AUTO.isParquet("/d/data.jsonl"));
    assertFalse(InputFormat.JSONL.isParquet("/d/data.parquet"));
    assertTrue(InputFormat.PARQUET.isParquet("/d/data.bin"));
  }

  @Test
  void aLineOverTheLimitIsAReadErrorWithAPrefixAndTheNextLineReadsOn() throws IOException {
    // 200 KiB: cut by the reader's 64 KiB blocks, so the limit holds for carried lines too
    String big = "{\"question\": \"" + "x".repeat(200 * 1024) + "\"}";
    Path file = write("big.jsonl", ("{\"question\": \"a\"}\n" + big + "\n{\"question\": \"b\"}\n")
        .getBytes(StandardCharsets.UTF_8));
    List<RawRecord> records = new ArrayList<>();
    new InputChunkReader(InputFormat.AUTO, 100 * 1024).read(InputChunk.wholeFile(file.toString()), records::add);
    assertEquals(3, records.size());
    assertEquals(null, records.get(0).readError());
    RawRecord oversized = records.get(1);
    assertEquals(2, oversized.line());
    assertEquals(String.format(Locale.ROOT, "record is %,d bytes, over the --max-record-bytes limit of %,d", big.length(), 100 * 1024),
        oversized.readError());
    assertEquals(big.substring(0, InputChunkReader.OVERSIZED_PREFIX_BYTES), oversized.text());
    assertEquals("{\"question\": \"b\"}", records.get(2).text());
    assertEquals(3, records.get(2).line());
  }

  @Test
  void aLineOfExactlyTheLimitIsRead() throws IOException {
    String line = "{\"question\": \"" + "y".repeat(2000) + "\"}";
    Path file = write("exact.jsonl", (line + "\n").getBytes(StandardCharsets.UTF_8));
    List<RawRecord> records = new ArrayList<>();
    new InputChunkReader(InputFormat.AUTO, line.length()).read(InputChunk.wholeFile(file.toString()), records::add);
    assertEquals(line, records.get(0).text());
    assertEquals(null, records.get(0).readError());
  }
}
