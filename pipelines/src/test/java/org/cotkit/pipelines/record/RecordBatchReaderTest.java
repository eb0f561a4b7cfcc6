package org.cotkit.pipelines.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cotkit.pipelines.io.DeadLetter;
import org.cotkit.pipelines.io.DuckDbParquet;
import org.cotkit.pipelines.io.InputChunk;
import org.cotkit.pipelines.io.InputFormat;
import org.cotkit.pipelines.io.RawRecord;
import org.cotkit.pipelines.record.RecordBatchReader.Batch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordBatchReaderTest {

  private static final String FILE = "/data/teacher.jsonl";

  private static final String GOOD_1 = "{\"id\": \"a\", \"question\": \"What is 2+3?\", \"answer\": 5, \"long_cot\": \"2+3=5\"}";
  private static final String INVALID_JSON = "{\"id\": \"b\", \"question\": ";
  private static final String NO_QUESTION = "{\"id\": \"c\", \"long_cot\": \"thinking\"}";
  private static final String GOOD_2 = "{\"id\": 4, \"question\": \"Why?\", \"short_cot\": \"Because.\", \"samples\": [\"x\"]}";

  @TempDir Path folder;

  private static RawRecord at(long line, String text) {
    return RawRecord.of(FILE, line, text);
  }

  private static RecordBatchReader reader(String input, String fieldMap, InputPreset preset, int recordsPerBatch) {
    return new RecordBatchReader(
        new InputSettings(input, "out", InputFormat.AUTO, fieldMap, preset, CotPreference.LONG, recordsPerBatch,
            new RecordLimits(1 << 20, false, 1.0)));
  }

  private static RecordBatchReader parser(String fieldMap, InputPreset preset) {
    return reader(FILE, fieldMap, preset, 100);
  }

  /** Every batch of the file, read as one chunk. */
  private static List<Batch> read(Path file, String fieldMap, int recordsPerBatch) {
    List<Batch> batches = new ArrayList<>();
    reader(file.toString(), fieldMap, InputPreset.NONE, recordsPerBatch)
        .read(InputChunk.wholeFile(file.toString()), batches::add);
    return batches;
  }

  private static List<TeacherRecord> records(List<Batch> batches) {
    List<TeacherRecord> records = new ArrayList<>();
    batches.forEach(batch -> records.addAll(batch.records()));
    return records;
  }

  private static List<DeadLetter> deadLetters(List<Batch> batches) {
    List<DeadLetter> letters = new ArrayList<>();
    batches.forEach(batch -> letters.addAll(batch.deadLetters()));
    return letters;
  }

  // ---- a batch

  @Test
  void goodRecordsPassBadOnesAreDeadLetteredAndBlankLinesCounted() {
    RecordBatchReader parser = parser("", InputPreset.NONE);
    List<Batch> batches = List.of(
        parser.parse(List.of(at(1, GOOD_1), at(2, ""), at(3, INVALID_JSON))),
        parser.parse(List.of(at(4, NO_QUESTION), at(5, GOOD_2), at(6, "   \t"))));

    assertEquals(
        List.of(
            new TeacherRecord("a", "What is 2+3?", "5", "2+3=5", null, List.of(), null, null, at(1, GOOD_1)),
            new TeacherRecord("4", "Why?", null, null, "Because.", List.of(new TeacherSample("x", null)), null, null,
                at(5, GOOD_2))),
        records(batches));
    for (Batch batch : batches) {
      assertFalse(batch.records().isEmpty(), "no empty batches");
      assertEquals(3, batch.linesRead());
    }

    Map<Long, DeadLetter> byLine = new TreeMap<>();
    deadLetters(batches).forEach(letter -> byLine.put(letter.line(), letter));
    assertEquals(List.of(3L, 4L), new ArrayList<>(byLine.keySet()));
    for (DeadLetter letter : byLine.values()) {
      assertEquals("parse", letter.stage());
      assertEquals(FILE, letter.file());
    }
    DeadLetter invalid = byLine.get(3L);
    assertTrue(invalid.reason().startsWith("not valid JSON"), invalid.reason());
    assertEquals(INVALID_JSON, invalid.raw());
    DeadLetter noQuestion = byLine.get(4L);
    assertTrue(noQuestion.reason().contains("'question'"), noQuestion.reason());
    assertEquals(NO_QUESTION, noQuestion.raw());

    assertEquals(2L, batches.stream().mapToLong(Batch::blankLines).sum());
    assertEquals(List.of(1L, 1L), batches.stream().map(Batch::blankLines).toList());
  }

  @Test
  void readErrorsAreDeadLetteredNotCountedAsBlankAndMappingNamesFields() {
    List<RawRecord> raw = List.of(
        new RawRecord(FILE, 1, "", "cannot read file: boom"),
        new RawRecord(FILE, 2, "{\"problem\": \"caf\uFFFD\"}", "not valid UTF-8"),
        at(3, "{\"response\": \"r\"}"),
        at(4, ""),
        at(5, ""),
        at(6, "[1, 2]"));
    Batch batch = parser("question=problem,long_cot=response", InputPreset.NONE).parse(raw);

    assertEquals(List.of(), batch.records());
    Map<Long, DeadLetter> byLine = new TreeMap<>();
    batch.deadLetters().forEach(letter -> byLine.put(letter.line(), letter));
    assertEquals(List.of(1L, 2L, 3L, 6L), new ArrayList<>(byLine.keySet()));
    assertEquals("cannot read file: boom", byLine.get(1L).reason());
    assertEquals("not valid UTF-8", byLine.get(2L).reason());
    assertTrue(byLine.get(3L).reason().contains("'problem'"), byLine.get(3L).reason());
    assertEquals("not a JSON object", byLine.get(6L).reason());
    assertEquals(RecordBatchReader.READ, byLine.get(1L).stage());
    assertEquals(RecordBatchReader.READ, byLine.get(2L).stage());
    assertEquals(RecordBatchReader.PARSE, byLine.get(3L).stage());
    assertEquals(RecordBatchReader.PARSE, byLine.get(6L).stage());
    assertEquals(2L, batch.blankLines());
    assertEquals(6, batch.linesRead());
  }

  @Test
  void gsm8kPresetApplies() {
    String line = "{\"question\": \"Q\", \"answer\": \"Half is 48/2 = <<48/2=24>>24.\\n#### 1,024\"}";
    String noMarker = "{\"question\": \"Q2\", \"answer\": \"no marker\"}";
    Batch batch = parser("", InputPreset.GSM8K).parse(List.of(at(1, line), at(2, noMarker)));

    assertEquals(1, batch.records().size());
    assertEquals("1024", batch.records().get(0).answer());
    assertEquals("Half is 48/2 = 24.", batch.records().get(0).shortCot());
    assertEquals(1, batch.deadLetters().size());
    assertEquals(2L, batch.deadLetters().get(0).line());
    assertTrue(batch.deadLetters().get(0).reason().contains("preset gsm8k"), batch.deadLetters().get(0).reason());
    assertEquals(0L, batch.blankLines());
  }

  // ---- a chunk

  @Test
  void aChunkIsReadAndParsedABatchOfLinesAtATimeInOrder() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write("{\"id\": \"1\", \"question\": \"Q1\", \"long_cot\": \"c1\"}\r\n".getBytes(StandardCharsets.UTF_8));
    bytes.write("\r\n".getBytes(StandardCharsets.UTF_8));
    bytes.write("{\"id\": \"3\", \"question\": \"caf".getBytes(StandardCharsets.UTF_8));
    bytes.write(new byte[] {(byte) 0xC3, (byte) 0x28});
    bytes.write("\", \"long_cot\": \"c3\"}\n".getBytes(StandardCharsets.UTF_8));
    bytes.write("{\"id\": \"4\", \"question\": \"café – ✓\", \"long_cot\": \"c4\"}\n".getBytes(StandardCharsets.UTF_8));
    bytes.write("{\"id\": \"5\", \"question\": \"Q5\", \"short_cot\": \"c5\"}".getBytes(StandardCharsets.UTF_8));
    Path file = folder.resolve("teacher.jsonl");
    Files.write(file, bytes.toByteArray());

    List<Batch> batches = read(file, "", 2);
    assertEquals(List.of(2, 2, 1), batches.stream().map(Batch::linesRead).toList());
    assertEquals(List.of(1L, 0L, 0L), batches.stream().map(Batch::blankLines).toList());
    assertEquals(List.of("1", "4", "5"), records(batches).stream().map(TeacherRecord::id).toList());
    assertEquals(List.of(1L, 4L, 5L), records(batches).stream().map(record -> record.origin().line()).toList());
    assertEquals("café – ✓", records(batches).get(1).question());
    List<DeadLetter> letters = deadLetters(batches);
    assertEquals(1, letters.size());
    assertEquals(3L, letters.get(0).line());
    assertEquals(RecordBatchReader.READ, letters.get(0).stage());
    assertEquals("not valid UTF-8", letters.get(0).reason());
    assertEquals(file.toString(), letters.get(0).file());
  }

  @Test
  void anUnreadableFileIsOneReadDeadLetter() {
    List<Batch> batches = read(folder.resolve("gone.jsonl"), "", 10);
    assertEquals(1, batches.size());
    assertEquals(List.of(), batches.get(0).records());
    assertEquals(0L, batches.get(0).blankLines());
    DeadLetter letter = batches.get(0).deadLetters().get(0);
    assertEquals(RecordBatchReader.READ, letter.stage());
    assertEquals(0L, letter.line());
    assertTrue(letter.reason().startsWith("cannot read file: "), letter.reason());
  }

  // ---- Parquet

  @Test
  void parquetRowsParseAsTeacherRecordsWithNestedColumnsReachedByDottedPaths() throws Exception {
    Path file = folder.resolve("teacher.parquet");
    DuckDbParquet.write(file, "SELECT * FROM (VALUES "
        + "(1, 'What is 2+3?', '5', '2 plus 3 is 5', {'gold': 'five'}), "
        + "(2, 'Say \"hi\" – café', NULL, 'line one\nline two', {'gold': NULL}), "
        + "(3, 'Q3', '7', 'c', {'gold': '7'})"
        + ") AS t(id, question, answer, long_cot, meta) ORDER BY id");

    List<Batch> batches = read(file, "answer=meta.gold", 2);
    batches.forEach(batch -> assertTrue(batch.linesRead() <= 2, "batch of " + batch.linesRead()));
    assertEquals(List.of(), deadLetters(batches));
    List<TeacherRecord> records = records(batches);
    assertEquals(3, records.size(), records.toString());
    TeacherRecord first = records.get(0);
    assertEquals("1", first.id());
    assertEquals("What is 2+3?", first.question());
    assertEquals("five", first.answer());
    assertEquals("2 plus 3 is 5", first.longCot());
    TeacherRecord second = records.get(1);
    assertEquals("Say \"hi\" – café", second.question());
    assertNull(second.answer());
    assertEquals("line one\nline two", second.longCot());
    assertEquals(List.of(1L, 2L, 3L), records.stream().map(record -> record.origin().line()).toList());
  }

  /** Parquet LIST columns (as DuckDB, pyarrow and Spark write them) are samples, not {"element": ...} records. */
  @Test
  void parquetListColumnsBecomeSamples() throws Exception {
    Path file = folder.resolve("samples.parquet");
    DuckDbParquet.write(file, "SELECT 'Q' AS question, 'c' AS long_cot, ['a', 'b'] AS samples");

    List<Batch> batches = read(file, "", 10);
    assertEquals(List.of(), deadLetters(batches));
    assertEquals(List.of(new TeacherSample("a", null), new TeacherSample("b", null)),
        records(batches).get(0).samples());
  }

  /** A Parquet DECIMAL column keeps its value (1.5, not the unscaled 15). */
  @Test
  void parquetDecimalKeepsItsValue() throws Exception {
    Path file = folder.resolve("decimal.parquet");
    DuckDbParquet.write(file, "SELECT 'Q' AS question, 'c' AS long_cot, 1.5 AS answer");

    List<Batch> batches = read(file, "", 10);
    assertEquals(List.of(), deadLetters(batches));
    TeacherRecord record = records(batches).get(0);
    assertEquals("1.5", record.answer(), record.origin().text());
  }

  // ---- settings

  @Test
  void recordsPerBatchBelowOneIsRejectedNamingTheOption() {
    String message = assertThrows(IllegalArgumentException.class, () -> reader("x.jsonl", "", InputPreset.NONE, 0))
        .getMessage();
    assertTrue(message.contains("--records-per-batch"), message);
  }
}
