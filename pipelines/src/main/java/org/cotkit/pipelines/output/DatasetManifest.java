package org.cotkit.pipelines.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.cotkit.pipelines.io.WrittenFile;
import org.cotkit.pipelines.manifest.WriteManifest;

/** A dataset's {@code manifest.json} as read back: whether cotkit wrote it, its files, its counts. */
public final class DatasetManifest {

  private final String location;
  private final JsonNode root;

  private DatasetManifest(String location, JsonNode root) {
    this.location = location;
    this.root = root;
  }

  /**
   * The manifest of {@code folder}, or empty when it has none.
   *
   * @throws IOException naming the manifest when it cannot be read or is not JSON
   */
  public static Optional<DatasetManifest> read(String folder) throws IOException {
    ResourceId file = FileSystems.matchNewResource(folder, true)
        .resolve(WriteManifest.FILE_NAME, StandardResolveOptions.RESOLVE_FILE);
    try (InputStream in = Channels.newInputStream(FileSystems.open(file))) {
      return Optional.of(new DatasetManifest(file.toString(), new ObjectMapper().readTree(in)));
    } catch (FileNotFoundException | NoSuchFileException e) {
      return Optional.empty();
    } catch (JsonProcessingException e) {
      throw new IOException(file + " is not JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Where the manifest was read from. */
  public String location() {
    return location;
  }

  /** Whether the manifest is one cotkit writes: a command, a version entry and counts. */
  public boolean isCotkit() {
    return root.isObject() && root.path("command").isTextual() && root.has("cotkit_version")
        && root.path("counts").isObject();
  }

  /** Whether it lists its files (manifests of earlier cotkit builds list none). */
  public boolean listsFiles() {
    return root.path("files").isArray();
  }

  /** The files it lists; empty when it lists none. */
  public List<WrittenFile> files() {
    List<WrittenFile> files = new ArrayList<>();
    for (JsonNode file : root.path("files")) {
      files.add(new WrittenFile(file.path("path").asText(), file.path("rows").asLong(-1),
          file.path("bytes").asLong(-1), file.path("sha256").asText()));
    }
    return files;
  }

  /**
   * The paths, relative to the folder, of the Parquet files it lists under {@code data/} at any
   * depth (one folder per split), in its order: the rows of an SFT dataset.
   */
  public List<String> parquetDataFiles() {
    List<String> paths = new ArrayList<>();
    for (WrittenFile file : files()) {
      if (file.path().startsWith(WrittenFile.DATA_FOLDER + "/") && file.path().endsWith(".parquet")) {
        paths.add(file.path());
      }
    }
    return paths;
  }

  /** How a folder's entry differs from the manifest's list: where a dataset is not what it says. */
  public record Mismatch(Kind kind, String path) {
    public enum Kind {
      /** A symbolic link: a dataset holds plain files only. */
      LINK,
      /** Something else that is not a plain file (a device, a socket). */
      SPECIAL,
      /** A file the manifest does not list. */
      EXTRA,
      /** A file the manifest lists that is not there. */
      MISSING
    }
  }

  /**
   * The first way {@code entries} (a folder's, from {@link DatasetFiles#list}) differ from the
   * files this manifest lists and the manifest itself: entries in their order, then the listed
   * files in theirs.
   */
  public Optional<Mismatch> firstMismatch(List<DatasetFiles.Entry> entries) {
    Set<String> listed = new HashSet<>();
    files().forEach(file -> listed.add(file.path()));
    Set<String> present = new HashSet<>();
    for (DatasetFiles.Entry entry : entries) {
      present.add(entry.path());
      if (entry.kind() != DatasetFiles.Kind.FILE) {
        return Optional.of(new Mismatch(
            entry.kind() == DatasetFiles.Kind.LINK ? Mismatch.Kind.LINK : Mismatch.Kind.SPECIAL, entry.path()));
      }
      if (!entry.path().equals(WriteManifest.FILE_NAME) && !listed.contains(entry.path())) {
        return Optional.of(new Mismatch(Mismatch.Kind.EXTRA, entry.path()));
      }
    }
    for (WrittenFile file : files()) {
      if (!present.contains(file.path())) {
        return Optional.of(new Mismatch(Mismatch.Kind.MISSING, file.path()));
      }
    }
    return Optional.empty();
  }

  /** The whole manifest, for a reader of sections this class does not name (options, quality). */
  public JsonNode json() {
    return root;
  }

  public String command() {
    return root.path("command").asText();
  }

  public JsonNode counts() {
    return root.path("counts");
  }

  public JsonNode errorRate() {
    return root.path("error_rate");
  }

  /** A top-level section ({@code options}, {@code labels}, {@code deduplication}…); missing when absent. */
  public JsonNode section(String name) {
    return root.path(name);
  }
}
