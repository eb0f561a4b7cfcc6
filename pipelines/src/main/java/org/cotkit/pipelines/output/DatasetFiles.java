package org.cotkit.pipelines.output;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;

/**
 * What a folder holds, as paths relative to it, on the local file system or any other Beam knows.
 * Local folders are walked without following links, so a link is reported as what it is and never
 * read or deleted through.
 */
public final class DatasetFiles {

  /** One entry of a folder. */
  public record Entry(String path, Kind kind) {}

  /** A plain file, a symbolic link (to anything), or something else (a device, a socket). */
  public enum Kind { FILE, LINK, OTHER }

  private DatasetFiles() {}

  /** Whether {@code folder} names a local path rather than one of another file system. */
  public static boolean isLocal(String folder) {
    return !folder.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") || folder.startsWith("file://");
  }

  public static Path localPath(String folder) {
    return Path.of(folder.startsWith("file://") ? folder.substring("file://".length()) : folder);
  }

  /** Every entry under {@code folder} but folders themselves, sorted by path; none when it does not exist. */
  public static List<Entry> list(String folder) throws IOException {
    List<Entry> entries = new ArrayList<>();
    if (isLocal(folder)) {
      Path root = localPath(folder);
      if (!Files.isDirectory(root)) {
        return entries;
      }
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
          Kind kind = attributes.isSymbolicLink() ? Kind.LINK : attributes.isRegularFile() ? Kind.FILE : Kind.OTHER;
          entries.add(new Entry(relative(root, file), kind));
          return FileVisitResult.CONTINUE;
        }
      });
    } else {
      String prefix = folder.replaceAll("/+$", "") + "/";
      for (MatchResult.Metadata file : FileSystems.match(prefix + "**", EmptyMatchTreatment.ALLOW).metadata()) {
        String path = file.resourceId().toString();
        if (path.startsWith(prefix)) {
          entries.add(new Entry(path.substring(prefix.length()), Kind.FILE));
        }
      }
    }
    entries.sort((a, b) -> a.path().compareTo(b.path()));
    return entries;
  }

  /** Deletes a local folder and everything under it; links are deleted, never followed. */
  public static void deleteLocalTree(Path root) throws IOException {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
        Files.deleteIfExists(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.deleteIfExists(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
  }
}
