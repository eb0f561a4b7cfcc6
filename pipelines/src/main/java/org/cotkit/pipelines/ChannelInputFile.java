package org.cotkit.pipelines;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import org.apache.beam.sdk.io.FileIO;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A Parquet {@link InputFile} over a Beam {@link FileIO.ReadableFile}, so Parquet input can be read
 * from any file system Beam knows (local, GCS, HDFS) with its row numbers.
 */
final class ChannelInputFile implements InputFile {

  private final FileIO.ReadableFile file;

  ChannelInputFile(FileIO.ReadableFile file) {
    this.file = file;
  }

  @Override
  public long getLength() {
    return file.getMetadata().sizeBytes();
  }

  @Override
  public SeekableInputStream newStream() throws IOException {
    SeekableByteChannel channel = file.openSeekable();
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
