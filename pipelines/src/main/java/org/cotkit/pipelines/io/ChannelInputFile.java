package org.cotkit.pipelines.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A Parquet {@link InputFile} over a file of any file system Beam knows (local, GCS, HDFS), so
 * Parquet input is read with its row numbers.
 */
public final class ChannelInputFile implements InputFile {

  private final MatchResult.Metadata file;

  public ChannelInputFile(MatchResult.Metadata file) {
    this.file = file;
  }

  /** The file's path: Parquet's own messages name the file by it ("… is not a Parquet file"). */
  @Override
  public String toString() {
    return file.resourceId().toString();
  }

  @Override
  public long getLength() {
    return file.sizeBytes();
  }

  @Override
  public SeekableInputStream newStream() throws IOException {
    if (!(FileSystems.open(file.resourceId()) instanceof SeekableByteChannel channel)) {
      throw new IOException("cannot seek in " + file.resourceId() + "; Parquet needs a seekable file");
    }
    return new DelegatingSeekableInputStream(Channels.newInputStream(channel)) {
      @Override
      public long getPos() throws IOException {
        return channel.position();
      }

      @Override
      public void seek(long newPos) throws IOException {
        channel.position(newPos);
      }

      @Override
      public int read(ByteBuffer buf) throws IOException {
        return channel.read(buf);
      }
    };
  }
}
