package org.cotkit.pipelines.record;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.cotkit.pipelines.io.DeadLetter;
import org.cotkit.pipelines.io.InputChunk;
import org.cotkit.pipelines.io.InputChunkReader;
import org.cotkit.pipelines.io.RawRecord;
import org.cotkit.pipelines.io.RecordBatcher;

/**
 * The teacher records of one input chunk, read and parsed a batch at a time: the one way every pass
 * of every command reads its input. Not thread-safe: one per worker.
 */
public final class RecordBatchReader {

  /** The dead-letter stage of a record that could not be read as text. */
  public static final String READ = "read";
  /** The dead-letter stage of a record that is not a valid teacher record. */
  public static final String PARSE = "parse";

  /**
   * One batch of a chunk.
   *
   * @param linesRead lines (or rows) read, blank ones included
   * @param blankLines lines that were blank: neither records nor errors
   * @param deadLetters records that could not be read or parsed
   * @param records every other record, in input order
   */
  public record Batch(int linesRead, long blankLines, List<DeadLetter> deadLetters, List<TeacherRecord> records) {}

  private final InputChunkReader reader;
  private final int batchSize;
  private final TeacherRecordParser parser;

  public RecordBatchReader(InputSettings settings) {
    this.reader = new InputChunkReader(settings.format(), settings.limits().maxRecordBytes());
    this.batchSize = settings.recordsPerBatch();
    this.parser = new TeacherRecordParser(settings.mapping(), settings.preset(), settings.limits().maxRecordBytes(),
        settings.limits().stripControlChars(), settings.thinkMarkers());
  }

  /** Reads the chunk and hands on each batch of at most {@code --records-per-batch} lines, in order. */
  public void read(InputChunk chunk, Consumer<Batch> batches) {
    RecordBatcher<RawRecord> batcher = new RecordBatcher<>(batchSize, raw -> batches.accept(parse(raw)));
    reader.read(chunk, batcher::add);
    batcher.flush();
  }

  /** Parses one batch of lines; a record that cannot be parsed (or was not read) is a dead letter. */
  Batch parse(List<RawRecord> raw) {
    List<TeacherRecord> records = new ArrayList<>(raw.size());
    List<DeadLetter> deadLetters = new ArrayList<>(0);
    long blank = 0;
    for (RawRecord line : raw) {
      if (line.readError() == null && line.text().isBlank()) {
        blank++;
        continue;
      }
      try {
        records.add(parser.parse(line));
      } catch (InvalidRecordException e) {
        deadLetters.add(DeadLetter.of(line, line.readError() == null ? PARSE : READ, e.getMessage()));
      }
    }
    return new Batch(raw.size(), blank, deadLetters, records);
  }
}
