package org.cotkit.pipelines.sft;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.parquet.hadoop.ParquetWriter;
import org.cotkit.pipelines.io.ChannelParquetWriter;
import org.cotkit.pipelines.io.RenamedIntoPlace;

/**
 * One batch of SFT examples as one snappy-compressed Parquet file {@code <dir>/part-<key>.parquet},
 * on any file system Beam knows, renamed into place when complete ({@link RenamedIntoPlace}).
 */
public final class SftParquetFile {

  /** The manifest count of rows written. */
  public static final String ROWS_WRITTEN = "rows_written";

  private SftParquetFile() {}

  /**
   * Writes the rows; nothing when there are none. A retry of the batch rewrites the same file, so a
   * failure here can fail the batch and lose nothing.
   *
   * @throws UncheckedIOException naming the directory
   */
  public static void write(String directory, String key, List<SftExample> rows) {
    if (rows.isEmpty()) {
      return;
    }
    try {
      writeFile(directory, key, rows);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + directory + ": " + e.getMessage(), e);
    }
  }

  private static void writeFile(String directory, String key, List<SftExample> rows) throws IOException {
    RenamedIntoPlace.write(directory, "part-" + key + ".parquet", "application/vnd.apache.parquet", channel -> {
      try (ParquetWriter<SftExample> writer =
          ChannelParquetWriter.open(channel, new SftExampleWriteSupport(), SftSchema.TEXT_COLUMNS)) {
        for (SftExample example : rows) {
          writer.write(example);
        }
      }
    });
  }
}
