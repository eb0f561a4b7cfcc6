package org.cotkit.pipelines;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.Wait;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.cotkit.compressors.BigramModel;
import org.cotkit.compressors.ForcedWords;
import org.cotkit.compressors.SelfInformationScorer;

/**
 * {@code cotkit compress} with the self-information scorer, a chunk of input at a time in one step:
 * fit the bigram model on every chunk first ({@link FitBigramModelOnChunks}), then read, parse,
 * choose, score, prune, format and write each chunk's Parquet files inside one call.
 *
 * <p>Why one step and not the step-by-step {@link CompressCots}: the direct runner runs a pipeline
 * one step at a time over the whole input and keeps every step's output in memory until the next
 * step has taken it, and it cannot score before the model (a side input) is complete. Between
 * separate steps, then, the whole corpus sits in memory. Here only chunk descriptors flow between
 * steps, and a worker holds one batch of records at a time, so memory stays flat however large the
 * input. Runners that fuse steps (Flink, Dataflow) run it just as well. The rows are the same ones
 * the step-by-step pipeline writes, in the same files.
 */
public final class CompressChunks extends PTransform<PCollection<InputChunk>, PCollectionTuple> {

  /** Partial counts for the manifest: records read and written, rows written. */
  public static final TupleTag<KV<String, Long>> COUNTS = new TupleTag<>() {};
  public static final TupleTag<DeadLetter> DEAD_LETTERS = new TupleTag<>() {};
  /** Number of blank lines per chunk. */
  public static final TupleTag<Long> BLANK_LINES = new TupleTag<>() {};

  private final ChunkCots.Settings input;
  private final TokenSkipSettings tokenSkip;
  private final String tempDirectory;

  /**
   * @param input how to read, parse and choose chains of thought
   * @param outputDirectory where the Parquet files go ({@code <output>/data})
   * @param tempDirectory where the bigram model is kept while the run needs it: a directory of that
   *     name and a unique suffix, made for the run and deleted at its end
   */
  public CompressChunks(TeacherInputOptions input, RatioAssignment assignment, ForcedWords forcedWords,
      TokenSkipFormat format, String split, String outputDirectory, String tempDirectory) {
    this.input = ChunkCots.Settings.of(input);
    this.tokenSkip = new TokenSkipSettings(assignment, forcedWords, format, split, outputDirectory);
    this.tempDirectory = tempDirectory + "-" + UUID.randomUUID();
  }

  /** What the compression step needs besides the input settings, carried to every worker. */
  private record TokenSkipSettings(RatioAssignment assignment, ForcedWords forcedWords, TokenSkipFormat format,
      String split, String outputDirectory) implements Serializable {}

  @Override
  public PCollectionTuple expand(PCollection<InputChunk> chunks) {
    PCollection<String> modelFile = chunks.apply("FitBigramModel", new FitBigramModelOnChunks(input, tempDirectory));
    PCollectionView<String> model = modelFile.apply("ModelFileAsSideInput", View.asSingleton());
    PCollectionTuple out = chunks.apply(
        "CompressAndWrite",
        ParDo.of(new CompressChunkFn(input, tokenSkip, model))
            .withSideInputs(model)
            .withOutputTags(COUNTS, TupleTagList.of(DEAD_LETTERS).and(BLANK_LINES)));
    out.get(COUNTS).setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
    out.get(DEAD_LETTERS).setCoder(SerializableCoder.of(DeadLetter.class));
    out.get(BLANK_LINES).setCoder(VarLongCoder.of());
    modelFile
        .apply("AfterCompressing", Wait.on(out.get(COUNTS)))
        .apply("DeleteModelFile", ParDo.of(new DeleteModelFileFn()));
    return out;
  }

  /** Deletes the model's file and its temporary directory, once every chunk is compressed. */
  private static final class DeleteModelFileFn extends DoFn<String, Void> {
    @ProcessElement
    public void process(@Element String modelFile) {
      SerializedFile.delete(List.of(modelFile, modelFile.substring(0, modelFile.lastIndexOf('/'))));
    }
  }

