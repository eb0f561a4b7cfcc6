package org.cotkit.pipelines.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads the records of one {@link InputChunk}: a line of JSONL or a row of Parquet each, with its
 * file and line (or row) number. Bytes that are not valid UTF-8 and a file that cannot be read
 * (or read on) become records with a {@code readError}, never an exception.
 */
public final class InputChunkReader {

  /** How much of an oversized record its dead letter keeps, so that the error output stays small. */
  static final int OVERSIZED_PREFIX_BYTES = 1024;

  private final InputFormat format;
  private final long maxRecordBytes;

  /** @param maxRecordBytes the longest record read; a longer one becomes a record with a read error */
  public InputChunkReader(InputFormat format, long maxRecordBytes) {
    this.format = format;
    this.maxRecordBytes = maxRecordBytes;
  }

  /** Hands every record of the chunk, in order, to {@code records}. */
  public void read(InputChunk chunk, Consumer<RawRecord> records) {
    String name = chunk.file();
    long[] lastLine = {chunk.firstLine() - 1};
    Consumer<RawRecord> counting = record -> {
      lastLine[0] = record.line();
      try {
        records.accept(record);
      } catch (RuntimeException e) {
        throw new ConsumerFailure(e);
      }
    };
    String unit = "line";
    try {
      MatchResult.Metadata file = FileSystems.matchSingleFileSpec(name);
      if (format.isParquet(name)) {
        unit = "row";
        readParquet(file, name, maxRecordBytes, counting);
      } else if (chunk.start() == 0 && format.isJsonArray(name)) { // an array file is one chunk
        unit = "element";
        JsonArrayFile.read(name, maxRecordBytes, counting);
      } else {
        readJsonl(file, chunk, maxRecordBytes, counting);
      }
    } catch (ConsumerFailure e) {
      throw e.failure; // what the caller did with a record failed, not the reading: not a dead letter
    } catch (IOException | RuntimeException e) {
      // the records already read stand; the rest of the chunk (its lines are unknown) is one dead
      // letter, at the line after the last one read (line 0 when the file could not be read at all)
      long last = lastLine[0];
      String reason = last == 0 ? "cannot read file: "
          : last < chunk.firstLine() ? "cannot read the file from " + unit + " " + (last + 1) + ": "
          : "cannot read the file after " + unit + " " + last + ": ";
      records.accept(new RawRecord(name, last == 0 ? 0 : last + 1, "", reason + DeadLetter.oneLine(e)));
    }
  }

  /**
   * Scans blocks of bytes for line ends rather than reading a byte at a time through a buffered,
   * synchronized stream: every byte of the input passes here twice a run (BENCHMARKS.md has the
   * profile).
   */
  private static void readJsonl(MatchResult.Metadata file, InputChunk chunk, long maxRecordBytes,
      Consumer<RawRecord> records) throws IOException {
    String name = chunk.file();
    ReadableByteChannel channel = FileSystems.open(file.resourceId());
    if (chunk.start() > 0) {
      // only uncompressed files are cut into chunks (PlanInputChunks), and their channels can seek
      ((SeekableByteChannel) channel).position(chunk.start());
    } else {
      channel = Compression.detect(name).readDecompressed(channel);
    }
    long remaining = chunk.end() == InputChunk.TO_END ? Long.MAX_VALUE : chunk.end() - chunk.start();
    try (InputStream in = Channels.newInputStream(channel)) {
      byte[] block = new byte[1 << 16];
      LineDecoder lines = new LineDecoder(name, chunk.firstLine(), maxRecordBytes);
      while (remaining > 0) {
        int n = in.read(block, 0, (int) Math.min(block.length, remaining));
        if (n < 0) {
          break;
        }
        remaining -= n;
        int from = 0;
        for (int i = 0; i < n; i++) {
          if (block[i] == '\n') {
            records.accept(lines.end(block, from, i - from));
            from = i + 1;
          }
        }
        lines.carry(block, from, n - from);
      }
      if (lines.pending()) {
        records.accept(lines.end(block, 0, 0));
      }
    }
  }

  /** Numbers and decodes the lines of one chunk; holds the start of a line cut by a block's end. */
  private static final class LineDecoder {
    private final String file;
    private final CharsetDecoder strictUtf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final long maxRecordBytes;
    private long number;
    private byte[] carried = new byte[4096];
    private int carriedLength;
    /** Bytes of the current line so far, also those of an oversized line that were not kept. */
    private long lineLength;

    LineDecoder(String file, long firstLine, long maxRecordBytes) {
      this.file = file;
      this.number = firstLine - 1;
      this.maxRecordBytes = maxRecordBytes;
    }

