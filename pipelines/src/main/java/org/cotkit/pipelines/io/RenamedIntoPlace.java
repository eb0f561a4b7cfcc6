package org.cotkit.pipelines.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * Writes an output file on any file system Beam knows under a hidden temporary name in its
 * directory, and renames it into place once complete: readers of {@code <dir>/*} never see a
 * partial file, and a retry that writes the same name replaces the earlier file. The size and
 * SHA-256 of the bytes are taken as they are written, so the manifest lists them without reading
 * the file again.
 */
public final class RenamedIntoPlace {

  /** What goes into the file; the channel is closed by {@link #write}. */
  public interface Content {
    void writeTo(WritableByteChannel channel) throws IOException;
  }

  /** The size and hex SHA-256 of a file written. */
  public record Digest(long bytes, String sha256) {}

  private RenamedIntoPlace() {}

  /** @throws IOException whose message names the file (a full disk says where it was writing) */
  public static Digest write(String directory, String name, String mimeType, Content content) throws IOException {
    ResourceId dir = FileSystems.matchNewResource(directory, true);
    ResourceId target = dir.resolve(name, StandardResolveOptions.RESOLVE_FILE);
    ResourceId temp = dir.resolve("." + name + "." + UUID.randomUUID() + ".tmp", StandardResolveOptions.RESOLVE_FILE);
    Digest digest;
    try {
      try (DigestingChannel channel = new DigestingChannel(FileSystems.create(temp, mimeType))) {
        content.writeTo(channel);
        channel.close(); // the digest is complete only once everything buffered is written
        digest = channel.digest();
      }
      FileSystems.delete(List.of(target), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
      FileSystems.rename(List.of(temp), List.of(target));
    } catch (IOException e) {
      FileSystems.delete(List.of(temp), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
      throw new IOException("cannot write " + target + ": " + e.getMessage(), e);
    } catch (RuntimeException | Error e) {
      // the content failed: no half-written temporary file stays behind in the dataset
      FileSystems.delete(List.of(temp), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
      throw e;
    }
    return digest;
  }

  /**
   * Passes bytes on to a channel, counting and hashing them: for a writer that fills a file over
   * many calls (cotkit publish's shards) and so cannot hand {@link #write} its whole content.
   */
  public static final class DigestingChannel implements WritableByteChannel {
    private final WritableByteChannel out;
    private final MessageDigest sha256;
    private long bytes;
    private boolean closed;

    public DigestingChannel(WritableByteChannel out) {
      this.out = out;
      this.sha256 = StableHash.sha256();
    }

    @Override
    public int write(ByteBuffer source) throws IOException {
      ByteBuffer written = source.duplicate();
      int n = out.write(source);
      written.limit(written.position() + n);
      sha256.update(written);
      bytes += n;
      return n;
    }

    @Override
    public boolean isOpen() {
      return out.isOpen();
    }

    @Override
    public void close() throws IOException {
      if (!closed) {
        closed = true;
        out.close();
      }
    }

    /** The size and SHA-256 of what was written; complete once the channel is closed. */
    public Digest digest() {
      return new Digest(bytes, HexFormat.of().formatHex(sha256.digest()));
    }
  }
}
