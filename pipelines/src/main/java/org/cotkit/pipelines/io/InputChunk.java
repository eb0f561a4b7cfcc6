package org.cotkit.pipelines.io;

import java.io.Serializable;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.SerializableCoder;

/**
 * A run of whole lines of one input file that one worker reads: the unit that spreads reading, and
 * everything after it, over workers even when the input is one large file. Files that cannot be
 * read from an offset (compressed JSONL), JSON array files and Parquet files are one chunk each.
 *
 * @param file the resource to read
 * @param start byte offset of the chunk's first line
 * @param end byte offset just past its last line; {@link #TO_END} for the rest of the file
 * @param firstLine 1-based number of its first line, so records keep their line numbers
 */
@DefaultCoder(SerializableCoder.class)
public record InputChunk(String file, long start, long end, long firstLine) implements Serializable {

  public static final long TO_END = Long.MAX_VALUE;

  public static InputChunk wholeFile(String file) {
    return new InputChunk(file, 0, TO_END, 1);
  }
}
