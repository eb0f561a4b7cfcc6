package org.cotkit.pipelines.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cotkit.pipelines.io.DeadLetter;
import org.cotkit.pipelines.io.InputChunk;
import org.cotkit.pipelines.io.InputFormat;
import org.cotkit.pipelines.io.RawRecord;
import org.cotkit.pipelines.record.RecordBatchReader.Batch;

/**
 * A preset's fixture in {@code testdata/presets} (records in the dataset's published layout), read
 * the way a run reads its input: whole file, {@code --preset}, {@code --map}.
 */
final class PresetFixture {

  /** The repository's test data; surefire runs in the module directory. */
  static final Path DIR = Path.of("..", "testdata", "presets");

  private static final ObjectMapper JSON = new ObjectMapper();

  private PresetFixture() {}

  private static RecordBatchReader reader(String input, InputPreset preset, String map) {
    return new RecordBatchReader(new InputSettings(input, "out", InputFormat.AUTO, map, preset, CotPreference.LONG,
        100, new RecordLimits(1 << 20, false, 1.0)));
  }

  /** Every record of the fixture; a dead letter fails the test. */
  static List<TeacherRecord> read(String file, InputPreset preset, String map) {
    Path path = DIR.resolve(file);
    assertTrue(Files.isRegularFile(path), "fixture not found at " + path.toAbsolutePath());
    List<Batch> batches = new ArrayList<>();
    reader(path.toString(), preset, map).read(InputChunk.wholeFile(path.toString()), batches::add);
    List<TeacherRecord> records = new ArrayList<>();
    for (Batch batch : batches) {
      assertEquals(List.of(), batch.deadLetters(), file + " with --preset " + preset + " --map '" + map + "'");
      records.addAll(batch.records());
    }
    return records;
  }

  /** The fixture's records as JSON, to compare the canonical fields with the fields they came from. */
  static List<JsonNode> rows(String file) throws Exception {
    List<JsonNode> rows = new ArrayList<>();
    for (String line : Files.readAllLines(DIR.resolve(file))) {
      rows.add(JSON.readTree(line));
    }
    return rows;
  }

  /** The reason one bad record is dead-lettered for, checked to be one line that no stack trace leaks into. */
  static String deadLetterReason(InputPreset preset, String map, String json) {
    Batch batch = reader("bad.jsonl", preset, map).parse(List.of(RawRecord.of("bad.jsonl", 1, json)));
    assertEquals(List.of(), batch.records(), json);
    assertEquals(1, batch.deadLetters().size(), json);
    DeadLetter letter = batch.deadLetters().get(0);
    assertEquals(RecordBatchReader.PARSE, letter.stage());
    assertEquals(json, letter.raw());
    assertFalse(letter.reason().contains("\n") || letter.reason().contains("Exception")
        || letter.reason().contains("\tat "), letter.reason());
    return letter.reason();
  }
}
