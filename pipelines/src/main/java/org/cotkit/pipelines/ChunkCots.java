package org.cotkit.pipelines;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The chains of thought of one input chunk, a batch at a time: read, parsed and chosen exactly as
 * the step-by-step pipeline does ({@link ReadTeacherInput}, {@link ParseTeacherRecords},
 * {@link SelectCot}), for steps that do all the work of a chunk in one call. Not thread-safe: one
 * per worker.
 */
final class ChunkCots {

  /**
   * One batch of a chunk.
   *
   * @param recordsRead lines (or rows) read, blank ones included
   * @param blankLines lines that were blank
   * @param deadLetters records that could not be read or parsed
   * @param cots the chosen chain of thought of every other record
   */
  record Batch(int recordsRead, long blankLines, List<DeadLetter> deadLetters, List<CotToCompress> cots) {}

  /** How to read, parse and choose: the input options, copied so that a step can carry them to workers. */
  record Settings(ReadTeacherInput.Format format, int batchSize, String fieldMap, InputPreset preset,
      CotPreference cot) implements Serializable {

    static Settings of(TeacherInputOptions options) {
      return new Settings(options.getInputFormat(), options.getRecordsPerBatch(), options.getFieldMap(),
          options.getPreset(), options.getCot());
    }
  }

  private final InputChunkReader reader;
  private final int batchSize;
  private final TeacherRecordParser parser;
  private final CotPreference preference;

  ChunkCots(Settings settings) {
    this.reader = new InputChunkReader(settings.format());
    this.batchSize = settings.batchSize();
    this.parser = new TeacherRecordParser(FieldMapping.parse(settings.fieldMap()), settings.preset());
    this.preference = settings.cot();
  }

  /** Reads the chunk and hands on each batch of at most {@code --records-per-batch} records, in order. */
  void read(InputChunk chunk, Consumer<Batch> batches) {
    RecordBatcher<RawRecord> batcher = new RecordBatcher<>(batchSize, raw -> batches.accept(batch(raw)));
    reader.read(chunk, batcher::add);
    batcher.flush();
  }

  private Batch batch(List<RawRecord> raw) {
    List<TeacherRecord> records = new ArrayList<>(raw.size());
    List<DeadLetter> deadLetters = new ArrayList<>(0);
    long blank = ParseTeacherRecords.parse(raw, parser, records, deadLetters::add);
    List<CotToCompress> cots = new ArrayList<>(records.size());
    for (TeacherRecord record : records) {
      cots.add(SelectCot.choose(record, preference));
    }
    return new Batch(raw.size(), blank, deadLetters, cots);
  }
}
