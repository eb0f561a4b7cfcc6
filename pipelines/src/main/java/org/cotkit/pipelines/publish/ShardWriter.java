package org.cotkit.pipelines.publish;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.parquet.hadoop.ParquetWriter;
import org.cotkit.pipelines.io.ChannelParquetWriter;
import org.cotkit.pipelines.io.RenamedIntoPlace;
import org.cotkit.pipelines.io.WrittenFile;

/**
 * Writes the rows of one config's split into its shard files, in order, a file at a time: the next
 * file is opened when one holds {@code rowsPerFile} rows. Each file's size and SHA-256 are taken as
 * it is written, for the manifest.
 */
final class ShardWriter implements AutoCloseable {

  /**
   * Row groups of at most this many bytes: a publish keeps a file open per config and split, each
   * buffering a row group, and the Hub's viewer reads a row group at a time.
   */
  static final long ROW_GROUP_BYTES = 32L << 20;

  private final String folder;
  private final List<String> files;
  private final long rowsPerFile;
  private final Schema schema;
  private final Set<String> textColumns;
  private final List<WrittenFile> written = new ArrayList<>();

  private int shard = -1;
  private long rowsInShard;
  private RenamedIntoPlace.DigestingChannel channel;
  private ParquetWriter<GenericRecord> writer;

  /**
   * @param folder where the published dataset is staged
   * @param files the shard paths relative to {@code folder} ({@link PublishedLayout#files})
   */
  ShardWriter(String folder, List<String> files, long rowsPerFile, Schema schema, Set<String> textColumns) {
    this.folder = folder;
    this.files = files;
    this.rowsPerFile = rowsPerFile;
    this.schema = schema;
    this.textColumns = textColumns;
  }

  void write(GenericRecord row) throws IOException {
    if (writer == null || rowsInShard == rowsPerFile) {
      next();
    }
    writer.write(row);
    rowsInShard++;
  }

  /** The files written, once closed. */
  List<WrittenFile> written() {
    return written;
  }

  private void next() throws IOException {
    finish();
    shard++;
    if (shard >= files.size()) {
      throw new IllegalStateException("more rows than the " + files.size() + " files of " + files.get(0) + " hold");
    }
    String path = files.get(shard);
    channel = new RenamedIntoPlace.DigestingChannel(
        FileSystems.create(FileSystems.matchNewResource(folder + "/" + path, false), "application/vnd.apache.parquet"));
    writer = ChannelParquetWriter.open(channel, schema, textColumns, ROW_GROUP_BYTES);
    rowsInShard = 0;
  }

  private void finish() throws IOException {
    if (writer != null) {
      writer.close(); // closes the channel
      RenamedIntoPlace.Digest digest = channel.digest(); // once: it ends the hash
      written.add(new WrittenFile(files.get(shard), rowsInShard, digest.bytes(), digest.sha256()));
      writer = null;
    }
  }

  /** Ends the last file; the layout's file count must then be the files written. */
  @Override
  public void close() throws IOException {
    finish();
    if (written.size() != files.size()) {
      throw new IllegalStateException(files.get(0) + ": wrote " + written.size() + " of " + files.size() + " files");
    }
  }
}
