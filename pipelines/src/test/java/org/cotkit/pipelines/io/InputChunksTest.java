package org.cotkit.pipelines.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
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
 * Cutting files into chunks loses, repeats and renumbers no line: every chunking of a file reads
 * back the same records, with the same line numbers, as reading it whole.
 */
class InputChunksTest {

  @TempDir Path folder;

  private static Pipeline directPipeline() {
    PipelineOptions options = PipelineOptionsFactory.create();
    options.setRunner(DirectRunner.class);
    return Pipeline.create(options);
  }

  /**
   * Eight lines: a byte-order mark, CRLF endings, blank lines, invalid UTF-8, multi-byte
   * characters, an empty last-but-one line, and a last line without a newline.
   */
  private static byte[] eightLines() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write("\uFEFF{\"id\": \"1\"}\r\n".getBytes(StandardCharsets.UTF_8));
    bytes.write("\n".getBytes(StandardCharsets.UTF_8));
    bytes.write("{\"id\": \"3\", \"q\": \"caf".getBytes(StandardCharsets.UTF_8));
    bytes.write(new byte[] {(byte) 0xC3, (byte) 0x28});
    bytes.write("\"}\r\n".getBytes(StandardCharsets.UTF_8));
    bytes.write("{\"id\": \"4\", \"q\": \"café – ✓\"}\n".getBytes(StandardCharsets.UTF_8));
    bytes.write("{\"id\": \"5\"}\n{\"id\": \"6\"}\n".getBytes(StandardCharsets.UTF_8));
    bytes.write("\n".getBytes(StandardCharsets.UTF_8));
    bytes.write("{\"id\": \"8\"}".getBytes(StandardCharsets.UTF_8));
    return bytes.toByteArray();
  }

  private Path write(String name, byte[] content) throws IOException {
    Path file = folder.resolve(name);
    Files.write(file, content);
    return file;
  }

  private static List<RawRecord> read(InputChunk chunk) {
    List<RawRecord> records = new ArrayList<>();
    new InputChunkReader(InputFormat.AUTO, 1 << 20).read(chunk, records::add);
    return records;
  }

  @Test
  void everyChunkingReadsEveryLineOnceWithItsNumber() throws IOException {
    Path file = write("eight.jsonl", eightLines());
    List<RawRecord> whole = read(InputChunk.wholeFile(file.toString()));
    assertEquals(8, whole.size());
    assertEquals("{\"id\": \"1\"}", whole.get(0).text());
    assertEquals("not valid UTF-8", whole.get(2).readError());
    assertEquals("{\"id\": \"8\"}", whole.get(7).text());

    Pipeline pipeline = directPipeline();
    for (int batchLines : new int[] {1, 2, 3, 7, 8, 100}) {
      for (long chunkBytes : new long[] {1, 30, 1000}) {
        PCollection<InputChunk> chunks = pipeline.apply("Plan" + batchLines + "x" + chunkBytes,
            new PlanInputChunks(file.toString(), InputFormat.AUTO, batchLines, chunkBytes));
        String plan = "batches of " + batchLines + " lines, chunks from " + chunkBytes + " bytes";
        PAssert.that(chunks).satisfies(all -> {
          List<RawRecord> records = new ArrayList<>();
          for (InputChunk chunk : all) {
            List<RawRecord> read = read(chunk);
            if (chunk.end() != InputChunk.TO_END) {
              assertEquals(0, read.size() % batchLines, plan + ": a chunk of whole batches");
              assertTrue(chunk.end() - chunk.start() >= chunkBytes, plan + ": chunk " + chunk);
              assertTrue(chunkBytes > 1 || read.size() == batchLines, plan + ": chunk " + chunk);
            }
            records.addAll(read);
          }
          records.sort(Comparator.comparingLong(RawRecord::line));
          assertEquals(whole, records, plan);
          return null;
        });
      }
    }
    pipeline.run().waitUntilFinish();
  }

  @Test
  void compressedAndParquetFilesAreOneChunkEach() throws IOException {
    Path gz = folder.resolve("eight.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(eightLines());
    }
    Pipeline pipeline = directPipeline();
    PCollection<InputChunk> chunks = pipeline.apply(new PlanInputChunks(gz.toString(), InputFormat.AUTO, 2));
    PAssert.that(chunks).containsInAnyOrder(InputChunk.wholeFile(gz.toString()));
    pipeline.run().waitUntilFinish();
    assertEquals(8, read(InputChunk.wholeFile(gz.toString())).size());
    assertEquals(false, PlanInputChunks.splittable("x.parquet", InputFormat.AUTO));
    assertEquals(false, PlanInputChunks.splittable("x.jsonl", InputFormat.PARQUET));
    assertEquals(true, PlanInputChunks.splittable("x.jsonl", InputFormat.AUTO));
  }

  @Test
  void aGlobPlansEveryFileItMatches() throws IOException {
    Path first = write("a.jsonl.gz", new byte[0]);
    Path second = write("b.jsonl.gz", new byte[0]);
    write("c.jsonl", eightLines());
    Pipeline pipeline = directPipeline();
    PCollection<InputChunk> chunks = pipeline.apply(new PlanInputChunks(folder + "/*.gz", InputFormat.AUTO, 2));
    PAssert.that(chunks)
        .containsInAnyOrder(InputChunk.wholeFile(first.toString()), InputChunk.wholeFile(second.toString()));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void aPatternThatMatchesNoFileIsRejectedNamingTheOption() {
    Pipeline pipeline = directPipeline();
    String message = assertThrows(IllegalArgumentException.class,
        () -> pipeline.apply(new PlanInputChunks(folder + "/none-*.jsonl", InputFormat.AUTO, 2))).getMessage();
    assertTrue(message.contains("--input"), message);
  }

  @Test
  void batchSizeBelowOneIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new PlanInputChunks("x.jsonl", InputFormat.AUTO, 0));
  }

  /**
   * The reader scans 64 KiB blocks: a line longer than several blocks, a multi-byte character and
   * a CRLF cut by a block's end, and a last line ending exactly at one, all read back whole.
   */
  @Test
  void linesCutByTheReadersBlocksReadBackWhole() throws IOException {
    int block = 1 << 16;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<String> expected = new ArrayList<>();
    String longAscii = jsonLine("a".repeat(3 * block + 17));
    addLine(bytes, expected, longAscii + "\n");
    // "é" is two bytes: its first the last of block 3, its second the first of block 4
    int firstOfE = 4 * block - 1;
    String straddling = jsonLine("b".repeat(firstOfE - bytes.size() - 7) + "é");
    assertEquals((byte) 0xC3, straddling.getBytes(StandardCharsets.UTF_8)[firstOfE - bytes.size()]);
    addLine(bytes, expected, straddling + "\n");
    // the \r the last byte of block 5, the \n the first of block 6
    String crlf = jsonLine("c".repeat(6 * block - 1 - bytes.size() - 9));
    assertEquals(6 * block - 1, bytes.size() + crlf.length());
    addLine(bytes, expected, crlf + "\r\n");
    addLine(bytes, expected, jsonLine("✓ café ".repeat(20_000)) + "\n");
    // no newline after the last line, which ends at a block's end
    String last = jsonLine("d".repeat((bytes.size() / block + 2) * block - bytes.size() - 9));
    addLine(bytes, expected, last);
    assertEquals(0, bytes.size() % block);
    Path file = write("blocks.jsonl", bytes.toByteArray());

    List<RawRecord> records = read(InputChunk.wholeFile(file.toString()));
    assertEquals(expected.size(), records.size());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), records.get(i).text(), "line " + (i + 1));
      assertEquals(i + 1, records.get(i).line());
      assertEquals(null, records.get(i).readError());
    }
  }

  /** {"q": "TEXT"}: 9 characters around the text. */
  private static String jsonLine(String text) {
    return "{\"q\": \"" + text + "\"}";
  }

  private static void addLine(ByteArrayOutputStream bytes, List<String> expected, String withEnd) throws IOException {
    bytes.write(withEnd.getBytes(StandardCharsets.UTF_8));
    expected.add(withEnd.replaceAll("\r?\n$", ""));
  }

  @Test
  void aChunkWithAnUnreadableFileIsOneRecordWithTheReason() {
    List<RawRecord> records = read(new InputChunk(folder.resolve("gone.jsonl").toString(), 100, 200, 7));
    assertEquals(1, records.size());
    assertEquals(7, records.get(0).line());
    assertTrue(records.get(0).readError().startsWith("cannot read the file from line 7: "), records.get(0).readError());
  }
}
