package org.cotkit.pipelines;

import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/**
 * Reads teacher generations from JSONL (optionally compressed, e.g. {@code .jsonl.gz}) or Parquet
 * files matching a pattern, as batches of {@link RawRecord}s (one per line or row, each with its
 * file and line number so that errors can name it). Batches, not single records, are the elements
 * of the pipeline: per-element overhead of a runner is paid once per batch, and batches are what a
 * model scorer batches over. Uncompressed JSONL files are cut into chunks of one batch each
 * ({@link PlanInputChunks}), so one large file is read on every worker. Bytes that are not valid
 * UTF-8 and files that cannot be read become records with a {@code readError}, never a failed run.
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

  /** @throws IllegalArgumentException when the pattern matches no file or cannot be listed */
  @Override
  public PCollection<List<RawRecord>> expand(PBegin begin) {
    return begin
        .apply("PlanChunks", new PlanInputChunks(filePattern, format, batchSize))
        .apply("ReadBatches", ParDo.of(new ReadBatchesFn(format, batchSize)))
        .setCoder(BatchCoder.of(RawRecord.class));
  }

  static boolean isParquet(String file, Format format) {
    return format == Format.PARQUET
        || (format == Format.AUTO && file.toLowerCase(Locale.ROOT).endsWith(".parquet"));
  }

  private static final class ReadBatchesFn extends DoFn<InputChunk, List<RawRecord>> {
    private final Format format;
    private final int batchSize;
    private final Counter recordsRead = Metrics.counter("cotkit", "records_read");

    ReadBatchesFn(Format format, int batchSize) {
      this.format = format;
      this.batchSize = batchSize;
    }

    @ProcessElement
    public void process(@Element InputChunk chunk, OutputReceiver<List<RawRecord>> out) {
      RecordBatcher<RawRecord> batcher = new RecordBatcher<>(batchSize, batch -> {
        recordsRead.inc(batch.size());
        out.output(batch);
      });
      new InputChunkReader(format).read(chunk, batcher::add);
      batcher.flush();
    }
  }
}
