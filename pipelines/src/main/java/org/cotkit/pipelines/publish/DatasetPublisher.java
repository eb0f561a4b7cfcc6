package org.cotkit.pipelines.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.cotkit.pipelines.io.RenamedIntoPlace;
import org.cotkit.pipelines.io.WrittenFile;
import org.cotkit.pipelines.manifest.WriteManifest;
import org.cotkit.pipelines.output.DatasetFiles;
import org.cotkit.pipelines.output.DatasetManifest;
import org.cotkit.pipelines.output.StagedOutput;
import org.cotkit.pipelines.report.DatasetStatistics;
import org.cotkit.pipelines.report.StatisticsTable;

/**
 * Lays a verified SFT dataset out as a Hub-ready folder ({@link PublishedLayout}): the Parquet
 * files of each config and split, the dataset card ({@link DatasetCard}), LLaMA-Factory's
 * {@code dataset_info.json} ({@link LlamaFactoryDatasetInfo}) and a {@code manifest.json} that
 * lists every file with its rows, bytes and SHA-256, so {@code cotkit verify} checks the folder
 * and a later publish knows it may replace it.
 *
 * <p>The folder is staged beside the target and renamed into place complete ({@link StagedOutput}),
 * so a publish that fails leaves nothing half-written. The source is read twice, once for two
 * columns (how many rows each config and split has, which names the files) and once whole, a row
 * group at a time: memory is a row group per open file, flat in the dataset's size.
 */
public final class DatasetPublisher {

  /** The command in the published folder's manifest: what tells a folder publish wrote. */
  public static final String COMMAND = "publish";

  private DatasetPublisher() {}

  /** What a publish wrote. */
  public record Published(String target, PublishedLayout layout, List<WrittenFile> files) {}

  /**
   * Publishes {@code settings.dataset()} to {@code settings.target()}.
   *
   * @throws UnpublishableDatasetException when the source cannot be published, naming its problem
   * @throws IllegalArgumentException naming {@code --to}, when the target may not be written
   * @throws IllegalStateException when another run holds the target's lock
   * @throws IOException when reading or writing fails; nothing is published then
   */
  public static Published publish(PublishSettings settings) throws IOException, UnpublishableDatasetException {
    SourceDataset source = SourceDataset.open(settings.dataset());
    checkTarget(settings.target(), settings.overwrite(), settings.dataset());
    PublishedLayout layout = PublishedLayout.of(source.rowsByModeAndSplit(), settings.rowsPerFile());
    try (StagedOutput staged = StagedOutput.open(settings.target(), StagedOutput.newRunId(), settings.overwrite(),
        COMMAND)) {
      List<WrittenFile> files;
      try {
        files = writeFolder(staged.staging(), settings, source, layout);
      } catch (IOException | RuntimeException e) {
        String log = staged.fail(e, settings.commandLine());
        throw new IOException(firstLine(e) + "; nothing was published to " + settings.target()
            + (log == null ? "" : "; full trace in " + log), e);
      }
      staged.publish();
      return new Published(settings.target(), layout, files);
    }
  }

