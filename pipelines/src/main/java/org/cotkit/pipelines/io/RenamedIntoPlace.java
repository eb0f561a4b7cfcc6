package org.cotkit.pipelines.io;

import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import java.util.List;
import java.util.UUID;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * Writes an output file on any file system Beam knows under a hidden temporary name in its
 * directory, and renames it into place once complete: readers of {@code <dir>/*} never see a
 * partial file, and a retry that writes the same name replaces the earlier file.
 */
public final class RenamedIntoPlace {

  /** What goes into the file; the channel is closed by {@link #write}. */
  public interface Content {
    void writeTo(WritableByteChannel channel) throws IOException;
  }

  private RenamedIntoPlace() {}

  public static void write(String directory, String name, String mimeType, Content content) throws IOException {
    ResourceId dir = FileSystems.matchNewResource(directory, true);
    ResourceId target = dir.resolve(name, StandardResolveOptions.RESOLVE_FILE);
    ResourceId temp = dir.resolve("." + name + "." + UUID.randomUUID() + ".tmp", StandardResolveOptions.RESOLVE_FILE);
    try (WritableByteChannel channel = FileSystems.create(temp, mimeType)) {
      content.writeTo(channel);
    }
    FileSystems.delete(List.of(target), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    FileSystems.rename(List.of(temp), List.of(target));
  }
}
