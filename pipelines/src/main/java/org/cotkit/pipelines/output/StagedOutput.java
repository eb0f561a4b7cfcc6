package org.cotkit.pipelines.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.cotkit.pipelines.io.WrittenFile;
import org.cotkit.pipelines.manifest.WriteManifest;

/**
 * A run's output on its way to the dataset folder: the run writes into a staging folder beside the
 * target, {@code .<name>.cotkit-staging-<run id>}, on the same file system, and the staging folder
 * becomes the dataset only when the whole pipeline succeeded. Until then nothing appears at the
 * target, and an earlier dataset there stays as it was.
 *
 * <p>Publishing:
 * <ul>
 *   <li>local file systems: the folder is renamed into place, an earlier dataset first renamed aside
 *       ({@code .<name>.cotkit-old-<run id>}) and deleted once the new one is in place;
 *   <li>object stores (no atomic rename of a folder): the earlier manifest is deleted first, then
 *       the earlier files, then each new file is moved in and the manifest last. The manifest is the
 *       commit marker: a folder without one is not a complete dataset.
 * </ul>
 *
 * <p>Replacing: only a folder cotkit wrote, and only with {@code --overwrite}; every file in it must
 * be one its manifest lists, and a link inside it is refused rather than followed. One run at a time
 * per target ({@link OutputLock}); a killed run's staging and old folders are recognised by name and
 * removed by the next run on the target.
 */
public final class StagedOutput implements AutoCloseable {

  /** The staging folder's file that holds the trace of a run that failed. */
  public static final String LOG_FILE = "cotkit.log";

  /** How a staged folder becomes the dataset. */
  enum Publication { RENAME_FOLDER, MANIFEST_LAST }

  private final String target;
  private final String staging;
  private final String runId;
  private final boolean overwrite;
  private final Publication publication;
  private final OutputLock lock;
  private final List<String> removedLeftovers;

  private StagedOutput(String target, String runId, boolean overwrite, Publication publication, OutputLock lock,
      List<String> removedLeftovers) {
    this.target = target;
    this.staging = stagingFolder(target, runId);
    this.runId = runId;
    this.overwrite = overwrite;
    this.publication = publication;
    this.lock = lock;
    this.removedLeftovers = removedLeftovers;
  }

  /** A new run id: when it started (UTC, to the second) and a random part. */
  public static String newRunId() {
    return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now())
        + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Where run {@code runId} stages its output for {@code target}. */
  public static String stagingFolder(String target, String runId) {
    return sibling(target, "staging-" + runId);
  }

  /** {@code .<name>.cotkit-<kind>} in the folder that holds {@code target}. */
  static String sibling(String target, String kind) {
    String trimmed = trim(target);
    int slash = trimmed.lastIndexOf('/');
    String parent = slash < 0 ? "." : trimmed.substring(0, slash);
    return parent + "/." + trimmed.substring(slash + 1) + ".cotkit-" + kind;
  }

  /**
   * Checks that the run may write {@code target}, takes its lock, removes what killed runs left
   * beside it, and creates the staging folder.
   *
   * @param target the dataset folder, an absolute local path or a URL of a file system Beam knows
   * @param command the command, for the lock's holder
   * @throws IllegalArgumentException naming --output, when the target cannot be replaced
   * @throws IllegalStateException naming the holder, when another run holds the lock
   * @throws IOException when the folders cannot be listed or written
   */
  public static StagedOutput open(String target, String runId, boolean overwrite, String command) throws IOException {
    return open(target, runId, overwrite, command,
        DatasetFiles.isLocal(target) ? Publication.RENAME_FOLDER : Publication.MANIFEST_LAST);
  }

