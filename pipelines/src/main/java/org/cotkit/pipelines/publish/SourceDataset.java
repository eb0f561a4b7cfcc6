package org.cotkit.pipelines.publish;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.schema.MessageType;
import org.cotkit.pipelines.io.ChannelInputFile;
import org.cotkit.pipelines.output.DatasetManifest;
import org.cotkit.pipelines.output.DatasetVerifier;
import org.cotkit.pipelines.sft.SftParquetFile;
import org.cotkit.pipelines.sft.SftSchema;

/**
 * The SFT dataset a publish reads: a folder {@code compress} or {@code build} wrote, checked as
 * {@code cotkit verify} checks it, and its rows read back one Parquet row group at a time, so memory
 * stays flat in the dataset's size. Data files are the manifest's {@code data/…parquet} entries at
 * any depth, and a row's split is its {@code split} column, never its path.
 */
public final class SourceDataset {

  /** The columns publish needs: the training texts and what configs and splits are made of. */
  private static final List<String> REQUIRED = List.of("id", "split", "mode", "prompt", "completion", "messages");

  /** A split or mode names files and configs on the Hub: letters, digits and underscores. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");

  private final String folder;
  private final DatasetManifest manifest;
  private final List<String> dataFiles;

  private SourceDataset(String folder, DatasetManifest manifest, List<String> dataFiles) {
    this.folder = folder;
    this.manifest = manifest;
    this.dataFiles = dataFiles;
  }

  /**
   * Opens {@code folder} once it passes {@link DatasetVerifier} and holds SFT rows.
   *
   * @throws UnpublishableDatasetException naming the problem
   * @throws IOException when the folder cannot be read
   */
  public static SourceDataset open(String folder) throws IOException, UnpublishableDatasetException {
    DatasetVerifier.Result verified = DatasetVerifier.verify(folder);
    if (!verified.ok()) {
      throw new UnpublishableDatasetException("fails cotkit verify: " + verified.problem());
    }
    DatasetManifest manifest = DatasetManifest.read(folder).orElseThrow();
    if (manifest.command().equals("publish")) {
      throw new UnpublishableDatasetException("is a folder cotkit publish wrote; publish the dataset it was made from");
    }
    List<String> files = manifest.parquetDataFiles();
    if (verified.dataRows() == 0 || files.isEmpty()) {
      throw new UnpublishableDatasetException("holds no rows: there is nothing to publish");
    }
    SourceDataset source = new SourceDataset(folder, manifest, files);
    for (String file : files) {
      source.checkColumns(file);
    }
    return source;
  }

  public String folder() {
    return folder;
  }

  public DatasetManifest manifest() {
    return manifest;
  }

  /**
   * Rows by mode, then by split, reading only those two columns.
   *
   * @throws UnpublishableDatasetException naming a split or mode that cannot name a file or config
   */
  public Map<String, Map<String, Long>> rowsByModeAndSplit() throws IOException, UnpublishableDatasetException {
    Schema projection = SftSchema.projection("split", "mode");
    Map<String, Map<String, Long>> rows = new TreeMap<>();
    for (String file : dataFiles) {
      SftParquetFile.read(path(file), projection, row -> rows
          .computeIfAbsent(row.get("mode").toString(), m -> new TreeMap<>())
          .merge(row.get("split").toString(), 1L, Long::sum));
    }
    for (Map.Entry<String, Map<String, Long>> mode : rows.entrySet()) {
      checkName("mode", mode.getKey());
      if (PublishedLayout.ALL.equals(mode.getKey()) || PublishedLayout.METADATA.equals(mode.getKey())) {
        throw new UnpublishableDatasetException("has rows of mode '" + mode.getKey() + "', which would clash with "
            + "the published config of that name");
      }
      for (String split : mode.getValue().keySet()) {
        checkName("split", split);
      }
    }
    return rows;
  }

  /**
   * Reads every row, a record of the file's own Avro schema ({@code SftSchema.EXAMPLE}), in the order
   * of the files and of their rows.
   */
  public void forEachRow(SftParquetFile.RowConsumer consumer) throws IOException {
    for (String file : dataFiles) {
      SftParquetFile.read(path(file), null, consumer);
    }
  }

  /** An SFT row's value of {@code column}; null where the file has no such column (an older cotkit's). */
  static Object value(GenericRecord row, String column) {
    return row.getSchema().getField(column) == null ? null : row.get(column);
  }

  private void checkColumns(String file) throws IOException, UnpublishableDatasetException {
    MessageType schema;
    try (ParquetFileReader footer = ParquetFileReader.open(new ChannelInputFile(FileSystems.matchSingleFileSpec(path(file))))) {
      schema = footer.getFooter().getFileMetaData().getSchema();
    }
    Map<String, Boolean> present = new LinkedHashMap<>();
    REQUIRED.forEach(column -> present.put(column, schema.containsField(column)));
    for (Map.Entry<String, Boolean> column : present.entrySet()) {
      if (!column.getValue()) {
        throw new UnpublishableDatasetException(file + " has no '" + column.getKey() + "' column: publish takes "
            + "the SFT rows that compress or build write (this is cotkit " + manifest.command() + " output)");
      }
    }
  }

  private String path(String file) {
    return folder + "/" + file;
  }

  private static void checkName(String what, String name) throws UnpublishableDatasetException {
    if (!NAME.matcher(name).matches()) {
      throw new UnpublishableDatasetException("has rows of " + what + " '" + name + "'; a published " + what
          + " names files and configs, so it must be letters, digits and underscores");
    }
  }
}
