package org.cotkit.pipelines;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads teacher generations from JSONL (optionally compressed, e.g. {@code .jsonl.gz}) or Parquet
 * files matching a pattern, as batches of {@link RawRecord}s (one per line or row, each with its
 * file and line number so that errors can name it). Batches, not single records, are the elements
 * of the pipeline: per-element overhead of a runner is paid once per batch, and batches are what a
 * model scorer batches over. Bytes that are not valid UTF-8 and files that cannot be read become
 * records with a {@code readError}, never a failed run.
 */
public final class ReadTeacherInput extends PTransform<PBegin, PCollection<List<RawRecord>>> {

  /** Input file format; {@code AUTO} decides per file by extension ({@code .parquet} or JSONL). */
  public enum Format {
    AUTO,
    JSONL,
    PARQUET
  }

  private final String filePattern;
  private final Format format;
  private final int batchSize;

  public ReadTeacherInput(String filePattern, Format format, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
    }
    this.filePattern = filePattern;
    this.format = format;
    this.batchSize = batchSize;
  }

  /**
   * Files are matched once, when the pipeline is built, rather than by {@code FileIO.match()}
   * inside it: the input is a fixed set of files, and the match transform's own shuffle costs the
   * embedded runner as much time as reading a mid-sized corpus.
   *
   * @throws IllegalArgumentException when the pattern matches no file or cannot be listed
   */
  @Override
  public PCollection<List<RawRecord>> expand(PBegin begin) {
    List<String> files = new ArrayList<>();
    try {
      for (MatchResult.Metadata file : FileSystems.match(filePattern, EmptyMatchTreatment.DISALLOW).metadata()) {
        files.add(file.resourceId().toString());
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("--input '" + filePattern + "' matches no file (" + DeadLetter.oneLine(e) + ")", e);
    }
    return begin
        .apply("InputFiles", Create.of(files).withCoder(StringUtf8Coder.of()))
        .apply("ReadBatches", ParDo.of(new ReadBatchesFn(format, batchSize)))
        .setCoder(BatchCoder.of(RawRecord.class));
  }

  static boolean isParquet(String file, Format format) {
    return format == Format.PARQUET
        || (format == Format.AUTO && file.toLowerCase(Locale.ROOT).endsWith(".parquet"));
  }

  private static final class ReadBatchesFn extends DoFn<String, List<RawRecord>> {
    private final Format format;
    private final int batchSize;
    private final Counter recordsRead = Metrics.counter("cotkit", "records_read");

    ReadBatchesFn(Format format, int batchSize) {
      this.format = format;
      this.batchSize = batchSize;
    }

    @ProcessElement
    public void process(@Element String name, OutputReceiver<List<RawRecord>> out) {
      Batcher batcher = new Batcher(out);
      try {
        MatchResult.Metadata file = FileSystems.matchSingleFileSpec(name);
        if (isParquet(name, format)) {
          readParquet(file, name, batcher);
        } else {
          readJsonl(file, name, batcher);
        }
      } catch (IOException | RuntimeException e) {
        // the records already read stand; the rest of the file (its lines are unknown) is one dead
        // letter, at the line after the last one read
        long last = batcher.lastLine();
        batcher.add(new RawRecord(name, last == 0 ? 0 : last + 1, "",
            (last == 0 ? "cannot read file: " : "cannot read the file after line " + last + ": ") + DeadLetter.oneLine(e)));
      }
      batcher.flush();
    }

    private static void readJsonl(MatchResult.Metadata file, String name, Batcher batcher) throws IOException {
      ReadableByteChannel channel = Compression.detect(name).readDecompressed(FileSystems.open(file.resourceId()));
      try (InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 1 << 16)) {
        ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
        long number = 0;
        boolean pending = false;
        for (int b = in.read(); b >= 0; b = in.read()) {
          if (b == '\n') {
            batcher.add(decodeLine(name, ++number, line));
            line.reset();
            pending = false;
          } else {
            line.write(b);
            pending = true;
          }
        }
        if (pending) {
          batcher.add(decodeLine(name, ++number, line));
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

    private static void readParquet(MatchResult.Metadata file, String name, Batcher batcher) throws IOException {
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
          batcher.add(RawRecord.of(name, ++row, AvroJson.toJson(record, intDecimalScales)));
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

    /** Collects records into batches of {@code batchSize} and emits each full batch. */
    private final class Batcher {
      private final OutputReceiver<List<RawRecord>> out;
      private List<RawRecord> batch = new ArrayList<>(batchSize);

      Batcher(OutputReceiver<List<RawRecord>> out) {
        this.out = out;
      }

      private long lastLine;

      void add(RawRecord record) {
        lastLine = record.line();
        batch.add(record);
        if (batch.size() == batchSize) {
          flush();
        }
      }

      /** The line (or row) number of the last record added; 0 before the first. */
      long lastLine() {
        return lastLine;
      }

      void flush() {
        if (!batch.isEmpty()) {
          recordsRead.inc(batch.size());
          out.output(batch);
          batch = new ArrayList<>(batchSize);
        }
      }
    }
  }
}