  /**
   * Refuses a {@code --to} that publish must not write: anything but a missing or empty folder, or,
   * with {@code overwrite}, a folder publish wrote that holds only the files its manifest lists.
   */
  static void checkTarget(String target, boolean overwrite, String source) throws IOException {
    if (DatasetFiles.isLocal(target)) {
      Path path = DatasetFiles.localPath(target);
      if (Files.isSymbolicLink(path)) {
        throw new IllegalArgumentException("--to '" + target + "' is a symbolic link; give the folder it points to");
      }
      if (Files.exists(path) && !Files.isDirectory(path)) {
        throw new IllegalArgumentException("--to '" + target + "' is a file, not a folder");
      }
    }
    String trimmedSource = source.replaceAll("/+$", "");
    if ((target + "/").startsWith(trimmedSource + "/")) {
      throw new IllegalArgumentException("--to '" + target + "' is inside the dataset it publishes (" + source
          + "); choose a folder outside it");
    }
    List<DatasetFiles.Entry> entries = DatasetFiles.list(target);
    if (entries.isEmpty()) {
      return;
    }
    DatasetManifest manifest = DatasetManifest.read(target).filter(DatasetManifest::isCotkit).orElse(null);
    if (manifest == null) {
      throw new IllegalArgumentException("--to '" + target + "' holds files that cotkit publish did not write (e.g. "
          + entries.get(0).path() + "); choose a new or empty folder");
    }
    if (!manifest.command().equals(COMMAND)) {
      throw new IllegalArgumentException("--to '" + target + "' holds a dataset of cotkit " + manifest.command()
          + ", not a published one, which publish never replaces; choose a new or empty folder");
    }
    if (!overwrite) {
      throw new IllegalArgumentException("--to '" + target + "' already holds a published dataset; pass --overwrite "
          + "to replace it");
    }
    DatasetManifest.Mismatch mismatch = manifest.firstMismatch(entries).orElse(null);
    if (mismatch != null && mismatch.kind() != DatasetManifest.Mismatch.Kind.MISSING) {
      throw new IllegalArgumentException("--to '" + target + "' holds " + mismatch.path() + ", which publish did not "
          + "write (" + mismatch.kind().name().toLowerCase(Locale.ROOT) + "); --overwrite replaces only "
          + "publish's own files: move it away or choose another --to");
    }
  }

  /** Writes every file of the published folder into {@code staging}; returns their entries but the manifest's. */
  private static List<WrittenFile> writeFolder(String staging, PublishSettings settings, SourceDataset source,
      PublishedLayout layout) throws IOException {
    List<WrittenFile> files = new ArrayList<>(writeData(staging, settings, source, layout));
    List<WrittenFile> dataFiles = List.copyOf(files);
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    files.add(writeText(staging, LlamaFactoryDatasetInfo.FILE_NAME, "application/json",
        json.writeValueAsString(LlamaFactoryDatasetInfo.of(settings.name(), layout, settings.format())) + "\n"));
    files.add(writeText(staging, DatasetCard.FILE_NAME, "text/markdown",
        DatasetCard.of(settings, layout, dataFiles, source.manifest().json(),
            StatisticsTable.render(DatasetStatistics.of(source.folder())))));
    files.sort(Comparator.comparing(WrittenFile::path));
    writeText(staging, WriteManifest.FILE_NAME, "application/json",
        json.writeValueAsString(manifest(settings, source, layout, files)) + "\n");
    return files;
  }

  /** The Parquet files: every row to its mode's config, to {@code all} and to {@code metadata}, in order. */
  private static List<WrittenFile> writeData(String staging, PublishSettings settings, SourceDataset source,
      PublishedLayout layout) throws IOException {
    Map<String, Map<String, ShardWriter>> writers = new LinkedHashMap<>();
    for (PublishedLayout.Config config : layout.configs()) {
      Map<String, ShardWriter> bySplit = new LinkedHashMap<>();
      for (String split : config.rowsBySplit().keySet()) {
        bySplit.put(split, config.isMetadata()
            ? new ShardWriter(staging, layout.files(config, split), layout.rowsPerFile(), MetadataColumns.SCHEMA,
                MetadataColumns.TEXT_COLUMNS)
            : new ShardWriter(staging, layout.files(config, split), layout.rowsPerFile(), settings.format().schema(),
                settings.format().textColumns()));
      }
      writers.put(config.name(), bySplit);
    }
    source.forEachRow(row -> {
      String split = row.get("split").toString();
      String mode = row.get("mode").toString();
      GenericRecord training = settings.format().row(row);
      for (PublishedLayout.Config config : layout.configs()) {
        if (config.takes(mode)) {
          ShardWriter writer = writers.get(config.name()).get(split);
          if (writer == null) {
            throw new IOException("a row of split '" + split + "' and mode '" + mode + "' appeared that the first "
                + "reading of " + source.folder() + " did not see: the dataset changed while it was published");
          }
          writer.write(config.isMetadata() ? MetadataColumns.row(row) : training);
        }
      }
    });
    List<WrittenFile> files = new ArrayList<>();
    for (PublishedLayout.Config config : layout.configs()) {
      for (Map.Entry<String, ShardWriter> split : writers.get(config.name()).entrySet()) {
        split.getValue().close();
        List<WrittenFile> written = split.getValue().written();
        long rows = written.stream().mapToLong(WrittenFile::rows).sum();
        if (rows != config.rowsBySplit().get(split.getKey())) {
          throw new IOException(config.name() + "/" + split.getKey() + " got " + rows + " rows, the first reading of "
              + source.folder() + " counted " + config.rowsBySplit().get(split.getKey())
              + ": the dataset changed while it was published");
        }
        files.addAll(written);
      }
    }
    return files;
  }

