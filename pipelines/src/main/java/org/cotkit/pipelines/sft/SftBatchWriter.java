package org.cotkit.pipelines.sft;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.cotkit.pipelines.record.ChosenCot;
import org.cotkit.pipelines.shape.BatchOutput;

/**
 * Writes the SFT rows of one batch as one Parquet file per split named by {@link ChosenCot#fileKey}, and
 * counts them: the {@code rows_written} and {@code files_written} counters for progress, the
 * {@code records_written} and {@code rows_written} counts and the file's entry for the manifest.
 * Not thread-safe: one per worker.
 */
public final class SftBatchWriter {

  /** The prefix of the compression counts, which the manifest's {@code compression} section sums up. */
  public static final String COMPRESSION = "compression.";

  private final String dataset;
  private final Counter rowsWritten = Metrics.counter("cotkit", "rows_written");
  private final Counter filesWritten = Metrics.counter("cotkit", "files_written");

  /** @param dataset the dataset folder; the Parquet files go to its {@code data/<split>/} */
  public SftBatchWriter(String dataset) {
    this.dataset = dataset;
  }

  /**
   * @param records the records the rows were made from
   * @param rows their rows, in order
   */
  public void write(List<ChosenCot> records, List<SftExample> rows, BatchOutput out) {
    out.count("records_written", records.size());
    out.count(SftParquetFile.ROWS_WRITTEN, rows.size());
    if (rows.isEmpty()) {
      return;
    }
    countCompression(rows, out);
    Map<String, List<SftExample>> bySplit = new TreeMap<>();
    for (SftExample row : rows) {
      bySplit.computeIfAbsent(row.split(), split -> new ArrayList<>()).add(row);
    }
    String key = ChosenCot.fileKey(records);
    bySplit.forEach((split, splitRows) -> {
      out.file(SftParquetFile.write(dataset, split, key, splitRows));
      filesWritten.inc();
    });
    rowsWritten.inc(rows.size());
  }

  /**
   * What pruning saved over the batch's rows with a target γ, as manifest counts, so a run's
   * summary prints it without reading its rows back: a 100× GSM8K run's rows took 8–12 s to read.
   * |achieved − γ| is summed in billionths, exact to print at four decimals.
   */
  private static void countCompression(List<SftExample> rows, BatchOutput out) {
    long pruned = 0;
    long cotTokens = 0;
    long keptTokens = 0;
    long errorNanos = 0;
    for (SftExample row : rows) {
      if (row.ratio() != null && row.achievedRatio() != null && row.cotTokens() != null && row.keptTokens() != null
          && "tokenskip".equals(row.mode())) {
        pruned++;
        cotTokens += row.cotTokens();
        keptTokens += row.keptTokens();
        errorNanos += Math.round(Math.abs(row.achievedRatio() - row.ratio()) * 1e9);
      }
    }
    if (pruned > 0) {
      out.count(COMPRESSION + "rows", pruned);
      out.count(COMPRESSION + "cot_tokens", cotTokens);
      out.count(COMPRESSION + "kept_tokens", keptTokens);
      out.count(COMPRESSION + "abs_error_nanos", errorNanos);
    }
  }
}
