package org.cotkit.pipelines;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;
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
 * Cuts the input files into {@link InputChunk}s of {@code linesPerChunk} lines and spreads them over
 * workers. Planning scans each uncompressed JSONL file once for line ends (no decoding, no
 * parsing), so a single large file is read, parsed and compressed on every worker, not on one.
 */
public final class PlanInputChunks extends PTransform<PBegin, PCollection<InputChunk>> {

  private final String filePattern;
  private final ReadTeacherInput.Format format;
  private final int linesPerChunk;

  public PlanInputChunks(String filePattern, ReadTeacherInput.Format format, int linesPerChunk) {
    if (linesPerChunk < 1) {
      throw new IllegalArgumentException("lines per chunk must be at least 1, got " + linesPerChunk);
    }
    this.filePattern = filePattern;
    this.format = format;
    this.linesPerChunk = linesPerChunk;
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
    try {
      for (MatchResult.Metadata file : FileSystems.match(filePattern, EmptyMatchTreatment.DISALLOW).metadata()) {
        files.add(file.resourceId().toString());
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("--input '" + filePattern + "' matches no file (" + DeadLetter.oneLine(e) + ")", e);
    }
    return begin
        .apply("InputFiles", Create.of(files).withCoder(StringUtf8Coder.of()))
        .apply("CutIntoChunks", ParDo.of(new CutFn(format, linesPerChunk)))
        .apply("SpreadChunks", Reshuffle.viaRandomKey());
  }

  /** Whether a file can be read from a byte offset, and so be cut into several chunks. */
  static boolean splittable(String file, ReadTeacherInput.Format format) {
    return !ReadTeacherInput.isParquet(file, format) && Compression.detect(file) == Compression.UNCOMPRESSED;
  }

  private static final class CutFn extends DoFn<String, InputChunk> {
    private final ReadTeacherInput.Format format;
    private final int linesPerChunk;

    CutFn(ReadTeacherInput.Format format, int linesPerChunk) {
      this.format = format;
      this.linesPerChunk = linesPerChunk;
    }

    @ProcessElement
    public void process(@Element String file, OutputReceiver<InputChunk> out) {
      if (!splittable(file, format)) {
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
            if (buffer[i] == '\n' && ++lines == linesPerChunk) {
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
