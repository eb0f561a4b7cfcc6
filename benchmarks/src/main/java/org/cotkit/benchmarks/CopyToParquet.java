package org.cotkit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.parquet.hadoop.ParquetWriter;
import org.cotkit.pipelines.io.ChannelParquetWriter;
import org.cotkit.pipelines.io.InputChunk;
import org.cotkit.pipelines.io.InputChunkReader;
import org.cotkit.pipelines.io.InputFormat;
import org.cotkit.pipelines.io.PlanInputChunks;
import org.cotkit.pipelines.io.RawRecord;
import org.cotkit.pipelines.io.RenamedIntoPlace;
import org.cotkit.pipelines.io.StableHash;
import org.cotkit.pipelines.shape.DirectRunnerTuning;

/**
 * The I/O floor of {@code cotkit compress}: a Beam pipeline with cotkit's shape and none of its
 * work. It cuts the input into chunks of whole 500-line batches spread over workers, as compress
 * does ({@link PlanInputChunks}), reads each chunk with cotkit's own reader, parses each line with
 * Jackson and writes its string fields {@code id}, {@code question} and {@code answer} with
 * compress's Parquet writer ({@link ChannelParquetWriter}), one file per batch renamed into place
 * ({@link RenamedIntoPlace}), as compress writes its rows. Direct runner settings are cotkit's
 * ({@link DirectRunnerTuning}). The scale benchmark (benchmarks/scale/run.sh) compares compress's
 * throughput with this one's.
 *
 * <p>Usage: {@code CopyToParquet INPUT_GLOB OUTPUT_DIR [--beamOption=value ...]}. Prints
 * {@code records_read N}, {@code rows_written N} and {@code skipped N} (blank, unreadable or
 * non-object lines) on stdout.
 */
public final class CopyToParquet {

  /** Lines per output file: compress's default --records-per-batch. */
  private static final int BATCH_LINES = 500;

  /** GSM8K's fields plus the id the scale corpora add; a field a record lacks is null. */
  static final Schema ROW =
      SchemaBuilder.record("Row").namespace("org.cotkit.benchmarks")
          .fields()
          .optionalString("id")
          .optionalString("question")
          .optionalString("answer")
          .endRecord();

  private static final Set<String> TEXT_COLUMNS = Set.of("id", "question", "answer");

  private CopyToParquet() {}

  public static void main(String[] args) {
    if (args.length < 2) {
      System.err.println("usage: CopyToParquet INPUT_GLOB OUTPUT_DIR [--beamOption=value ...]");
      System.exit(2);
    }
    List<String> beamArgs = Arrays.asList(args).subList(2, args.length);
    PipelineOptions options = PipelineOptionsFactory.fromArgs(beamArgs.toArray(String[]::new)).create();
    options.setJobName("cotkit-copy-to-parquet");
    DirectRunnerTuning.apply(options, beamArgs);
    FileSystems.setDefaultPipelineOptions(options);

    Pipeline pipeline = Pipeline.create(options);
    pipeline
        .apply("PlanChunks", new PlanInputChunks(args[0], InputFormat.AUTO, BATCH_LINES))
        .apply("ReadParseAndWrite", ParDo.of(new CopyChunkFn(args[1].replaceAll("/+$", ""))));

    long start = System.nanoTime();
    PipelineResult result = pipeline.run();
    PipelineResult.State state = result.waitUntilFinish();
    double seconds = (System.nanoTime() - start) / 1e9;
    if (state != PipelineResult.State.DONE) {
      System.err.printf("copy pipeline ended %s after %.1f s%n", state, seconds);
      System.exit(1);
    }
    long read = counter(result, "cotkit", "records_read");
    long written = counter(result, "copy", "rows_written");
    long skipped = counter(result, "copy", "skipped");
    System.out.printf("records_read %d%nrows_written %d%nskipped %d%n", read, written, skipped);
    System.err.printf("copy: %d rows in %.1f s (%.0f rows/s)%n", written, seconds, written / seconds);
  }

  private static long counter(PipelineResult result, String namespace, String name) {
    long total = 0;
    for (MetricResult<Long> counter : result.metrics()
        .queryMetrics(MetricsFilter.builder().addNameFilter(MetricNameFilter.named(namespace, name)).build())
        .getCounters()) {
      total += counter.getCommitted();
    }
    return total;
  }

  /**
   * Reads and parses a chunk and writes each batch of {@value #BATCH_LINES} lines as
   * {@code <dir>/part-<hash of where the batch starts>.parquet}, renamed into place when complete,
   * as compress writes its batches.
   */
  private static final class CopyChunkFn extends DoFn<InputChunk, Void> {
    private final String directory;
    private final Counter recordsRead = Metrics.counter("cotkit", "records_read");
    private final Counter rowsWritten = Metrics.counter("copy", "rows_written");
    private final Counter skipped = Metrics.counter("copy", "skipped");
    private transient ObjectReader json;
    private transient InputChunkReader reader;

    CopyChunkFn(String directory) {
      this.directory = directory;
    }

    @Setup
    public void setup() {
      json = new ObjectMapper().readerFor(JsonNode.class);
      reader = new InputChunkReader(InputFormat.AUTO, Integer.MAX_VALUE);
    }

    @ProcessElement
    public void process(@Element InputChunk chunk) {
      List<GenericRecord> batch = new ArrayList<>(BATCH_LINES);
      long[] lines = {0, chunk.firstLine()}; // lines in the batch, the batch's first line
      reader.read(chunk, raw -> {
        if (lines[0] == BATCH_LINES) {
          write(chunk.file(), lines[1], batch);
          lines[1] += lines[0];
          lines[0] = 0;
        }
        lines[0]++;
        recordsRead.inc();
        GenericRecord row = parse(raw);
        if (row == null) {
          skipped.inc();
        } else {
          batch.add(row);
        }
      });
      write(chunk.file(), lines[1], batch);
    }

    private void write(String file, long firstLine, List<GenericRecord> batch) {
      if (batch.isEmpty()) {
        return;
      }
      String name = "part-" + StableHash.of(List.of(file + ":" + firstLine)) + ".parquet";
      try {
        RenamedIntoPlace.write(directory, name, "application/vnd.apache.parquet", channel -> {
          try (ParquetWriter<GenericRecord> writer = ChannelParquetWriter.open(channel, ROW, TEXT_COLUMNS)) {
            for (GenericRecord row : batch) {
              writer.write(row);
            }
          }
        });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      rowsWritten.inc(batch.size());
      batch.clear();
    }

    /** The record's schema fields that are strings; null for a line that is no JSON object. */
    private GenericRecord parse(RawRecord raw) {
      if (raw.readError() != null || raw.text().isBlank()) {
        return null;
      }
      JsonNode root;
      try {
        root = json.readValue(raw.text());
      } catch (IOException e) {
        return null;
      }
      if (root == null || !root.isObject()) {
        return null;
      }
      GenericRecord row = new GenericData.Record(ROW);
      for (Schema.Field field : ROW.getFields()) {
        JsonNode value = root.get(field.name());
        row.put(field.pos(), value != null && value.isTextual() ? ChannelParquetWriter.utf8(value.textValue()) : null);
      }
      return row;
    }
  }
}
