package org.cotkit.pipelines.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.schema.MessageType;

/**
 * A snappy Parquet writer into a channel of any file system Beam knows, of Avro records or of rows
 * a {@link WriteSupport} of cotkit's own lays out (the SFT rows' {@code SftExampleWriteSupport}).
 *
 * <p>Used instead of Beam's {@code ParquetIO.Sink} because the sink cannot turn Parquet's
 * dictionary off for single columns: its configuration map reaches a {@code ParquetWriter.Builder}
 * (parquet 1.13) that ignores per-column keys. Long unique texts (prompts, chains of thought) then
 * fill a dictionary that is hashed value by value and dropped when full, all of it wasted work
 * (BENCHMARKS.md has the profile). Hand it Avro strings as {@link #utf8 Utf8}: the Avro
 * writer takes their bytes as they are, while a {@code String} goes through a slow charset
 * encoder.
 */
public final class ChannelParquetWriter {

  private ChannelParquetWriter() {}

  /**
   * Opens a writer of Avro records in parquet-avro's layout; closing it ends the file and closes
   * {@code channel}.
   *
   * @param withoutDictionary dotted column paths to write plainly, e.g. {@code prompt} or, inside
   *     an array of records, {@code messages.array.content}
   */
  public static ParquetWriter<GenericRecord> open(
      WritableByteChannel channel, Schema schema, Set<String> withoutDictionary) throws IOException {
    MessageType parquetSchema = new AvroSchemaConverter(new Configuration(false)).convert(schema);
    return open(channel, new AvroWriteSupport<>(parquetSchema, schema, GenericData.get()), withoutDictionary);
  }

  /**
   * Opens a writer of rows that {@code writeSupport} lays out; closing it ends the file and closes
   * {@code channel}.
   *
   * @param withoutDictionary dotted column paths to write plainly
   */
  public static <T> ParquetWriter<T> open(
      WritableByteChannel channel, WriteSupport<T> writeSupport, Set<String> withoutDictionary) throws IOException {
    return open(channel, writeSupport, withoutDictionary, ParquetWriter.DEFAULT_BLOCK_SIZE);
  }

  /**
   * Opens a writer of Avro records whose row groups hold about {@code rowGroupBytes}: a writer
   * buffers a whole row group, so one that keeps many files open at once (cotkit publish) bounds
   * its memory by a smaller size.
   */
  public static ParquetWriter<GenericRecord> open(
      WritableByteChannel channel, Schema schema, Set<String> withoutDictionary, long rowGroupBytes) throws IOException {
    MessageType parquetSchema = new AvroSchemaConverter(new Configuration(false)).convert(schema);
    return open(channel, new AvroWriteSupport<>(parquetSchema, schema, GenericData.get()), withoutDictionary,
        rowGroupBytes);
  }

  private static <T> ParquetWriter<T> open(WritableByteChannel channel, WriteSupport<T> writeSupport,
      Set<String> withoutDictionary, long rowGroupBytes) throws IOException {
    Builder<T> builder = new Builder<>(new ChannelOutputFile(channel), writeSupport)
        .withRowGroupSize(rowGroupBytes)
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
        // without Hadoop's default resources, which a plain Configuration parses from XML again
        // for every file written
        .withConf(new Configuration(false));
    for (String column : withoutDictionary) {
      builder.withDictionaryEncoding(column, false);
    }
    return builder.build();
  }

  private static final class Builder<T> extends ParquetWriter.Builder<T, Builder<T>> {
    private final WriteSupport<T> writeSupport;

    Builder(OutputFile file, WriteSupport<T> writeSupport) {
      super(file);
      this.writeSupport = writeSupport;
    }

    @Override
    protected Builder<T> self() {
      return this;
    }

    @Override
    protected WriteSupport<T> getWriteSupport(Configuration conf) {
      return writeSupport;
    }
  }

  /** A string field's value in the form this writer copies fastest; null stays null. */
  public static Utf8 utf8(String text) {
    return text == null ? null : new Utf8(text);
  }

  /** The channel as a Parquet output file: a stream that counts its position. */
  private record ChannelOutputFile(WritableByteChannel channel) implements OutputFile {

    @Override
    public PositionOutputStream create(long blockSizeHint) {
      // buffered: Parquet writes its footer a few bytes at a time
      return new CountingStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16));
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
      return create(blockSizeHint);
    }

    @Override
    public boolean supportsBlockSize() {
      return false;
    }

    @Override
    public long defaultBlockSize() {
      return 0;
    }
  }

  private static final class CountingStream extends PositionOutputStream {
    private final OutputStream out;
    private long position;

    CountingStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public long getPos() {
      return position;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      position++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      position += len;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