  /**
   * One model per JVM, shared by every worker thread of the step and read from its file once per
   * run, not once per chunk.
   */
  private static final class SharedModel {
    private static String path;
    private static BigramModel model;

    static synchronized BigramModel load(String modelFile) {
      if (!modelFile.equals(path)) {
        model = null; // the previous run's model can go before this one is read
        model = SerializedFile.read(modelFile, BigramModel.class);
        path = modelFile;
      }
      return model;
    }
  }

  private static final class CompressChunkFn extends DoFn<InputChunk, KV<String, Long>> {
    private final ChunkCots.Settings input;
    private final TokenSkipSettings tokenSkip;
    private final PCollectionView<String> model;
    // the counters of the step-by-step pipeline, so progress reads the same either way
    private final Counter recordsRead = Metrics.counter("cotkit", "records_read");
    private final Counter recordsScored = Metrics.counter("cotkit", "records_scored");
    private final Counter wordsScored = Metrics.counter("cotkit", "words_scored");
    private final Counter deadLettered = Metrics.counter("cotkit", "dead_lettered");
    private final Counter rowsWritten = Metrics.counter("cotkit", "rows_written");
    private final Counter filesWritten = Metrics.counter("cotkit", "files_written");
    private transient ChunkCots chunkCots;
    private transient CotScoring scoring;
    private transient CotPruning pruning;

    CompressChunkFn(ChunkCots.Settings input, TokenSkipSettings tokenSkip, PCollectionView<String> model) {
      this.input = input;
      this.tokenSkip = tokenSkip;
      this.model = model;
    }

    @Setup
    public void setup() {
      chunkCots = new ChunkCots(input);
      scoring = new CotScoring();
      pruning = new CotPruning(tokenSkip.assignment(), tokenSkip.forcedWords(), SimpleSource.SHORT_COT);
    }

    @ProcessElement
    public void process(@Element InputChunk chunk, ProcessContext context, MultiOutputReceiver out) {
      SelfInformationScorer scorer = new SelfInformationScorer(SharedModel.load(context.sideInput(model)));
      long[] counts = new long[4]; // records read, blank lines, records written, rows written
      chunkCots.read(chunk, batch -> {
        counts[0] += batch.recordsRead();
        counts[1] += batch.blankLines();
        recordsRead.inc(batch.recordsRead());
        batch.deadLetters().forEach(letter -> deadLetter(out, letter));
        List<ScoredCot> scored = scoring.score(batch.cots(), scorer,
            (cot, reason) -> deadLetter(out, DeadLetter.of(cot.record().origin(), "score", reason)));
        recordsScored.inc(scored.size());
        wordsScored.inc(CotScoring.words(scored));
        List<CompressedRecord> compressed = pruning.prune(scored,
            (cot, reason) -> deadLetter(out, DeadLetter.of(cot.input().record().origin(), "prune", reason)));
        if (compressed.isEmpty()) {
          return;
        }
        KV<String, List<SftExample>> rows =
            FormatTokenSkipExamples.examples(compressed, tokenSkip.format(), tokenSkip.split());
        try {
          SftParquetFile.write(tokenSkip.outputDirectory(), rows.getKey(), rows.getValue());
        } catch (IOException e) {
          // a retry of the chunk rewrites the same files, so failing the bundle loses nothing
          throw new IllegalStateException("cannot write " + tokenSkip.outputDirectory() + ": " + e.getMessage(), e);
        }
        counts[2] += compressed.size();
        counts[3] += rows.getValue().size();
        rowsWritten.inc(rows.getValue().size());
        filesWritten.inc();
      });
      out.get(COUNTS).output(KV.of("records_read", counts[0]));
      out.get(COUNTS).output(KV.of("records_written", counts[2]));
      out.get(COUNTS).output(KV.of(WriteSftParquet.ROWS_WRITTEN, counts[3]));
      if (counts[1] > 0) {
        out.get(BLANK_LINES).output(counts[1]);
      }
    }

    private void deadLetter(MultiOutputReceiver out, DeadLetter letter) {
      deadLettered.inc();
      out.get(DEAD_LETTERS).output(letter);
    }
  }
}
