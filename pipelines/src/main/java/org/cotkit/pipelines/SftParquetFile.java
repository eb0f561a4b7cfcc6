package org.cotkit.pipelines;

import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import java.util.List;
import java.util.UUID;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.parquet.hadoop.ParquetWriter;

/**
 * One batch of SFT examples as one snappy-compressed Parquet file {@code <dir>/part-<key>.parquet},
 * on any file system Beam knows. The file is written under a hidden temporary name and renamed when
 * complete, so readers of {@code <dir>/*.parquet} never see a partial file, and a batch written
 * again (a retry) replaces its own file.
 */
final class SftParquetFile {

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
    try (WritableByteChannel channel = FileSystems.create(temp, "application/vnd.apache.parquet");
        ParquetWriter<SftExample> writer =
            ChannelParquetWriter.open(channel, new SftExampleWriteSupport(), SftSchema.TEXT_COLUMNS)) {
      for (SftExample example : rows) {
        writer.write(example);
      }
    }
    FileSystems.delete(List.of(target), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    FileSystems.rename(List.of(temp), List.of(target));
  }
}
