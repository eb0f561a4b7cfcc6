package org.cotkit.pipelines;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
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

  private final ReadTeacherInput.Format format;

  public InputChunkReader(ReadTeacherInput.Format format) {
    this.format = format;
  }

  /** Hands every record of the chunk, in order, to {@code records}. */
  public void read(InputChunk chunk, Consumer<RawRecord> records) {
    String name = chunk.file();
    long[] lastLine = {chunk.firstLine() - 1};
    Consumer<RawRecord> counting = record -> {
      lastLine[0] = record.line();
      records.accept(record);
    };
    try {
      MatchResult.Metadata file = FileSystems.matchSingleFileSpec(name);
      if (ReadTeacherInput.isParquet(name, format)) {
        readParquet(file, name, counting);
      } else {
        readJsonl(file, chunk, counting);
      }
    } catch (IOException | RuntimeException e) {
      // the records already read stand; the rest of the chunk (its lines are unknown) is one dead
      // letter, at the line after the last one read (line 0 when the file could not be read at all)
      long last = lastLine[0];
      String reason = last == 0 ? "cannot read file: "
          : last < chunk.firstLine() ? "cannot read the file from line " + (last + 1) + ": "
          : "cannot read the file after line " + last + ": ";
      records.accept(new RawRecord(name, last == 0 ? 0 : last + 1, "", reason + DeadLetter.oneLine(e)));
    }
  }

  private static void readJsonl(MatchResult.Metadata file, InputChunk chunk, Consumer<RawRecord> records)
      throws IOException {
    String name = chunk.file();
    ReadableByteChannel channel = FileSystems.open(file.resourceId());
    if (chunk.start() > 0) {
      // only uncompressed files are cut into chunks (PlanInputChunks), and their channels can seek
      ((SeekableByteChannel) channel).position(chunk.start());
    } else {
      channel = Compression.detect(name).readDecompressed(channel);
    }
    long remaining = chunk.end() == InputChunk.TO_END ? Long.MAX_VALUE : chunk.end() - chunk.start();
    try (InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 1 << 16)) {
      ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
      long number = chunk.firstLine() - 1;
      boolean pending = false;
      for (int b = remaining > 0 ? in.read() : -1; b >= 0; b = --remaining > 0 ? in.read() : -1) {
        if (b == '\n') {
          records.accept(decodeLine(name, ++number, line));
          line.reset();
          pending = false;
        } else {
          line.write(b);
          pending = true;
        }
      }
      if (pending) {
        records.accept(decodeLine(name, ++number, line));
      }
    }
  }

  private static RawRecord decodeLine(String name, long number, ByteArrayOutputStream bytes) {
    byte[] raw = bytes.toByteArray();
    int length = raw.length > 0 && raw[raw.length - 1] == '\r' ? raw.length - 1 : raw.length;
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(raw, 0, length))
          .toString();
      // a byte-order mark, which Windows tools write, is not part of the first record
      return RawRecord.of(name, number, number == 1 && text.startsWith("\uFEFF") ? text.substring(1) : text);
    } catch (CharacterCodingException e) {
      return new RawRecord(name, number, new String(raw, 0, length, StandardCharsets.UTF_8), "not valid UTF-8");
    }
  }

  private static void readParquet(MatchResult.Metadata file, String name, Consumer<RawRecord> records)
      throws IOException {
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
        records.accept(RawRecord.of(name, ++row, AvroJson.toJson(record, intDecimalScales)));
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
}
