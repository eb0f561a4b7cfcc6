package org.cotkit.pipelines.io;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * A large intermediate object (bigram count tables, the fitted model) kept in a file on any file
 * system Beam knows, so that only its path travels through the pipeline. Why: the direct runner
 * clones every value of a group or a combine (encodes and decodes it) each time it adds one, which
 * for tables of millions of entries cost more than computing them.
 */
public final class SerializedFile {

  private SerializedFile() {}

  public static void write(String path, Serializable value) {
    ResourceId file = FileSystems.matchNewResource(path, false);
    try (OutputStream out = new BufferedOutputStream(
            Channels.newOutputStream(FileSystems.create(file, "application/octet-stream")), 1 << 16);
        ObjectOutputStream objects = new ObjectOutputStream(out)) {
      objects.writeObject(value);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
    }
  }

  public static <T> T read(String path, Class<T> type) {
    ResourceId file = FileSystems.matchNewResource(path, false);
    try (InputStream in = new BufferedInputStream(Channels.newInputStream(FileSystems.open(file)), 1 << 16);
        ObjectInputStream objects = new ObjectInputStream(in)) {
      return type.cast(objects.readObject());
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  public static void delete(List<String> paths) {
    try {
      FileSystems.delete(paths.stream().map(path -> FileSystems.matchNewResource(path, false)).toList(),
          MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + paths + ": " + e.getMessage(), e);
    }
  }
}
