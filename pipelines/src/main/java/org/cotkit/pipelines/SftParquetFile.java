package org.cotkit.pipelines;

import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * One batch of SFT examples as one snappy-compressed Parquet file {@code <dir>/part-<key>.parquet},
 * on any file system Beam knows. The file is written under a hidden temporary name and renamed when
 * complete, so readers of {@code <dir>/*.parquet} never see a partial file, and a batch written
 * again (a retry) replaces its own file.
 */
final class SftParquetFile {

  /**
   * The long texts of a row are unique, so Parquet's dictionary for them only fills up and is then
   * dropped, which cost a tenth of a compress run when profiled; short repeated columns (mode,
   * split, difficulty, source) keep their dictionaries.
   */
  private static final Map<String, String> NO_DICTIONARY_FOR_TEXT = Map.of(
      "parquet.enable.dictionary#prompt", "false",
      "parquet.enable.dictionary#completion", "false",
      "parquet.enable.dictionary#messages.list.element.content", "false",
      "parquet.enable.dictionary#messages.array.content", "false",
      "parquet.enable.dictionary#id", "false");

  private SftParquetFile() {}

  /** Writes the rows; nothing when there are none. */
  static void write(String directory, String key, List<SftExample> rows) throws IOException {
    if (rows.isEmpty()) {
      return;
    }
    ResourceId dir = FileSystems.matchNewResource(directory, true);
    String name = "part-" + key + ".parquet";
    ResourceId target = dir.resolve(name, StandardResolveOptions.RESOLVE_FILE);
    ResourceId temp = dir.resolve("." + name + "." + UUID.randomUUID() + ".tmp", StandardResolveOptions.RESOLVE_FILE);
    ParquetIO.Sink sink = ParquetIO.sink(SftSchema.EXAMPLE)
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        .withConfiguration(NO_DICTIONARY_FOR_TEXT);
    try (WritableByteChannel channel = FileSystems.create(temp, "application/vnd.apache.parquet")) {
      sink.open(channel);
      for (SftExample example : rows) {
        sink.write(SftSchema.toAvro(example));
      }
      sink.flush();
    }
    FileSystems.delete(List.of(target), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    FileSystems.rename(List.of(temp), List.of(target));
  }
}
