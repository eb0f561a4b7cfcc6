package org.cotkit.pipelines.label;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.hadoop.ParquetWriter;
import org.cotkit.pipelines.io.ChannelParquetWriter;
import org.cotkit.pipelines.io.RenamedIntoPlace;
import org.cotkit.pipelines.io.WrittenFile;
import org.cotkit.pipelines.record.ChosenCot;

/**
 * One batch of labelled records as one file {@code <dataset>/data/part-<hash>.jsonl} or {@code .parquet}
 * (see {@link LabelledRecords} for the fields), named by {@link ChosenCot#fileKey} and renamed into
 * place when complete, like the SFT files.
 */
public final class LabelledRecordFile {

  private LabelledRecordFile() {}

  /**
   * Writes the records.
   *
   * @param dataset the dataset folder; the file goes to its {@code data/}
   * @param batch at least one record
   * @return the file's manifest entry
   * @throws IOException naming the file
   */
  public static WrittenFile write(String dataset, LabelOutputFormat format, List<ChosenCot> batch) throws IOException {
    boolean parquet = format == LabelOutputFormat.PARQUET;
    String name = "part-" + ChosenCot.fileKey(batch) + (parquet ? ".parquet" : ".jsonl");
    RenamedIntoPlace.Digest digest = RenamedIntoPlace.write(dataset + "/" + WrittenFile.DATA_FOLDER, name,
        parquet ? "application/vnd.apache.parquet" : "application/jsonl",
        channel -> {
          if (parquet) {
            writeParquet(batch, channel);
          } else {
            writeJsonl(batch, channel);
          }
        });
    return WrittenFile.in(WrittenFile.DATA_FOLDER, name, batch.size(), digest);
  }

  private static void writeParquet(List<ChosenCot> batch, WritableByteChannel channel) throws IOException {
    try (ParquetWriter<GenericRecord> writer =
        ChannelParquetWriter.open(channel, LabelledRecords.SCHEMA, LabelledRecords.TEXT_COLUMNS)) {
      for (ChosenCot labelled : batch) {
        writer.write(LabelledRecords.toAvro(labelled));
      }
    }
  }

  private static void writeJsonl(List<ChosenCot> batch, WritableByteChannel channel) throws IOException {
    // not closed here: closing the channel, which the caller does, ends the file
    OutputStream stream = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
    for (ChosenCot labelled : batch) {
      stream.write(LabelledRecords.toJsonLine(labelled).getBytes(StandardCharsets.UTF_8));
      stream.write('\n');
    }
    stream.flush();
  }
}
