package org.cotkit.pipelines;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.PCollection;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/**
 * Cutting files into chunks loses, repeats and renumbers no line: every chunking of a file reads
 * back the same records, with the same line numbers, as reading it whole.
 */
@RunWith(JUnit4.class)
public class InputChunksTest implements Serializable {

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();
  @Rule public final transient TemporaryFolder folder = new TemporaryFolder();

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
    Path file = folder.getRoot().toPath().resolve(name);
    Files.write(file, content);
    return file;
  }

  private static List<RawRecord> read(InputChunk chunk) {
    List<RawRecord> records = new ArrayList<>();
    new InputChunkReader(ReadTeacherInput.Format.AUTO).read(chunk, records::add);
    return records;
  }

  @Test
  public void everyChunkingReadsEveryLineOnceWithItsNumber() throws IOException {
    Path file = write("eight.jsonl", eightLines());
    List<RawRecord> whole = read(InputChunk.wholeFile(file.toString()));
    assertEquals(8, whole.size());
    assertEquals("{\"id\": \"1\"}", whole.get(0).text());
    assertEquals("not valid UTF-8", whole.get(2).readError());
    assertEquals("{\"id\": \"8\"}", whole.get(7).text());

    for (int batchLines : new int[] {1, 2, 3, 7, 8, 100}) {
      for (long chunkBytes : new long[] {1, 30, 1000}) {
        PCollection<InputChunk> chunks = pipeline.apply("Plan" + batchLines + "x" + chunkBytes,
            new PlanInputChunks(file.toString(), ReadTeacherInput.Format.AUTO, batchLines, chunkBytes));
        String plan = "batches of " + batchLines + " lines, chunks from " + chunkBytes + " bytes";
        PAssert.that(chunks).satisfies(all -> {
          List<RawRecord> records = new ArrayList<>();
          for (InputChunk chunk : all) {
            List<RawRecord> read = read(chunk);
            if (chunk.end() != InputChunk.TO_END) {
              assertEquals(plan + ": a chunk of whole batches", 0, read.size() % batchLines);
              assertTrue(plan + ": chunk " + chunk, chunk.end() - chunk.start() >= chunkBytes);
              assertTrue(plan + ": chunk " + chunk, chunkBytes > 1 || read.size() == batchLines);
            }
            records.addAll(read);
          }
          records.sort(Comparator.comparingLong(RawRecord::line));
          assertEquals(plan, whole, records);
          return null;
        });
      }
    }
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void compressedAndParquetFilesAreOneChunkEach() throws IOException {
    Path gz = folder.getRoot().toPath().resolve("eight.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(eightLines());
    }
    PCollection<InputChunk> chunks =
        pipeline.apply(new PlanInputChunks(gz.toString(), ReadTeacherInput.Format.AUTO, 2));
    PAssert.that(chunks).containsInAnyOrder(InputChunk.wholeFile(gz.toString()));
    pipeline.run().waitUntilFinish();
    assertEquals(8, read(InputChunk.wholeFile(gz.toString())).size());
    assertEquals(false, PlanInputChunks.splittable("x.parquet", ReadTeacherInput.Format.AUTO));
    assertEquals(false, PlanInputChunks.splittable("x.jsonl", ReadTeacherInput.Format.PARQUET));
    assertEquals(true, PlanInputChunks.splittable("x.jsonl", ReadTeacherInput.Format.AUTO));
  }

  @Test
  public void aChunkWithAnUnreadableFileIsOneRecordWithTheReason() {
    List<RawRecord> records = read(new InputChunk(folder.getRoot().toPath().resolve("gone.jsonl").toString(), 100, 200, 7));
    assertEquals(1, records.size());
    assertEquals(7, records.get(0).line());
    assertTrue(records.get(0).readError(), records.get(0).readError().startsWith("cannot read the file from line 7: "));
  }
}
