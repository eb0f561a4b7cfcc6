package org.cotkit.pipelines.sft;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.parquet.hadoop.ParquetWriter;
import org.cotkit.pipelines.io.ChannelParquetWriter;
import org.cotkit.pipelines.io.RenamedIntoPlace;
import org.cotkit.pipelines.io.WrittenFile;

/**
 * One batch of SFT examples as one snappy-compressed Parquet file
 * {@code <dataset>/data/part-<key>.parquet}, on any file system Beam knows, renamed into place when
 * complete ({@link RenamedIntoPlace}).
 */
public final class SftParquetFile {

  /** The manifest count of rows written. */
  public static final String ROWS_WRITTEN = "rows_written";

  private SftParquetFile() {}

  /**
   * Writes the rows. A retry of the batch rewrites the same file, so a failure here can fail the
   * batch and lose nothing.
   *
   * @param dataset the dataset folder; the file goes to its {@code data/}
   * @param rows at least one
   * @return the file's manifest entry
   * @throws UncheckedIOException naming the file
   */
  public static WrittenFile write(String dataset, String key, List<SftExample> rows) {
    String name = "part-" + key + ".parquet";
    try {
      RenamedIntoPlace.Digest digest = RenamedIntoPlace.write(dataset + "/" + WrittenFile.DATA_FOLDER, name,
          "application/vnd.apache.parquet", channel -> {
            try (ParquetWriter<SftExample> writer =
                ChannelParquetWriter.open(channel, new SftExampleWriteSupport(), SftSchema.TEXT_COLUMNS)) {
              for (SftExample example : rows) {
                writer.write(example);
              }
            }
          });
      return WrittenFile.in(WrittenFile.DATA_FOLDER, name, rows.size(), digest);
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }
}