  /** The published folder's manifest: what it was made from, how, and its files. */
  private static Map<String, Object> manifest(PublishSettings settings, SourceDataset source, PublishedLayout layout,
      List<WrittenFile> files) {
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("command", COMMAND);
    manifest.put("cotkit_version", DatasetCard.publishVersion());
    manifest.put("command_line", settings.commandLine());
    DatasetManifest sourceManifest = source.manifest();
    Map<String, Object> from = new LinkedHashMap<>();
    from.put("path", source.folder());
    from.put("command", sourceManifest.command());
    from.put("cotkit_version", sourceManifest.json().path("cotkit_version").asText(null));
    from.put("rows", sourceManifest.counts().path("rows_written").asLong());
    manifest.put("source", from);
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("format", settings.format().cliName());
    options.put("repo_id", settings.repoId());
    options.put("license", settings.license());
    options.put("rows_per_file", settings.rowsPerFile());
    manifest.put("options", options);
    long sourceRows = layout.all().rows();
    long dataRows = files.stream().filter(f -> f.path().startsWith(WrittenFile.DATA_FOLDER + "/"))
        .mapToLong(WrittenFile::rows).sum();
    // each source row is a record read and written; rows_written counts it in every config it is in
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("records_read", sourceRows);
    counts.put("records_written", sourceRows);
    counts.put("rows_written", dataRows);
    counts.put("dead_lettered", 0);
    counts.put("dead_lettered_by_stage", Map.of());
    counts.put("filtered", 0);
    counts.put("filtered_by_reason", Map.of());
    counts.put("balanced", true);
    manifest.put("counts", counts);
    Map<String, Object> configs = new LinkedHashMap<>();
    layout.configs().forEach(config -> configs.put(config.name(), config.rowsBySplit()));
    manifest.put("configs", configs);
    List<Map<String, Object>> listed = new ArrayList<>();
    for (WrittenFile file : files) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("path", file.path());
      entry.put("rows", file.rows());
      entry.put("bytes", file.bytes());
      entry.put("sha256", file.sha256());
      listed.add(entry);
    }
    manifest.put("files", listed);
    return manifest;
  }

  /** A text file; its rows are its lines, as {@code cotkit verify} counts them. */
  private static WrittenFile writeText(String staging, String name, String mimeType, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    RenamedIntoPlace.Digest digest = RenamedIntoPlace.write(staging, name, mimeType,
        channel -> {
          try (var out = Channels.newOutputStream(channel)) {
            out.write(bytes);
          }
        });
    long lines = 0;
    for (byte b : bytes) {
      if (b == '\n') {
        lines++;
      }
    }
    return new WrittenFile(name, lines, digest.bytes(), digest.sha256());
  }


  private static String firstLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.lines().findFirst().orElse("").strip();
  }
}
