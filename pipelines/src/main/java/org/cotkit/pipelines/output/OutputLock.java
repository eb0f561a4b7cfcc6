package org.cotkit.pipelines.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * One writer per dataset folder: a lock file {@code .<name>.cotkit-lock} beside the folder, which
 * says who holds it (process id, host, start time, command).
 *
 * <p>How a lock that a killed run left behind is told apart from a live one:
 * <ul>
 *   <li>On a local file system the file is locked through the operating system ({@link FileLock},
 *       {@code fcntl} on Linux), and the operating system releases that lock when the process ends,
 *       however it ends ({@code kill -9} included). The file itself stays, unlocked, and the next run
 *       takes it over: a lock is never stuck.
 *   <li>Object stores have no such lock; the lock is an object. It is stale when its host is this
 *       host and no process with its id is alive; one held from another host is refused with the
 *       holder named, and the message says to delete it if that run is gone. Two runs started within
 *       the same second from two hosts can both take it: object stores have no create-if-absent
 *       that Beam's file systems expose.
 * </ul>
 */
public final class OutputLock implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String location;
  private final FileChannel channel; // local: the locked file; null for an object store
  private final FileLock lock;

  private OutputLock(String location, FileChannel channel, FileLock lock) {
    this.location = location;
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock file of dataset folder {@code target}: beside it, as {@code .<name>.cotkit-lock}. */
  public static String lockFile(String target) {
    return StagedOutput.sibling(target, "lock");
  }

  /**
   * Takes the lock of {@code target}.
   *
   * @throws IllegalStateException naming the run that holds it
   * @throws IOException when the lock file cannot be written
   */
  public static OutputLock acquire(String target, String command) throws IOException {
    String location = lockFile(target);
    return DatasetFiles.isLocal(target) ? acquireLocal(target, location, command) : acquireObject(target, location, command);
  }

  private static OutputLock acquireLocal(String target, String location, String command) throws IOException {
    Path file = DatasetFiles.localPath(location);
    Files.createDirectories(file.getParent());
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // held by another run in this same JVM
    }
    if (lock == null) {
      String holder = describe(readHolder(channel));
      channel.close();
      throw new IllegalStateException(heldMessage(target, holder, location, false));
    }
    channel.truncate(0);
    channel.write(ByteBuffer.wrap(JSON.writeValueAsBytes(holder(command))), 0);
    channel.force(false);
    return new OutputLock(location, channel, lock);
  }

  private static OutputLock acquireObject(String target, String location, String command) throws IOException {
    ResourceId id = FileSystems.matchNewResource(location, false);
    JsonNode holder = null;
    try (InputStream in = Channels.newInputStream(FileSystems.open(id))) {
      holder = JSON.readTree(in);
    } catch (FileNotFoundException | NoSuchFileException e) {
      // free
    }
    if (holder != null && !isStale(holder)) {
      throw new IllegalStateException(heldMessage(target, describe(holder), location, true));
    }
    try (OutputStream out = Channels.newOutputStream(FileSystems.create(id, "application/json"))) {
      out.write(JSON.writeValueAsBytes(holder(command)));
    }
    return new OutputLock(location, null, null);
  }

  /** A lock object left by a process of this host that is gone. */
  static boolean isStale(JsonNode holder) {
    return holder.path("host").asText().equals(hostName())
        && ProcessHandle.of(holder.path("pid").asLong(-1)).map(p -> !p.isAlive()).orElse(true);
  }

  private static String heldMessage(String target, String holder, String location, boolean objectStore) {
    return "--output '" + target + "' is being written by another cotkit run (" + holder + "); wait for it to "
        + "finish or choose another --output"
        + (objectStore ? "; if that run is gone, delete " + location : "");
  }

  private static JsonNode readHolder(FileChannel channel) {
    try {
      ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
      channel.read(buffer, 0);
      return JSON.readTree(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return null; // being written this instant, or not ours: the holder is described as unknown
    }
  }

  private static String describe(JsonNode holder) {
    if (holder == null || !holder.isObject()) {
      return "holder unknown";
    }
    return "pid " + holder.path("pid").asText("?") + " on " + holder.path("host").asText("?") + ", "
        + holder.path("command").asText("?") + " started " + holder.path("started").asText("?");
  }

  private static Map<String, Object> holder(String command) {
    Map<String, Object> holder = new LinkedHashMap<>();
    holder.put("pid", ProcessHandle.current().pid());
    holder.put("host", hostName());
    holder.put("command", command);
    holder.put("started", Instant.now().toString());
    return holder;
  }

  static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown-host";
    }
  }

  /** Where the lock lives. */
  public String location() {
    return location;
  }

  /**
   * Releases the lock. A local lock file stays, unlocked (deleting it would let a run that opened it
   * a moment before lock a file no other run can find); a lock object is deleted.
   */
  @Override
  public void close() throws IOException {
    if (channel != null) {
      if (lock.isValid()) {
        lock.release();
      }
      channel.close();
    } else {
      FileSystems.delete(List.of(FileSystems.matchNewResource(location, false)),
          MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    }
  }
}
