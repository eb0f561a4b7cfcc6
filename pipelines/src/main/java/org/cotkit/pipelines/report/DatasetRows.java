package org.cotkit.pipelines.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.hadoop.ParquetReader;
import org.cotkit.pipelines.io.ChannelInputFile;
import org.cotkit.pipelines.io.WrittenFile;
import org.cotkit.pipelines.output.DatasetManifest;
import org.cotkit.pipelines.sft.SftSchema;

/**
 * Reads the rows of a dataset's data files, the Parquet files its manifest lists under
 * {@code data/} at any depth, in the manifest's order. Only the columns of {@link DatasetRow} are
 * read: the prompt, completion and messages, most of a file's bytes, are never decoded.
 */
final class DatasetRows {

  /** The statistics' columns, typed as the writer's schema types them. */
  static final Schema PROJECTION = projection("split", "mode", "ratio", "achieved_ratio", "difficulty", "pass_rate",
      "token_budget", "cot_tokens", "kept_tokens", "verified");

  private DatasetRows() {}

  /** The data files' paths relative to the folder. */
  static List<String> dataFiles(DatasetManifest manifest) {
    List<String> paths = new ArrayList<>();
    for (WrittenFile file : manifest.files()) {
      if (file.path().startsWith(WrittenFile.DATA_FOLDER + "/") && file.path().endsWith(".parquet")) {
        paths.add(file.path());
      }
    }
    return paths;
  }

  /** @throws IOException naming the file that cannot be read */
  static void forEach(String folder, DatasetManifest manifest, Consumer<DatasetRow> rows) throws IOException {
    Configuration conf = new Configuration(false);
    AvroReadSupport.setRequestedProjection(conf, PROJECTION);
    for (String path : dataFiles(manifest)) {
      String location = folder + "/" + path;
      try (ParquetReader<GenericRecord> reader =
          AvroParquetReader.<GenericRecord>builder(new ChannelInputFile(FileSystems.matchSingleFileSpec(location)))
              .withDataModel(GenericData.get())
              .withConf(conf)
              .build()) {
        for (GenericRecord record = reader.read(); record != null; record = reader.read()) {
          rows.accept(row(record));
        }
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

  private static Schema projection(String... names) {
    List<Schema.Field> fields = new ArrayList<>();
    for (String name : names) {
      Schema.Field field = SftSchema.EXAMPLE.getField(name);
      fields.add(new Schema.Field(field, field.schema()));
    }
    return Schema.createRecord(SftSchema.EXAMPLE.getName(), null, SftSchema.EXAMPLE.getNamespace(), false, fields);
  }
}
