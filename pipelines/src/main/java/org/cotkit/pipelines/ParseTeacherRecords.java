package org.cotkit.pipelines;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Parses batches of raw records into {@link TeacherRecord}s. Blank lines are counted in
 * {@link #BLANK_LINES} (filtered, never an error); every record that cannot be parsed goes to
 * {@link #DEAD_LETTERS} with its reason, and the run goes on.
 */
public final class ParseTeacherRecords extends PTransform<PCollection<List<RawRecord>>, PCollectionTuple> {

  public static final TupleTag<List<TeacherRecord>> RECORDS = new TupleTag<>() {};
  public static final TupleTag<DeadLetter> DEAD_LETTERS = new TupleTag<>() {};
  /** Number of blank lines per batch. */
  public static final TupleTag<Long> BLANK_LINES = new TupleTag<>() {};

  private final FieldMapping mapping;
  private final InputPreset preset;

  public ParseTeacherRecords(FieldMapping mapping, InputPreset preset) {
    this.mapping = mapping;
    this.preset = preset;
  }

  @Override
  public PCollectionTuple expand(PCollection<List<RawRecord>> batches) {
    PCollectionTuple parsed = batches.apply(
        "Parse",
        ParDo.of(new ParseFn(mapping, preset))
            .withOutputTags(RECORDS, TupleTagList.of(DEAD_LETTERS).and(BLANK_LINES)));
    parsed.get(RECORDS).setCoder(BatchCoder.of(TeacherRecord.class));
    parsed.get(BLANK_LINES).setCoder(VarLongCoder.of());
    return parsed;
  }

  /**
   * Parses a batch into {@code records}; a record that cannot be parsed (or was not read) goes to
   * {@code deadLetters}.
   *
   * @return the number of blank lines, which are neither records nor errors
   */
  static long parse(List<RawRecord> batch, TeacherRecordParser parser, List<TeacherRecord> records,
      Consumer<DeadLetter> deadLetters) {
    long blank = 0;
    for (RawRecord raw : batch) {
      if (raw.readError() == null && raw.text().isBlank()) {
        blank++;
        continue;
      }
      try {
        records.add(parser.parse(raw));
      } catch (InvalidRecordException e) {
        deadLetters.accept(DeadLetter.of(raw, raw.readError() == null ? "parse" : "read", e.getMessage()));
      }
    }
    return blank;
  }

  private static final class ParseFn extends DoFn<List<RawRecord>, List<TeacherRecord>> {
    private final FieldMapping mapping;
    private final InputPreset preset;
    private final Counter deadLettered = Metrics.counter("cotkit", "dead_lettered");
    private transient TeacherRecordParser parser;

    ParseFn(FieldMapping mapping, InputPreset preset) {
      this.mapping = mapping;
      this.preset = preset;
    }

    @Setup
    public void setup() {
      parser = new TeacherRecordParser(mapping, preset);
    }

    @ProcessElement
    public void process(@Element List<RawRecord> batch, MultiOutputReceiver out) {
      List<TeacherRecord> records = new ArrayList<>(batch.size());
      long blank = parse(batch, parser, records, letter -> {
        deadLettered.inc();
        out.get(DEAD_LETTERS).output(letter);
      });
      if (!records.isEmpty()) {
        out.get(RECORDS).output(records);
      }
      if (blank > 0) {
        out.get(BLANK_LINES).output(blank);
      }
    }
  }
}
