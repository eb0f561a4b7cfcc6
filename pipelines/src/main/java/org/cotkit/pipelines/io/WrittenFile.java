package org.cotkit.pipelines.io;

import java.io.Serializable;

/**
 * A file a run wrote into its dataset, as {@code manifest.json} lists it and {@code cotkit verify}
 * checks it.
 *
 * @param path relative to the dataset folder, with {@code /} between names ({@code data/part-….parquet})
 * @param rows the rows of a Parquet file, the lines of a JSONL file
 * @param bytes the file's size
 * @param sha256 the hex SHA-256 of its bytes
 */
public record WrittenFile(String path, long rows, long bytes, String sha256) implements Serializable {

  /** Under the dataset folder: the rows. */
  public static final String DATA_FOLDER = "data";

  /** Under the dataset folder: the dead letters. */
  public static final String ERRORS_FOLDER = "errors";

  /** Under the dataset folder: the records dropped as duplicates, one JSON line each. */
  public static final String DUPLICATES_FOLDER = "duplicates";

  /** Under the dataset folder: the records dropped for a benchmark overlap, one JSON line each. */
  public static final String CONTAMINATION_FOLDER = "contamination";

  /** The entry of a file {@code name} in {@code folder}, once {@link RenamedIntoPlace} wrote it. */
  public static WrittenFile in(String folder, String name, long rows, RenamedIntoPlace.Digest digest) {
    return new WrittenFile(folder + "/" + name, rows, digest.bytes(), digest.sha256());
  }
}
