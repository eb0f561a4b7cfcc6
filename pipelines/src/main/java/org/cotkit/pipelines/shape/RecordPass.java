package org.cotkit.pipelines.shape;

import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.resourcehints.ResourceHints;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.cotkit.pipelines.io.DeadLetter;
import org.cotkit.pipelines.io.InputChunk;
import org.cotkit.pipelines.io.WrittenFile;
import org.cotkit.pipelines.record.InputSettings;
import org.cotkit.pipelines.record.RecordBatchReader;

/**
 * The record pass: per chunk, in one step, read and parse a batch at a time and hand each batch to
 * the command's {@link RecordWork}, which writes its output file.
 *
 * <p>Why one step: the direct runner runs a pipeline one step at a time over the whole input and
 * keeps every step's output in memory until the next step has taken it. Between separate steps the
 * whole corpus would sit in memory; here only chunk descriptors flow in, counts, dead letters and
 * the entries of the files written flow out, and a worker holds one batch at a time. Runners that
 * fuse steps (Flink, Dataflow) run it just as well.
 *
 * <p>Counters (namespace {@code cotkit}): {@code records_read} as batches are read,
 * {@code records_finished} once a batch's output is written (blank lines and dead letters
 * included), {@code dead_lettered}; the work keeps its own.
 */
public final class RecordPass extends PTransform<PCollection<InputChunk>, PCollectionTuple> {

  /** Partial counts for the manifest, summed per chunk. */
  public static final TupleTag<KV<String, Long>> COUNTS = new TupleTag<>() {};
  public static final TupleTag<DeadLetter> DEAD_LETTERS = new TupleTag<>() {};
  /** The files written, for the manifest's file list. */
  public static final TupleTag<WrittenFile> FILES = new TupleTag<>() {};

  /** The manifest count of blank input lines. */
  public static final String BLANK_LINES = "filtered.blank_line";

  private final InputSettings input;
  private final RecordWork work;
  private final PCollectionView<Map<String, String>> statistics;
  private final ResourceHints hints;

  /**
   * @param statistics the result files of the corpus pass by name; null when the work needs none
   * @param hints the step's resource hints (an accelerator for a model scorer on CUDA)
   */
  public RecordPass(InputSettings input, RecordWork work, PCollectionView<Map<String, String>> statistics,
      ResourceHints hints) {
    this.input = input;
    this.work = work;
    this.statistics = statistics;
    this.hints = hints;
  }

  @Override
  public PCollectionTuple expand(PCollection<InputChunk> chunks) {
    ParDo.MultiOutput<InputChunk, KV<String, Long>> pass =
        ParDo.of(new RecordPassFn(input, work, statistics)).withOutputTags(COUNTS, TupleTagList.of(DEAD_LETTERS).and(FILES));
    if (statistics != null) {
      pass = pass.withSideInputs(statistics);
    }
    pass.setResourceHints(hints);
    PCollectionTuple out = chunks.apply("ReadAndWrite", pass);
    out.get(COUNTS).setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
    out.get(DEAD_LETTERS).setCoder(SerializableCoder.of(DeadLetter.class));
    out.get(FILES).setCoder(SerializableCoder.of(WrittenFile.class));
    return out;
  }

  private static final class RecordPassFn extends DoFn<InputChunk, KV<String, Long>> {
    private final InputSettings input;
    private final RecordWork work;
    private final PCollectionView<Map<String, String>> statistics;
    private final Counter recordsRead = Metrics.counter("cotkit", "records_read");
    private final Counter recordsFinished = Metrics.counter("cotkit", "records_finished");
    private final Counter deadLettered = Metrics.counter("cotkit", "dead_lettered");
    private transient RecordBatchReader reader;
    private transient RecordWork.BatchProcessor processor;

    RecordPassFn(InputSettings input, RecordWork work, PCollectionView<Map<String, String>> statistics) {
      this.input = input;
      this.work = work;
      this.statistics = statistics;
    }

    @Setup
    public void setup() {
      reader = new RecordBatchReader(input);
    }

    @ProcessElement
    public void process(@Element InputChunk chunk, ProcessContext context, MultiOutputReceiver out) {
      if (processor == null) {
        // the statistics are the same for the whole run: opened once per worker, on its first chunk
        processor = work.open(statistics == null
            ? CorpusStatistics.NONE
            : new CorpusStatistics(context.sideInput(statistics)));
      }
      Map<String, Long> counts = new TreeMap<>();
      BatchOutput batchOutput = new BatchOutput() {
        @Override
        public void deadLetter(DeadLetter letter) {
          deadLettered.inc();
          out.get(DEAD_LETTERS).output(letter);
        }

        @Override
        public void count(String key, long n) {
          counts.merge(key, n, Long::sum);
        }

        @Override
        public void file(WrittenFile file) {
          out.get(FILES).output(file);
        }
      };
      reader.read(chunk, batch -> {
        recordsRead.inc(batch.linesRead());
        batchOutput.count("records_read", batch.linesRead());
        if (batch.blankLines() > 0) {
          batchOutput.count(BLANK_LINES, batch.blankLines());
        }
        batch.deadLetters().forEach(batchOutput::deadLetter);
        if (!batch.records().isEmpty()) {
          processor.process(batch.records(), batchOutput);
        }
        recordsFinished.inc(batch.linesRead());
      });
      counts.forEach((key, n) -> out.get(COUNTS).output(KV.of(key, n)));
    }

    @Teardown
    public void teardown() {
      if (processor != null) {
        processor.close();
      }
    }
  }
}
