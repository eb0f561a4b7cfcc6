package org.cotkit.pipelines.report;

import java.io.IOException;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.cotkit.pipelines.output.DatasetManifest;
import org.cotkit.pipelines.sft.SftParquetFile;
import org.cotkit.pipelines.sft.SftSchema;

/**
 * Reads the rows of a dataset's data files, the Parquet files its manifest lists under
 * {@code data/} at any depth, in the manifest's order. Only the columns of {@link DatasetRow} are
 * read: the prompt, completion and messages, most of a file's bytes, are never decoded.
 */
final class DatasetRows {

  /** The statistics' columns, typed as the writer's schema types them. */
  static final Schema PROJECTION = SftSchema.projection("split", "mode", "ratio", "achieved_ratio", "difficulty", "pass_rate",
      "token_budget", "cot_tokens", "kept_tokens", "verified");

  private DatasetRows() {}

  /** @throws IOException naming the file that cannot be read */
  static void forEach(String folder, DatasetManifest manifest, Consumer<DatasetRow> rows) throws IOException {
    for (String path : manifest.parquetDataFiles()) {
      String location = folder + "/" + path;
      try {
        SftParquetFile.read(location, PROJECTION, record -> rows.accept(row(record)));
      } catch (IOException | RuntimeException e) {
        throw new IOException("cannot read " + location + ": " + e.getMessage(), e);
      }
    }
  }

  private static DatasetRow row(GenericRecord record) {
    return new DatasetRow(text(record.get("split")), text(record.get("mode")), (Double) record.get("ratio"),
        (Double) record.get("achieved_ratio"), text(record.get("difficulty")), (Double) record.get("pass_rate"),
        (Integer) record.get("token_budget"), (Integer) record.get("cot_tokens"), (Integer) record.get("kept_tokens"),
        (Boolean) record.get("verified"));
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
