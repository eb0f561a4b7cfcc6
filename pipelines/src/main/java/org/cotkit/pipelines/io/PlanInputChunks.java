package org.cotkit.pipelines.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/**
 * Cuts the input files into {@link InputChunk}s of whole batches of {@code batchLines} lines and
 * spreads them over workers. Planning scans each uncompressed JSONL file once for line ends (no
 * decoding, no parsing), so a single large file is read, parsed and compressed on every worker,
 * not on one.
 *
 * <p>A chunk ends at the first batch boundary after it has reached its byte size: 1/32 of the
 * input, so that even a small input keeps every worker busy, but no more than 4 MiB (a chunk can
 * pass that by up to one batch). A chunk of one batch costs the embedded runner a fixed few
 * milliseconds per step (it serialises each step's function for every bundle), which adds up over
 * thousands of 500-line chunks (BENCHMARKS.md has the profile). A worker still holds one batch at a time, so memory
 * does not grow with the chunk.
 */
public final class PlanInputChunks extends PTransform<PBegin, PCollection<InputChunk>> {

  /** Chunks an input is cut into at least, where it has enough batches. */
  static final int MIN_CHUNKS = 32;
  /** The largest byte size after which a chunk ends at the next batch boundary. */
  static final long MAX_CHUNK_BYTES = 4L << 20;

  private final String filePattern;
  private final InputFormat format;
  private final int batchLines;
  /** Bytes after which a chunk ends at the next batch boundary; 0: chosen from the input's size. */
  private final long chunkBytes;

  public PlanInputChunks(String filePattern, InputFormat format, int batchLines) {
    this(filePattern, format, batchLines, 0);
  }

  /** With a fixed chunk size in bytes, for tests: 1 makes every batch a chunk. */
  PlanInputChunks(String filePattern, InputFormat format, int batchLines, long chunkBytes) {
    if (batchLines < 1) {
      throw new IllegalArgumentException("lines per batch must be at least 1, got " + batchLines);
    }
    this.filePattern = filePattern;
    this.format = format;
    this.batchLines = batchLines;
    this.chunkBytes = chunkBytes;
  }

  /**
   * Files are matched once, when the pipeline is built, rather than by {@code FileIO.match()}
   * inside it: the input is a fixed set of files, and the match transform's own shuffle costs the
   * embedded runner as much time as reading a mid-sized corpus.
   *
   * @throws IllegalArgumentException when the pattern matches no file or cannot be listed
   */
  @Override
  public PCollection<InputChunk> expand(PBegin begin) {
    List<String> files = new ArrayList<>();
    long totalBytes = 0;
    try {
      for (MatchResult.Metadata file : FileSystems.match(filePattern, EmptyMatchTreatment.DISALLOW).metadata()) {
        files.add(file.resourceId().toString());
        totalBytes += file.sizeBytes();
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("--input '" + filePattern + "' matches no file (" + DeadLetter.oneLine(e) + ")", e);
    }
    TreeSet<String> arrayFiles = new TreeSet<>();
    for (String file : files) {
      if (jsonArray(file)) {
        arrayFiles.add(file);
      }
    }
    long bytes = chunkBytes > 0 ? chunkBytes : Math.max(1, Math.min(MAX_CHUNK_BYTES, totalBytes / MIN_CHUNKS));
    return begin
        .apply("InputFiles", Create.of(files).withCoder(StringUtf8Coder.of()))
        .apply("CutIntoChunks", ParDo.of(new CutFn(format, arrayFiles, batchLines, bytes)))
        .apply("SpreadChunks", Reshuffle.viaRandomKey());
  }

  /**
   * Whether a file is one JSON array, checked against the format asked for: a JSON array read as
   * JSON Lines would be thousands of dead letters of its pretty-printed lines, and JSON Lines read
   * as an array one error.
   *
   * @throws IllegalArgumentException naming the file and the format to use
   */
  private boolean jsonArray(String file) {
    if (format.isParquet(file)) {
      return false;
    }
    boolean array;
    try {
      array = JsonArrayFile.startsWithArray(file);
    } catch (IOException e) {
      return false; // the reader meets the same failure and dead-letters the file with it
    }
    if (array && format == InputFormat.JSONL) {
      throw new IllegalArgumentException("--input file " + file + " holds a JSON array, not JSON Lines: read it with "
          + "--input-format json (or auto)");
    }
    if (!array && format == InputFormat.JSON) {
      throw new IllegalArgumentException("--input file " + file + " is not a JSON array (it does not start with '['): "
          + "read JSON Lines with --input-format jsonl (or auto)");
    }
    return array;
  }

  /** Whether a file can be read from a byte offset, and so be cut into several chunks. */
  public static boolean splittable(String file, InputFormat format) {
    return !format.isParquet(file) && Compression.detect(file) == Compression.UNCOMPRESSED;
  }

  private static final class CutFn extends DoFn<String, InputChunk> {
    private final InputFormat format;
    private final TreeSet<String> arrayFiles;
    private final int batchLines;
    private final long chunkBytes;

    CutFn(InputFormat format, TreeSet<String> arrayFiles, int batchLines, long chunkBytes) {
      this.format = format;
      this.arrayFiles = arrayFiles;
      this.batchLines = batchLines;
      this.chunkBytes = chunkBytes;
    }

    @ProcessElement
    public void process(@Element String file, OutputReceiver<InputChunk> out) {
      if (!splittable(file, format) || arrayFiles.contains(file)) {
        out.output(InputChunk.wholeFile(file));
        return;
      }
      long start = 0;
      long firstLine = 1;
      try (InputStream in = Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(file, false)))) {
        byte[] buffer = new byte[1 << 20];
        long offset = 0;
        long lines = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          for (int i = 0; i < n; i++) {
            if (buffer[i] == '\n' && ++lines % batchLines == 0 && offset + i + 1 - start >= chunkBytes) {
              long end = offset + i + 1;
              out.output(new InputChunk(file, start, end, firstLine));
              start = end;
              firstLine += lines;
              lines = 0;
            }
          }
          offset += n;
        }
      } catch (IOException | RuntimeException e) {
        // the reader meets the same failure at the same place and reports it as a dead letter
      }
      out.output(new InputChunk(file, start, InputChunk.TO_END, firstLine));
    }
  }
}
