package org.cotkit.pipelines;

import java.io.IOException;
import java.util.List;
import org.apache.parquet.hadoop.ParquetWriter;

/**
 * One batch of SFT examples as one snappy-compressed Parquet file {@code <dir>/part-<key>.parquet},
 * on any file system Beam knows, renamed into place when complete ({@link RenamedIntoPlace}).
 */
final class SftParquetFile {

  private SftParquetFile() {}

  /** Writes the rows; nothing when there are none. */
  static void write(String directory, String key, List<SftExample> rows) throws IOException {
    if (rows.isEmpty()) {
      return;
    }
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