    /**
     * Holds the start of a line cut by a block's end. Of a line longer than the limit only a prefix
     * is kept: such a line is never decoded, and a multi-gigabyte one must not fill the heap.
     */
    void carry(byte[] bytes, int offset, int length) {
      lineLength += length;
      int kept = lineLength > maxRecordBytes
          ? Math.max(0, Math.min(length, OVERSIZED_PREFIX_BYTES - carriedLength))
          : length;
      if (carriedLength + kept > carried.length) {
        carried = Arrays.copyOf(carried, Math.max(carried.length * 2, carriedLength + kept));
      }
      System.arraycopy(bytes, offset, carried, carriedLength, kept);
      carriedLength += kept;
    }

    boolean pending() {
      return lineLength > 0;
    }

    /** The line made of what was carried and then {@code length} bytes of {@code bytes}. */
    RawRecord end(byte[] bytes, int offset, int length) {
      if (lineLength > 0) {
        carry(bytes, offset, length);
        bytes = carried;
        offset = 0;
        length = carriedLength;
        carriedLength = 0;
      }
      long total = Math.max(lineLength, length);
      lineLength = 0;
      if (total > maxRecordBytes) {
        long line = ++number;
        return new RawRecord(file, line, new String(bytes, offset, Math.min(length, OVERSIZED_PREFIX_BYTES),
            StandardCharsets.UTF_8), oversized(total, maxRecordBytes));
      }
      return decode(bytes, offset, length);
    }

    private RawRecord decode(byte[] bytes, int offset, int length) {
      long line = ++number;
      if (length > 0 && bytes[offset + length - 1] == '\r') {
        length--;
      }
      boolean ascii = true;
      for (int i = offset; i < offset + length && ascii; i++) {
        ascii = bytes[i] >= 0;
      }
      if (ascii) {
        return RawRecord.of(file, line, new String(bytes, offset, length, StandardCharsets.ISO_8859_1));
      }
      try {
        String text = strictUtf8.reset().decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        // a byte-order mark, which Windows tools write, is not part of the first record
        return RawRecord.of(file, line, line == 1 && text.startsWith("\uFEFF") ? text.substring(1) : text);
      } catch (CharacterCodingException e) {
        return new RawRecord(file, line, new String(bytes, offset, length, StandardCharsets.UTF_8), "not valid UTF-8");
      }
    }
  }

  /** The read error of a record over the limit. */
  static String oversized(long bytes, long maxRecordBytes) {
    return String.format(Locale.ROOT, "record is %,d bytes, over the --max-record-bytes limit of %,d", bytes,
        maxRecordBytes);
  }

  private static void readParquet(MatchResult.Metadata file, String name, long maxRecordBytes,
      Consumer<RawRecord> records) throws IOException {
    Map<String, Integer> intDecimalScales = intDecimalScales(file);
    Configuration conf = new Configuration(false);
    // lists as plain arrays, not as arrays of {"element": …} records (Parquet's 3-level lists)
    conf.setBoolean(AvroSchemaConverter.ADD_LIST_ELEMENT_RECORDS, false);
    try (ParquetReader<GenericRecord> reader =
        AvroParquetReader.<GenericRecord>builder(new ChannelInputFile(file))
            .withDataModel(GenericData.get())
            .withConf(conf)
            .build()) {
      long row = 0;
      for (GenericRecord record = reader.read(); record != null; record = reader.read()) {
        String json = AvroJson.toJson(record, intDecimalScales);
        // a char is at most 3 UTF-8 bytes: only a long row needs its bytes counted
        long bytes = json.length() * 3L > maxRecordBytes ? json.getBytes(StandardCharsets.UTF_8).length : 0;
        records.accept(bytes > maxRecordBytes
            ? new RawRecord(name, ++row, json.substring(0, Math.min(json.length(), OVERSIZED_PREFIX_BYTES)), oversized(bytes, maxRecordBytes))
            : RawRecord.of(name, ++row, json));
      }
    }
  }

  /** Scales of the top-level DECIMAL columns stored as INT32/INT64, from the file's footer. */
  private static Map<String, Integer> intDecimalScales(MatchResult.Metadata file) throws IOException {
    Map<String, Integer> scales = new HashMap<>();
    try (ParquetFileReader footer = ParquetFileReader.open(new ChannelInputFile(file))) {
      for (Type field : footer.getFileMetaData().getSchema().getFields()) {
        if (field.isPrimitive()
            && field.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation decimal
            && field.asPrimitiveType().getPrimitiveTypeName() != PrimitiveType.PrimitiveTypeName.BINARY
            && field.asPrimitiveType().getPrimitiveTypeName() != PrimitiveType.PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY) {
          scales.put(field.getName(), decimal.getScale());
        }
      }
    }
    return scales;
  }

  /** Carries a failure of the records' consumer past the handler of read failures. */
  private static final class ConsumerFailure extends RuntimeException {
    private final RuntimeException failure;

    ConsumerFailure(RuntimeException failure) {
      super(failure.getMessage(), failure, false, false);
      this.failure = failure;
    }
  }
}
