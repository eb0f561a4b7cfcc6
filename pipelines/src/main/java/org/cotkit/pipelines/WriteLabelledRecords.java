package org.cotkit.pipelines;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.parquet.hadoop.ParquetWriter;

/**
 * Writes each batch of labelled records as one file {@code <dir>/part-<hash>.jsonl} or
 * {@code .parquet} (see {@link LabelledRecords} for the fields), named, written and renamed the way
 * {@link WriteSftParquet} does it, and outputs the count of records written, for the manifest.
 */
public final class WriteLabelledRecords extends PTransform<PCollection<List<CotToCompress>>, PCollection<KV<String, Long>>> {

  private final String directory;
  private final LabelOptions.OutputFormat format;

  public WriteLabelledRecords(String directory, LabelOptions.OutputFormat format) {
    this.directory = directory;
    this.format = format;
  }

  @Override
  public PCollection<KV<String, Long>> expand(PCollection<List<CotToCompress>> batches) {
    return batches.apply("WriteFiles", ParDo.of(new WriteBatchFn(directory, format)));
  }

  private static final class WriteBatchFn extends DoFn<List<CotToCompress>, KV<String, Long>> {
    private final String directory;
    private final LabelOptions.OutputFormat format;
    private final Counter filesWritten = Metrics.counter("cotkit", "files_written");

    WriteBatchFn(String directory, LabelOptions.OutputFormat format) {
      this.directory = directory;
      this.format = format;
    }

    @ProcessElement
    public void process(@Element List<CotToCompress> batch, OutputReceiver<KV<String, Long>> out) throws IOException {
      if (batch.isEmpty()) {
        return;
      }
      List<String> origins = new ArrayList<>(batch.size());
      for (CotToCompress labelled : batch) {
        origins.add(labelled.record().origin().location());
      }
      boolean parquet = format == LabelOptions.OutputFormat.PARQUET;
      String name = "part-" + StableHash.of(origins) + (parquet ? ".parquet" : ".jsonl");
      RenamedIntoPlace.write(directory, name, parquet ? "application/vnd.apache.parquet" : "application/jsonl",
          channel -> {
            if (parquet) {
              writeParquet(batch, channel);
            } else {
              writeJsonl(batch, channel);
            }
          });
      filesWritten.inc();
      out.output(KV.of("records_written", (long) batch.size()));
    }

    private static void writeParquet(List<CotToCompress> batch, WritableByteChannel channel) throws IOException {
      try (ParquetWriter<GenericRecord> writer =
          ChannelParquetWriter.open(channel, LabelledRecords.SCHEMA, LabelledRecords.TEXT_COLUMNS)) {
        for (CotToCompress labelled : batch) {
          writer.write(LabelledRecords.toAvro(labelled));
        }
      }
    }

    private static void writeJsonl(List<CotToCompress> batch, WritableByteChannel channel) throws IOException {
      // not closed here: closing the channel, which the caller does, ends the file
      OutputStream stream = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
      for (CotToCompress labelled : batch) {
        stream.write(LabelledRecords.toJsonLine(labelled).getBytes(StandardCharsets.UTF_8));
        stream.write('\n');
      }
      stream.flush();
    }
  }
}
