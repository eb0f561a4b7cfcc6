package org.cotkit.pipelines.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files holding one JSON array of records, as generation scripts save them: read element by
 * element, each numbered by its position, pretty-printed or not, compressed or not; and the format
 * asked for is checked against what a file holds before anything runs.
 */
class JsonArrayFileTest {

  /** Three records as Python's json.dump(indent=2) writes them, with a byte-order mark. */
  private static final String PRETTY = """
      \uFEFF[
        {
          "question": "What is 2+2?",
          "response": "<think>2 and 2</think> 4"
        },
        {
          "question": "Tabs\\tand \\"quotes\\"",
          "response": "caf\u00e9 \u2013 \u2713"
        },
        {"question": "last", "nested": {"a": [1, [2, [3]]]}}
      ]
      """;

  @TempDir Path folder;

  private Path write(String name, String content) throws IOException {
    Path file = folder.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  private static List<RawRecord> read(Path file, InputFormat format, long maxRecordBytes) {
    List<RawRecord> records = new ArrayList<>();
    new InputChunkReader(format, maxRecordBytes).read(InputChunk.wholeFile(file.toString()), records::add);
    return records;
  }

  @Test
  void everyElementIsARecordNumberedByItsPosition() throws Exception {
    Path file = write("generations.json", PRETTY);
    List<RawRecord> records = read(file, InputFormat.AUTO, 1 << 20);
    assertEquals(List.of(1L, 2L, 3L), records.stream().map(RawRecord::line).toList());
    ObjectMapper json = new ObjectMapper();
    assertEquals("What is 2+2?", json.readTree(records.get(0).text()).get("question").asText());
    assertEquals("Tabs\tand \"quotes\"", json.readTree(records.get(1).text()).get("question").asText());
    assertEquals("caf\u00e9 \u2013 \u2713", json.readTree(records.get(1).text()).get("response").asText());
    assertEquals(json.readTree("{\"question\":\"last\",\"nested\":{\"a\":[1,[2,[3]]]}}"),
        json.readTree(records.get(2).text()));
    records.forEach(record -> assertNull(record.readError()));
  }

  @Test
  void aCompressedArrayIsReadTheSame() throws Exception {
    Path gz = folder.resolve("generations.json.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(PRETTY.getBytes(StandardCharsets.UTF_8));
    }
    assertEquals(3, read(gz, InputFormat.AUTO, 1 << 20).size());
    assertTrue(JsonArrayFile.startsWithArray(gz.toString()));
  }

  @Test
  void anElementOverTheLimitIsARecordWithAReadErrorAndTheNextReadsOn() throws Exception {
    String big = "x".repeat(5_000);
    Path file = write("big.json", "[{\"q\":\"a\"},{\"q\":\"" + big + "\",\"r\":\"" + big + "\"},{\"q\":\"c\"}]");
    List<RawRecord> records = read(file, InputFormat.JSON, 6_000);
    assertEquals(3, records.size());
    assertTrue(records.get(1).readError().startsWith("record is 10,015 bytes, over the --max-record-bytes limit of 6,000"),
        records.get(1).readError());
    assertEquals(InputChunkReader.OVERSIZED_PREFIX_BYTES, records.get(1).text().length(), "only a prefix is kept");
    assertEquals("{\"q\":\"c\"}", records.get(2).text());
  }

  @Test
  void anArrayThatBreaksOffKeepsItsElementsAndDeadLettersTheRest() throws Exception {
    Path file = write("cut.json", "[{\"q\":\"a\"},\n{\"q\":\"b\"},\n{\"q\":\"c\", \"r\": tru");
    List<RawRecord> records = read(file, InputFormat.AUTO, 1 << 20);
    assertEquals(3, records.size(), records.toString());
    assertEquals(3, records.get(2).line());
    assertTrue(records.get(2).readError().startsWith("cannot read the file after element 2: "),
        records.get(2).readError());
  }

  @Test
  void elementsThatAreNotObjectsAreRecordsTheParserRefuses() throws Exception {
    Path file = write("mixed.json", "[1, \"two\", {\"q\": 3}, null]");
    assertEquals(List.of("1", "\"two\"", "{\"q\":3}", "null"),
        read(file, InputFormat.AUTO, 1 << 20).stream().map(RawRecord::text).toList());
  }

  @Test
  void autoReadsAJsonLinesFileNamedJsonAsJsonLines() throws Exception {
    Path file = write("lines.json", "{\"q\":\"a\"}\n{\"q\":\"b\"}\n");
    assertEquals(List.of("{\"q\":\"a\"}", "{\"q\":\"b\"}"),
        read(file, InputFormat.AUTO, 1 << 20).stream().map(RawRecord::text).toList());
  }

  @Test
  void anArrayReadAsJsonLinesIsOneClearErrorBeforeAnythingRuns() throws Exception {
    Path file = write("generations.jsonl", PRETTY);
    String message = assertThrows(IllegalArgumentException.class,
        () -> directPipeline().apply(new PlanInputChunks(file.toString(), InputFormat.JSONL, 2))).getMessage();
    assertEquals("--input file " + file + " holds a JSON array, not JSON Lines: read it with --input-format json "
        + "(or auto)", message);
  }

  @Test
  void jsonLinesReadAsAnArrayIsOneClearErrorBeforeAnythingRuns() throws Exception {
    Path file = write("lines.json", "{\"q\":\"a\"}\n");
    String message = assertThrows(IllegalArgumentException.class,
        () -> directPipeline().apply(new PlanInputChunks(file.toString(), InputFormat.JSON, 2))).getMessage();
    assertTrue(message.startsWith("--input file " + file + " is not a JSON array"), message);
  }

  @Test
  void anArrayFileIsOneChunkHoweverLarge() throws Exception {
    StringBuilder array = new StringBuilder("[\n");
    for (int i = 0; i < 2_000; i++) {
      array.append(i == 0 ? "" : ",\n").append("{\"q\": \"question ").append(i).append("\"}");
    }
    Path file = write("many.json", array.append("\n]\n").toString());
    Pipeline pipeline = directPipeline();
    PCollection<InputChunk> chunks = pipeline.apply(new PlanInputChunks(file.toString(), InputFormat.AUTO, 10));
    PAssert.that(chunks).containsInAnyOrder(InputChunk.wholeFile(file.toString()));
    pipeline.run().waitUntilFinish();
    assertEquals(2_000, read(file, InputFormat.AUTO, 1 << 20).size());
  }

  private static Pipeline directPipeline() {
    PipelineOptions options = PipelineOptionsFactory.create();
    options.setRunner(DirectRunner.class);
    return Pipeline.create(options);
  }
}