  static StagedOutput open(String target, String runId, boolean overwrite, String command, Publication publication)
      throws IOException {
    String folder = trim(target);
    if (folder.isEmpty()) {
      throw new IllegalArgumentException("--output '" + target + "' is the root folder; give a folder for the dataset");
    }
    if (!DatasetFiles.isLocal(folder) && !folder.substring(folder.indexOf("://") + 3).contains("/")) {
      throw new IllegalArgumentException("--output '" + target + "' must be a folder inside a bucket, not the bucket");
    }
    checkReplaceable(folder, overwrite);
    OutputLock lock = OutputLock.acquire(folder, command);
    try {
      checkReplaceable(folder, overwrite); // a run that held the lock a moment ago may have just published
      List<String> removed = removeLeftovers(folder);
      StagedOutput staged = new StagedOutput(folder, runId, overwrite, publication, lock, removed);
      if (DatasetFiles.isLocal(folder)) {
        Files.createDirectories(DatasetFiles.localPath(staged.staging));
      }
      return staged;
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** Where the run writes. */
  public String staging() {
    return staging;
  }

  public String target() {
    return target;
  }

  /** The staging and old folders of earlier runs that did not finish, removed when this one opened. */
  public List<String> removedLeftovers() {
    return removedLeftovers;
  }

  /**
   * Refuses a target the run must not write: anything but a missing or empty folder, or a cotkit
   * dataset with --overwrite that holds only files its manifest lists.
   */
  static void checkReplaceable(String target, boolean overwrite) throws IOException {
    if (DatasetFiles.isLocal(target)) {
      Path path = DatasetFiles.localPath(target);
      if (Files.isSymbolicLink(path)) {
        throw new IllegalArgumentException("--output '" + target + "' is a symbolic link; give the folder it points "
            + "to (" + path.toRealPath() + "), which cotkit then replaces as a whole");
      }
      if (Files.exists(path) && !Files.isDirectory(path)) {
        throw new IllegalArgumentException("--output '" + target + "' is a file, not a folder");
      }
    }
    List<DatasetFiles.Entry> entries = DatasetFiles.list(target);
    if (entries.isEmpty()) {
      return;
    }
    DatasetManifest manifest = DatasetManifest.read(target).filter(DatasetManifest::isCotkit).orElse(null);
    if (manifest == null) {
      throw new IllegalArgumentException("--output '" + target + "' holds files but no cotkit manifest.json (e.g. "
          + entries.get(0).path() + "), so it is not a dataset cotkit wrote; cotkit replaces only its own datasets: "
          + "choose a new or empty folder");
    }
    if (!overwrite) {
      throw new IllegalArgumentException("--output '" + target + "' already holds a dataset (cotkit "
          + manifest.command() + "); pass --overwrite to replace it");
    }
    if (!manifest.listsFiles()) {
      throw new IllegalArgumentException("--output '" + target + "' holds a dataset of an earlier cotkit build whose "
          + "manifest lists no files, so --overwrite cannot tell its files from others; delete it yourself or "
          + "choose another --output");
    }
    DatasetManifest.Mismatch mismatch = manifest.firstMismatch(entries).orElse(null);
    if (mismatch == null || mismatch.kind() == DatasetManifest.Mismatch.Kind.MISSING) {
      return; // a file gone from an old dataset is nothing to keep
    }
    if (mismatch.kind() != DatasetManifest.Mismatch.Kind.EXTRA) {
      String what = mismatch.kind() == DatasetManifest.Mismatch.Kind.LINK ? "a symbolic link" : "a special file";
      throw new IllegalArgumentException("--output '" + target + "' holds " + what + ", " + mismatch.path()
          + "; cotkit never deletes through links or anything it did not write: remove it yourself or choose "
          + "another --output");
    }
    throw new IllegalArgumentException("--output '" + target + "' holds " + mismatch.path() + ", which its manifest "
        + "does not list (cotkit did not write it); --overwrite replaces only cotkit's own files: move it away or "
        + "choose another --output");
  }

  /** Removes the staging and old folders of runs on this target that did not finish; the lock is held. */
  private static List<String> removeLeftovers(String target) throws IOException {
    List<String> removed = new ArrayList<>();
    String staging = sibling(target, "staging-");
    String old = sibling(target, "old-");
    if (DatasetFiles.isLocal(target)) {
      Path parent = DatasetFiles.localPath(staging).getParent();
      if (!Files.isDirectory(parent)) {
        return removed;
      }
      String stagingPrefix = DatasetFiles.localPath(staging).getFileName().toString();
      String oldPrefix = DatasetFiles.localPath(old).getFileName().toString();
      try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent, entry -> {
        String name = entry.getFileName().toString();
        return name.startsWith(stagingPrefix) || name.startsWith(oldPrefix);
      })) {
        for (Path leftover : siblings) {
          DatasetFiles.deleteLocalTree(leftover);
          removed.add(leftover.toString());
        }
      }
    } else {
      Set<String> folders = new HashSet<>();
      List<ResourceId> files = new ArrayList<>();
      for (String prefix : List.of(staging, old)) {
        for (MatchResult.Metadata file : FileSystems.match(prefix + "*/**", EmptyMatchTreatment.ALLOW).metadata()) {
          String path = file.resourceId().toString();
          folders.add(path.substring(0, path.indexOf('/', prefix.length())));
          files.add(file.resourceId());
        }
      }
      FileSystems.delete(files, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
      removed.addAll(folders);
    }
    return removed;
  }

  /**
   * Makes the staged folder the dataset.
   *
   * @throws IllegalArgumentException when the target changed meanwhile so that it cannot be replaced
   */
  public void publish() throws IOException {
    checkStagedAsListed();
    checkReplaceable(target, overwrite);
    if (publication == Publication.RENAME_FOLDER) {
      renameFolderIntoPlace();
    } else {
      moveFilesManifestLast();
    }
  }

  /**
   * Refuses to publish a staged folder that is not exactly what its manifest lists: a file a failed
   * writer left, or one the manifest lists but is not there, would make the dataset fail
   * {@code cotkit verify} from its first moment.
   */
  private void checkStagedAsListed() throws IOException {
    DatasetManifest manifest = DatasetManifest.read(staging).orElseThrow(
        () -> new IOException("the run wrote no " + WriteManifest.FILE_NAME + " in " + staging));
    DatasetManifest.Mismatch mismatch = manifest.firstMismatch(DatasetFiles.list(staging)).orElse(null);
    if (mismatch != null) {
      throw new IOException(mismatch.kind() == DatasetManifest.Mismatch.Kind.MISSING
          ? "the manifest lists " + mismatch.path() + ", which the run did not leave in " + staging
          : "the run left " + staging + "/" + mismatch.path() + ", which its manifest does not list");
    }
  }

  private void renameFolderIntoPlace() throws IOException {
    Path from = DatasetFiles.localPath(staging);
    Path to = DatasetFiles.localPath(target);
    Path old = DatasetFiles.localPath(sibling(target, "old-" + runId));
    boolean replacing = Files.exists(to, LinkOption.NOFOLLOW_LINKS);
    if (replacing) {
      Files.move(to, old, StandardCopyOption.ATOMIC_MOVE);
    }
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (replacing) {
        Files.move(old, to, StandardCopyOption.ATOMIC_MOVE); // the earlier dataset back as it was
      }
      throw new IOException("cannot move " + from + " to " + to + ": " + e.getMessage(), e);
    }
    if (replacing) {
      DatasetFiles.deleteLocalTree(old); // held only files its manifest listed, checked just now
    }
  }

