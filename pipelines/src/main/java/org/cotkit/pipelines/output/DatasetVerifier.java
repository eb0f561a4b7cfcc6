package org.cotkit.pipelines.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.cotkit.pipelines.io.ChannelInputFile;
import org.cotkit.pipelines.io.StableHash;
import org.cotkit.pipelines.io.WrittenFile;
import org.cotkit.pipelines.manifest.DroppedQuestions;
import org.cotkit.pipelines.manifest.WriteManifest;

/**
 * Checks a dataset folder against its manifest: every listed file is there with its size, SHA-256
 * and row count, nothing else is, and the counts balance with the files and with each other. The
 * first problem found is the answer; checks go from the cheap (what is there) to the costly (the
 * bytes of every file).
 */
public final class DatasetVerifier {

  /** What a check found: {@code problem} is null when everything holds. */
  public record Result(String problem, int files, long dataRows, long deadLetters, boolean errorRateExceeded) {
    public boolean ok() {
      return problem == null;
    }
  }

  private DatasetVerifier() {}

  /** @throws IOException when the folder cannot be listed or read */
  public static Result verify(String dataset) throws IOException {
    Optional<DatasetManifest> read = DatasetManifest.read(dataset);
    if (read.isEmpty()) {
      return problem(WriteManifest.FILE_NAME + " is missing: not a complete cotkit dataset (a run that did not "
          + "finish, or not written by cotkit)");
    }
    DatasetManifest manifest = read.get();
    if (!manifest.isCotkit()) {
      return problem(WriteManifest.FILE_NAME + " is not a cotkit manifest (no command, version and counts)");
    }
    if (!manifest.listsFiles()) {
      return problem(WriteManifest.FILE_NAME + " lists no files (an earlier cotkit build wrote it), so there is "
          + "nothing to verify against; run the command again to get a manifest that lists its files");
    }
    List<WrittenFile> listed = manifest.files();
    DatasetManifest.Mismatch mismatch = manifest.firstMismatch(DatasetFiles.list(dataset)).orElse(null);
    if (mismatch != null) {
      return problem(mismatch.path() + switch (mismatch.kind()) {
        case EXTRA -> " is an extra file: the manifest does not list it";
        case MISSING -> " is missing (the manifest lists it)";
        case LINK -> " is a symbolic link: a dataset holds plain files only";
        case SPECIAL -> " is a special file: a dataset holds plain files only";
      });
    }
    long dataRows = 0;
    long deadLetters = 0;
    long duplicates = 0;
    long contaminated = 0;
    for (WrittenFile file : listed) {
      String problem = check(dataset, file);
      if (problem != null) {
        return problem(file.path() + " " + problem);
      }
      if (file.path().startsWith(WrittenFile.DATA_FOLDER + "/")) {
        dataRows += file.rows();
      } else if (file.path().startsWith(WrittenFile.ERRORS_FOLDER + "/")) {
        deadLetters += file.rows();
      } else if (file.path().startsWith(WrittenFile.DUPLICATES_FOLDER + "/")) {
        duplicates += file.rows();
      } else if (file.path().startsWith(WrittenFile.CONTAMINATION_FOLDER + "/")) {
        contaminated += file.rows();
      }
    }
    String countsProblem = checkCounts(manifest.counts(), dataRows, deadLetters);
    if (countsProblem == null) {
      countsProblem = checkListings(manifest.counts(), duplicates, contaminated);
    }
    if (countsProblem != null) {
      return problem(countsProblem);
    }
    return new Result(null, listed.size(), dataRows, deadLetters, manifest.errorRate().path("exceeded").asBoolean());
  }

  /** The counts against each other and against the rows of the files. */
  static String checkCounts(JsonNode counts, long dataRows, long deadLetters) {
    long read = counts.path("records_read").asLong();
    long written = counts.path("records_written").asLong();
    long dead = counts.path("dead_lettered").asLong();
    long filtered = counts.path("filtered").asLong();
    if (!counts.path("balanced").asBoolean() || read != written + dead + filtered) {
      return "the manifest's counts do not balance: " + read + " records read, " + written + " written, " + dead
          + " dead-lettered, " + filtered + " filtered";
    }
    // commands that write rows (several per record) count them; the others write one row per record
    String rowsKey = counts.has("rows_written") ? "rows_written" : "records_written";
    long rows = counts.path(rowsKey).asLong();
    if (rows != dataRows) {
      return "the data files hold " + dataRows + " rows, the manifest's " + rowsKey + " says " + rows;
    }
    if (dead != deadLetters) {
      return "the error files hold " + deadLetters + " dead letters, the manifest's dead_lettered says " + dead;
    }
    return null;
  }

  /** The dropped records' listings against the counts of records dropped. */
  static String checkListings(JsonNode counts, long duplicates, long contaminated) {
    JsonNode byReason = counts.path("filtered_by_reason");
    long counted = byReason.path(DroppedQuestions.DUPLICATE).asLong()
        + byReason.path(DroppedQuestions.NEAR_DUPLICATE).asLong();
    if (counted != duplicates) {
      return "the files in " + WrittenFile.DUPLICATES_FOLDER + "/ list " + duplicates + " records, the manifest's "
          + "duplicate and near_duplicate counts say " + counted;
    }
    long listedAsContaminated = byReason.path(DroppedQuestions.CONTAMINATED).asLong();
    if (listedAsContaminated != contaminated) {
      return "the files in " + WrittenFile.CONTAMINATION_FOLDER + "/ list " + contaminated + " records, the "
          + "manifest's contaminated count says " + listedAsContaminated;
    }
    return null;
  }

  /** One file against its entry; null when it matches. */
  private static String check(String dataset, WrittenFile file) throws IOException {
    MatchResult.Metadata metadata = FileSystems.matchSingleFileSpec(dataset + "/" + file.path());
    if (metadata.sizeBytes() < file.bytes()) {
      return "is truncated (or replaced by a shorter file): " + metadata.sizeBytes() + " bytes, the manifest says "
          + file.bytes();
    }
    if (metadata.sizeBytes() != file.bytes()) {
      return "has changed: " + metadata.sizeBytes() + " bytes, the manifest says " + file.bytes();
    }
    if (!sha256(metadata).equals(file.sha256())) {
      return "has changed: its SHA-256 differs from the manifest's";
    }
    long rows;
    try {
      rows = file.path().endsWith(".parquet") ? parquetRows(metadata) : lines(metadata);
    } catch (IOException | RuntimeException e) {
      return "cannot be read: " + e.getMessage();
    }
    if (rows != file.rows()) {
      return "holds " + rows + " rows, the manifest says " + file.rows();
    }
    return null;
  }

  private static long parquetRows(MatchResult.Metadata file) throws IOException {
    try (ParquetFileReader reader = ParquetFileReader.open(new ChannelInputFile(file))) {
      return reader.getRecordCount();
    }
  }

  private static long lines(MatchResult.Metadata file) throws IOException {
    long lines = 0;
    try (InputStream in = Channels.newInputStream(FileSystems.open(file.resourceId()))) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            lines++;
          }
        }
      }
    }
    return lines;
  }

  private static String sha256(MatchResult.Metadata file) throws IOException {
    MessageDigest digest = StableHash.sha256();
    try (ReadableByteChannel channel = FileSystems.open(file.resourceId())) {
      ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
      while (channel.read(buffer) >= 0) {
        buffer.flip();
        digest.update(buffer);
        buffer.clear();
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static Result problem(String problem) {
    return new Result(problem, 0, 0, 0, false);
  }
}
