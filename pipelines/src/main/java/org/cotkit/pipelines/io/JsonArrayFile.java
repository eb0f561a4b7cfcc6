package org.cotkit.pipelines.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileSystems;

/**
 * A file holding one JSON array of records ({@code [{…}, {…}]}, as many generation scripts save
 * their output), read element by element with a streaming parser: a multi-gigabyte array is never
 * held whole, only one element at a time. Each element becomes a record numbered by its position
 * in the array, from 1.
 */
public final class JsonArrayFile {

  private JsonArrayFile() {}

  /**
   * Whether {@code file} (decompressed, as its name says) starts with a JSON array: its first byte
   * after a byte-order mark and whitespace is {@code [}.
   */
  public static boolean startsWithArray(String file) throws IOException {
    try (InputStream in = open(file)) {
      return firstSignificantByte(in) == '[';
    }
  }

  /**
   * Hands every element to {@code records}; an element longer than {@code maxRecordBytes} comes
   * with a read error and a prefix of its text, as an over-long JSONL line does.
   *
   * @throws IOException when the file is not an array, or its JSON breaks off (the elements
   *     before stand)
   */
  static void read(String file, long maxRecordBytes, Consumer<RawRecord> records) throws IOException {
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxStringLength((int) Math.min(Integer.MAX_VALUE - 8, maxRecordBytes))
            .maxNestingDepth(RawRecord.MAX_NESTING_DEPTH + 1) // the array is one level more
            .build())
        .build();
    try (InputStream in = open(file); JsonParser parser = factory.createParser(withoutByteOrderMark(in))) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw new IOException("it does not start with a JSON array ('[')");
      }
      long element = 0;
      for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
        if (token == null) {
          throw new IOException("the array is not closed: the file ends after element " + element);
        }
        element++;
        Capped text = new Capped(maxRecordBytes);
        try (JsonGenerator generator = factory.createGenerator(text)) {
          generator.copyCurrentStructure(parser);
        }
        records.accept(text.bytes > maxRecordBytes
            ? new RawRecord(file, element, text.toString(StandardCharsets.UTF_8),
                InputChunkReader.oversized(text.bytes, maxRecordBytes))
            : RawRecord.of(file, element, text.toString(StandardCharsets.UTF_8)));
      }
      if (parser.nextToken() != null) {
        throw new IOException("text follows the array's closing ']' after element " + element);
      }
    }
  }

  private static InputStream open(String file) throws IOException {
    return Channels.newInputStream(
        Compression.detect(file).readDecompressed(FileSystems.open(FileSystems.matchNewResource(file, false))));
  }

  private static int firstSignificantByte(InputStream in) throws IOException {
    int b = in.read();
    if (b == 0xEF && in.read() == 0xBB && in.read() == 0xBF) {
      b = in.read();
    }
    while (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
      b = in.read();
    }
    return b;
  }

  /** Jackson refuses a UTF-8 byte-order mark, which Windows tools write. */
  private static InputStream withoutByteOrderMark(InputStream in) throws IOException {
    PushbackInputStream pushback = new PushbackInputStream(in, 3);
    byte[] head = new byte[3];
    int n = pushback.readNBytes(head, 0, 3);
    if (!(n == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF)) {
      pushback.unread(head, 0, n);
    }
    return pushback;
  }

  /**
   * An element's text, of which only a prefix is kept once it is longer than the limit: an
   * over-long element is dead-lettered, and must not fill the heap on its way.
   */
  private static final class Capped extends ByteArrayOutputStream {
    private final long limit;
    private long bytes;
    private boolean over;

    Capped(long limit) {
      this.limit = limit;
    }

    @Override
    public synchronized void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      bytes += len;
      if (over) {
        return;
      }
      if (bytes > limit) {
        over = true;
        count = Math.min(count, InputChunkReader.OVERSIZED_PREFIX_BYTES);
        len = Math.max(0, Math.min(len, InputChunkReader.OVERSIZED_PREFIX_BYTES - count));
      }
      super.write(b, off, len);
    }
  }
}