  private void moveFilesManifestLast() throws IOException {
    DatasetManifest previous = DatasetManifest.read(target).orElse(null);
    if (previous != null) {
      delete(List.of(resolve(target, WriteManifest.FILE_NAME))); // from here on, no complete dataset is claimed
      List<ResourceId> files = new ArrayList<>();
      for (WrittenFile file : previous.files()) {
        files.add(resolve(target, file.path()));
      }
      delete(files);
    }
    List<ResourceId> from = new ArrayList<>();
    List<ResourceId> to = new ArrayList<>();
    boolean hasManifest = false;
    for (DatasetFiles.Entry entry : DatasetFiles.list(staging)) {
      if (entry.path().equals(WriteManifest.FILE_NAME)) {
        hasManifest = true;
      } else {
        from.add(resolve(staging, entry.path()));
        to.add(resolve(target, entry.path()));
      }
    }
    if (!hasManifest) {
      throw new IOException("the run wrote no " + WriteManifest.FILE_NAME + " in " + staging);
    }
    FileSystems.rename(from, to);
    FileSystems.rename(List.of(resolve(staging, WriteManifest.FILE_NAME)), List.of(resolve(target, WriteManifest.FILE_NAME)));
    if (DatasetFiles.isLocal(staging)) {
      DatasetFiles.deleteLocalTree(DatasetFiles.localPath(staging));
    }
  }

  /**
   * After a failure: keeps only the trace in the staging folder, so a full disk is not made fuller
   * by every retry, and returns where the trace is. The next run on the target removes it.
   */
  public String fail(Throwable failure, List<String> commandLine) {
    String log = staging + "/" + LOG_FILE;
    try {
      deleteStaged(path -> !path.equals(LOG_FILE));
      StringWriter trace = new StringWriter();
      try (PrintWriter out = new PrintWriter(trace)) {
        out.println(Instant.now() + " cotkit run " + runId + " failed");
        out.println("command line: " + String.join(" ", commandLine));
        failure.printStackTrace(out);
      }
      try (OutputStream out = Channels.newOutputStream(FileSystems.create(resolve(staging, LOG_FILE), "text/plain"))) {
        out.write(trace.toString().getBytes(StandardCharsets.UTF_8));
      }
      return log;
    } catch (IOException | RuntimeException e) {
      return null; // e.g. the disk is full: the one-line message still says why the run failed
    }
  }

  /** After a stop (Ctrl-C, SIGTERM): removes the staging folder; what remains is removed by the next run. */
  public void discard() {
    try {
      if (DatasetFiles.isLocal(staging)) {
        DatasetFiles.deleteLocalTree(DatasetFiles.localPath(staging));
      } else {
        deleteStaged(path -> true);
      }
    } catch (IOException | RuntimeException e) {
      // workers may still be writing: the next run on the target removes what is left
    }
  }

  private void deleteStaged(Predicate<String> which) throws IOException {
    List<ResourceId> files = new ArrayList<>();
    for (DatasetFiles.Entry entry : DatasetFiles.list(staging)) {
      if (which.test(entry.path())) {
        files.add(resolve(staging, entry.path()));
      }
    }
    delete(files);
  }

  /** Releases the lock. */
  @Override
  public void close() throws IOException {
    lock.close();
  }

  private static ResourceId resolve(String folder, String relative) {
    return FileSystems.matchNewResource(folder + "/" + relative, false);
  }

  private static void delete(List<ResourceId> files) throws IOException {
    FileSystems.delete(files, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
  }

  private static String trim(String folder) {
    return folder.replaceAll("(?<!/)/+$", "");
  }
}
