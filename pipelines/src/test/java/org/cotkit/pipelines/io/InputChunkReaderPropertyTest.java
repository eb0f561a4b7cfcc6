package org.cotkit.pipelines.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.cotkit.testkit.PropertyCheck;
import org.cotkit.testkit.Texts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Properties of reading JSONL ({@link InputChunkReader}) for arbitrary bytes: every line becomes
 * exactly one record, numbered in order, and nothing is thrown. A line of valid UTF-8 within the
 * limit is its text (less the CR of a CRLF, and a byte-order mark on line 1); invalid UTF-8 and a
 * line over the limit are records with a read error; and a file read as chunks cut at line ends,
 * or gzipped, gives the same records as read whole.
 */
class InputChunkReaderPropertyTest {

  @TempDir static Path folder;

  /** File content, the record limit, and where a second chunk starts (a line end), if anywhere. */
  private record JsonlFile(byte[] bytes, long maxRecordBytes, int cut, int linesBeforeCut) {
    @Override
    public String toString() {
      return "maxRecordBytes=" + maxRecordBytes + " cut=" + cut + " bytes(" + bytes.length + ")="
          + new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] line(Random random, int size, long maxRecordBytes) {
    return switch (random.nextInt(9)) {
      case 0 -> utf8("{\"question\": \"" + Texts.wellFormed(random, size).replace("\\", "/").replace("\"", "'")
          .replace("\n", " ").replace("\r", " ") + "\", \"long_cot\": \"c\"}");
      case 1 -> utf8(Texts.any(random, size, "\r", "\u00FF", "\uFEFF", "€", "😀")); // unpaired surrogates become '?'
      case 2 -> {
        byte[] bytes = new byte[random.nextInt(size + 1)];
        random.nextBytes(bytes); // mostly invalid UTF-8, and line feeds that split it further
        yield bytes;
      }
      case 3 -> Texts.oneOf(random, new byte[0], utf8("\r"), utf8(" "), new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xE2, (byte) 0x82});
      case 4 -> {
        // at the limit: a byte either side of it, with a multi-byte character where the cut may fall
        int length = (int) Math.min(maxRecordBytes, 4096) + random.nextInt(3) - 1;
        byte[] bytes = utf8("é".repeat(length / 2 + 1));
        yield Arrays.copyOf(bytes, length);
      }
      case 5 -> size > 80 && random.nextInt(4) == 0
          ? utf8("x".repeat(random.nextInt(70_000)) + "€".repeat(random.nextInt(30_000))) // across 64 KiB blocks
          : utf8(Texts.wellFormed(random, size * 3));
      default -> utf8(Texts.wellFormed(random, size, "{\"question\": ", "\"", "}"));
    };
  }

  private static JsonlFile file(Random random, int size) {
    long maxRecordBytes = Texts.oneOf(random, 1024L, 2048L, 1L << 20, 1L << 20);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (random.nextInt(10) == 0) {
      out.writeBytes(utf8("\uFEFF"));
    }
    int lines = random.nextInt(size / 5 + 2);
    int cut = -1;
    int linesBeforeCut = 0;
    for (int i = 0; i < lines; i++) {
      out.writeBytes(line(random, size, maxRecordBytes));
      if (i < lines - 1 || random.nextBoolean()) {
        out.writeBytes(utf8(random.nextBoolean() ? "\n" : "\r\n"));
        if (cut < 0 && random.nextInt(lines) == 0) {
          cut = out.size();
          linesBeforeCut = count(out.toByteArray(), (byte) '\n');
        }
      }
    }
    return new JsonlFile(out.toByteArray(), maxRecordBytes, cut, linesBeforeCut);
  }

  private static int count(byte[] bytes, byte b) {
    int count = 0;
    for (byte x : bytes) {
      count += x == b ? 1 : 0;
    }
    return count;
  }

  /** The records a reader must give for {@code bytes}: the oracle, written from the documented rules. */
  private static List<RawRecord> expected(String file, byte[] bytes, long maxRecordBytes) {
    List<RawRecord> records = new ArrayList<>();
    int start = 0;
    long number = 0;
    for (int i = 0; i <= bytes.length; i++) {
      if (i < bytes.length && bytes[i] != '\n') {
        continue;
      }
      if (i == bytes.length && start == bytes.length) {
        break; // a final line feed ends the last line; it starts no new one
      }
      byte[] line = Arrays.copyOfRange(bytes, start, i);
      start = i + 1;
      number++;
      if (line.length > maxRecordBytes) {
        records.add(new RawRecord(file, number,
            new String(line, 0, Math.min(line.length, InputChunkReader.OVERSIZED_PREFIX_BYTES), StandardCharsets.UTF_8),
            InputChunkReader.oversized(line.length, maxRecordBytes)));
        continue;
      }
      int length = line.length > 0 && line[line.length - 1] == '\r' ? line.length - 1 : line.length;
      try {
        String text = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(line, 0, length))
            .toString();
        records.add(RawRecord.of(file, number, number == 1 && text.startsWith("\uFEFF") ? text.substring(1) : text));
      } catch (CharacterCodingException e) {
        records.add(new RawRecord(file, number, new String(line, 0, length, StandardCharsets.UTF_8), "not valid UTF-8"));
      }
    }
    return records;
  }

  private static List<RawRecord> read(InputChunk chunk, long maxRecordBytes) {
    List<RawRecord> records = new ArrayList<>();
    new InputChunkReader(InputFormat.AUTO, maxRecordBytes).read(chunk, records::add);
    return records;
  }

  @Test
  void everyLineBecomesOneRecordAsTheRulesSay() {
    PropertyCheck.forAll("every JSONL line becomes one record", 300, InputChunkReaderPropertyTest::file, jsonl -> {
      Path file = folder.resolve("lines.jsonl");
      Files.write(file, jsonl.bytes());
      List<RawRecord> expected = expected(file.toString(), jsonl.bytes(), jsonl.maxRecordBytes());
      assertEquals(expected, read(InputChunk.wholeFile(file.toString()), jsonl.maxRecordBytes()));

      if (jsonl.cut() >= 0) {
        List<RawRecord> chunked = new ArrayList<>(read(new InputChunk(file.toString(), 0, jsonl.cut(), 1),
            jsonl.maxRecordBytes()));
        chunked.addAll(read(new InputChunk(file.toString(), jsonl.cut(), InputChunk.TO_END, jsonl.linesBeforeCut() + 1),
            jsonl.maxRecordBytes()));
        assertEquals(expected, chunked, "chunks cut at a line end read other records than the whole file");
      }
    });
  }

  @Test
  void aGzippedFileReadsAsTheSameRecords() {
    PropertyCheck.forAll("a gzipped JSONL file reads as the same records", 100, InputChunkReaderPropertyTest::file,
        jsonl -> {
          Path file = folder.resolve("lines.jsonl.gz");
          try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(jsonl.bytes());
          }
          assertEquals(expected(file.toString(), jsonl.bytes(), jsonl.maxRecordBytes()),
              read(InputChunk.wholeFile(file.toString()), jsonl.maxRecordBytes()));
        });
  }
}
