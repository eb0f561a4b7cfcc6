package org.cotkit.pipelines.sft;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.cotkit.pipelines.io.ChannelInputFile;
import org.cotkit.pipelines.io.ChannelParquetWriter;
import org.cotkit.pipelines.io.RenamedIntoPlace;
import org.cotkit.pipelines.io.WrittenFile;

/**
 * One batch's SFT examples of one split as one snappy-compressed Parquet file
 * {@code <dataset>/data/<split>/part-<key>.parquet}, on any file system Beam knows, renamed into
 * place when complete ({@link RenamedIntoPlace}). A folder per split because consumers tell splits
 * apart by path, not by a column: the Hub's {@code load_dataset} takes {@code train/} and
 * {@code validation/} as its splits, and LLaMA-Factory reads whatever files it is given.
 */
public final class SftParquetFile {

  /** The manifest count of rows written. */
  public static final String ROWS_WRITTEN = "rows_written";

  private static final Pattern SPLIT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  private SftParquetFile() {}

  /** What is done with each row read back. */
  public interface RowConsumer {
    void accept(GenericRecord row) throws IOException;
  }

  /**
   * Reads one SFT file's rows back in order, a row group at a time, with only the columns of
   * {@code projection} ({@link SftSchema#projection}) decoded; null reads every column, the chat
   * turns as plain lists of records, as they are written.
   */
  public static void read(String location, Schema projection, RowConsumer rows) throws IOException {
    Configuration conf = new Configuration(false);
    conf.setBoolean(AvroSchemaConverter.ADD_LIST_ELEMENT_RECORDS, false);
    if (projection != null) {
      AvroReadSupport.setRequestedProjection(conf, projection);
    }
    try (ParquetReader<GenericRecord> reader =
        AvroParquetReader.<GenericRecord>builder(new ChannelInputFile(FileSystems.matchSingleFileSpec(location)))
            .withDataModel(GenericData.get())
            .withConf(conf)
            .build()) {
      for (GenericRecord row = reader.read(); row != null; row = reader.read()) {
        rows.accept(row);
      }
    }
  }

  /**
   * @throws IllegalArgumentException when {@code split} cannot name a folder of the dataset: letters,
   *     digits, {@code _ . -}, starting with a letter or digit
   */
  public static void checkSplitName(String split) {
    if (split == null || !SPLIT_NAME.matcher(split).matches()) {
      throw new IllegalArgumentException("--split '" + split + "' cannot name the split's folder data/<split>/: use "
          + "letters, digits, '_', '.' and '-', starting with a letter or digit (e.g. train)");
    }
  }

  /**
   * Writes the rows. A retry of the batch rewrites the same file, so a failure here can fail the
   * batch and lose nothing.
   *
   * @param dataset the dataset folder; the file goes to its {@code data/<split>/}
   * @param rows at least one, all of {@code split}
   * @return the file's manifest entry
   * @throws UncheckedIOException naming the file
   */
  public static WrittenFile write(String dataset, String split, String key, List<SftExample> rows) {
    String name = "part-" + key + ".parquet";
    String folder = WrittenFile.DATA_FOLDER + "/" + split;
    try {
      RenamedIntoPlace.Digest digest = RenamedIntoPlace.write(dataset + "/" + folder, name,
          "application/vnd.apache.parquet", channel -> {
            try (ParquetWriter<SftExample> writer =
                ChannelParquetWriter.open(channel, new SftExampleWriteSupport(), SftSchema.TEXT_COLUMNS)) {
              for (SftExample example : rows) {
                writer.write(example);
              }
            }
          });
      return WrittenFile.in(folder, name, rows.size(), digest);
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }
}
